/**
 * The reports of one scanned file, written under temp names in the report folder: the part of
 * report writing that can run in a worker thread. The main thread then gives out the final
 * names in input order and moves the files into place (`ReportWriter.commitFile`), so a run's
 * report names do not depend on which worker finished first.
 */
import { InputError } from '../errors.js';
import { conversationExtraReasons, type ExtraReasonSource } from '../risk/extra-reasons.js';
import type { ScannedFile } from '../scan.js';
import type { NameInput } from './file-names.js';
import { buildConversationReport, writeConversationJson } from './json.js';
import { renderConversationPdf } from './pdf.js';
import type { ConversationReportHead } from './types.js';
import { discardTempFile, writeTempFile } from './write-atomic.js';

export type ReportFormat = 'json' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'pdf'];

export interface RenderOptions {
  outDir: string;
  formats: readonly ReportFormat[];
  reveal: boolean;
  generatedAt: string;
  version: string;
}

export interface RenderedConversation {
  name: NameInput;
  report: ConversationReportHead;
  /** Temp files holding the finished reports, `null` for formats not asked for. */
  json: string | null;
  pdf: string | null;
}

/** An input error as plain data (it crosses from a worker thread). */
export interface InputErrorData {
  message: string;
  file?: string;
  line?: number;
}

export interface RenderedFile {
  path: string;
  conversations: RenderedConversation[];
  errors: InputErrorData[];
  skippedEntries: number;
  /** Why the reports of this file could not be written (disk full, …), or null. */
  writeError: string | null;
}

export function toInputErrorData(error: InputError): InputErrorData {
  return {
    message: error.message,
    ...(error.file !== undefined ? { file: error.file } : {}),
    ...(error.line !== undefined ? { line: error.line } : {}),
  };
}

export function fromInputErrorData(data: InputErrorData): InputError {
  return new InputError(data.message, data.file, data.line);
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

export async function renderFile(
  file: ScannedFile,
  options: RenderOptions,
  extraReasons: ExtraReasonSource = conversationExtraReasons,
): Promise<RenderedFile> {
  const rendered: RenderedFile = {
    path: file.path,
    conversations: [],
    errors: file.errors.map(toInputErrorData),
    skippedEntries: file.skippedEntries,
    writeError: null,
  };
  try {
    for (const scanned of file.conversations) {
      const meta = scanned.conversation;
      const { report, findings, view } = buildConversationReport(scanned, {
        generatedAt: options.generatedAt,
        version: options.version,
        reveal: options.reveal,
        skippedEntries: file.skippedEntries,
        extraReasons: extraReasons(scanned, { reveal: options.reveal }),
      });
      const conversation: RenderedConversation = {
        name: {
          path: meta.source.path,
          entry: meta.source.entry,
          title: meta.title,
          siblings: file.conversations.length,
        },
        report,
        json: null,
        pdf: null,
      };
      rendered.conversations.push(conversation);
      if (options.formats.includes('json')) {
        conversation.json = await writeTempFile(options.outDir, (write) =>
          writeConversationJson(write, report, findings()),
        );
      }
      if (options.formats.includes('pdf')) {
        const pdf = await renderConversationPdf(report, view);
        conversation.pdf = await writeTempFile(options.outDir, (write) => write(pdf));
      }
    }
  } catch (error) {
    // One file's reports are written completely or not at all.
    await discardRendered(rendered);
    rendered.conversations = [];
    rendered.writeError = `cannot write the reports of ${file.path} (${codeOf(error)})`;
  }
  return rendered;
}

/** Removes the temp files of a rendered file that will not be committed. */
export async function discardRendered(rendered: RenderedFile): Promise<void> {
  for (const c of rendered.conversations) {
    if (c.json) await discardTempFile(c.json);
    if (c.pdf) await discardTempFile(c.pdf);
  }
}
