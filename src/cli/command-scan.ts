import { stat } from 'node:fs/promises';
import { InvalidArgumentError } from 'commander';
import pLimit from 'p-limit';
import { ExitCode, InputError } from '../errors.js';
import { discoverInputs } from '../ingest/discover.js';
import type { Severity } from '../model/finding.js';
import { CATEGORIES, SEVERITIES } from '../model/finding.js';
import { isoSeconds } from '../report/json.js';
import { buildRunSummary } from '../report/summary.js';
import type { SummaryEntry } from '../report/types.js';
import {
  OutputError,
  REPORT_FORMATS,
  ReportWriter,
  type ReportFormat,
} from '../report/write-reports.js';
import { conversationExtraReasons, type ExtraReasonSource } from '../risk/extra-reasons.js';
import { RISK_LEVELS } from '../risk/score.js';
import { fromInputErrorData } from '../report/render-file.js';
import { createScanPool, isOutOfMemory } from '../run/scan-pool.js';
import { groupOnlyFindings, runScanTask, type ScanTaskResult } from '../run/scan-task.js';
import { runSplitScanTask } from '../run/split-scan.js';
import { severityRank } from '../scan.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';
import { createProgress } from './progress.js';

export const DEFAULT_OUT = './chatleak-reports';

/** `--format json,pdf` → the formats, or a usage error naming the allowed ones. */
export function parseReportFormats(value: string): ReportFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `expected a comma-separated list of ${REPORT_FORMATS.join(', ')}`,
    );
  }
  return [...new Set(formats)] as ReportFormat[];
}

export interface ScanOptions {
  quiet: boolean;
  /** Files scanned at once, each on a worker thread. */
  concurrency: number;
  /** The user set --concurrency: use worker threads even for a small run. */
  concurrencyExplicit?: boolean;
  failOn: Severity;
  reveal: boolean;
  /** Folder for the reports. */
  out: string;
  /** Report formats to write (`summary.json` is always written). */
  format: ReportFormat[];
  /** Print the run summary JSON to stdout. */
  json: boolean;
  /** Exit 2 when anything was not examined (failed inputs, unparsed lines, skipped zip entries). */
  failOnIncomplete?: boolean;
}

/** What tests may replace: the clock and the conversation-level reasons. */
export interface ScanRuntime {
  now?: () => Date;
  extraReasons?: ExtraReasonSource;
}

/** Rough single-thread cost of a run (measured: ~4 MB/s on chat with work talk, ~0.1 s per PDF). */
const SECONDS_PER_MB = 0.25;
const SECONDS_PER_PDF = 0.1;
/** A worker thread pays ~2 s to load detectors and fonts: worth it only for longer runs. */
const MIN_SECONDS_FOR_WORKERS = 6;

/** Files from this size on are split over all worker threads (see split-scan.ts). */
const SPLIT_MIN_BYTES = 16 * 1024 * 1024;

function estimateSeconds(
  sizes: readonly number[],
  formats: readonly string[],
): { seconds: number; largest: number } {
  let bytes = 0;
  let largest = 0;
  for (const size of sizes) {
    bytes += size;
    largest = Math.max(largest, size);
  }
  const pdfs = formats.includes('pdf') ? sizes.length * SECONDS_PER_PDF : 0;
  return { seconds: (bytes / 1048576) * SECONDS_PER_MB + pdfs, largest };
}

function atOrAbove(bySeverity: Readonly<Record<Severity, number>>, failOn: Severity): number {
  const min = severityRank(failOn);
  return SEVERITIES.filter((s) => severityRank(s) >= min).reduce((n, s) => n + bySeverity[s], 0);
}

/**
 * `chatleak scan <inputs...>`: scans every input (p-limit bounds how many are open at once) and
 * writes the reports of each file in input order as soon as it and the files before it are done,
 * so report names are the same on every run and memory holds only files still waiting.
 */
export async function runScan(
  inputs: string[],
  options: ScanOptions,
  io: CliIo,
  runtime: ScanRuntime = {},
): Promise<number> {
  const { files, errors } = await discoverInputs(inputs);
  const failed: InputError[] = [...errors];
  const progress = createProgress(io.stderr, {
    enabled: io.isTTY && !options.quiet,
    files: files.length,
  });
  for (const error of errors) progress.log(`chatleak: ${error.format()}`);
  if (files.length === 0) {
    // Nothing to scan (every input missing, or folders without exports): no reports either.
    progress.done();
    if (errors.length === 0)
      io.stderr.write('chatleak: no chat exports found in the given inputs\n');
    return ExitCode.Fatal;
  }

  const generatedAt = isoSeconds((runtime.now ?? (() => new Date()))());
  const writer = new ReportWriter({
    outDir: options.out,
    formats: new Set(options.format),
    reveal: options.reveal,
    generatedAt,
    version: VERSION,
    extraReasons: runtime.extraReasons ?? conversationExtraReasons,
  });
  try {
    await writer.prepare([...inputs, ...files]);
  } catch (error) {
    progress.done();
    io.stderr.write(`chatleak: ${error instanceof OutputError ? error.format() : String(error)}\n`);
    return ExitCode.Fatal;
  }

  const entries: SummaryEntry[] = [];
  let skippedEntries = 0;
  let unparsedLines = 0;
  let atOrAboveFailOn = 0;
  let writeFailed = false;

  // Reports are committed strictly in input order: file i once files 0..i are scanned, so report
  // names are the same on every run whichever worker finishes first.
  const pending: Array<ScanTaskResult | undefined> = new Array<ScanTaskResult | undefined>(
    files.length,
  );
  let next = 0;
  let committing: Promise<void> = Promise.resolve();
  const commit = async (): Promise<void> => {
    while (next < files.length && pending[next]) {
      const result = pending[next]!;
      pending[next] = undefined;
      next++;
      const { rendered } = result;
      for (const data of rendered.errors) {
        const error = fromInputErrorData(data);
        progress.log(`chatleak: ${error.format()}`);
        failed.push(error);
      }
      skippedEntries += rendered.skippedEntries;
      try {
        for (const { entry } of await writer.commitFile(rendered)) entries.push(entry);
      } catch (error) {
        writeFailed = true;
        const reason = error instanceof OutputError ? error.format() : String(error);
        progress.log(`chatleak: ${reason}`);
        // The summary lists the input whose reports are missing, not only the folder.
        failed.push(new InputError(`reports not written: ${reason}`, rendered.path));
      }
      for (const { report } of rendered.conversations) {
        unparsedLines += report.coverage.unparsedLines;
        atOrAboveFailOn += atOrAbove(report.summary.bySeverity, options.failOn);
      }
      if (pool) progress.fileDone(result.findings, result.messages);
      else progress.fileDone(groupOnlyFindings(result));
    }
  };

  const sizes = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const cost = estimateSeconds(sizes, options.format);
  // A single large file is split by detector over two threads (see split-scan.ts).
  const threads = Math.min(
    Math.max(1, options.concurrency),
    Math.max(files.length, cost.largest >= SPLIT_MIN_BYTES ? options.concurrency : 1),
  );
  // Tests replace the reasons with a function, which cannot cross into a worker thread.
  const pool =
    runtime.extraReasons === undefined &&
    threads > 1 &&
    (options.concurrencyExplicit || cost.seconds >= MIN_SECONDS_FOR_WORKERS)
      ? createScanPool(threads)
      : null;
  const render = writer.renderOptions();
  const inThisThread = (path: string): Promise<ScanTaskResult> =>
    runScanTask(
      { path, render },
      {
        onMessage: (found) => progress.message(found),
        ...(runtime.extraReasons ? { extraReasons: runtime.extraReasons } : {}),
      },
    );
  const scanOne = async (path: string, size: number): Promise<ScanTaskResult> => {
    if (!pool) return inThisThread(path);
    try {
      return size >= SPLIT_MIN_BYTES
        ? await runSplitScanTask(
            { path, render },
            threads,
            (part) => pool.runPart(part),
            (merge) => pool.runMerge(merge),
          )
        : await pool.run({ path, render });
    } catch (error) {
      if (!isOutOfMemory(error)) throw error;
      return inThisThread(path);
    }
  };
  const limit = pLimit(pool ? threads : 1);
  try {
    await Promise.all(
      files.map((path, index) =>
        limit(async () => {
          try {
            pending[index] = await scanOne(path, sizes[index] ?? 0);
          } catch (error) {
            // Bad input is reported as errors; anything thrown is a bug, kept to this file.
            const reason = error instanceof Error ? error.message : String(error);
            pending[index] = {
              rendered: {
                path,
                conversations: [],
                errors: [{ message: `internal error while scanning (${reason})`, file: path }],
                skippedEntries: 0,
                writeError: null,
              },
              messages: 0,
              findings: 0,
            };
          }
          committing = committing.then(commit);
          await committing;
        }),
      ),
    );
    await committing;
  } finally {
    await pool?.destroy();
  }

  const summary = buildRunSummary({
    generatedAt,
    version: VERSION,
    inputs,
    formats: options.format,
    failOn: options.failOn,
    reveal: options.reveal,
    files: files.length,
    skippedEntries,
    entries,
    failed,
    atOrAboveFailOn,
  });
  let written: string[] = [];
  try {
    written = await writer.writeSummary(summary);
  } catch (error) {
    writeFailed = true;
    progress.log(`chatleak: ${error instanceof OutputError ? error.format() : String(error)}`);
  }
  progress.done();

  if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (!options.quiet) {
    const t = summary.totals;
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const byCategory = CATEGORIES.filter((c) => t.byCategory[c] > 0)
      .map((c) => `${c} ${t.byCategory[c]}`)
      .join(', ');
    const lines = [
      `${plural(t.files, 'file')}, ${plural(t.conversations, 'conversation')}, ${plural(t.messages, 'message')}, ` +
        `${plural(t.findings, 'finding')}${byCategory ? ` (${byCategory})` : ''}` +
        (failed.length > 0 ? `, ${plural(failed.length, 'input')} failed` : ''),
    ];
    if (t.conversations > 0) {
      lines.push(
        `risk: ${[...RISK_LEVELS]
          .reverse()
          .filter((l) => t.byLevel[l] > 0)
          .map((l) => `${t.byLevel[l]} ${l}`)
          .join(', ')}`,
      );
    }
    for (const entry of summary.conversations.slice(0, 3)) {
      if (entry.risk.level === 'none') break;
      const report = entry.reports.pdf ?? entry.reports.json;
      lines.push(
        `  ${entry.risk.level.toUpperCase()} ${entry.risk.score}  ${entry.conversation.title}` +
          (report ? `  → ${writer.displayPath(report)}` : ''),
      );
    }
    if (written.length > 0)
      lines.push(
        `reports in ${options.out} (${written.map((p) => p.split(/[\\/]/).pop()).join(', ')})`,
      );
    if (atOrAboveFailOn > 0) {
      lines.push(`${plural(atOrAboveFailOn, 'finding')} at or above --fail-on ${options.failOn}`);
    }
    io.stderr.write(lines.map((l) => `chatleak: ${l}\n`).join(''));
  }
  if (failed.length > 0 || writeFailed) return ExitCode.Fatal;
  if (options.failOnIncomplete && (unparsedLines > 0 || skippedEntries > 0)) {
    io.stderr.write(
      `chatleak: incomplete: ${unparsedLines} unparsed lines, ${skippedEntries} zip entries not examined (--fail-on-incomplete)\n`,
    );
    return ExitCode.Fatal;
  }
  return atOrAboveFailOn > 0 ? ExitCode.Findings : ExitCode.Clean;
}
