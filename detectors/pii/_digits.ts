import { execAll } from '../../src/detect/exec-all.js';
import { stdnum } from 'stdnum';
import { mayMatch } from '../../src/detect/may-match.js';

/**
 * Shared helpers of the structured PII detectors (not a detector: no default export, and the
 * leading underscore keeps it out of the registry). Checksums, digit handling, and the "which
 * keyword stands closest before the number" test that separates a phone number from an order
 * number.
 */

/**
 * Regex source for "not glued to a digit or to an alphabetic letter". Chinese, Japanese and Korean
 * characters are letters of category Lo and are deliberately allowed as neighbours: Chinese text
 * has no spaces (`手机13812345678`, `身份证号是11010519491231002X，`).
 */
export const NOT_AFTER_ALNUM = '(?<![\\p{N}\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lm}])';
export const NOT_BEFORE_ALNUM = '(?![\\p{N}\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lm}])';

const ALNUM_CHAR = /[\p{N}\p{Lu}\p{Ll}\p{Lt}\p{Lm}]/u;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;

/** True when `ch` is a digit or an alphabetic (non-CJK) letter. */
export function isAlnumChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && ALNUM_CHAR.test(ch);
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Only the ASCII digits of `text`. */
export function digitsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
  }
  return out;
}

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** A digit string made of one repeated digit or a plain ascending/descending run ("123456…"). */
export function isTrivialSequence(digits: string): boolean {
  if (/^(\d)\1*$/.test(digits)) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < digits.length; i++) {
    const step = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    if (step !== 1 && step !== -9) up = false;
    if (step !== -1 && step !== 9) down = false;
  }
  return up || down;
}

/** A real calendar date; `notAfter` defaults to today. */
export function isValidDate(
  year: number,
  month: number,
  day: number,
  notAfter = new Date(),
): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return false;
  }
  return date.getTime() <= notAfter.getTime();
}

/**
 * Of two keyword patterns (both with the `g` flag), which one matches closest before `start`
 * within `window` characters: 'positive', 'negative' or undefined. The match ending later wins;
 * when both end at the same place the longer one wins ("order number" over "number"), and on a
 * full tie the positive one.
 */
export function closestBefore(
  positive: RegExp,
  negative: RegExp,
  text: string,
  start: number,
  window: number,
): { side: 'positive' | 'negative'; word: string; start: number } | undefined {
  const offset = Math.max(0, start - window);
  const slice = text.slice(offset, start);
  const pos = lastMatch(positive, slice);
  const neg = lastMatch(negative, slice);
  if (!pos && !neg) return undefined;
  if (
    pos &&
    (!neg || pos.end > neg.end || (pos.end === neg.end && pos.word.length >= neg.word.length))
  ) {
    // "Ticket number …", "Kunden-Nummer …": a generic number word qualified by a business word.
    if (neg && GENERIC_NUMBER_WORD.test(pos.word) && pos.end - pos.word.length - neg.end <= 2) {
      return {
        side: 'negative',
        word: `${neg.word} ${pos.word}`,
        start: offset + neg.end - neg.word.length,
      };
    }
    return { side: 'positive', word: pos.word, start: offset + pos.end - pos.word.length };
  }
  return { side: 'negative', word: neg!.word, start: offset + neg!.end - neg!.word.length };
}

const GENERIC_NUMBER_WORD = /^(?:numbers?|nummern?|nr\.?|no\.?|号码?)$/i;

function lastMatch(pattern: RegExp, text: string): { end: number; word: string } | undefined {
  let best: { end: number; word: string } | undefined;
  pattern.lastIndex = 0;
  if (!mayMatch(pattern, text)) return undefined;
  for (const m of execAll(pattern, text)) {
    const end = m.index + m[0].length;
    if (!best || end >= best.end) best = { end, word: m[0] };
  }
  return best;
}

/** Adds the `g` flag to a pattern (for `matchAll`), keeping its other flags. */
export function global(pattern: RegExp): RegExp {
  return new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
}

/** A `stdnum` validator by country and name, e.g. `stdnumValidator('DE', 'idnr')`; fails at load time if missing. */
export function stdnumValidator(
  country: string,
  name: string,
): { validate(value: string): { isValid: boolean } } {
  const validator = stdnum[country]?.[name];
  if (!validator) throw new Error(`stdnum has no ${country}.${name}`);
  return validator;
}

/**
 * Words that name a number as something other than personal contact or ID data: order, invoice,
 * customer, contract, tracking, reference numbers and the like. Only number-naming forms
 * ("Kundennummer", "customer ID"), not the bare nouns ("Kunden", "customer"), which precede phone
 * numbers and cards just as often ("Ruf den Kunden an unter …", "Karte vom Kunden: …").
 */
export const BUSINESS_NUMBER_WORDS: readonly string[] = [
  'auftrag',
  'auftrags*',
  'auftragsnr',
  'bestellung',
  'bestell*',
  'rechnung',
  'rechnungs*',
  're nr',
  'kunden nummer',
  'kundennr',
  'kunden nr',
  'kunden id',
  'kundenkonto',
  'kd nr',
  'kdnr',
  'vertrags nummer',
  'vertragsnr',
  'vertrags nr',
  'vorgang',
  'vorgangs*',
  'ticket*',
  'sendungs nummer',
  'sendung',
  'paket nummer',
  'tracking*',
  'aktenzeichen',
  'az',
  'referenz*',
  'ref',
  'artikel',
  'artikel nummer',
  'artikel nr',
  'art nr',
  'sku',
  'ean',
  'isbn',
  'imei',
  'serien nummer',
  'serien nr',
  'order',
  'order no',
  'order number',
  'invoice',
  'invoice no',
  'customer id',
  'customer no',
  'customer number',
  'reference',
  'case no',
  'case number',
  'case id',
  'serial',
  'serial number',
  'item no',
  'item number',
  '订单',
  '单号',
  '发票',
  '编号',
  '快递',
  '运单',
  '客户号',
];

/**
 * Keyword lists sorted longest first, so the regex alternation built from them prefers the longer
 * phrase at the same position ("order number" rather than "order").
 */
export function longestFirst(words: readonly string[]): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}
