/**
 * The model's features in hash tables probed with character codes instead of strings, so scoring
 * a message allocates no token strings. Latin-script features are found by an FNV-1a hash the
 * caller computes while it reads the word (`hashStep`), then compared with the word's lower-case
 * codes: `[~] codes[from, to) [~]` with the affix tilde before or after, digits read as `0` when
 * asked. CJK features have their own tables: one character by its code, two by both codes.
 */

export const TILDE = 0x7e;
const NONE = -1;

// 30-bit hashes: they stay small integers (V8 Smis) when passed around, never boxed numbers.
export const SEED = 0x011c9dc5;
export const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193) & 0x3fffffff;

/** Where the affix tilde goes: none, before the range (`~ages`), after it (`kund~`). */
export const NO_MARK = 0;
export const MARK_BEFORE = 1;
export const MARK_AFTER = 2;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

function capacityFor(entries: number): number {
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

export class FeatureTable {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly keys: string[];
  /** Single-character features (CJK unigrams) by char code. */
  private readonly single = new Int32Array(0x10000).fill(NONE);
  /** Two-character features (CJK bigrams) by both codes: open addressing on `c1 << 16 | c2`. */
  private readonly pairMask: number;
  private readonly pairKeys: Int32Array;
  private readonly pairSlots: Int32Array;
  /** Slots of the number shapes `#1`, `#2`, `#3`. */
  private readonly shapes: [number, number, number];

  constructor(features: readonly string[]) {
    const capacity = capacityFor(features.length);
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.slots = new Int32Array(capacity).fill(NONE);
    this.keys = new Array<string>(capacity).fill('');
    this.pairMask = capacity - 1;
    this.pairKeys = new Int32Array(capacity);
    this.pairSlots = new Int32Array(capacity).fill(NONE);
    features.forEach((feature, slot) => {
      if (feature.length === 1) this.single[feature.charCodeAt(0)] = slot;
      if (feature.length === 2) {
        const key = (feature.charCodeAt(0) << 16) | feature.charCodeAt(1);
        let at = mix(key) & this.pairMask;
        while (this.pairSlots[at] !== NONE) at = (at + 1) & this.pairMask;
        this.pairKeys[at] = key;
        this.pairSlots[at] = slot;
      }
      let h = SEED;
      for (let i = 0; i < feature.length; i++) h = hashStep(h, feature.charCodeAt(i));
      let at = h & this.mask;
      while (this.slots[at] !== NONE) at = (at + 1) & this.mask;
      this.hashes[at] = h;
      this.slots[at] = slot;
      this.keys[at] = feature;
    });
    this.shapes = [this.word('#1'), this.word('#2'), this.word('#3')];
  }

  /** Slot of a one-character feature, or -1. */
  char(code: number): number {
    return this.single[code]!;
  }

  /** Slot of a two-character feature, or -1. */
  pair(first: number, second: number): number {
    const key = (first << 16) | second;
    for (let at = mix(key) & this.pairMask; ; at = (at + 1) & this.pairMask) {
      const slot = this.pairSlots[at]!;
      if (slot === NONE || this.pairKeys[at] === key) return slot;
    }
  }

  /** Slot of the shape token of a number of `digits` digits (see `tokenizeInto`), or -1. */
  shape(digits: number): number {
    return this.shapes[digits <= 2 ? 0 : digits <= 4 ? 1 : 2];
  }

  /** Slot of the feature `word` itself, or -1. */
  word(word: string): number {
    const codes = new Uint16Array(word.length);
    let h = SEED;
    for (let i = 0; i < word.length; i++) h = hashStep(h, (codes[i] = word.charCodeAt(i)));
    return this.find(h, codes, 0, word.length, NO_MARK, false);
  }

  /**
   * Slot of the feature with hash `h` spelled `[~] codes[from, to) [~]` (`mark`), digits read as
   * `0` when `foldDigits`; -1 when the model does not know it.
   */
  find(
    h: number,
    codes: Uint16Array,
    from: number,
    to: number,
    mark: number,
    foldDigits: boolean,
  ): number {
    const length = to - from + (mark === NO_MARK ? 0 : 1);
    for (let at = h & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at]!;
      if (slot === NONE) return NONE;
      if (this.hashes[at] !== h) continue;
      const key = this.keys[at]!;
      if (key.length === length && spells(key, codes, from, to, mark, foldDigits)) return slot;
    }
  }
}

function spells(
  key: string,
  codes: Uint16Array,
  from: number,
  to: number,
  mark: number,
  foldDigits: boolean,
): boolean {
  let k = 0;
  if (mark === MARK_BEFORE && key.charCodeAt(k++) !== TILDE) return false;
  for (let i = from; i < to; i++, k++) {
    const c = codes[i]!;
    if (key.charCodeAt(k) !== (foldDigits && isDigit(c) ? 0x30 : c)) return false;
  }
  return mark !== MARK_AFTER || key.charCodeAt(k) === TILDE;
}

/** Spreads the bits of a pair key over the table (the codes' low bits alone cluster). */
function mix(key: number): number {
  const h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
