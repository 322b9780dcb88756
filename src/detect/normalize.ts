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
const isInvisible = (c: number): boolean =>
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x2069) ||
  c === 0xfeff;
const isSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;
const isDash = (c: number): boolean =>
  (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;

// NFKC results by code point: `normalize` is the costly part, and chats reuse few characters.
const nfkc = new Map<number, string>();

/** The folded form of the character `ch` (code point `code`, not ASCII). */
function foldChar(ch: string, code: number): string {
  if (isInvisible(code)) return '';
  if (isSpace(code)) return ' ';
  if (isDash(code)) return '-';
  if (code === 0x3002) return '.'; // ideographic full stop
  // Latin-1 letters and CJK ideographs are NFKC-stable: skip the costly call.
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x4e00 && code <= 0x9fff)) return ch;
  let folded = nfkc.get(code);
  if (folded === undefined) {
    const normalized = ch.normalize('NFKC');
    // NFKC turns some symbols into sequences (e.g. "½" → "1⁄2"); keep those as they are so a
    // digit never appears where the reader sees none.
    folded = normalized.length <= ch.length ? normalized : ch;
    nfkc.set(code, folded);
  }
  return folded;
}

const NON_ASCII = /[\u0080-\uffff]/;

const IDENTITY = (offset: number): number => offset;

export function normalizeText(original: string): NormalizedText {
  // Most messages need nothing: find the first character that changes before building anything.
  const n = original.length;
  // A regex finds the first non-ASCII character faster than a loop over the ASCII ones.
  let first = original.search(NON_ASCII);
  if (first < 0) return { text: original, toOriginal: IDENTITY, toOriginalEnd: IDENTITY };
  for (; first < n; first++) {
    const code = original.charCodeAt(first);
    if (code < 0x80) continue;
    const point = original.codePointAt(first)!;
    const ch = point > 0xffff ? original.slice(first, first + 2) : original[first]!;
    if (foldChar(ch, point) !== ch) break;
    if (point > 0xffff) first++;
  }
  if (first === n) return { text: original, toOriginal: IDENTITY, toOriginalEnd: IDENTITY };
  let out = original.slice(0, first);
  const map: number[] = [];
  for (let i = 0; i < first;) {
    // Both units of a surrogate pair map to its start, as below.
    const width = original.codePointAt(i)! > 0xffff ? 2 : 1;
    for (let k = 0; k < width; k++) map.push(i);
    i += width;
  }
  for (let i = first; i < n;) {
    const code = original.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = width === 2 ? original.slice(i, i + 2) : original[i]!;
    const folded = code < 0x80 ? ch : foldChar(ch, code);
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
    i += width;
  }
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
