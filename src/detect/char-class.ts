/**
 * Letter (`\p{L}`) and number (`\p{N}`) tests by code point without a regex per character: the
 * masking of every finding walks its text character by character.
 */

const LETTER = 1;
const NUMBER = 2;
const UNKNOWN = 0xff;
// Classes of BMP code points, filled on first sight.
const BMP = new Uint8Array(0x10000).fill(UNKNOWN);
const ASTRAL = new Map<number, number>();

const IS_LETTER = /\p{L}/u;
const IS_NUMBER = /\p{N}/u;

function classify(point: number): number {
  const ch = String.fromCodePoint(point);
  return (IS_LETTER.test(ch) ? LETTER : 0) | (IS_NUMBER.test(ch) ? NUMBER : 0);
}

function classOf(point: number): number {
  if (point < 0x10000) {
    let cls = BMP[point]!;
    if (cls === UNKNOWN) cls = BMP[point] = classify(point);
    return cls;
  }
  let cls = ASTRAL.get(point);
  if (cls === undefined) ASTRAL.set(point, (cls = classify(point)));
  return cls;
}

/** `/[\p{L}\p{N}]/u` for one code point. */
export function isLetterOrNumber(point: number): boolean {
  if (point < 0x80)
    return (point >= 0x30 && point <= 0x39) || ((point | 0x20) >= 0x61 && (point | 0x20) <= 0x7a);
  return classOf(point) !== 0;
}

/** `/\p{N}/u` for one code point. */
export function isNumber(point: number): boolean {
  if (point < 0x80) return point >= 0x30 && point <= 0x39;
  return (classOf(point) & NUMBER) !== 0;
}

/** The code point at `i` (a lead surrogate and its trail as one), without `codePointAt` for most. */
export function pointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}

/** `text.replace(/\p{N}/gu, '*')`. */
export function starNumbers(text: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const point = pointAt(text, i);
    const width = point > 0xffff ? 2 : 1;
    if (isNumber(point)) {
      out += `${text.slice(from, i)}*`;
      from = i + width;
    }
    i += width;
  }
  return from === 0 ? text : out + text.slice(from);
}
