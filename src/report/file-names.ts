/**
 * Report file names: derived from the input and the conversation, readable (Chinese and umlauts
 * stay), safe on every file system, without full phone numbers, and unique within a run.
 */
import { basename, extname } from 'node:path';

/** Names the run itself writes; a conversation never gets one of them. */
const RESERVED = new Set(['summary', 'con', 'prn', 'aux', 'nul']);
const MAX_BYTES = 120;

/**
 * Masks the middle digits of every run of 7 or more digits (phone numbers, long ids), keeping the
 * first 3 and last 2 as `maskTitle` does; `x` because `*` is not safe in file names.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(/\+?\d[\d\s\-./()]*\d/g, (run) => {
    const digits = (run.match(/\d/g) ?? []).length;
    if (digits < 7 || isDate(run)) return run;
    let seen = 0;
    return run.replace(/\d/g, (d) => {
      seen++;
      return seen <= 3 || seen > digits - 2 ? d : 'x';
    });
  });
}

/** `20250303`, `2025-03-03`, `03.03.2025`: dates in export names are not identifiers. */
function isDate(run: string): boolean {
  const m =
    /^(19|20)\d\d[-./]?(0[1-9]|1[0-2])[-./]?(0[1-9]|[12]\d|3[01])$/.exec(run) ??
    /^(0[1-9]|[12]\d|3[01])[-./](0[1-9]|1[0-2])[-./](19|20)\d\d$/.exec(run);
  return m !== null;
}

/** Letters (any script), digits, `.`, `_` and `-`; every other run becomes one `-`. */
export function safeSegment(text: string): string {
  const cleaned = maskDigitRuns(text.normalize('NFC'))
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return truncateBytes(cleaned, MAX_BYTES).replace(/[-.]+$/g, '');
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** Strips the extension and the export tools' boilerplate ("WhatsApp Chat with", "_utf8"). */
function inputStem(path: string): string {
  return basename(path, extname(path));
}

function reduce(text: string): string {
  return safeSegment(text).toLowerCase();
}

export interface NameInput {
  /** The input file (the zip for zip inputs). */
  path: string;
  entry?: string | undefined;
  title: string;
  /** How many conversations came from the same input file. */
  siblings: number;
}

/**
 * The base name (no extension) for one conversation: the input's name, plus the conversation
 * title when the file holds several conversations or the title is not already in the name.
 */
export function reportBaseName(input: NameInput): string {
  const stem = safeSegment(inputStem(input.path)) || 'chat';
  const title = safeSegment(input.title);
  const entry =
    input.entry && !/^_?chat\.txt$/i.test(basename(input.entry))
      ? safeSegment(inputStem(input.entry))
      : '';
  const parts = [stem];
  if (entry && !reduce(stem).includes(reduce(entry))) parts.push(entry);
  if (title && (input.siblings > 1 || !reduce(parts.join('-')).includes(reduce(title)))) {
    parts.push(title);
  }
  return truncateBytes(parts.join('--'), MAX_BYTES * 2 - 20).replace(/[-.]+$/g, '') || 'chat';
}

/** Hands out names unique within a run (case-insensitively, for macOS and Windows file systems). */
export class NameRegistry {
  private readonly taken = new Set<string>(RESERVED);

  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
