import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectors } from '../detectors/index.js';
import { parseExample } from '../src/detect/examples.js';
import { expectLinear, scanMessage } from './helpers/detect.js';
import type { Detector, DetectorExample } from '../src/detect/detector.js';
import { CATEGORIES, SEVERITIES } from '../src/model/finding.js';

const LANGUAGES = new Set(['de', 'en', 'zh', '*']);
const DOC_HEADINGS = [
  '## What it flags',
  '## Why it matters',
  '## Examples',
  '## Known false positives',
];

function hitsFor(detector: Detector, example: DetectorExample) {
  const parsed = parseExample(example);
  const { found } = scanMessage([detector], {
    text: parsed.text,
    before: parsed.before,
    group: parsed.group,
  });
  return { parsed, found };
}

describe('detector registry', () => {
  it('has unique ids, each equal to its file path', () => {
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(`detectors/${id}.ts`), id).toBe(true);
  });
});

describe.each(detectors.map((d) => [d.id, d] as const))('%s', (_id, detector) => {
  it('declares valid metadata and enough distinct examples', () => {
    expect(CATEGORIES).toContain(detector.category);
    expect(SEVERITIES).toContain(detector.severity);
    expect(detector.languages.length).toBeGreaterThan(0);
    for (const language of detector.languages) expect(LANGUAGES.has(language)).toBe(true);
    expect(detector.description.length).toBeGreaterThan(20);
    expect(detector.examples.match.length).toBeGreaterThanOrEqual(3);
    expect(detector.examples.noMatch.length).toBeGreaterThanOrEqual(3);
    const texts = [...detector.examples.match, ...detector.examples.noMatch].map(
      (e) => parseExample(e).text,
    );
    expect(new Set(texts).size).toBe(texts.length);
    for (const example of detector.examples.match) {
      expect(parseExample(example).spans.length, JSON.stringify(example)).toBeGreaterThan(0);
    }
  });

  it('has a docs page with the required sections', () => {
    const path = `docs/detectors/${detector.id}.md`;
    expect(existsSync(path), path).toBe(true);
    const doc = readFileSync(path, 'utf8');
    for (const heading of DOC_HEADINGS) expect(doc, `${path}: ${heading}`).toContain(heading);
  });

  it.each(detector.examples.match.map((e) => [parseExample(e).text, e] as const))(
    'flags %s',
    (_text, example) => {
      const { parsed, found } = hitsFor(detector, example);
      expect(found.map((f) => parsed.text.slice(f.start, f.end))).toEqual(
        parsed.spans.map((s) => parsed.text.slice(s.start, s.end)),
      );
      expect(found.map((f) => [f.start, f.end])).toEqual(parsed.spans.map((s) => [s.start, s.end]));
    },
  );

  it.each(detector.examples.noMatch.map((e) => [parseExample(e).text, e] as const))(
    'ignores %s',
    (_text, example) => {
      const { parsed, found } = hitsFor(detector, example);
      expect(found.map((f) => parsed.text.slice(f.start, f.end))).toEqual([]);
    },
  );

  it('stays fast on pathological input (no regex backtracking blowup)', () => {
    const nasty = [
      '1'.repeat(50_000),
      '1 '.repeat(25_000),
      '@'.repeat(50_000),
      'a.'.repeat(25_000),
      'DE89 '.repeat(10_000),
      '-'.repeat(50_000),
    ];
    for (const text of nasty) expectLinear([detector], text);
  });
});
