/**
 * The masking, normalization and finding code as it was before the performance work, kept as the
 * reference the optimized code must equal exactly (see the equivalence tests next to it).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../src/model/finding.js';
import { type RawFinding, scannedText } from '../../src/detect/run-detectors.js';
import { CONTRACT_TYPES } from '../../src/model/finding.js';

// --- masking as it was ---------------------------------------------------------------------

const STAR = '*';

/** Replaces letters and digits with `*`, keeping the first `keepStart` and last `keepEnd` of them. */
export function maskAlnum(value: string, keepStart: number, keepEnd: number): string {
  const total = (value.match(/[\p{L}\p{N}]/gu) ?? []).length;
  // Short values would be readable from what is kept: keep less.
  const start = total <= keepStart + keepEnd + 3 ? Math.min(keepStart, 1) : keepStart;
  const end = total <= keepStart + keepEnd + 3 ? 0 : keepEnd;
  let seen = 0;
  return value.replace(/[\p{L}\p{N}]/gu, (ch) => {
    seen++;
    return seen <= start || seen > total - end ? ch : STAR;
  });
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
  const from = Math.max(0, focus.start - radius);
  const to = Math.min(text.length, focus.end + radius);
  const flat = maskRange(text, spans, from, to).replace(/\s*\n\s*/g, ' ⏎ ');
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
    if (terms.some((t) => t.start < end && start < t.end)) {
      segment = segment.replace(/\p{N}/gu, (digit, offset: number) =>
        terms.some((t) => t.start <= start + offset && start + offset < t.end) ? STAR : digit,
      );
    }
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

/** Masks runs of at least `minDigits` digits (4 by default: years and small counts stay readable). */
function maskDigits(text: string, minDigits = 4): string {
  if (minDigits <= 1) return text.replace(/\p{N}/gu, STAR);
  return text.replace(/\d[\d\s\-./]{2,}\d/g, (run) =>
    (run.match(/\d/g) ?? []).length >= minDigits ? maskAlnum(run, 0, 2) : run,
  );
}

// --- normalizeText as it was -------------------------------------------------------------

export interface NormalizedText {
  text: string;
  toOriginal(offset: number): number;
  toOriginalEnd(end: number): number;
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/;
const NEEDS_WORK = /[^\p{ASCII}]/u;

function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (SPACES.test(ch)) return ' ';
  if (DASHES.test(ch)) return '-';
  if (ch === '\u3002') return '.';
  const code = ch.codePointAt(0)!;
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x4e00 && code <= 0x9fff)) return ch;
  const folded = ch.normalize('NFKC');
  return folded.length <= ch.length ? folded : ch;
}

const IDENTITY = (offset: number): number => offset;

export function normalizeText(original: string): NormalizedText {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, toOriginal: IDENTITY, toOriginalEnd: IDENTITY };
  }
  let out = '';
  const map: number[] = [];
  let changed = false;
  for (let i = 0; i < original.length;) {
    const code = original.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = width === 2 ? original.slice(i, i + 2) : original[i]!;
    const folded = code < 0x80 ? ch : foldChar(ch);
    if (folded !== ch) changed = true;
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
    i += width;
  }
  if (!changed) return { text: original, toOriginal: IDENTITY, toOriginalEnd: IDENTITY };
  map.push(original.length);
  const toOriginal = (offset: number): number =>
    map[Math.min(Math.max(offset, 0), map.length - 1)]!;
  return {
    text: out,
    toOriginal,
    toOriginalEnd(end) {
      if (end <= 0) return toOriginal(0);
      const last = toOriginal(end - 1);
      return last + (original.codePointAt(last)! > 0xffff ? 2 : 1);
    },
  };
}

// --- toFindings as it was ----------------------------------------------------------------

export function fingerprint(conversationId: string, detectorId: string, value: string): string {
  return createHash('sha256')
    .update(`${conversationId}\0${detectorId}\0${value}`)
    .digest('hex')
    .slice(0, 16);
}

export function toFindings(
  conversationId: string,
  raws: readonly RawFinding[],
  options: { reveal: boolean },
): Finding[] {
  return raws.map((raw) => {
    const text = scannedText(raw.message);
    const upto = text.slice(0, raw.start);
    const newlines = upto.split('\n').length - 1;
    const column = raw.start - (upto.lastIndexOf('\n') + 1) + 1;
    const original = text.slice(raw.start, raw.end);
    const spans = raws.map((r) => ({ start: r.start, end: r.end, type: r.type }));
    return {
      id: fingerprint(conversationId, raw.detector.id, raw.value),
      detector: raw.detector.id,
      category: raw.category,
      type: raw.type,
      severity: raw.severity,
      confidence: raw.confidence,
      location: {
        line: raw.message.line + newlines,
        column,
        messageIndex: raw.message.index,
      },
      message: { timestamp: raw.message.timestamp, sender: raw.message.sender },
      value: options.reveal
        ? original
        : isTermType(raw.type)
          ? maskRange(text, spans, raw.start, raw.end)
          : maskValue(raw.type, original),
      excerpt: options.reveal
        ? text.slice(Math.max(0, raw.start - 60), raw.end + 60)
        : maskedExcerpt(text, spans, raw),
      explanation:
        options.reveal || !isTermType(raw.type)
          ? raw.explanation
          : raw.explanation.replace(/\p{N}/gu, '*'),
    };
  });
}
