import { AnchoredSearch } from './anchored.js';
import { mayMatch } from './may-match.js';

export interface Match {
  index: number;
  end: number;
  text: string;
}

/**
 * The successive matches of a global `pattern` in `text`, as an `exec` loop from the start finds
 * them (an empty match moves on by one), found on demand and kept: several detectors and
 * candidates of one message ask for the same keyword list in the same text.
 */
export class Matches {
  private readonly found: Match[] = [];
  private next = 0;
  private done: boolean;
  private search: AnchoredSearch | undefined;

  /**
   * `possible`: whether the pattern can match at all, and `starts`: where its matches can start,
   * when the caller knows (`PatternScreen`).
   */
  constructor(
    private readonly pattern: RegExp,
    private readonly text: string,
    possible = mayMatch(pattern, text),
    private readonly starts?: number[] | null,
  ) {
    if (!pattern.global) throw new Error('Matches needs a global pattern');
    this.done = !possible;
  }

  /** The `i`-th match, or undefined when there are fewer. */
  at(i: number): Match | undefined {
    while (this.found.length <= i && !this.done) this.step();
    return this.found[i];
  }

  private step(): void {
    this.search ??= new AnchoredSearch(this.pattern, this.text, this.starts);
    const m = this.search.next(this.next);
    if (!m) {
      this.done = true;
      return;
    }
    const end = m.index + m[0].length;
    this.next = m[0].length === 0 ? end + 1 : end;
    this.found.push({ index: m.index, end: m.index + m[0].length, text: m[0] });
  }
}
