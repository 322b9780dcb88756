import {
  type FeatureTable,
  hashStep,
  MARK_AFTER,
  MARK_BEFORE,
  NO_MARK,
  SEED,
  TILDE,
} from './feature-table.js';
import { isCjk, Kind, kindOf, stemLength, type TokenizerOptions } from './tokenize.js';

/**
 * `tokenizeInto` for scoring: the same features in the same order, but as slots of the model's
 * `FeatureTable` (features the model does not know are skipped) and without building a string per
 * token, which is what made scoring slow: a word is lower-cased code by code as it is read, with
 * the hash of every prefix (for its stem and affix) on the way. Only for tokenizers without
 * stop words and letter n-grams (`supportsSlots`); `tokenizeInto` stays the reference (the tests
 * compare the two).
 */

export interface SlotBuffer {
  slots: Int32Array;
  count: number;
  /** With spans: `start, end` in `text` of each slot's source (as `tokenizeInto` gives them). */
  spans?: Int32Array;
}

export function supportsSlots(options: TokenizerOptions): boolean {
  return !options.stopwords && options.ngram === 0;
}

function grow(array: Int32Array, least: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(array.length * 2, least));
  grown.set(array);
  return grown;
}

function push(out: SlotBuffer, slot: number, start: number, end: number): void {
  if (slot < 0) return;
  if (out.count === out.slots.length) out.slots = grow(out.slots, 0);
  if (out.spans) {
    if (2 * out.count + 1 >= out.spans.length) out.spans = grow(out.spans, 0);
    out.spans[2 * out.count] = start;
    out.spans[2 * out.count + 1] = end;
  }
  out.slots[out.count++] = slot;
}

// Lower case by code unit, filled on first sight; SPECIAL where lower-casing one unit is not what
// `toLowerCase` does to a text (`İ` becomes two units, `Σ` depends on the next letter).
const UNSET = -2;
const SPECIAL = -1;
const LOWER = new Int32Array(0x10000).fill(UNSET);

function lowerCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
  let lower = LOWER[c]!;
  if (lower === UNSET) {
    const s = String.fromCharCode(c).toLowerCase();
    lower = LOWER[c] = c === 0x3a3 || s.length !== 1 ? SPECIAL : s.charCodeAt(0);
  }
  return lower;
}

// ASCII letters and digits in lower case; 0 for everything else (not part of a word).
const ASCII_WORD = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const kind = kindOf(c);
  if (kind === Kind.Letter || kind === Kind.Digit) ASCII_WORD[c] = lowerCode(c);
}

// The word being read: its lower-case codes and the hash after each of them (grown as needed).
let codes = new Uint16Array(64);
let hashes = new Int32Array(64);

/**
 * Appends the slots of the features of `text` to `out` and returns the number of words (see
 * `tokenizeInto`), or -1 for a text with a letter that lower-cases differently in context (`İ`,
 * `Σ`): the caller then falls back to `tokenizeInto`.
 */
export function featureSlots(
  text: string,
  options: TokenizerOptions,
  table: FeatureTable,
  out: SlotBuffer,
): number {
  const affix = options.affix;
  const unigrams = options.cjkUnigrams;
  let words = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === Kind.Other) {
      i++;
      continue;
    }
    const start = i;
    if (kind === Kind.Cjk) {
      while (i < n && isCjk(text.charCodeAt(i))) i++;
      words += (i - start + 1) >> 1;
      for (let k = start; k < i; k++) {
        const c = text.charCodeAt(k);
        if (unigrams || i - start === 1) push(out, table.char(c), k, k + 1);
        if (k + 1 < i) push(out, table.pair(c, text.charCodeAt(k + 1)), k, k + 2);
      }
      continue;
    }
    let hasDigit = false;
    let hasLetter = false;
    let h = SEED;
    while (i < n) {
      const raw = text.charCodeAt(i);
      let c: number;
      if (raw < 0x80) {
        // ASCII (most words): one lookup for kind and lower case.
        c = ASCII_WORD[raw]!;
        if (c === 0) break;
        if (c <= 0x39) hasDigit = true;
        else hasLetter = true;
      } else {
        const k = kindOf(raw);
        if (k === Kind.Letter) hasLetter = true;
        else if (k === Kind.Digit) hasDigit = true;
        else break;
        c = lowerCode(raw);
        if (c === SPECIAL) return -1;
      }
      const at = i - start;
      if (at === codes.length) {
        codes = growCodes(codes);
        hashes = grow(hashes, 0);
      }
      codes[at] = c;
      hashes[at] = h = hashStep(h, c);
      i++;
    }
    const length = i - start;
    if (hasLetter && length < 2) continue;
    words++;
    if (!hasLetter) {
      push(out, table.shape(length), start, i);
      continue;
    }
    if (hasDigit) {
      let folded = SEED;
      for (let k = 0; k < length; k++)
        folded = hashStep(folded, isDigit(codes[k]!) ? 0x30 : codes[k]!);
      push(out, table.find(folded, codes, 0, length, NO_MARK, true), start, i);
      continue;
    }
    const stem = options.stem ? stemLength(codes, length) : length;
    push(out, table.find(hashes[stem - 1]!, codes, 0, stem, NO_MARK, false), start, i);
    if (affix > 0 && length >= affix + 3) {
      const prefix = hashStep(hashes[affix - 1]!, TILDE);
      push(out, table.find(prefix, codes, 0, affix, MARK_AFTER, false), start, i);
      let suffix = hashStep(SEED, TILDE);
      for (let k = length - affix; k < length; k++) suffix = hashStep(suffix, codes[k]!);
      push(out, table.find(suffix, codes, length - affix, length, MARK_BEFORE, false), start, i);
    }
  }
  return words;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

function growCodes(array: Uint16Array): Uint16Array<ArrayBuffer> {
  const grown = new Uint16Array(array.length * 2);
  grown.set(array);
  return grown;
}
