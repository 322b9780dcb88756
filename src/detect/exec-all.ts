import { AnchoredSearch } from './anchored.js';
import { mayMatch } from './may-match.js';

/**
 * `text.matchAll(pattern)` without its cost: `matchAll` clones the regex for every call, and for
 * the large keyword and candidate patterns of the detectors the clone costs ~20 times the search
 * itself (V8 sets up each new regex object again). This runs `exec` on the pattern itself (or
 * only where its words start, see `AnchoredSearch`) and leaves its `lastIndex` as it was, so
 * callers see exactly what `matchAll` gives, and a loop body may use the same pattern again. A
 * text without the pattern's required literals (`mayMatch`) is not searched at all.
 */
export function* execAll(pattern: RegExp, text: string): Generator<RegExpExecArray, void, void> {
  if (!pattern.global) throw new TypeError('execAll needs a global pattern');
  const search = new AnchoredSearch(pattern, text);
  // An anchored search looks for the needles itself.
  if (!search.anchored && !mayMatch(pattern, text)) return;
  const unicode = pattern.unicode || pattern.flags.includes('v');
  let next = pattern.lastIndex;
  for (;;) {
    const m = search.next(next);
    if (!m) return;
    next = m.index + m[0].length;
    if (m[0].length === 0) next = advance(text, next, unicode);
    yield m;
  }
}

/** ECMAScript's AdvanceStringIndex: past a whole surrogate pair in unicode mode. */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}
