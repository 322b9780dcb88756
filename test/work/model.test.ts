import { readFileSync } from 'node:fs';
import classifiers from 'natural/lib/natural/classifiers/index.js';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/detect/normalize.js';
import { readCorpus, WORK_LANGUAGES } from '../../src/work/corpus.js';
import { modelPath, readModel, WorkScorer } from '../../src/work/model.js';
import { buildWorkModel, messageFeatures, serializeModel } from '../../src/work/train.js';

const train = readCorpus('train');
const heldout = readCorpus('heldout');

describe('work corpus', () => {
  it('has several hundred messages per language, both labels, train and held-out apart', () => {
    for (const lang of WORK_LANGUAGES) {
      for (const label of ['work', 'private'] as const) {
        const n = (part: typeof train) =>
          part.filter((m) => m.lang === lang && m.label === label).length;
        expect(n(train), `train ${lang} ${label}`).toBeGreaterThanOrEqual(190);
        expect(n(heldout), `heldout ${lang} ${label}`).toBeGreaterThanOrEqual(75);
      }
    }
  });

  it('repeats no text, within or across the parts', () => {
    const texts = [...train, ...heldout].map((m) => m.text.trim().toLowerCase());
    const repeated = texts.filter((t, i) => texts.indexOf(t) !== i);
    expect(repeated).toEqual([]);
  });
});

describe('committed work model', () => {
  it('is what npm run train:work builds from the corpus', () => {
    const rebuilt = serializeModel(buildWorkModel(train));
    const committed = readFileSync(modelPath(), 'utf8');
    // Compare the parsed objects first (readable diff), then the exact text.
    expect(JSON.parse(committed)).toEqual(JSON.parse(rebuilt));
    expect(committed, 'run npm run train:work').toBe(rebuilt);
  }, 120_000);

  it('scores exactly like natural’s BayesClassifier on the same tokens', () => {
    const model = readModel();
    expect(model.kind).toBe('bayes');
    const scorer = new WorkScorer(model);
    const natural = new classifiers.BayesClassifier();
    for (const m of train) {
      natural.addDocument(messageFeatures(m.text, model.tokenizer), m.label);
    }
    natural.train();
    for (const m of heldout.filter((_, i) => i % 5 === 0)) {
      const features = messageFeatures(m.text, model.tokenizer);
      const classes = natural.getClassifications(features);
      const work = classes.find((c) => c.label === 'work')!.value;
      const other = classes.find((c) => c.label === 'private')!.value;
      const expected = work / (work + other);
      expect(scorer.probability(normalizeText(m.text).text), m.text).toBeCloseTo(expected, 4);
    }
  }, 60_000);
});
