import type { Finding } from '../model/finding.js';
import { compareFindings } from './order.js';
import type { FindingSource } from './store.js';

/**
 * The findings of one conversation scanned in parts (each part ran some of the detectors over
 * the whole conversation), read as one list in report order. Each part is already in order, so
 * reading is a merge that holds one finding per part.
 */
export class MergedFindings implements FindingSource {
  constructor(private readonly parts: readonly FindingSource[]) {}

  get spilled(): boolean {
    return this.parts.some((p) => p.spilled);
  }

  get count(): number {
    return this.parts.reduce((n, p) => n + p.count, 0);
  }

  *read(keep?: (finding: Finding) => boolean): Generator<Finding> {
    const iterators = this.parts.map((p) => p.read(keep)[Symbol.iterator]());
    const heads = iterators.map((it) => it.next());
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        // Ties go to the earlier part: parts are given in category order.
        if (
          best === -1 ||
          compareFindings(head.value, (heads[best] as { value: Finding }).value) < 0
        )
          best = i;
      }
      if (best === -1) return;
      yield (heads[best] as { value: Finding }).value;
      heads[best] = iterators[best]!.next();
    }
  }

  toArray(keep?: (finding: Finding) => boolean): Finding[] {
    return [...this.read(keep)];
  }

  dispose(): void {
    for (const part of this.parts) part.dispose();
  }
}
