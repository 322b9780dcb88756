import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { fromRecord } from '../../src/findings/record.js';
import { buildConversationReport, type BuiltReport } from '../../src/report/json.js';
import {
  FULL_TABLE_LIMIT,
  renderConversationPdf,
  selectForTable,
  TOP_PER_TYPE,
} from '../../src/report/pdf.js';
import { scanFile } from '../../src/scan.js';
import { pdfPages } from './pdf-text.js';

const SAMPLE = join(
  import.meta.dirname,
  '..',
  '..',
  'samples',
  'whatsapp',
  'WhatsApp Chat mit Vertrieb Süd.txt',
);

/**
 * A German sales group of about 500 messages: the sample's messages repeated on consecutive days
 * with every number varied, so most findings are distinct.
 */
async function bigGroupChat(days: number): Promise<string> {
  const lines = (await readFile(SAMPLE, 'utf8')).split('\n');
  const out: string[] = lines.slice(0, 5);
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2026, 8, 1 + day));
    const stamp = `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${String(date.getUTCFullYear()).slice(2)}`;
    for (const line of lines.slice(5)) {
      out.push(
        line
          .replace(/^\d\d\.\d\d\.\d\d/, stamp)
          .replace(/\+49 30 90182045/, `+49 30 9018${String(2000 + day).padStart(4, '0')}`)
          .replace(/Musterstraße 12/, `Musterstraße ${day + 1}`),
      );
    }
  }
  return out.join('\n');
}

async function reportFor(text: string, name: string): Promise<BuiltReport> {
  const dir = await mkdtemp(join(tmpdir(), 'chatleak-pdf-'));
  const path = join(dir, name);
  await writeFile(path, text);
  const scanned = await scanFile(path, detectors, { reveal: false });
  const [conversation] = scanned.conversations;
  if (!conversation) throw new Error('no conversation');
  return buildConversationReport(conversation, {
    generatedAt: '2026-11-23T10:00:00Z',
    version: '0.0.0-test',
    reveal: false,
  });
}

describe('conversation PDF', () => {
  let built: BuiltReport;
  let report: BuiltReport['report'];

  beforeAll(async () => {
    built = await reportFor(await bigGroupChat(12), 'WhatsApp Chat mit Vertrieb Süd.txt');
    report = built.report;
  });

  // Its speed (target 200 ms for 500 messages) is measured by the benchmark, not asserted here.
  it('renders a 500-message conversation to a PDF', async () => {
    expect(report.conversation.messageCount).toBeGreaterThanOrEqual(500);
    const pdf = await renderConversationPdf(report, built.view);
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows the top findings per type for a large conversation, with the header on every page', async () => {
    expect(report.summary.findings).toBeGreaterThan(FULL_TABLE_LIMIT);
    const { rows, omitted } = selectForTable([...built.findings()].map(fromRecord));
    expect(built.view.table).toEqual({ rows, omitted });
    const types = new Set([...built.findings()].map((r) => r.type));
    expect(rows.length).toBeLessThanOrEqual(types.size * TOP_PER_TYPE);
    expect(omitted.length).toBeGreaterThan(0);
    const pages = await pdfPages(await renderConversationPdf(report, built.view));
    const all = pages.join('\n');
    expect(all).toContain(`This conversation has ${report.summary.findings} findings`);
    expect(all).toContain('Not all shown:');
    const tablePages = pages.filter((p) => p.includes('Value (masked)'));
    expect(tablePages.length).toBeGreaterThan(1);
    const firstTable = pages.findIndex((p) => p.includes('Value (masked)'));
    // Every page after the first table page is a table page (header repeated).
    expect(pages.slice(firstTable).every((p) => p.includes('Value (masked)'))).toBe(true);
    expect(all).toContain('Findings over time (per day)');
  });

  it('keeps user text readable: emoji named, no replacement characters', async () => {
    const pages = await pdfPages(await renderConversationPdf(report, built.view));
    const all = pages.join('\n');
    expect(all).toContain('Anna Müller');
    expect(all).not.toContain('\uFFFD');
    expect(all).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
  });

  it('makes a short report for a conversation without findings', async () => {
    const quiet = await reportFor(
      ['01.02.26, 10:00 - Anna: Hallo', '01.02.26, 10:01 - Ben: Hi 👋'].join('\n'),
      'WhatsApp Chat mit Ben.txt',
    );
    expect(quiet.report.risk.level).toBe('none');
    const pages = await pdfPages(await renderConversationPdf(quiet.report, quiet.view));
    expect(pages[0]).toContain('NONE');
    expect(pages.join('\n')).toContain('No action needed');
    expect(pages.join('\n')).not.toContain('Value (masked)');
    expect(pages.length).toBeLessThanOrEqual(2);
  });
});
