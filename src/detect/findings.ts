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
  const texts = new Map<RawFinding['message'], string>();
  const cursors = new Map<string, PositionCursor>();
  // Few findings (nearly every message): all spans. Many: only those near each finding.
  const index = raws.length > 64 ? new SpanIndex(spans) : null;
  const spansNear = (from: number, to: number): typeof spans =>
    index ? index.near(from, to) : spans;
  return raws.map((raw) => {
    let text = texts.get(raw.message);
    if (text === undefined) texts.set(raw.message, (text = scannedText(raw.message)));
    let cursor = cursors.get(text);
    if (cursor === undefined) cursors.set(text, (cursor = new PositionCursor(text)));
    const { line, column } = cursor.at(raw.start);
    const original = text.slice(raw.start, raw.end);
    const id = fingerprint(conversationId, raw.detector.id, raw.value);
    const term = isTermType(raw.type);
    const value = options.reveal
      ? original
      : term
        ? maskRange(text, spansNear(raw.start, raw.end), raw.start, raw.end)
        : maskValue(raw.type, original);
    let excerpt: string;
    if (options.reveal) excerpt = text.slice(Math.max(0, raw.start - 60), raw.end + 60);
    else {
      const { from, to } = excerptRange(text, raw);
      // A term over the whole message (work talk) has its excerpt masked already as its value.
      const masked =
        term && from === raw.start && to === raw.end
          ? value
          : maskRange(text, spansNear(from, to), from, to);
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

/**
 * Line and column of offsets in one text, asked in increasing order (findings come sorted by
 * start): each call continues where the last stopped, so a message is walked once, however many
 * findings it has.
 */
class PositionCursor {
  private offset = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  /** Lines before `offset` (0-based) and the 1-based column of `offset` in its line. */
  at(offset: number): { line: number; column: number } {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 0;
      this.lineStart = 0;
    }
    for (
      let nl = this.text.indexOf('\n', this.offset);
      nl >= 0 && nl < offset;
      nl = this.text.indexOf('\n', nl + 1)
    ) {
      this.line++;
      this.lineStart = nl + 1;
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** Spans longer than this are checked against every excerpt; shorter ones only nearby. */
const LONG_SPAN = 1_000;

/**
 * The spans of a message that can touch `[from, to)`, in their original order, without looking
 * at all of them for every finding: a message with 100,000 findings (a pasted contact list)
 * would otherwise cost 100,000² checks. `maskRange` keeps only the spans that touch the range,
 * so passing this subset gives the same text.
 */
class SpanIndex {
  private readonly byStart: number[];
  private readonly long: number[] = [];

  constructor(private readonly spans: ReadonlyArray<{ start: number; end: number; type: string }>) {
    this.byStart = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start);
    spans.forEach((s, i) => {
      if (s.end - s.start > LONG_SPAN) this.long.push(i);
    });
  }

  near(from: number, to: number): Array<{ start: number; end: number; type: string }> {
    const { spans, byStart } = this;
    // First span (by start) that starts at or after from - LONG_SPAN.
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[byStart[mid]!]!.start < from - LONG_SPAN) lo = mid + 1;
      else hi = mid;
    }
    const picked = new Set<number>(this.long);
    for (let k = lo; k < byStart.length && spans[byStart[k]!]!.start < to; k++)
      picked.add(byStart[k]!);
    return [...picked].sort((a, b) => a - b).map((i) => spans[i]!);
  }
}
