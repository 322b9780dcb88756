import { CONTRACT_TYPES } from '../model/finding.js';
import { isLetterOrNumber, isNumber, pointAt, starNumbers } from './char-class.js';

/**
 * Masking: no report, log or error repeats a full identifier unless the user asks for it. Masks
 * keep just enough to recognise a value one already knows (country code, last digits, domain).
 */

const STAR = '*';

/** Replaces letters and digits with `*`, keeping the first `keepStart` and last `keepEnd` of them. */
export function maskAlnum(value: string, keepStart: number, keepEnd: number): string {
  let total = 0;
  for (let i = 0; i < value.length;) {
    const point = pointAt(value, i);
    if (isLetterOrNumber(point)) total++;
    i += point > 0xffff ? 2 : 1;
  }
  // Short values would be readable from what is kept: keep less.
  const start = total <= keepStart + keepEnd + 3 ? Math.min(keepStart, 1) : keepStart;
  const end = total <= keepStart + keepEnd + 3 ? 0 : keepEnd;
  let out = '';
  let seen = 0;
  let from = 0;
  for (let i = 0; i < value.length;) {
    const point = pointAt(value, i);
    const width = point > 0xffff ? 2 : 1;
    if (isLetterOrNumber(point)) {
      seen++;
      if (seen > start && seen <= total - end) {
        out += `${value.slice(from, i)}${STAR}`;
        from = i + width;
      }
    }
    i += width;
  }
  return from === 0 ? value : out + value.slice(from);
}

function maskEmail(value: string): string {
  const at = value.search(/@|＠|\(at\)|\[at\]|\sat\s/i);
  if (at <= 0) return maskAlnum(value, 1, 0);
  const local = value.slice(0, at);
  const rest = value.slice(at);
  return `${local[0]}${local.slice(1).replace(/[^\s.]/g, STAR)}${rest}`;
}

/**
 * Contract terms and work talk are not identifiers: their words stay readable so a reader knows
 * what leaked, only the figures (amounts, periods, percentages) are hidden.
 */
const TERM_TYPES: ReadonlySet<string> = new Set([...CONTRACT_TYPES, 'work-discussion']);

/** Masks a detected value for display; `type` picks how much stays visible. */
export function maskValue(type: string, value: string): string {
  if (TERM_TYPES.has(type)) return maskDigits(value, 1);
  switch (type) {
    case 'email':
      return maskEmail(value);
    case 'iban':
      return maskAlnum(value, 4, 4);
    case 'payment-card':
      return maskAlnum(value, 0, 4);
    case 'phone':
      return maskAlnum(value, 3, 2);
    case 'password':
    case 'api-key':
    case 'private-key':
    case 'one-time-code':
    case 'otpauth-uri':
      return maskSecret(value);
    default:
      return maskAlnum(value, 2, 2);
  }
}

/** Secrets keep nothing of the secret itself, only a length hint. */
function maskSecret(value: string): string {
  return `${STAR.repeat(Math.min(8, Math.max(4, value.length)))} (${value.length} chars)`;
}

/**
 * An excerpt around a finding with every detected span in it masked, and any other run of 4+
 * digits masked too (an identifier a detector did not claim is still an identifier).
 */
export function maskedExcerpt(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number; type: string }>,
  focus: { start: number; end: number },
  radius = 60,
): string {
  const { from, to } = excerptRange(text, focus, radius);
  return excerptOf(text, maskRange(text, spans, from, to), from, to);
}

/** Where the excerpt around `focus` starts and ends. */
export function excerptRange(
  text: string,
  focus: { start: number; end: number },
  radius = 60,
): { from: number; to: number } {
  return { from: Math.max(0, focus.start - radius), to: Math.min(text.length, focus.end + radius) };
}

/** The excerpt of `text[from, to)`, given that range masked (`maskRange`): on one line, cut marks. */
export function excerptOf(text: string, masked: string, from: number, to: number): string {
  const flat = masked.includes('\n') ? masked.replace(/\s*\n\s*/g, ' ⏎ ') : masked;
  return `${from > 0 ? '…' : ''}${flat}${to < text.length ? '…' : ''}`;
}

/** Contract terms and work talk: their words are shown, their figures hidden. */
export function isTermType(type: string): boolean {
  return TERM_TYPES.has(type);
}

/**
 * `text[from, to)` with every identifier span masked by its type, figures inside term spans
 * (contract terms, work talk, which may cover a whole message) hidden, and any other run of 4+
 * digits masked.
 */
export function maskRange(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number; type: string }>,
  from: number,
  to: number,
): string {
  const near = spans.filter((s) => s.end > from && s.start < to);
  const terms = near.filter((s) => TERM_TYPES.has(s.type));
  const identifiers = near.filter((s) => !TERM_TYPES.has(s.type)).sort((a, b) => a.start - b.start);
  const plain = (start: number, end: number): string => {
    let segment = text.slice(start, end);
    if (terms.some((t) => t.start < end && start < t.end))
      segment = hideFigures(segment, start, terms);
    return maskDigits(segment);
  };
  let out = '';
  let cursor = from;
  for (const span of identifiers) {
    const start = Math.max(span.start, from);
    if (start < cursor) continue;
    out += plain(cursor, start);
    out += maskValue(span.type, text.slice(start, Math.min(span.end, to)));
    cursor = Math.min(span.end, to);
  }
  return out + plain(cursor, to);
}

/** `segment` (at `base` in the text) with every number inside a term span replaced by `*`. */
function hideFigures(
  segment: string,
  base: number,
  terms: ReadonlyArray<{ start: number; end: number }>,
): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < segment.length) {
    const point = pointAt(segment, i);
    const width = point > 0xffff ? 2 : 1;
    if (isNumber(point) && terms.some((t) => t.start <= base + i && base + i < t.end)) {
      out += `${segment.slice(from, i)}${STAR}`;
      from = i + width;
    }
    i += width;
  }
  return from === 0 ? segment : out + segment.slice(from);
}

/** Masks runs of at least `minDigits` digits (4 by default: years and small counts stay readable). */
function maskDigits(text: string, minDigits = 4): string {
  if (minDigits <= 1) return starNumbers(text);
  // A run to mask has `minDigits` digits: most texts have fewer in all.
  let digits = 0;
  for (let i = 0; i < text.length && digits < minDigits; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
  }
  if (digits < minDigits) return text;
  return text.replace(/\d[\d\s\-./]{2,}\d/g, (run) =>
    (run.match(/\d/g) ?? []).length >= minDigits ? maskAlnum(run, 0, 2) : run,
  );
}
