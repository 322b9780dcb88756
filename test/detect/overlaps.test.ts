import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../src/detect/detector.js';
import { resolveOverlaps } from '../../src/detect/overlaps.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { Category } from '../../src/model/finding.js';

/** The rule as first written: every candidate against every kept finding. */
function pairwise(found: RawFinding[]): RawFinding[] {
  const sorted = [...found].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: RawFinding[] = [];
  for (const c of sorted) {
    const clash = kept.some(
      (k) =>
        k.category === c.category &&
        c.start < k.end &&
        k.start < c.end &&
        (k.category === 'pii' || k.type === c.type),
    );
    if (!clash) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const TYPES: Array<[Category, string]> = [
  ['pii', 'email'],
  ['pii', 'phone'],
  ['contract', 'price'],
  ['contract', 'discount'],
  ['credential', 'password'],
  ['work', 'work-discussion'],
];

function raw(start: number, length: number, kind: number, confidence: number): RawFinding {
  const [category, type] = TYPES[kind]!;
  return {
    detector: { id: `${category}/${type}` } as Detector,
    category,
    type,
    severity: 'medium',
    confidence,
    explanation: '',
    value: `${start}`,
    start,
    end: start + length,
    message: { index: 0, line: 1, timestamp: '', sender: null, kind: 'text', text: '' },
  };
}

describe('resolveOverlaps', () => {
  it('keeps exactly what the pairwise rule keeps, also for many findings in one message', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(400),
            fc.integer({ min: 1, max: 40 }),
            fc.nat(TYPES.length - 1),
            fc.constantFrom(0.6, 0.8, 0.95),
          ),
          { minLength: 0, maxLength: 120 },
        ),
        (specs) => {
          const found = specs.map(([s, l, k, c]) => raw(s, l, k, c));
          expect(resolveOverlaps(found)).toEqual(pairwise(found));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles 100,000 findings of one message in linear time', () => {
    const found = Array.from({ length: 100_000 }, (_, i) => raw(i * 30, 20, i % 2, 0.95));
    const kept = resolveOverlaps(found);
    expect(kept).toHaveLength(100_000);
  });
});
