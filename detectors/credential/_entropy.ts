/** Shannon entropy and character-class helpers for secrets. Not a detector. */

/** Shannon entropy of `value` in bits per character. */
export function shannon(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface Classes {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
  /** How many of the four are present. */
  count: number;
}

export function classes(value: string): Classes {
  const lower = /\p{Ll}/u.test(value);
  const upper = /\p{Lu}/u.test(value);
  const digit = /\d/.test(value);
  const symbol = /[^\p{L}\p{N}]/u.test(value);
  return {
    lower,
    upper,
    digit,
    symbol,
    count: Number(lower) + Number(upper) + Number(digit) + Number(symbol),
  };
}
