import { BoundedGate, boundedNeedlesOf } from './bounded-gate.js';
import { confirmSameMatch } from './gate-check.js';

/**
 * Searching a word list by its words: when every match of a pattern starts with one of its
 * needles (`BoundedNeedle.start`), a match can only start where a needle does, so instead of
 * letting the regex try every position of the text, the needles are found in one pass and the
 * regex is tried (sticky) at those places only. The large keyword alternations of the detectors
 * spend most of their time at positions where nothing starts.
 */

interface Plan {
  gate: BoundedGate;
  /** The pattern, matching only at `lastIndex`. */
  sticky: RegExp;
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
        n.start &&
        !/^[0-9]$/.test(n.needle) &&
        !(n.needle.charCodeAt(0) >= 0xd800 && n.needle.charCodeAt(0) <= 0xdfff),
    );
  plan = usable
    ? {
        gate: new BoundedGate([needles]),
        sticky: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`),
      }
    : null;
  plans.set(pattern, plan);
  return plan;
}

/**
 * The successive matches of a global `pattern` in `text` from `from` on, exactly as
 * `pattern.exec` with `lastIndex` would find them, one `next()` at a time.
 */
export class AnchoredSearch {
  private readonly plan: Plan | null;
  private starts: number[] | undefined;
  private k = 0;

  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
  ) {
    this.plan = planOf(pattern);
  }

  /** The first match starting at or after `from` (as `exec` with `lastIndex = from`), or null. */
  next(from: number): RegExpExecArray | null {
    const { pattern, text, plan } = this;
    if (!plan) return execFrom(pattern, text, from);
    this.starts ??= plan.gate.starts(text);
    const { starts } = this;
    const { sticky } = plan;
    let found: RegExpExecArray | null = null;
    while (this.k < starts.length && starts[this.k]! < from) this.k++;
    for (; this.k < starts.length && !found; this.k++) {
      sticky.lastIndex = starts[this.k]!;
      found = sticky.exec(text);
    }
    if (found) this.k--;
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
