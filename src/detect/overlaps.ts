import type { RawFinding } from './raw-finding.js';

/** Below this many findings in one message the plain pairwise check is fastest. */
const PAIRWISE_LIMIT = 32;

/** Findings of one key may not overlap: all PII together, otherwise per category and type. */
function keyOf(f: RawFinding): string {
  return f.category === 'pii' ? 'pii' : `${f.category}\0${f.type}`;
}

/**
 * Within one category, overlapping spans are one thing: keep the most confident reading (an
 * IBAN's digits are not also a phone number). Findings of different categories may overlap.
 * Candidates are taken by confidence, then position; each is kept unless it overlaps one kept
 * before it with the same key.
 *
 * A message with many findings (a pasted contact list of 10 MB) checks candidates against a
 * per-key map of covered characters instead of against every kept finding, so the work is linear
 * in the length of the spans rather than quadratic in their number.
 */
export function resolveOverlaps(found: RawFinding[]): RawFinding[] {
  if (found.length < 2) return found;
  const sorted = [...found].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: RawFinding[] = [];
  // Empty spans overlap by position rules a coverage map cannot express; they never occur in
  // practice, and then the pairwise check decides.
  if (found.length <= PAIRWISE_LIMIT || found.some((f) => f.end <= f.start)) {
    for (const candidate of sorted) {
      const clash = kept.some(
        (k) => keyOf(k) === keyOf(candidate) && candidate.start < k.end && k.start < candidate.end,
      );
      if (!clash) kept.push(candidate);
    }
  } else {
    let length = 0;
    for (const f of found) length = Math.max(length, f.end);
    const covered = new Map<string, Uint8Array>();
    for (const candidate of sorted) {
      const key = keyOf(candidate);
      let marks = covered.get(key);
      if (!marks) covered.set(key, (marks = new Uint8Array(length)));
      let clash = false;
      for (let i = candidate.start; i < candidate.end; i++) {
        if (marks[i] === 1) {
          clash = true;
          break;
        }
      }
      if (clash) continue;
      marks.fill(1, candidate.start, candidate.end);
      kept.push(candidate);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
