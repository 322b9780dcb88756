/**
 * Helpers for "keyword right next to the value" checks, shared by the contextual PII and the
 * credential detectors. Not a detector (the leading `_` keeps it out of the registry).
 */

import { execAll } from '../../src/detect/exec-all.js';
import { keywords } from '../../src/detect/context.js';
import { AnchoredSearch } from '../../src/detect/anchored.js';
import { mayMatch } from '../../src/detect/may-match.js';

/** A keyword found next to a value, and the text between the two. */
export interface Near {
  word: string;
  /** Text between the keyword and the value (after the keyword for `keywordBefore`). */
  gap: string;
}

/**
 * `keywords(words)` with the global flag, for `matchAll`. Boundaries only look at cased letters
 * and digits, so a Latin keyword glued to Chinese text still counts (`阿里云AccessKey`, `小程序AppSecret`).
 */
export function globalKeywords(words: readonly string[]): RegExp {
  const source = keywords(words)
    .source.replaceAll('(?<![\\p{L}\\p{N}])', '(?<![\\p{Lu}\\p{Ll}\\p{N}])')
    .replaceAll('(?![\\p{L}\\p{N}])', '(?![\\p{Lu}\\p{Ll}\\p{N}])');
  return new RegExp(source, 'giu');
}

/** The last keyword that ends within `window` characters before `start`. `pattern` must be global. */
export function keywordBefore(
  pattern: RegExp,
  text: string,
  start: number,
  window: number,
): Near | undefined {
  const from = Math.max(0, start - window);
  if (!mayMatch(pattern, text, from, start)) return undefined;
  const slice = text.slice(from, start);
  let last: RegExpMatchArray | undefined;
  for (const m of execAll(pattern, slice)) last = m;
  if (!last) return undefined;
  return { word: last[0], gap: slice.slice(last.index! + last[0].length) };
}

/** The first keyword that starts within `window` characters after `end`. `pattern` must be global. */
export function keywordAfter(
  pattern: RegExp,
  text: string,
  end: number,
  window: number,
): Near | undefined {
  if (!mayMatch(pattern, text, end, Math.min(text.length, end + window))) return undefined;
  const slice = text.slice(end, end + window);
  // The first match, as `exec` from 0 finds it (tried only where keywords start).
  const m = new AnchoredSearch(pattern, slice).next(0);
  pattern.lastIndex = 0;
  if (!m) return undefined;
  return { word: m[0], gap: slice.slice(0, m.index) };
}

/** The last keyword within the last `window` characters of the previous messages. */
export function keywordInBefore(
  pattern: RegExp,
  before: string,
  window: number,
): string | undefined {
  if (!before) return undefined;
  return keywordBefore(pattern, before, before.length, window)?.word;
}

/** True when `text` has nothing but `value` (plus spaces and closing punctuation) in it. */
export function isWholeMessage(text: string, start: number, end: number): boolean {
  return (
    /^[\s"'„“”‚‘’«»([]*$/u.test(text.slice(0, start)) &&
    /^[\s"'„“”‚‘’«»)\].,!;。，！]*$/u.test(text.slice(end))
  );
}

/** True when nothing but spaces and opening quotes stand before `start`. */
export function startsMessage(text: string, start: number): boolean {
  return /^[\s"'„“‚‘«»([]*$/u.test(text.slice(0, start));
}

/** A sentence or line break: a keyword on the other side of it is about something else. */
export const SENTENCE_BREAK =
  /[!?。！？\n]|(?<!(?:nr|str|geb|bzw)|(?:^|[^\p{L}])(?:no|ca|tel|dr|st|\p{L}))\.\s/iu;

/** `x`, or a load-time error when a library lacks something the detectors rely on. */
export function required<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`missing ${what}`);
  return x;
}

/** Where the keyword that labels a value was found. */
export interface Label {
  word: string;
  where: 'before' | 'after' | 'previous';
  /** Text between keyword and value ('' for `previous`). */
  gap: string;
}

/**
 * The keyword that labels the value at [start, end): right before it (within `window.before`
 * characters, same sentence, nothing in between that `block` matches), right after it, or — when
 * the message is nothing but the value, or a short message starting with it — at the end of the
 * previous messages.
 */
export function labelFor(
  pattern: RegExp,
  context: { text: string; before: string },
  start: number,
  end: number,
  window: { before: number; after: number; block?: RegExp },
): Label | undefined {
  const { text } = context;
  const b = keywordBefore(pattern, text, start, window.before);
  if (b && !SENTENCE_BREAK.test(b.gap) && !window.block?.test(b.gap))
    return { ...b, where: 'before' };
  if (window.after > 0) {
    const a = keywordAfter(pattern, text, end, window.after);
    if (a && !SENTENCE_BREAK.test(a.gap) && !window.block?.test(a.gap))
      return { ...a, where: 'after' };
  }
  if (isWholeMessage(text, start, end) || (startsMessage(text, start) && text.length <= 80)) {
    const p = keywordInBefore(pattern, context.before, 80);
    if (p) return { word: p, where: 'previous', gap: '' };
  }
  return undefined;
}

/** "keyword 'X' right before" for explanations. */
export function describeLabel(label: Label): string {
  switch (label.where) {
    case 'before':
      return `keyword '${label.word}' right before`;
    case 'after':
      return `keyword '${label.word}' right after`;
    default:
      return `keyword '${label.word}' in the message before`;
  }
}
