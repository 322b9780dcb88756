import { foldString } from './fold.js';
import { Automaton } from './needle-index.js';
import { anchoredNeedles } from './needles.js';

/**
 * A sharper `mayMatch` for the word lists detectors build (`keywords()`, the contract
 * `lexicon()`): their words may not start or end inside another word, so a needle counts only
 * where its boundaries can hold, and `ver` inside "Verspätung" or `ust` inside "August" do not
 * send a text to the regex. Boundaries are checked against ASCII letters and digits only, a
 * subset of every boundary class the builders use (cased letters and numbers, Latin script and
 * numbers): where this gate rejects an occurrence, the pattern rejects it too.
 */

export interface BoundedNeedle {
  /** Case-folded. */
  needle: string;
  /** The needle starts its word, which may not follow a letter or digit. */
  left: boolean;
  /** The needle ends its word, which may not run on into a letter or digit. */
  right: boolean;
  /** At most this many characters of a match stand before this needle (see `anchored.ts`). */
  lead: number;
}

/**
 * The bounded needles of the patterns the word-list builders made, by source (`global()` copies a
 * pattern with other flags), computed on first use; null when some word needs no literal.
 */
const registry = new Map<string, () => readonly BoundedNeedle[] | null>();

export function registerBounded(
  pattern: RegExp,
  needles: () => readonly BoundedNeedle[] | null,
): void {
  registry.set(pattern.source, needles);
}

/**
 * The bounded needles of `pattern`: from its word-list builder, else its plain required literals
 * (`needles.ts`) without boundaries; null when some match requires no literal.
 */
export function boundedNeedlesOf(pattern: RegExp): readonly BoundedNeedle[] | null {
  const registered = registry.get(pattern.source);
  if (registered && pattern.flags.includes('u')) return registered();
  const alternatives = anchoredNeedles(pattern);
  if (!alternatives || alternatives.some((a) => a === undefined)) return null;
  return alternatives.flatMap((a) =>
    a!.needles.map((needle) => ({
      needle,
      left: false,
      right: false,
      lead: a!.lead,
    })),
  );
}

/** Needles of `keywords()` words (`*` marks an open end, spaces allow separators). */
export function keywordNeedles(words: readonly string[]): BoundedNeedle[] {
  return words.map((word) => {
    const open = word.startsWith('*');
    const runsOn = word.endsWith('*');
    const core = word.slice(open ? 1 : 0, runsOn ? -1 : undefined);
    const cjk = /[\u3400-\u9fff]/.test(core);
    const parts = core.split(' ').filter((p) => p.length > 0);
    if (parts.length === 0) throw new Error(`empty keyword '${word}'`);
    // A separator at an edge stands between the boundary and the part.
    const bounded = !cjk && !open && !core.startsWith(' ');
    const closed = !cjk && !runsOn && !core.endsWith(' ');
    // The first part carries the left boundary, the last the right one.
    const useLast = parts.length > 1 && !bounded && closed;
    const part = useLast ? parts[parts.length - 1]! : parts[0]!;
    return {
      needle: foldString(part),
      left: bounded && !useLast,
      right: closed && (useLast || parts.length === 1),
      // Nothing comes before the first part unless separators are allowed there.
      lead: !useLast && !core.startsWith(' ') ? 0 : Infinity,
    };
  });
}

export const isAsciiAlnum = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** Which groups of bounded needles occur in a text with their boundaries possible. */
export class BoundedGate {
  private readonly automaton: Automaton;
  private readonly lengths: Int32Array;
  private readonly left: Uint8Array;
  private readonly right: Uint8Array;
  private readonly group: Int32Array;
  private readonly leads: Float64Array;
  readonly words: number;

  /** `groups[g]`: the needles of group g. */
  constructor(groups: ReadonlyArray<readonly BoundedNeedle[]>) {
    const needles = groups.flat();
    this.automaton = new Automaton(needles.map((n) => n.needle));
    this.lengths = new Int32Array(needles.map((n) => n.needle.length));
    this.left = new Uint8Array(needles.map((n) => (n.left ? 1 : 0)));
    this.right = new Uint8Array(needles.map((n) => (n.right ? 1 : 0)));
    this.group = new Int32Array(groups.flatMap((g, i) => g.map(() => i)));
    this.leads = new Float64Array(needles.map((n) => n.lead));
    this.words = Math.max(1, Math.ceil(groups.length / 32));
  }

  /** Whether a needle may stand in `text[from, to)` (as a regex run on that slice would see it). */
  any(text: string, from = 0, to = text.length): boolean {
    return this.search(text, from, to, undefined, undefined);
  }

  /**
   * Where matches can start in `text[from, to)`: from each needle (boundaries permitting) back by
   * its `lead`, ascending, each once; null when there are too many to list.
   */
  starts(text: string, from = 0, to = text.length): number[] | null {
    const starts: Array<number[] | null | undefined> = [];
    this.search(text, from, to, undefined, starts);
    return starts[0] === TOO_MANY ? null : sortedUnique(starts[0] ?? []);
  }

  /**
   * ORs into `hits` (`words` 32-bit words) the groups with a needle in `text`; with `starts`,
   * also where the matches of each group can start (`starts[g]`, ascending, each once; null when
   * there are too many to list).
   */
  scan(text: string, hits: Uint32Array, starts?: Array<number[] | null | undefined>): void {
    this.search(text, 0, text.length, hits, starts);
    if (!starts) return;
    for (let g = 0; g < starts.length; g++) {
      const list = starts[g];
      // A group with too many places is left to a plain search (null).
      starts[g] = list === TOO_MANY ? null : list && sortedUnique(list);
    }
  }

  private search(
    text: string,
    from: number,
    to: number,
    hits: Uint32Array | undefined,
    starts: Array<number[] | null | undefined> | undefined,
  ): boolean {
    const { automaton, lengths, left, right, group, leads } = this;
    const { outStart, ids } = automaton;
    let state = 0;
    let found = false;
    for (let i = from; i < to; i++) {
      state = automaton.step(state, text.charCodeAt(i));
      for (let k = outStart[state]!; k < outStart[state + 1]!; k++) {
        const id = ids[k]!;
        const start = i - lengths[id]! + 1;
        if (left[id] === 1 && start > from && isAsciiAlnum(text.charCodeAt(start - 1))) continue;
        if (right[id] === 1 && i + 1 < to && isAsciiAlnum(text.charCodeAt(i + 1))) continue;
        if (!hits && !starts) return true;
        const g = group[id]!;
        if (hits) hits[g >>> 5]! |= 1 << (g & 31);
        if (starts) {
          const list = (starts[g] ??= []);
          if (list !== null && list !== TOO_MANY) {
            for (let p = Math.max(from, start - leads[id]!); p <= start; p++) list.push(p);
            if (list.length > MAX_STARTS) starts[g] = TOO_MANY;
          }
        }
        found = true;
      }
    }
    return found;
  }
}

/**
 * Places recorded per group at most: a pasted list of thousands of keywords is searched plainly
 * rather than through a list of places as long as the text.
 */
const MAX_STARTS = 4096;
const TOO_MANY: number[] = [];

/** `list` sorted ascending without repeats (in place: lists are short, mostly sorted already). */
function sortedUnique(list: number[]): number[] {
  for (let k = 1; k < list.length; k++) {
    const value = list[k]!;
    let j = k - 1;
    while (j >= 0 && list[j]! > value) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = value;
  }
  let kept = list.length > 0 ? 1 : 0;
  for (let k = 1; k < list.length; k++) if (list[k] !== list[kept - 1]) list[kept++] = list[k]!;
  list.length = kept;
  return list;
}
