import { InvalidArgumentError } from 'commander';
import pLimit from 'p-limit';
import { detectors } from '../../detectors/index.js';
import { ExitCode, InputError } from '../errors.js';
import { discoverInputs } from '../ingest/discover.js';
import type { Finding, Severity } from '../model/finding.js';
import { CATEGORIES } from '../model/finding.js';
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
import { GROUP_ONLY_TYPES } from '../risk/group-only.js';
import { RISK_LEVELS } from '../risk/score.js';
import { scanFile, severityRank, type ScannedFile } from '../scan.js';
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
  concurrency: number;
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

function atOrAbove(findings: readonly Finding[], failOn: Severity): number {
  const min = severityRank(failOn);
  return findings.filter((f) => severityRank(f.severity) >= min).length;
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

  // Reports are written strictly in input order: file i once files 0..i are scanned.
  const pending: Array<ScannedFile | undefined> = new Array<ScannedFile | undefined>(files.length);
  let next = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    while (next < files.length && pending[next]) {
      const result = pending[next]!;
      pending[next] = undefined;
      next++;
      for (const error of result.errors) {
        progress.log(`chatleak: ${error.format()}`);
        failed.push(error);
      }
      skippedEntries += result.skippedEntries;
      try {
        for (const { entry } of await writer.writeFile(result)) entries.push(entry);
      } catch (error) {
        writeFailed = true;
        progress.log(`chatleak: ${error instanceof OutputError ? error.format() : String(error)}`);
      }
      let groupOnly = 0;
      for (const { findings, conversation } of result.conversations) {
        unparsedLines += conversation.coverage.unparsedLines;
        atOrAboveFailOn += atOrAbove(findings, options.failOn);
        groupOnly += findings.filter((f) => GROUP_ONLY_TYPES.has(f.type)).length;
      }
      progress.fileDone(groupOnly);
    }
  };

  const limit = pLimit(Math.max(1, options.concurrency));
  await Promise.all(
    files.map((path, index) =>
      limit(async () => {
        try {
          pending[index] = await scanFile(path, detectors, {
            reveal: options.reveal,
            onMessage: (found) => progress.message(found),
          });
        } catch (error) {
          // scanFile reports bad input as errors; anything thrown is a bug, kept to this file.
          const reason = error instanceof Error ? error.message : String(error);
          pending[index] = {
            path,
            conversations: [],
            errors: [new InputError(`internal error while scanning (${reason})`, path)],
            skippedEntries: 0,
          };
        }
        writing = writing.then(flush);
        await writing;
      }),
    ),
  );
  await writing;

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
