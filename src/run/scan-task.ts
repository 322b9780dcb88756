/**
 * One input file from start to finish, as a worker thread (or the main thread) runs it: scan,
 * write its reports under temp names, and return what the main thread needs to commit them and
 * to count the run. Plain data in and out, so it can cross a thread boundary.
 */
import type { Detector } from '../detect/detector.js';
import { InputError } from '../errors.js';
import type { ExtraReasonSource } from '../risk/extra-reasons.js';
import { GROUP_ONLY_TYPES } from '../risk/group-only.js';
import {
  renderFile,
  toInputErrorData,
  type RenderedFile,
  type RenderOptions,
} from '../report/render-file.js';
import { disposeScannedFile, scanFile, type ScannedFile } from '../scan.js';

/**
 * The detectors, loaded on first use: a main thread that only hands files to worker threads
 * never needs their models and tables in its own memory.
 */
export async function loadDetectors(): Promise<readonly Detector[]> {
  return (await import('../../detectors/index.js')).detectors;
}

export interface ScanTask {
  path: string;
  render: RenderOptions;
}

export interface ScanTaskResult {
  rendered: RenderedFile;
  /** Messages parsed, and findings kept in the reports (for progress). */
  messages: number;
  findings: number;
}

export interface ScanTaskHooks {
  /** Per message, with its findings that are not group-only (in-process runs only). */
  onMessage?: (findings: number) => void;
  /** Replaces the conversation-level reasons (tests; in-process runs only). */
  extraReasons?: ExtraReasonSource;
}

export async function runScanTask(
  task: ScanTask,
  hooks: ScanTaskHooks = {},
): Promise<ScanTaskResult> {
  const { render } = task;
  let file: ScannedFile;
  try {
    const detectors = await loadDetectors();
    file = await scanFile(task.path, detectors, {
      reveal: render.reveal,
      asOf: new Date(render.generatedAt),
      // Findings that do not fit in memory wait next to the reports, not in a shared /tmp.
      spillDir: render.outDir,
      ...(hooks.onMessage ? { onMessage: hooks.onMessage } : {}),
    });
  } catch (error) {
    // scanFile reports bad input as errors; anything thrown is a bug, kept to this file.
    const reason = error instanceof Error ? error.message : String(error);
    const failure = new InputError(`internal error while scanning (${reason})`, task.path);
    return {
      rendered: {
        path: task.path,
        conversations: [],
        errors: [toInputErrorData(failure)],
        skippedEntries: 0,
        writeError: null,
      },
      messages: 0,
      findings: 0,
    };
  }
  return renderScanned(file, render, hooks.extraReasons);
}

/**
 * Writes the reports of a scanned file under temp names and counts it for progress; removes
 * what the scan left on disk either way.
 */
export async function renderScanned(
  file: ScannedFile,
  render: RenderOptions,
  extraReasons?: ExtraReasonSource,
): Promise<ScanTaskResult> {
  try {
    const rendered = await renderFile(file, render, extraReasons);
    let messages = 0;
    let findings = 0;
    for (const { conversation, digest } of file.conversations) {
      messages += conversation.coverage.messages;
      findings += digest.findings;
    }
    return { rendered, messages, findings };
  } finally {
    disposeScannedFile(file);
  }
}

/** Findings of the kept group-only types of a result (progress counts them at the file's end). */
export function groupOnlyFindings(result: ScanTaskResult): number {
  let n = 0;
  for (const c of result.rendered.conversations) {
    for (const type of GROUP_ONLY_TYPES) n += c.report.summary.byType[type] ?? 0;
  }
  return n;
}
