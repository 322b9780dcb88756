/**
 * Writes the reports of a run: per conversation `<name>.json` and `<name>.pdf`, then
 * `summary.json` and `summary.pdf`. Every file is written atomically with mode 0600, and no path
 * that is one of the run's inputs is ever written.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExtraReasonSource } from '../risk/extra-reasons.js';
import type { ScannedFile } from '../scan.js';
import { NameRegistry, reportBaseName } from './file-names.js';
import {
  discardRendered,
  renderFile,
  type RenderedFile,
  type RenderOptions,
  type ReportFormat,
} from './render-file.js';
import { renderSummaryPdf } from './summary-pdf.js';
import { summaryEntry } from './summary.js';
import type { ConversationReportHead, ReportFiles, RunSummary, SummaryEntry } from './types.js';
import {
  commitTempFile,
  registerTempFolder,
  writeFileAtomicWith,
  type WriteChunk,
} from './write-atomic.js';

export { REPORT_FORMATS, type ReportFormat } from './render-file.js';

export interface ReportWriterOptions {
  outDir: string;
  formats: ReadonlySet<ReportFormat>;
  reveal: boolean;
  generatedAt: string;
  version: string;
  /** Conversation-level risk reasons computed outside the scanner (work talk, …). */
  extraReasons?: ExtraReasonSource;
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
    const existing = await stat(dir).catch(() => null);
    if (existing && !existing.isDirectory()) throw new OutputError('is not a folder', dir);
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const info = await stat(dir);
      if (!info.isDirectory()) throw new OutputError('is not a folder', dir);
      registerTempFolder(dir);
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
    await this.writeWith(path, (write) => write(data));
  }

  private async writeWith(
    path: string,
    produce: (write: WriteChunk) => Promise<void>,
  ): Promise<void> {
    await this.checkTarget(path);
    try {
      await writeFileAtomicWith(path, produce);
    } catch (error) {
      throw new OutputError(`cannot write report (${codeOf(error)})`, path);
    }
  }

  /**
   * Moves the reports of one rendered file into place under names unique within the run, in the
   * order files are committed; returns their summary entries. A file whose reports could not be
   * written throws `OutputError` (after removing its temp files).
   */
  async commitFile(
    rendered: RenderedFile,
  ): Promise<Array<{ report: ConversationReportHead; entry: SummaryEntry }>> {
    if (rendered.writeError !== null) {
      throw new OutputError(rendered.writeError, this.options.outDir);
    }
    const out: Array<{ report: ConversationReportHead; entry: SummaryEntry }> = [];
    try {
      for (const conversation of rendered.conversations) {
        const name = this.names.claim(reportBaseName(conversation.name));
        const files: ReportFiles = { json: null, pdf: null };
        for (const format of ['json', 'pdf'] as const) {
          const temp = conversation[format];
          if (temp === null) continue;
          files[format] = `${name}.${format}`;
          const path = join(this.options.outDir, files[format]);
          await this.checkTarget(path);
          try {
            await commitTempFile(temp, path);
          } catch (error) {
            throw new OutputError(`cannot write report (${codeOf(error)})`, path);
          }
          conversation[format] = null;
        }
        out.push({ report: conversation.report, entry: summaryEntry(conversation.report, files) });
      }
    } finally {
      await discardRendered(rendered);
    }
    return out;
  }

  /** Renders and commits the reports of one scanned file in this thread. */
  async writeFile(
    file: ScannedFile,
  ): Promise<Array<{ report: ConversationReportHead; entry: SummaryEntry }>> {
    const rendered = await renderFile(file, this.renderOptions(), this.options.extraReasons);
    return this.commitFile(rendered);
  }

  renderOptions(): RenderOptions {
    return {
      outDir: this.options.outDir,
      formats: [...this.options.formats],
      reveal: this.options.reveal,
      generatedAt: this.options.generatedAt,
      version: this.options.version,
    };
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
