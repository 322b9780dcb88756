import { BoundedGate, boundedNeedlesOf } from './bounded-gate.js';
import { confirmSameMatch } from './gate-check.js';

/**
 * Searching a word list from its first word on: every match of a pattern holds one of its
 * needles, at most `lead` characters after the match start (0 for most words), so no match
 * starts before the first place a needle allows. The needles are found in one pass and the regex
 * starts searching there, skipping the stretch before it, where the large keyword alternations of
 * the detectors would try every alternative at every position for nothing. (Trying a sticky copy
 * at each place only was slower: V8 keeps recompiling the copies of rarely used large regexes.)
 */

/** Longest `lead` searched this way (every place a match may start is listed). */
const MAX_LEAD = 32;

interface Plan {
  gate: BoundedGate;
}

const plans = new WeakMap<RegExp, Plan | null>();

function planOf(pattern: RegExp): Plan | null {
  let plan = plans.get(pattern);
  if (plan !== undefined) return plan;
  const needles = pattern.sticky ? null : boundedNeedlesOf(pattern);
  // Not for needles that are single digits (they are everywhere) or begin inside a surrogate pair.
  const usable =
    needles !== null &&
    needles.every(
      (n) =>
        n.lead <= MAX_LEAD &&
        !/^[0-9]$/.test(n.needle) &&
        !(n.needle.charCodeAt(0) >= 0xd800 && n.needle.charCodeAt(0) <= 0xdfff),
    );
  plan = usable ? { gate: new BoundedGate([needles]) } : null;
  plans.set(pattern, plan);
  return plan;
}

/**
 * The successive matches of a global `pattern` in `text` from `from` on, exactly as
 * `pattern.exec` with `lastIndex` would find them, one `next()` at a time.
 */
export class AnchoredSearch {
  private plan: Plan | null;
  private starts: number[] | undefined;
  private k = 0;

  /**
   * `starts`: where the pattern's needles put match starts, when the caller found them already
   * (null: too many places to list, search plainly).
   */
  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
    starts?: number[] | null,
  ) {
    this.plan = starts === null ? null : planOf(pattern);
    if (this.plan && starts) this.starts = starts;
  }

  /** Whether the search starts where the needles are (false: from wherever it is asked). */
  get anchored(): boolean {
    return this.plan !== null;
  }

  /** The first match starting at or after `from` (as `exec` with `lastIndex = from`), or null. */
  next(from: number): RegExpExecArray | null {
    const { pattern, text, plan } = this;
    if (!plan) return execFrom(pattern, text, from);
    if (!this.starts) {
      const starts = plan.gate.starts(text);
      if (!starts) {
        this.plan = null;
        return execFrom(pattern, text, from);
      }
      this.starts = starts;
    }
    const { starts } = this;
    while (this.k < starts.length && starts[this.k]! < from) this.k++;
    // No match starts before the first place left: `exec` from there finds the same.
    const found = this.k < starts.length ? execFrom(pattern, text, starts[this.k]!) : null;
    confirmSameMatch(pattern, text, from, found);
    return found;
  }
}

/** `exec` of a global pattern from `from`, leaving its `lastIndex` as it was. */
function execFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  const saved = pattern.lastIndex;
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  pattern.lastIndex = saved;
  return m;
}
