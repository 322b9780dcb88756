import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/detect/normalize.js';
import { readCorpus } from '../../src/work/corpus.js';
import { featureSlots, type SlotBuffer } from '../../src/work/feature-slots.js';
import { FeatureTable } from '../../src/work/feature-table.js';
import { readModel, WorkScorer } from '../../src/work/model.js';
import { DEFAULT_TOKENIZER, tokenizeInto, type TokenizerOptions } from '../../src/work/tokenize.js';

const model = readModel();
const features = Object.keys(model.weights);
const table = new FeatureTable(features);
const slotOf = new Map(features.map((f, slot) => [f, slot]));

/** What `tokenizeInto` gives, as known slots with their spans. */
function reference(text: string, options: TokenizerOptions) {
  const tokens: string[] = [];
  const spans: number[] = [];
  const words = tokenizeInto(text, options, tokens, spans);
  const slots: number[] = [];
  const kept: number[] = [];
  tokens.forEach((token, i) => {
    const slot = slotOf.get(token);
    if (slot === undefined) return;
    slots.push(slot);
    kept.push(spans[2 * i]!, spans[2 * i + 1]!);
  });
  return { words, slots, spans: kept };
}

function fast(text: string, options: TokenizerOptions) {
  const out: SlotBuffer = { slots: new Int32Array(4), count: 0, spans: new Int32Array(8) };
  const words = featureSlots(text, options, table, out);
  return {
    words,
    slots: [...out.slots.subarray(0, out.count)],
    spans: [...out.spans!.subarray(0, 2 * out.count)],
  };
}

function expectSame(text: string, options: TokenizerOptions = model.tokenizer): void {
  const got = fast(text, options);
  if (got.words < 0) return; // handed back to `tokenizeInto`
  expect(got, JSON.stringify(text)).toEqual(reference(text, options));
}

describe('featureSlots', () => {
  it('gives the features tokenizeInto gives, in order, for the corpus', () => {
    for (const m of [...readCorpus('train'), ...readCorpus('heldout')]) {
      expectSame(normalizeText(m.text).text);
      expectSame(m.text.toUpperCase());
    }
  });

  it('gives the same on random mixed-script text', () => {
    const alphabet = fc.constantFrom(
      ...'aAbBeEnNgGrRsSdDuUäÄöÖüÜßẞéÉçıİΣσςkK0123456789 .,-_#@\n\t'.split(''),
      ...['客户', '开会', '了', '报价单', '😀', 'Kunden', 'meetings', 'ungen', 'KW45', 'Q1'],
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => expectSame(parts.join(''))),
      { numRuns: 2000 },
    );
  });

  it('hands texts with a context-dependent lower case back', () => {
    expect(fast('GROSSES İSTANBUL', DEFAULT_TOKENIZER).words).toBe(-1);
    expect(fast('ΟΔΟΣ', DEFAULT_TOKENIZER).words).toBe(-1);
  });

  it('keeps the scorer’s figures equal to scoring the token strings', () => {
    const scorer = new WorkScorer(model);
    for (const m of readCorpus('heldout')) {
      const text = normalizeText(m.text).text;
      const fastScore = scorer.measure(text, false);
      const recorded = scorer.measure(text, true);
      expect(fastScore).toEqual(recorded);
    }
  });
});
