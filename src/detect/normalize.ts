/**
 * A normalized copy of message text for matching: full-width forms folded to ASCII (NFKC), bidi
 * and zero-width marks removed, exotic spaces and dashes unified. `toOriginal` maps every offset
 * of the copy back to the original, so findings point at what a person sees.
 */

export interface NormalizedText {
  text: string;
  /** Offset in the original text for each offset of `text` (and one past the end). */
  toOriginal(offset: number): number;
  /** Exclusive end in the original for an exclusive end in `text` (skips removed marks after it). */
  toOriginalEnd(end: number): number;
}

// Bidi controls, zero-width space/joiners, word joiner, BOM: invisible and never part of a value.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/;
const NEEDS_WORK = /[^\p{ASCII}]/u;

function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (SPACES.test(ch)) return ' ';
  if (DASHES.test(ch)) return '-';
  if (ch === '\u3002') return '.'; // ideographic full stop
  const code = ch.codePointAt(0)!;
  // Latin-1 letters and CJK ideographs are NFKC-stable: skip the costly call.
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x4e00 && code <= 0x9fff)) return ch;
  const folded = ch.normalize('NFKC');
  // NFKC turns some symbols into sequences (e.g. "½" → "1⁄2"); keep those as they are so a
  // digit never appears where the reader sees none.
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
