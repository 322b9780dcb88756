import { foldString } from './fold.js';

/**
 * Required literals of a regex: a set of (case-folded) strings such that every match of the regex
 * contains at least one of them. A text that contains none cannot match, so the regex need not
 * run; searching literals (`needle-index.ts`) is many times cheaper than running the large
 * alternations detectors use, and most texts contain none.
 *
 * The analysis is the one search engines use for regex prefilters (RE2's `prefilter`): for every
 * part of the regex it tracks either the exact (small) set of strings the part can match, or a set
 * of literals one of which each match contains. Anything it does not understand counts as "could
 * be anything", so the result errs towards more texts, never fewer: lookarounds and anchors are
 * zero-width (their content is ignored), `.`, `\s`, `\w`, `\p{…}`, negated and large classes and
 * back references are unknown, an optional part requires nothing.
 */

export type Needles = readonly string[];

/** Flags of a need: every needle of it starts (`PREFIX`) or ends (`SUFFIX`) every match. */
export const PREFIX = 1;
export const SUFFIX = 2;

interface Need {
  set: Set<string>;
  at: number;
  /** At most this many characters of a match stand before its needle (0 with `PREFIX`). */
  lead: number;
}

interface Info {
  /** Every match (folded) is one of these; null when unknown or too many. */
  exact: Set<string> | null;
  /** Every match contains one of these; null when nothing is required. Unused when `exact`. */
  need: Need | null;
  /** The longest match, in UTF-16 units (`Infinity` when unbounded). */
  max: number;
}

/** Largest exact set kept (cross products of alternatives grow fast). */
const EXACT_CAP = 64;
/** Largest character class enumerated: `[a-z0-9]` as 36 one-letter needles would gate nothing. */
const CLASS_CAP = 16;

/** Anything up to `max` units long. */
const unknown = (max: number): Info => ({ exact: null, need: null, max });
/** One character we do not enumerate (a code point: two units in unicode mode). */
const ANY_CHAR = unknown(2);
const EMPTY = (): Info => ({ exact: new Set(['']), need: null, max: 0 });
function exactOf(strings: Iterable<string>): Info {
  const exact = new Set(strings);
  let max = 0;
  for (const s of exact) max = Math.max(max, s.length);
  return { exact, need: null, max };
}
/** `max` of a part repeated up to `times` times. */
const times = (max: number, count: number): number => (max === 0 ? 0 : max * count);
const isEmpty = (info: Info): boolean => info.exact?.size === 1 && info.exact.has('');

class Unsupported extends Error {}

// Rough frequencies of characters in chat text, to prefer rarer needles ("kalender" over "pro").
const COMMON = 'enirstadhulgocmbfwkzpvjyxq';
// Letter pairs common enough in German and English to need no help from a rare neighbour.
const COMMON_PAIRS = new Set(
  'en er ch de ei te in nd ie ge es st ne be an re un he th at on or it is ar al ha ng ed to ou se'.split(
    ' ',
  ),
);
function charWeight(code: number): number {
  if (code === 0x20) return 0.15;
  const rank = COMMON.indexOf(String.fromCharCode(code));
  if (rank >= 0) return 0.08 * Math.pow(0.88, rank);
  if (code >= 0x30 && code <= 0x39) return 0.01;
  return 0.003;
}

/** Estimated chance that a text has one of the needles: lower is better. */
function cost(needles: Set<string>): number {
  let total = 0;
  for (const needle of needles) {
    let p = 1;
    for (let i = 0; i < needle.length; i++) p *= charWeight(needle.charCodeAt(i));
    if (needle.length === 2 && COMMON_PAIRS.has(needle)) p = Math.max(p, 0.02);
    total += p;
  }
  return total;
}

/** Drops needles that contain another needle: finding the shorter one already says enough. */
function minimize(needles: Set<string>): Set<string> | null {
  if (needles.has('')) return null;
  const sorted = [...needles].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const needle of sorted) if (!kept.some((k) => needle.includes(k))) kept.push(needle);
  return new Set(kept);
}

/**
 * A need from a set of strings one of which each match contains, at the start or end (`at`)
 * when so flagged. Minimized only without flags: a kept needle need not sit where the dropped one
 * did.
 */
function needFrom(set: Set<string>, at: number, lead: number): Need | null {
  if (set.has('')) return null;
  const kept = at === 0 ? minimize(set) : new Set(set);
  return kept ? { set: kept, at, lead } : null;
}

function needOf(info: Info): Need | null {
  return info.exact ? needFrom(info.exact, PREFIX | SUFFIX, 0) : info.need;
}

function best(candidates: ReadonlyArray<Need | null>): Need | null {
  let chosen: Need | null = null;
  let chosenCost = Infinity;
  for (const candidate of candidates) {
    if (!candidate) continue;
    const c = cost(candidate.set);
    if (c < chosenCost) {
      chosen = candidate;
      chosenCost = c;
    }
  }
  return chosen;
}

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > EXACT_CAP) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** Parts matched one after another: exact while the product stays small, else the best need. */
function sequence(items: readonly Info[]): Info {
  const emptyFrom = (from: number, to: number): boolean =>
    items.slice(from, to).every((item) => isEmpty(item));
  // Longest stretch before each item: how far from the match start a needle there can be.
  const ahead = [0];
  for (const item of items) ahead.push(ahead[ahead.length - 1]! + item.max);
  const runNeed = (run: Set<string>, from: number, last: boolean): Need | null =>
    needFrom(run, (ahead[from] === 0 ? PREFIX : 0) | (last ? SUFFIX : 0), ahead[from]!);
  let run = new Set(['']);
  let runFrom = 0;
  let exact = true;
  const needs: Array<Need | null> = [];
  items.forEach((item, i) => {
    if (item.exact) {
      const joined = product(run, item.exact);
      if (joined) {
        run = joined;
        return;
      }
      needs.push(runNeed(run, runFrom, false));
      run = new Set(item.exact);
      runFrom = i;
    } else {
      needs.push(runNeed(run, runFrom, false));
      if (item.need) {
        const lead = ahead[i]! + item.need.lead;
        let at = lead === 0 ? item.need.at & PREFIX : 0;
        if (emptyFrom(i + 1, items.length)) at |= item.need.at & SUFFIX;
        needs.push({ set: item.need.set, at, lead });
      }
      run = new Set(['']);
      runFrom = i + 1;
    }
    exact = false;
  });
  const max = ahead[items.length]!;
  if (exact) return { exact: run, need: null, max };
  needs.push(runNeed(run, runFrom, true));
  return { exact: null, need: best(needs), max };
}

function alternation(options: readonly Info[]): Info {
  const max = Math.max(0, ...options.map((o) => o.max));
  if (options.every((o) => o.exact)) {
    const union = new Set<string>();
    for (const o of options) for (const s of o.exact!) union.add(s);
    if (union.size <= EXACT_CAP) return { exact: union, need: null, max };
  }
  const union = new Set<string>();
  let at = PREFIX | SUFFIX;
  let lead = 0;
  for (const o of options) {
    const need = needOf(o);
    if (!need) return unknown(max);
    for (const s of need.set) union.add(s);
    at &= need.at;
    lead = Math.max(lead, need.lead);
  }
  return { exact: null, need: needFrom(union, at, lead), max };
}

function repeat(item: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY();
  const longest = times(item.max, max);
  if (item.exact && max <= 4) {
    let power = new Set(['']);
    const union = new Set<string>(min === 0 ? [''] : []);
    let ok = true;
    for (let k = 1; k <= max && ok; k++) {
      const next = product(power, item.exact);
      if (!next) ok = false;
      else {
        power = next;
        if (k >= min) for (const s of power) union.add(s);
      }
    }
    if (ok && union.size <= EXACT_CAP) return exactOf(union);
  }
  return min >= 1 ? { exact: null, need: needOf(item), max: longest } : unknown(longest);
}

/** A recursive-descent reader of JavaScript regex syntax, building `Info` as it goes. */
class Reader {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  /** Needs of each top-level alternative (null: that alternative requires nothing). */
  topLevel(): Array<Need | null> {
    const alternatives: Array<Need | null> = [];
    for (;;) {
      alternatives.push(needOf(this.alternative()));
      if (this.i >= this.src.length) return alternatives;
      if (this.src[this.i] !== '|') throw new Unsupported();
      this.i++;
    }
  }

  private disjunction(): Info {
    const options = [this.alternative()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.alternative());
    }
    return options.length === 1 ? options[0]! : alternation(options);
  }

  private alternative(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return sequence(items);
  }

  private quantified(atom: Info): Info {
    const ch = this.src[this.i];
    let min: number;
    let max: number;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom; // a literal `{` (Annex B) was already read as the atom's successor
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const ch = this.src[this.i]!;
    switch (ch) {
      case '^':
      case '$':
        this.i++;
        return EMPTY();
      case '.':
        this.i++;
        return ANY_CHAR;
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '{': {
        // Outside unicode mode a `{` that starts no quantifier is a literal.
        if (this.unicode || /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i))) throw new Unsupported();
        this.i++;
        return exactOf(['{']);
      }
      case '*':
      case '+':
      case '?':
        throw new Unsupported();
      default:
        return exactOf([foldString(this.literalChar())]);
    }
  }

  /** One literal character as written: a whole code point in unicode mode. */
  private literalChar(): string {
    const code = this.src.codePointAt(this.i)!;
    const width = this.unicode && code > 0xffff ? 2 : 1;
    const out = this.src.slice(this.i, this.i + width);
    this.i += width;
    return out;
  }

  private group(): Info {
    const rest = this.src.slice(this.i, this.i + 4);
    let zeroWidth = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      zeroWidth = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.i += 4;
      zeroWidth = true;
    } else if (rest.startsWith('(?<')) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Unsupported();
      this.i = close + 1;
    } else if (rest.startsWith('(?'))
      throw new Unsupported(); // modifiers
    else this.i += 1;
    const inner = this.disjunction();
    if (this.src[this.i] !== ')') throw new Unsupported();
    this.i++;
    return zeroWidth ? EMPTY() : inner;
  }

  private escape(): Info {
    const next = this.src[this.i + 1];
    if (next === undefined) throw new Unsupported();
    if (next === 'b' || next === 'B') {
      this.i += 2;
      return EMPTY();
    }
    const chars = this.escapedChars(false);
    return chars ? exactOf(chars.map(foldString)) : ANY_CHAR;
  }

  /**
   * The characters an escape stands for (not yet folded), or null when they are too many or
   * unknown (`\s`, `\w`, `\p{…}`). Advances past the escape.
   */
  private escapedChars(inClass: boolean): string[] | null {
    const next = this.src[this.i + 1]!;
    this.i += 2;
    switch (next) {
      case 'd':
        return [...'0123456789'];
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
        return null;
      case 'p':
      case 'P': {
        if (!this.unicode) return [next];
        const close = this.src.indexOf('}', this.i);
        if (this.src[this.i] !== '{' || close < 0) throw new Unsupported();
        this.i = close + 1;
        return null;
      }
      case 'k':
        if (this.unicode || this.src[this.i] === '<') throw new Unsupported();
        return ['k'];
      case 'n':
        return ['\n'];
      case 'r':
        return ['\r'];
      case 't':
        return ['\t'];
      case 'v':
        return ['\v'];
      case 'f':
        return ['\f'];
      case 'b':
        return inClass ? ['\b'] : null;
      case '0':
        if (/[0-9]/.test(this.src[this.i] ?? '')) throw new Unsupported();
        return ['\0'];
      case 'c': {
        const letter = this.src[this.i];
        if (!letter || !/[A-Za-z]/.test(letter)) throw new Unsupported();
        this.i++;
        return [String.fromCharCode(letter.charCodeAt(0) % 32)];
      }
      case 'x': {
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.i));
        if (!hex) throw new Unsupported();
        this.i += 2;
        return [String.fromCharCode(parseInt(hex[0], 16))];
      }
      case 'u': {
        const braced = this.unicode ? /^\{([0-9A-Fa-f]{1,6})\}/.exec(this.src.slice(this.i)) : null;
        if (braced) {
          this.i += braced[0].length;
          return [String.fromCodePoint(parseInt(braced[1]!, 16))];
        }
        const hex = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.i));
        if (!hex) throw new Unsupported();
        this.i += 4;
        return [String.fromCharCode(parseInt(hex[0], 16))];
      }
      default:
        if (/[1-9]/.test(next)) throw new Unsupported(); // back reference (or legacy octal)
        return [next];
    }
  }

  private charClass(): Info {
    this.i++;
    if (this.src[this.i] === '^') {
      this.skipClass();
      return ANY_CHAR;
    }
    const chars = new Set<string>();
    let known = true;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const from = this.classAtom();
      if (
        this.src[this.i] === '-' &&
        this.i + 1 < this.src.length &&
        this.src[this.i + 1] !== ']'
      ) {
        this.i++;
        const to = this.classAtom();
        if (!from || !to || from.length !== 1 || to.length !== 1) {
          known = false;
          continue;
        }
        // Ranges run over raw code points; their members are folded one by one.
        const [a, b] = [from[0]!.codePointAt(0)!, to[0]!.codePointAt(0)!];
        if (b - a + 1 > CLASS_CAP) known = false;
        else for (let c = a; c <= b; c++) chars.add(foldString(String.fromCodePoint(c)));
      } else if (!from) known = false;
      else for (const c of from) chars.add(foldString(c));
    }
    if (this.src[this.i] !== ']') throw new Unsupported();
    this.i++;
    return known && chars.size <= CLASS_CAP ? exactOf(chars) : ANY_CHAR;
  }

  /** One class member as written (not folded), or null when unknown (`\s`, `\p{…}`). */
  private classAtom(): string[] | null {
    if (this.src[this.i] === '\\') return this.escapedChars(true);
    return [this.literalChar()];
  }

  private skipClass(): void {
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      this.i += this.src[this.i] === '\\' ? 2 : 1;
    }
    if (this.src[this.i] !== ']') throw new Unsupported();
    this.i++;
  }
}

/** Needles of one alternative, and whether each starts (`PREFIX`) or ends (`SUFFIX`) its match. */
export interface AnchoredNeedles {
  needles: Needles;
  at: number;
  /** At most this many characters of a match stand before the needle. */
  lead: number;
}

/**
 * Needles of each top-level alternative of `pattern` (`a|b|c`), undefined for an alternative
 * that requires no literal (`^\s*\S{4,64}$`). Undefined as a whole when the pattern uses syntax
 * this reader does not know.
 */
export function anchoredNeedles(pattern: RegExp): Array<AnchoredNeedles | undefined> | undefined {
  if (pattern.flags.includes('v')) return undefined;
  try {
    return new Reader(pattern.source, pattern.flags.includes('u'))
      .topLevel()
      .map((need) => (need ? { needles: [...need.set], at: need.at, lead: need.lead } : undefined));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** `anchoredNeedles` without the anchoring. */
export function alternativeNeedles(pattern: RegExp): Array<Needles | undefined> | undefined {
  return anchoredNeedles(pattern)?.map((a) => a?.needles);
}
