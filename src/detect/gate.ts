import type { Detector } from './detector.js';
import { NeedleIndex } from './needle-index.js';
import { alternativeNeedles, type Needles } from './needles.js';
import { isSpace, leadRun, type TextStats } from './text-stats.js';

/**
 * Which detectors can flag a message, decided for all of them in one pass: a prefilter can only
 * match a text that contains one of its required literals (`needles.ts`), so one literal search
 * for the needles of every prefilter (`NeedleIndex`) replaces most of the per-detector prefilter
 * regexes, which cost more than everything else on ordinary small talk. Alternatives of a
 * prefilter that require no literal (`^\s*\S{4,64}$`) are covered by the detector's `gate` on
 * character statistics, or keep the detector always open; a detector's `requires` (digits for a
 * phone number) closes it whatever its needles say. A passing gate says nothing yet: the
 * prefilter still runs.
 */

interface Plan {
  /** The prefilter's needles (of its alternatives that have some), or undefined. */
  needles: Needles | undefined;
  /** For alternatives without needles: the detector's gate, or `true` (always open). */
  rest: ((stats: TextStats) => boolean) | boolean;
  requires: ((stats: TextStats) => boolean) | undefined;
}

const plans = new WeakMap<Detector, Plan>();

const isDigit = (needle: string): boolean => /^[0-9]$/.test(needle);

function planOf(detector: Detector): Plan {
  let plan = plans.get(detector);
  if (plan) return plan;
  // "Any digit" gates nothing (a chat is full of times and dates): such alternatives are left
  // to the detector's `gate` on digit statistics, like those that require no literal at all.
  const alternatives = detector.prefilter
    ? alternativeNeedles(detector.prefilter)?.map((a) => (a && !a.every(isDigit) ? a : undefined))
    : undefined;
  const { requires } = detector;
  if (!alternatives) plan = { needles: undefined, rest: true, requires };
  else {
    const bounded = alternatives.filter((a): a is Needles => a !== undefined);
    const unbounded = bounded.length < alternatives.length;
    plan = {
      needles: bounded.length > 0 ? [...new Set(bounded.flat())] : undefined,
      rest: unbounded ? (detector.gate ?? true) : false,
      requires,
    };
  }
  plans.set(detector, plan);
  return plan;
}

export class DetectorGates {
  private readonly index: NeedleIndex;
  private readonly group: Int32Array;
  private readonly rest: Array<((stats: TextStats) => boolean) | boolean>;
  private readonly requires: Array<((stats: TextStats) => boolean) | undefined>;
  private readonly hits: Uint32Array;
  private text = '';
  private readonly stats: TextStats = {
    length: 0,
    digits: 0,
    maxDigitRun: 0,
    leadRun: 0,
    tokens: 0,
    upperPair: false,
  };
  private leadKnown = false;
  /** The detectors the prepared text opens, by position, ascending (`open` of them). */
  private readonly opened: Int32Array;
  private open = 0;
  /** Per detector: 1 when its needles alone decide (no statistics to look at). */
  private readonly simple: Uint8Array;
  /** Whether any detector has needles or statistics to look at (else the text is not read). */
  private readonly reads: boolean;
  /** Whether any detector looks at statistics (else only needles are looked for). */
  private readonly counts: boolean;

  constructor(detectors: readonly Detector[]) {
    const groups: Needles[] = [];
    this.group = new Int32Array(detectors.length).fill(-1);
    const plans = detectors.map(planOf);
    plans.forEach((plan, d) => {
      if (!plan.needles) return;
      this.group[d] = groups.length;
      groups.push(plan.needles);
    });
    this.rest = plans.map((plan) => plan.rest);
    this.requires = plans.map((plan) => plan.requires);
    this.index = new NeedleIndex(groups);
    this.hits = new Uint32Array(this.index.words);
    this.opened = new Int32Array(detectors.length);
    this.simple = new Uint8Array(
      plans.map((plan) => (plan.requires === undefined && typeof plan.rest === 'boolean' ? 1 : 0)),
    );
    this.counts = this.simple.includes(0);
    this.reads = groups.length > 0 || this.counts;
  }

  /**
   * Looks for the needles of every detector in `text` (the normalized message), counting the
   * statistics for `requires` and `gate` in the same pass (`TextStats`), and returns how many
   * detectors may flag it (`opened(k)` gives them, in order).
   */
  prepare(text: string): number {
    if (!this.reads) return this.openAll();
    const { automaton, out, hasOut, words } = this.index;
    const hits = this.hits;
    for (let w = 0; w < words; w++) hits[w] = 0;
    if (!this.counts) {
      // Needles alone decide every detector: no statistics to count.
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = automaton.step(state, text.charCodeAt(i));
        if (hasOut[state] === 1)
          for (let w = 0; w < words; w++) hits[w]! |= out[state * words + w]!;
      }
      this.text = text;
      return this.openPassing();
    }
    let state = 0;
    let digits = 0;
    let run = 0;
    let maxDigitRun = 0;
    let tokens = 0;
    let inToken = false;
    let upperPair = false;
    let upper = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      state = automaton.step(state, c);
      if (hasOut[state] === 1) for (let w = 0; w < words; w++) hits[w]! |= out[state * words + w]!;
      if (c >= 0x30 && c <= 0x39) {
        digits++;
        if (++run > maxDigitRun) maxDigitRun = run;
      } else run = 0;
      const isUpper = c >= 0x41 && c <= 0x5a;
      if (isUpper && upper) upperPair = true;
      upper = isUpper;
      const space = c === 0x20 || (c <= 0x0d && c >= 0x09) || (c >= 0xa0 && isSpace(c));
      if (!space && !inToken) tokens++;
      inToken = !space;
    }
    const stats = this.stats;
    stats.length = n;
    stats.digits = digits;
    stats.maxDigitRun = maxDigitRun;
    stats.tokens = tokens;
    stats.upperPair = upperPair;
    this.text = text;
    this.leadKnown = false;
    return this.openPassing();
  }

  /** Opens the detectors the prepared needles and statistics let through. */
  private openPassing(): number {
    const hits = this.hits;
    let open = 0;
    const { group, simple, rest, opened } = this;
    for (let d = 0; d < opened.length; d++) {
      let pass: boolean;
      if (simple[d] === 1) {
        const g = group[d]!;
        pass = (g >= 0 && (hits[g >>> 5]! & (1 << (g & 31))) !== 0) || rest[d] === true;
      } else pass = this.passes(d);
      if (pass) opened[open++] = d;
    }
    this.open = open;
    return open;
  }

  /** Every detector whose gate is open whatever the text (all, when none reads it). */
  private openAll(): number {
    let open = 0;
    for (let d = 0; d < this.opened.length; d++) if (this.rest[d] === true) this.opened[open++] = d;
    this.open = open;
    return open;
  }

  /** The statistics of the prepared text. */
  statistics(): Readonly<TextStats> {
    return this.statsOf();
  }

  /** The `k`-th detector (by position) the prepared text opens. */
  openedAt(k: number): number {
    return this.opened[k]!;
  }

  /** Whether detector `d` is among the opened ones. */
  isOpen(d: number): boolean {
    for (let k = 0; k < this.open; k++) if (this.opened[k] === d) return true;
    return false;
  }

  /** Whether detector `d` (by position) may flag the prepared text; false: it cannot. */
  private passes(d: number): boolean {
    const g = this.group[d]!;
    let open = g >= 0 && (this.hits[g >>> 5]! & (1 << (g & 31))) !== 0;
    if (!open) {
      const rest = this.rest[d]!;
      open = typeof rest === 'boolean' ? rest : rest(this.statsOf());
    }
    if (!open) return false;
    const requires = this.requires[d];
    return requires === undefined || requires(this.statsOf());
  }

  private statsOf(): TextStats {
    if (!this.leadKnown) {
      this.stats.leadRun = leadRun(this.text);
      this.leadKnown = true;
    }
    return this.stats;
  }
}

// Scanners are made per conversation, mostly with the same detector list.
const cache = new WeakMap<readonly Detector[], DetectorGates>();

export function gatesFor(detectors: readonly Detector[]): DetectorGates {
  let gates = cache.get(detectors);
  if (!gates) {
    gates = new DetectorGates(detectors);
    cache.set(detectors, gates);
  }
  return gates;
}
