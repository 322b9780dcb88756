import { existsSync } from 'node:fs';
import { detectors } from '../detectors/index.js';
import { isoSeconds, buildConversationReport } from '../src/report/json.js';
import { renderConversationPdf } from '../src/report/pdf.js';
import { conversationExtraReasons } from '../src/risk/extra-reasons.js';
import { disposeScannedFile, scanFile } from '../src/scan.js';
import { GENERATOR_VERSION, removeStaleVersions, writeExport } from './bench-data.js';

/**
 * The PDF case of `npm run bench`: one 500-message group conversation (the realistic mix of
 * `bench-data.ts`), scanned and turned into its report once, then rendered 1 + 10 times.
 * `timeConversationPdf` is the only glue to the report internals: adapt it when they change.
 */

export const PDF_MESSAGES = 500;
export const PDF_SAMPLE = `bench-data/pdf-${PDF_MESSAGES}-v${GENERATOR_VERSION}/WhatsApp Chat mit Projekt Nordstern.txt`;

/** Writes the sample export unless it is there. */
export async function ensurePdfSample(path = PDF_SAMPLE): Promise<void> {
  if (existsSync(path)) return;
  await removeStaleVersions(path.slice(0, path.lastIndexOf('/')));
  // A busy work group: 500 messages over about ten days.
  await writeExport(
    path,
    { messages: PDF_MESSAGES },
    { seed: 500, group: true, meanGapSeconds: 1800 },
  );
}

export interface PdfTiming {
  messages: number;
  findings: number;
  pdfBytes: number;
  /** The first render of the process (font loading and shaping warm-up). */
  warmupMs: number;
  timesMs: number[];
  medianMs: number;
  maxMs: number;
}

/**
 * Scan → conversation report → `renderConversationPdf`, 1 warm-up plus `runs` timed renders.
 * Mirrors what `renderFile` (src/report/render-file.ts) does for one conversation's PDF.
 */
export async function timeConversationPdf(path = PDF_SAMPLE, runs = 10): Promise<PdfTiming> {
  const scanned = await scanFile(path, detectors, { reveal: false });
  const conversation = scanned.conversations[0];
  if (!conversation) {
    throw new Error(
      `${path}: no conversation (${scanned.errors.map((e) => e.format()).join('; ')})`,
    );
  }
  try {
    const { report, view } = buildConversationReport(conversation, {
      generatedAt: isoSeconds(new Date()),
      version: 'bench',
      reveal: false,
      extraReasons: conversationExtraReasons(conversation, { reveal: false }),
    });
    const render = async (): Promise<{ ms: number; bytes: number }> => {
      const start = process.hrtime.bigint();
      const pdf = await renderConversationPdf(report, view);
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: pdf.length };
    };
    const warmup = await render();
    const timesMs: number[] = [];
    for (let i = 0; i < runs; i++) timesMs.push((await render()).ms);
    const sorted = [...timesMs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return {
      messages: report.conversation.messageCount,
      findings: report.summary.findings,
      pdfBytes: warmup.bytes,
      warmupMs: warmup.ms,
      timesMs,
      medianMs: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
      maxMs: sorted[sorted.length - 1]!,
    };
  } finally {
    disposeScannedFile(scanned);
  }
}
