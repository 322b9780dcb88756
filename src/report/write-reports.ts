/**
 * Writes the reports of a run: per conversation `<name>.json` and `<name>.pdf`, then
 * `summary.json` and `summary.pdf`. Every file is written atomically with mode 0600, and no path
 * that is one of the run's inputs is ever written.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ScannedConversation, ScannedFile } from '../scan.js';
import type { ExtraRiskReason } from '../risk/score.js';
import { NameRegistry, reportBaseName } from './file-names.js';
import { buildConversationReport } from './json.js';
import { renderConversationPdf } from './pdf.js';
import { renderSummaryPdf } from './summary-pdf.js';
import { summaryEntry } from './summary.js';
import type { ConversationReport, ReportFiles, RunSummary, SummaryEntry } from './types.js';
import { writeFileAtomic } from './write-atomic.js';

export type ReportFormat = 'json' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'pdf'];

export interface ReportWriterOptions {
  outDir: string;
  formats: ReadonlySet<ReportFormat>;
  reveal: boolean;
  generatedAt: string;
  version: string;
  /** Conversation-level risk reasons computed outside the scanner (work talk, …). */
  extraReasons?: (scanned: ScannedConversation, context: { reveal: boolean }) => ExtraRiskReason[];
}

export class OutputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }

  format(): string {
    return `${this.path}: ${this.message}`;
  }
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

export class ReportWriter {
  private readonly names = new NameRegistry();
  private readonly protectedPaths = new Set<string>();

  constructor(private readonly options: ReportWriterOptions) {}

  /**
   * Creates the output folder (mode 0700 when new) and remembers the inputs, which are never
   * overwritten. Throws `OutputError` when the folder cannot be used.
   */
  async prepare(inputs: readonly string[]): Promise<void> {
    for (const input of inputs) {
      this.protectedPaths.add(resolve(input));
      this.protectedPaths.add(await realpath(input).catch(() => resolve(input)));
    }
    const dir = this.options.outDir;
    if (this.protectedPaths.has(resolve(dir))) {
      throw new OutputError('is one of the inputs; choose another --out folder', dir);
    }
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const info = await stat(dir);
      if (!info.isDirectory()) throw new OutputError('is not a folder', dir);
    } catch (error) {
      if (error instanceof OutputError) throw error;
      throw new OutputError(`cannot create the report folder (${codeOf(error)})`, dir);
    }
  }

  /** Refuses to write over an input (also through a symlink). */
  private async checkTarget(path: string): Promise<void> {
    const real = await realpath(path).catch(() => resolve(path));
    if (this.protectedPaths.has(resolve(path)) || this.protectedPaths.has(real)) {
      throw new OutputError('is one of the inputs; refusing to overwrite it', path);
    }
  }

  private async write(path: string, data: string | Uint8Array): Promise<void> {
    await this.checkTarget(path);
    try {
      await writeFileAtomic(path, data);
    } catch (error) {
      throw new OutputError(`cannot write report (${codeOf(error)})`, path);
    }
  }

  /** The file name (no extension) for each conversation of a file, unique within the run. */
  private nameFor(file: ScannedFile, scanned: ScannedConversation): string {
    const meta = scanned.conversation;
    return this.names.claim(
      reportBaseName({
        path: meta.source.path,
        entry: meta.source.entry,
        title: meta.title,
        siblings: file.conversations.length,
      }),
    );
  }

  /** Writes the reports of every conversation of one scanned file; returns their summary entries. */
  async writeFile(
    file: ScannedFile,
  ): Promise<Array<{ report: ConversationReport; entry: SummaryEntry }>> {
    const out: Array<{ report: ConversationReport; entry: SummaryEntry }> = [];
    for (const scanned of file.conversations) {
      const name = this.nameFor(file, scanned);
      const report = buildConversationReport(scanned, {
        generatedAt: this.options.generatedAt,
        version: this.options.version,
        reveal: this.options.reveal,
        skippedEntries: file.skippedEntries,
        extraReasons: this.options.extraReasons?.(scanned, { reveal: this.options.reveal }) ?? [],
      });
      const files: ReportFiles = { json: null, pdf: null };
      if (this.options.formats.has('json')) {
        files.json = `${name}.json`;
        await this.write(
          join(this.options.outDir, files.json),
          `${JSON.stringify(report, null, 2)}\n`,
        );
      }
      if (this.options.formats.has('pdf')) {
        files.pdf = `${name}.pdf`;
        await this.write(join(this.options.outDir, files.pdf), await renderConversationPdf(report));
      }
      out.push({ report, entry: summaryEntry(report, files) });
    }
    return out;
  }

  /** `summary.json` always (it indexes the run); `summary.pdf` when PDF reports were asked for. */
  async writeSummary(summary: RunSummary): Promise<string[]> {
    const written: string[] = [];
    const json = join(this.options.outDir, 'summary.json');
    await this.write(json, `${JSON.stringify(summary, null, 2)}\n`);
    written.push(json);
    if (this.options.formats.has('pdf')) {
      const pdf = join(this.options.outDir, 'summary.pdf');
      await this.write(pdf, await renderSummaryPdf(summary));
      written.push(pdf);
    }
    return written;
  }

  /** A report's path as the user should see it. */
  displayPath(name: string): string {
    return join(this.options.outDir, name);
  }
}
