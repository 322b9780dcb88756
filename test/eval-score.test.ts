import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  evaluate,
  goldContractTypes,
  goldSpans,
  matchSpans,
  score,
  type EvalMessage,
  type ScoredMessage,
} from '../scripts/eval-score.js';

describe('score', () => {
  it('computes precision, recall and F1 from counts', () => {
    const s = score({ tp: 3, fp: 1, fn: 2 });
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.6);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 12);
  });

  it('treats empty predictions and empty gold without dividing by zero', () => {
    expect(score({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(score({ tp: 0, fp: 0, fn: 4 })).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(score({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });
});

describe('matchSpans', () => {
  it('matches overlapping spans of the same type one to one', () => {
    const m = matchSpans(
      [
        { type: 'iban', start: 10, end: 37 },
        { type: 'phone', start: 50, end: 62 },
      ],
      [
        // split IBAN: two predictions overlap the same gold value → 1 TP + 1 FP
        { type: 'iban', category: 'pii', start: 10, end: 30 },
        { type: 'iban', category: 'pii', start: 31, end: 37 },
        // right span, wrong type → FP for email, FN for phone
        { type: 'email', category: 'pii', start: 50, end: 62 },
      ],
    );
    expect(m.byType.get('iban')).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(m.byType.get('phone')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(m.byType.get('email')).toEqual({ tp: 0, fp: 1, fn: 0 });
    // the larger overlap wins the match; the 6-character piece is the false positive
    expect(m.errors.filter((e) => e.kind === 'fp' && e.type === 'iban')).toEqual([
      { kind: 'fp', type: 'iban', start: 31, end: 37 },
    ]);
  });

  it('does not count touching spans as overlapping', () => {
    const m = matchSpans(
      [{ type: 'phone', start: 0, end: 5 }],
      [{ type: 'phone', category: 'pii', start: 5, end: 9 }],
    );
    expect(m.byType.get('phone')).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

describe('evaluate on a tiny hand-made set', () => {
  const text1 = 'IBAN DE89 3704 0044 0532 0130 00, Tel 0151 23456789';
  const iban = { start: 5, end: 32 };
  const phone = { start: 38, end: 51 };
  const messages: ScoredMessage[] = [
    {
      // PII: iban TP, phone FN (missed); a spurious email FP
      id: 'm1',
      text: text1,
      gold: [
        { type: 'iban', ...iban },
        { type: 'phone', ...phone },
      ],
      goldContract: [],
      predicted: [
        { type: 'iban', category: 'pii', ...iban },
        { type: 'email', category: 'pii', start: 0, end: 4 },
      ],
    },
    {
      // contract: gold price+discount, predicted price only → category TP, discount FN
      id: 'm2',
      text: '12,40 € pro Stück, 8 % Rabatt',
      gold: [],
      goldContract: ['price', 'discount'],
      predicted: [{ type: 'price', category: 'contract', start: 0, end: 7 }],
    },
    {
      // contract FP (private pizza price) + password TP + work finding that is not scored
      id: 'm3',
      text: 'Pizza 9,50 – pw: Sommer2024!',
      gold: [{ type: 'password', start: 17, end: 28 }],
      goldContract: [],
      predicted: [
        { type: 'price', category: 'contract', start: 6, end: 10 },
        { type: 'password', category: 'credential', start: 17, end: 28 },
        { type: 'work-discussion', category: 'work', start: 0, end: 28 },
      ],
    },
    {
      // contract FN: nothing predicted; a negative message with nothing predicted is neutral
      id: 'm4',
      text: 'Laufzeit 36 Monate',
      gold: [],
      goldContract: ['term'],
      predicted: [],
    },
    { id: 'm5', text: 'Kino um 20 Uhr?', gold: [], goldContract: [], predicted: [] },
  ];
  const r = evaluate(messages);

  it('counts PII spans: TP 1, FP 1, FN 1', () => {
    expect(r.categories.pii).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(r.types['iban']).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(r.types['phone']).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(r.types['email']).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
  });

  it('counts credential spans', () => {
    expect(r.categories.credential).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
  });

  it('counts contract messages: TP 1 (m2), FP 1 (m3), FN 1 (m4)', () => {
    expect(r.categories.contract).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.categories.contract.precision).toBe(0.5);
    expect(r.categories.contract.recall).toBe(0.5);
    expect(r.types['price']).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(r.types['discount']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.types['term']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('sums everything into the overall micro average', () => {
    expect(r.overall).toMatchObject({ tp: 3, fp: 2, fn: 2 });
    expect(r.overall.precision).toBe(0.6);
    expect(r.overall.recall).toBe(0.6);
    expect(r.overall.f1).toBeCloseTo(0.6, 12);
  });

  it('reports types the set does not label separately', () => {
    expect(r.unevaluated).toEqual({ 'work-discussion': 1 });
  });

  it('lists errors with the matched text', () => {
    expect(r.errors).toContainEqual({
      kind: 'fn',
      category: 'pii',
      type: 'phone',
      id: 'm1',
      text: '0151 23456789',
    });
    expect(r.errors).toContainEqual({
      kind: 'fp',
      category: 'pii',
      type: 'email',
      id: 'm1',
      text: 'IBAN',
    });
    expect(r.errors).toContainEqual({
      kind: 'fp',
      category: 'contract',
      type: 'price',
      id: 'm3',
      text: 'Pizza 9,50 – pw: Sommer2024!',
    });
  });

  it('checks the targets', () => {
    const t = checkTargets(r);
    expect(t.met).toBe(false);
    expect(t.failing.some((f) => f.startsWith('PII micro-F1'))).toBe(true);
  });
});

describe('gold spans from labels', () => {
  it('places values, takes the next occurrence for a repeated value, and keeps contract labels apart', () => {
    const m: EvalMessage = {
      id: 'x',
      lang: 'de',
      platform: 'whatsapp',
      group: false,
      text: '> DE89 3704 0044 0532 0130 00\nDE89 3704 0044 0532 0130 00 stimmt? Rabatt 5 %',
      labels: [
        { type: 'iban', value: 'DE89 3704 0044 0532 0130 00' },
        { type: 'iban', value: 'DE89 3704 0044 0532 0130 00' },
        { type: 'discount' },
      ],
    };
    expect(goldSpans(m)).toEqual([
      { type: 'iban', start: 2, end: 29 },
      { type: 'iban', start: 30, end: 57 },
    ]);
    expect(goldContractTypes(m)).toEqual(['discount']);
  });

  it('throws when a value is not in the text', () => {
    const m: EvalMessage = {
      id: 'y',
      lang: 'en',
      platform: 'wechat',
      group: true,
      text: 'nothing here',
      labels: [{ type: 'email', value: 'a@example.com' }],
    };
    expect(() => goldSpans(m)).toThrow(/not in text/);
  });
});
