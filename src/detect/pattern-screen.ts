import { confirmNoMatch } from './gate-check.js';
import { BoundedGate, boundedNeedlesOf } from './bounded-gate.js';

/**
 * Which of a fixed list of patterns can match a text, for all of them in one pass over it
 * (`mayMatch` asked per pattern walks the text once for each): for the word lists several
 * detectors look up in the same message and in `before`.
 */
export class PatternScreen {
  private gate: BoundedGate | undefined;
  /** Per pattern: its group in the gate, or -1 when it requires no literal (always possible). */
  private readonly group: Map<RegExp, number>;
  private readonly groups: Array<NonNullable<ReturnType<typeof boundedNeedlesOf>>> = [];

  constructor(patterns: readonly RegExp[]) {
    this.group = new Map(
      patterns.map((pattern) => {
        const needles = boundedNeedlesOf(pattern);
        if (!needles) return [pattern, -1];
        this.groups.push(needles);
        return [pattern, this.groups.length - 1];
      }),
    );
  }

  /** What the patterns' needles say about `text`. */
  screen(text: string): Screened {
    this.gate ??= new BoundedGate(this.groups);
    const hits = new Uint32Array(this.gate.words);
    const starts: Array<number[] | null | undefined> = [];
    this.gate.scan(text, hits, starts);
    const groupOf = (pattern: RegExp): number => {
      const g = this.group.get(pattern);
      if (g === undefined) throw new Error('pattern not in this screen');
      return g;
    };
    return {
      possible(pattern) {
        const g = groupOf(pattern);
        if (g < 0 || (hits[g >>> 5]! & (1 << (g & 31))) !== 0) return true;
        confirmNoMatch(pattern, text);
        return false;
      },
      starts(pattern) {
        const g = groupOf(pattern);
        // No hit at all: no place; null (too many places to list) is kept as null.
        return g < 0 ? undefined : starts[g] === undefined ? [] : starts[g];
      },
    };
  }
}

export interface Screened {
  /** Whether `pattern` may match (false: it cannot). */
  possible(pattern: RegExp): boolean;
  /** Where its matches can start (see `AnchoredSearch`), when its needles say (null: too many). */
  starts(pattern: RegExp): number[] | null | undefined;
}
