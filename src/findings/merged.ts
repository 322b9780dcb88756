import type { Finding } from '../model/finding.js';
import { compareRecords, type FindingRecord } from './record.js';
import { findingsIn, type FindingSource } from './store.js';

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

  *records(keepType?: (type: string) => boolean): Generator<FindingRecord> {
    const iterators = this.parts.map((p) => p.records(keepType)[Symbol.iterator]());
    const heads = iterators.map((it) => it.next());
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i]!;
        if (head.done) continue;
        // Ties go to the earlier part (never happens: parts hold different messages).
        if (best === -1 || compareRecords(head.value, heads[best]!.value as FindingRecord) < 0)
          best = i;
      }
      if (best === -1) return;
      yield heads[best]!.value as FindingRecord;
      heads[best] = iterators[best]!.next();
    }
  }

  read(keep?: (finding: Finding) => boolean): Generator<Finding> {
    return findingsIn(this, keep);
  }

  toArray(keep?: (finding: Finding) => boolean): Finding[] {
    return [...this.read(keep)];
  }

  dispose(): void {
    for (const part of this.parts) part.dispose();
  }
}
