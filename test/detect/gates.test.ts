/**
 * The literal gates skip regexes and detectors; with gate checks on, every skip is confirmed by
 * running what was skipped (`gate-check.ts`). Scanning corpora, their mutations and the detector
 * examples must confirm every one of them.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { defineDetector } from '../../src/detect/detector.js';
import { parseExample } from '../../src/detect/examples.js';
import { gateFailures, setGateChecks } from '../../src/detect/gate-check.js';
import { DetectorGates } from '../../src/detect/gate.js';
import { isSpace, leadRun, type TextStats } from '../../src/detect/text-stats.js';
import { ConversationScanner } from '../../src/detect/run-detectors.js';
import type { Message } from '../../src/model/conversation.js';

const jsonl = (path: string): string[] =>
  readFileSync(new URL(path, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);

const corpus = [
  ...jsonl('../eval/dev.jsonl'),
  ...jsonl('../eval/holdout.jsonl'),
  ...jsonl('../../data/work-corpus/train.jsonl'),
  ...jsonl('../../data/work-corpus/heldout.jsonl'),
];

const examples = detectors.flatMap((d) =>
  [...d.examples.match, ...d.examples.noMatch].map((e) => parseExample(e)),
);

/** Variants that put needles next to letters, digits and each other, in both cases. */
function mutations(text: string): string[] {
  return [
    text.toUpperCase(),
    text.toLowerCase(),
    text.replace(/\s+/g, ''),
    text.replace(/\s+/g, 'x'),
    text.replace(/\s+/g, '7'),
    text.replace(/(\p{L})(\p{L})/gu, '$1 $2'),
    `x${text}x`,
    text.slice(Math.floor(text.length / 3)),
  ];
}

function scanAll(texts: readonly string[], before = ''): void {
  const scanner = new ConversationScanner(detectors, {
    id: 'gates',
    isGroup: true,
    platform: 'whatsapp',
  });
  const message = (text: string, index: number): Message => ({
    index,
    line: index + 1,
    timestamp: '2024-01-01T10:00:00',
    sender: 'A',
    kind: 'text',
    text,
  });
  if (before) scanner.scan(message(before, 0));
  texts.forEach((text, i) => scanner.scan(message(text, i + 1)));
}

afterEach(() => setGateChecks(false));

describe('literal gates', () => {
  it('skip nothing that would match, on the corpora and their mutations', () => {
    setGateChecks(true);
    scanAll(corpus);
    scanAll(corpus.flatMap(mutations));
    expect(gateFailures()).toEqual([]);
  }, 120_000);

  it('search a message with thousands of keywords plainly, with the same results', () => {
    setGateChecks(true);
    const wall = 'Vertrag Kunde netto Rabatt 5 % Zahlungsziel 30 Tage, Lieferant, Angebot. '.repeat(
      800,
    );
    scanAll(corpus.slice(0, 200));
    scanAll([wall, `${wall}\nIBAN DE89 3704 0044 0532 0130 00`]);
    expect(gateFailures()).toEqual([]);
  }, 120_000);

  it('skip nothing that would match in the detector examples', () => {
    setGateChecks(true);
    for (const example of examples) {
      scanAll([example.text, ...mutations(example.text)], example.before);
    }
    expect(gateFailures()).toEqual([]);
  }, 60_000);

  it('skip nothing on random mixes of corpus words', () => {
    const words = [...new Set(corpus.join(' ').split(/\s+/))].filter((w) => w.length > 0);
    setGateChecks(true);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(' ', '', '-', '\n', ', '),
        (parts, glue) => {
          scanAll([parts.join(glue)]);
          return gateFailures().length === 0;
        },
      ),
      { numRuns: 300 },
    );
    expect(gateFailures()).toEqual([]);
  }, 60_000);

  it('count the statistics TextStats defines, in the same pass as the needles', () => {
    const gates = new DetectorGates(detectors);
    const text = fc
      .array(fc.constantFrom(...'aZ09 \t\n\u00a0\u2028\u3000"(«„DE12AB'.split(''), 'x'))
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.constantFrom(...corpus)), (t) => {
        gates.prepare(t);
        expect(gates.statistics()).toEqual(countStats(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('report a detector skipped although it would have found something', () => {
    const wrong = defineDetector({
      id: 'test/wrong-gate',
      category: 'pii',
      type: 'phone',
      severity: 'low',
      languages: ['*'],
      description: 'Finds "needle" but claims to need digits.',
      prefilter: /needle/,
      requires: (stats) => stats.digits > 0,
      detect: ({ text }) => {
        const at = text.indexOf('needle');
        return at < 0
          ? []
          : [{ start: at, end: at + 6, value: 'needle', confidence: 1, explanation: '' }];
      },
      examples: { match: [], noMatch: [] },
    });
    setGateChecks(true);
    const scanner = new ConversationScanner([wrong], {
      id: 'x',
      isGroup: true,
      platform: 'whatsapp',
    });
    expect(() =>
      scanner.scan({
        index: 0,
        line: 1,
        timestamp: '',
        sender: 'A',
        kind: 'text',
        text: 'a needle',
      }),
    ).toThrow(/gate said no/);
    expect(gateFailures()).toHaveLength(1);
  });
});

/** `TextStats` counted the plain way, one field at a time: what the gates' fused pass must give. */
function countStats(text: string): TextStats {
  const codes = [...text].flatMap((ch) =>
    Array.from({ length: ch.length }, (_, k) => ch.charCodeAt(k)),
  );
  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
  let maxDigitRun = 0;
  let run = 0;
  for (const c of codes) {
    run = isDigit(c) ? run + 1 : 0;
    maxDigitRun = Math.max(maxDigitRun, run);
  }
  return {
    length: text.length,
    digits: codes.filter(isDigit).length,
    maxDigitRun,
    leadRun: leadRun(text),
    tokens: codes.filter((c, i) => !isSpace(c) && (i === 0 || isSpace(codes[i - 1]!))).length,
    upperPair: codes.some((c, i) => i > 0 && isUpper(c) && isUpper(codes[i - 1]!)),
  };
}
