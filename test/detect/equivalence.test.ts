/**
 * The optimized normalization, masking and finding code gives exactly what the code before the
 * performance work gave (`reference.ts`), on corpora and on random text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { maskAlnum, maskedExcerpt, maskRange, maskValue } from '../../src/detect/mask.js';
import { normalizeText } from '../../src/detect/normalize.js';
import { ConversationScanner, toFindings } from '../../src/detect/run-detectors.js';
import type { Message } from '../../src/model/conversation.js';
import { CONTRACT_TYPES } from '../../src/model/finding.js';
import * as reference from './reference.js';

const jsonl = (path: string): Array<{ text: string }> =>
  readFileSync(new URL(path, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { text: string });

const corpus = [
  ...jsonl('../eval/dev.jsonl'),
  ...jsonl('../eval/holdout.jsonl'),
  ...jsonl('../../data/work-corpus/heldout.jsonl'),
].map((m) => m.text);

// Characters normalization and masking treat specially, and ordinary ones around them.
const ODD = [
  ...'aZ09 .,-/\n\t:@#%€$',
  '\u00a0',
  '\u200b',
  '\u202a',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u3000',
  '\u2013',
  '\u2212',
  '\u3002',
  '１',
  '２',
  '＠',
  '，',
  '。',
  'Ä',
  'ß',
  'ẞ',
  'İ',
  'ſ',
  'K',
  '½',
  'ﬁ',
  '①',
  '٣',
  'Ⅻ',
  '𝟏',
  '身',
  '😀',
  '👨‍👩‍👧',
  '\ud800',
  '\udc00',
  'ǅ',
  'Σ',
];
const oddText = fc.array(fc.constantFrom(...ODD), { maxLength: 40 }).map((p) => p.join(''));

function expectSameNormalization(text: string): void {
  const got = normalizeText(text);
  const want = reference.normalizeText(text);
  expect(got.text).toBe(want.text);
  for (let k = -1; k <= got.text.length + 1; k++) {
    expect(got.toOriginal(k), `${JSON.stringify(text)} @${k}`).toBe(want.toOriginal(k));
    expect(got.toOriginalEnd(k), `${JSON.stringify(text)} end @${k}`).toBe(want.toOriginalEnd(k));
  }
}

const TYPES = [
  ...CONTRACT_TYPES,
  'work-discussion',
  'email',
  'iban',
  'payment-card',
  'phone',
  'password',
  'api-key',
  'private-key',
  'one-time-code',
  'otpauth-uri',
  'de-tax-id',
];

describe('normalizeText', () => {
  it('equals the reference on the corpora', () => {
    for (const text of corpus) expectSameNormalization(text);
  });

  it('equals the reference on odd characters', () => {
    fc.assert(fc.property(oddText, expectSameNormalization), { numRuns: 2000 });
  });
});

describe('masking', () => {
  it('equals the reference for values of every type', () => {
    fc.assert(
      fc.property(oddText, fc.constantFrom(...TYPES), fc.nat(4), fc.nat(4), (value, type, a, b) => {
        expect(maskValue(type, value)).toBe(reference.maskValue(type, value));
        expect(maskAlnum(value, a, b)).toBe(reference.maskAlnum(value, a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the reference for ranges and excerpts with spans', () => {
    const span = fc.record({
      start: fc.nat(45),
      length: fc.nat(20),
      type: fc.constantFrom(...TYPES),
    });
    fc.assert(
      fc.property(
        fc.oneof(oddText, fc.constantFrom(...corpus)),
        fc.array(span, { maxLength: 4 }),
        fc.nat(50),
        fc.nat(50),
        (text, raw, x, y) => {
          const spans = raw.map((s) => ({ start: s.start, end: s.start + s.length, type: s.type }));
          const [from, to] = [Math.min(x, y, text.length), Math.min(Math.max(x, y), text.length)];
          expect(maskRange(text, spans, from, to)).toBe(reference.maskRange(text, spans, from, to));
          const focus = { start: from, end: to };
          expect(maskedExcerpt(text, spans, focus)).toBe(
            reference.maskedExcerpt(text, spans, focus),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('toFindings', () => {
  it('equals the reference on every finding of the corpora, masked and revealed', () => {
    const scanner = new ConversationScanner(detectors, {
      id: 'c',
      isGroup: true,
      platform: 'whatsapp',
    });
    let findings = 0;
    corpus.forEach((text, index) => {
      const message: Message = {
        index,
        line: 10 + index,
        timestamp: '2024-01-01T10:00:00',
        sender: 'A',
        kind: index % 7 === 0 ? 'media' : 'text',
        text: index % 5 === 0 ? `Vorweg\n${text}` : text,
        ...(index % 7 === 0 ? { attachment: 'Vertrag_Muster.pdf' } : {}),
      };
      const raws = scanner.scan(message);
      findings += raws.length;
      for (const reveal of [false, true]) {
        expect(toFindings('c', raws, { reveal })).toEqual(
          reference.toFindings('c', raws, { reveal }),
        );
      }
    });
    expect(findings).toBeGreaterThan(300);
  });
});
