import { createHash, hash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import { starNumbers } from './char-class.js';
import { excerptOf, excerptRange, isTermType, maskRange, maskValue } from './mask.js';
import { type RawFinding, scannedText } from './raw-finding.js';

/** `crypto.hash` (one call, no Hash object) where Node has it (20.12+), else `createHash`. */
const sha256Hex: (data: string) => string =
  typeof hash === 'function'
    ? (data) => hash('sha256', data, 'hex')
    : (data) => createHash('sha256').update(data).digest('hex');

export function fingerprint(conversationId: string, detectorId: string, value: string): string {
  return sha256Hex(`${conversationId}\0${detectorId}\0${value}`).slice(0, 16);
}

/** Turns raw findings of one message into contract findings, masking unless `reveal`. */
export function toFindings(
  conversationId: string,
  raws: readonly RawFinding[],
  options: { reveal: boolean },
): Finding[] {
  if (raws.length === 0) return [];
  // Built once for the message: every finding's mask needs all spans of it.
  const spans = raws.map((r) => ({ start: r.start, end: r.end, type: r.type }));
  // The same value quoted twice in one message has one fingerprint.
  const ids = new Map<string, string>();
  const texts = new Map<RawFinding['message'], string>();
  return raws.map((raw) => {
    let text = texts.get(raw.message);
    if (text === undefined) texts.set(raw.message, (text = scannedText(raw.message)));
    const { line, column } = position(text, raw.start);
    const original = text.slice(raw.start, raw.end);
    const key = `${raw.detector.id}\0${raw.value}`;
    let id = ids.get(key);
    if (id === undefined)
      ids.set(key, (id = fingerprint(conversationId, raw.detector.id, raw.value)));
    const term = isTermType(raw.type);
    const value = options.reveal
      ? original
      : term
        ? maskRange(text, spans, raw.start, raw.end)
        : maskValue(raw.type, original);
    let excerpt: string;
    if (options.reveal) excerpt = text.slice(Math.max(0, raw.start - 60), raw.end + 60);
    else {
      const { from, to } = excerptRange(text, raw);
      // A term over the whole message (work talk) has its excerpt masked already as its value.
      const masked =
        term && from === raw.start && to === raw.end ? value : maskRange(text, spans, from, to);
      excerpt = excerptOf(text, masked, from, to);
    }
    return {
      id,
      detector: raw.detector.id,
      category: raw.category,
      type: raw.type,
      severity: raw.severity,
      confidence: raw.confidence,
      location: {
        line: raw.message.line + line,
        column,
        messageIndex: raw.message.index,
      },
      message: { timestamp: raw.message.timestamp, sender: raw.message.sender },
      // A term's span can hold identifiers of its own (a work message quoting an email address).
      value: clip(value),
      excerpt: clip(excerpt),
      // Term explanations quote what was matched ("amount '18.400 €'"): hide the figures as in the value.
      explanation: options.reveal || !term ? raw.explanation : starNumbers(raw.explanation),
    };
  });
}

/**
 * Longest value or excerpt a report shows. A work or contract finding spans its whole message,
 * and a pasted 10 MB message would otherwise be copied into the report twice.
 */
export const MAX_SHOWN_CHARS = 400;

function clip(text: string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  let cut = MAX_SHOWN_CHARS;
  // Never split a surrogate pair (an emoji) in half.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** Lines before `offset` in `text` (0-based) and the 1-based column of `offset` in its line. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
