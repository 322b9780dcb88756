/**
 * Shared table-driven checks for the contract detector tests: each case runs through the real
 * `ConversationScanner` (normalization, prefilter, 0.5 threshold), with `before` fed as the
 * preceding message and `attachment` as the message's attachment.
 */
import { expect, it } from 'vitest';
import type { Detector } from '../../src/detect/detector.js';
import { scanMessage, type ScanCase } from '../helpers/detect.js';

export type Case = ScanCase;

/** A case that must be flagged, with the expected span(s) (substrings of the scanned text). */
export type Flag = [text: string, spans: string | string[]] | [Case, string | string[]];

export const scan = scanMessage;

const label = (input: string | Case): string => (typeof input === 'string' ? input : input.text);

/** Every case is flagged by `detector` with exactly the expected spans. */
export function flags(detector: Detector, cases: readonly Flag[]): void {
  it.each(cases.map((c) => [label(c[0]), c] as const))('flags %s', (_name, [input, spans]) => {
    const { scanned, found } = scan([detector], input);
    expect(found.map((f) => scanned.slice(f.start, f.end))).toEqual(
      typeof spans === 'string' ? [spans] : spans,
    );
    for (const f of found) {
      expect(f.type).toBe(detector.type);
      expect(f.confidence).toBeGreaterThanOrEqual(0.5);
      expect(f.explanation.length).toBeGreaterThan(0);
    }
  });
}

/** No case produces a reported finding of `detector`. */
export function ignores(detector: Detector, cases: ReadonlyArray<string | Case>): void {
  it.each(cases.map((c) => [label(c), c] as const))('ignores %s', (_name, input) => {
    const { scanned, found } = scan([detector], input);
    expect(found.map((f) => scanned.slice(f.start, f.end))).toEqual([]);
  });
}
