// natural's package root loads `.env` into process.env and prints to stdout: import the
// classifiers by their deep path only.
import classifiers from 'natural/lib/natural/classifiers/index.js';
import { normalizeText } from '../detect/normalize.js';
import { decideWork } from './classify.js';
import type { CorpusMessage, WorkLabel } from './corpus.js';
import { scoreMessages, type LanguageScores } from './evaluate.js';
import { WorkScorer, type BayesModel, type LogisticModel, type WorkModel } from './model.js';
import { DEFAULT_TOKENIZER, tokenize, type TokenizerOptions } from './tokenize.js';

/**
 * Training of the work classifier with natural (`npm run train:work`) and the measurements that
 * choose between its naive Bayes and logistic regression and pick the threshold. Everything here
 * is deterministic: the same corpus gives the same model, byte for byte.
 */

export type ModelKind = WorkModel['kind'];

export interface TrainConfig {
  kind: ModelKind;
  tokenizer: TokenizerOptions;
  /** Features seen in fewer training messages are dropped. */
  minDocs: number;
  /** Cross-validation folds used to pick the threshold. */
  folds: number;
  /** natural's Bayes smoothing (its default is 1). */
  smoothing: number;
}

export const DEFAULT_CONFIG: TrainConfig = {
  kind: 'bayes',
  tokenizer: DEFAULT_TOKENIZER,
  minDocs: 1,
  folds: 5,
  smoothing: 1,
};

interface FeatureDoc {
  label: WorkLabel;
  features: string[];
}

/** Unique features of a message, as the detector sees it (normalized text). */
export function messageFeatures(text: string, tokenizer: TokenizerOptions): string[] {
  return [...new Set(tokenize(normalizeText(text).text, tokenizer))];
}

function featureDocs(messages: readonly CorpusMessage[], config: TrainConfig): FeatureDoc[] {
  const docs = messages.map((m) => ({
    label: m.label,
    features: messageFeatures(m.text, config.tokenizer),
  }));
  if (config.minDocs <= 1) return docs;
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.features) df.set(f, (df.get(f) ?? 0) + 1);
  return docs.map((d) => ({
    label: d.label,
    features: d.features.filter((f) => (df.get(f) ?? 0) >= config.minDocs),
  }));
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function sortedRecord<T>(entries: Array<[string, T]>): Record<string, T> {
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function trainedOn(docs: readonly FeatureDoc[], features: number): WorkModel['trainedOn'] {
  const work = docs.filter((d) => d.label === 'work').length;
  return { messages: docs.length, work, private: docs.length - work, features };
}

interface ApparatusBayes {
  classFeatures: Record<string, Record<number, number>>;
  classTotals: Record<string, number>;
  smoothing: number;
}

/** natural's BayesClassifier, trained on our tokens, turned into per-feature log-odds. */
export function trainBayes(docs: readonly FeatureDoc[], config: TrainConfig): BayesModel {
  const classifier = new classifiers.BayesClassifier(undefined, config.smoothing);
  for (const d of docs) classifier.addDocument(d.features, d.label);
  classifier.train();
  const inner = classifier.classifier as unknown as ApparatusBayes;
  // natural numbers features in the order of `features` (textToFeatures iterates it).
  const vocabulary = Object.keys(classifier.features);
  const work = inner.classFeatures.work ?? {};
  const other = inner.classFeatures.private ?? {};
  const totalWork = inner.classTotals.work ?? 1;
  const totalOther = inner.classTotals.private ?? 1;
  const weights = vocabulary.map((feature, i): [string, number] => {
    const cw = work[i] ?? inner.smoothing;
    const cp = other[i] ?? inner.smoothing;
    return [feature, round(Math.log(cw / totalWork) - Math.log(cp / totalOther))];
  });
  return {
    format: 1,
    kind: 'bayes',
    tokenizer: config.tokenizer,
    threshold: 0.5,
    trainedOn: trainedOn(docs, vocabulary.length),
    bias: round(Math.log(totalWork / totalOther)),
    weights: sortedRecord(weights),
  };
}

interface ApparatusLogistic {
  classifications: string[];
  theta: Array<{ elements: number[] }>;
}

/** natural's LogisticRegressionClassifier (gradient descent over dense vectors: slow). */
export function trainLogistic(docs: readonly FeatureDoc[], config: TrainConfig): LogisticModel {
  const classifier = new classifiers.LogisticRegressionClassifier();
  for (const d of docs) classifier.addDocument(d.features, d.label);
  classifier.train();
  const inner = classifier.classifier as unknown as ApparatusLogistic;
  const vocabulary = Object.keys(classifier.features);
  const thetaOf = (label: string): number[] => {
    const index = inner.classifications.indexOf(label);
    const theta = inner.theta[index];
    if (!theta) throw new Error(`logistic regression has no weights for ${label}`);
    return theta.elements;
  };
  const work = thetaOf('work');
  const other = thetaOf('private');
  const weights = vocabulary.map((feature, i): [string, [number, number]] => [
    feature,
    [round(work[i] ?? 0), round(other[i] ?? 0)],
  ]);
  return {
    format: 1,
    kind: 'logistic-regression',
    tokenizer: config.tokenizer,
    threshold: 0.5,
    trainedOn: trainedOn(docs, vocabulary.length),
    weights: sortedRecord(weights),
  };
}

/** Trains one model on the messages (threshold left at 0.5). */
export function fitModel(messages: readonly CorpusMessage[], config: TrainConfig): WorkModel {
  const docs = featureDocs(messages, config);
  return config.kind === 'bayes' ? trainBayes(docs, config) : trainLogistic(docs, config);
}

/**
 * Deterministic stratified folds: the i-th message of each (language, label) group goes to fold
 * i mod k.
 */
export function foldOf(messages: readonly CorpusMessage[], k: number): number[] {
  const counters = new Map<string, number>();
  return messages.map((m) => {
    const key = `${m.lang}/${m.label}`;
    const i = counters.get(key) ?? 0;
    counters.set(key, i + 1);
    return i % k;
  });
}

export interface OutOfFold {
  message: CorpusMessage;
  /** With the detector's decision rule (evidence gate, no context): 0 for gated messages. */
  probability: number;
  /** The classifier's own probability (what natural's `classify()` thresholds at 0.5). */
  raw: number;
}

/**
 * Out-of-fold decisions: each message scored by a model trained without its fold (`only`: just
 * that fold, for slow models).
 */
export function crossValidate(
  messages: readonly CorpusMessage[],
  config: TrainConfig,
  only?: number,
): OutOfFold[] {
  const folds = foldOf(messages, config.folds);
  const out: OutOfFold[] = messages.map((message) => ({ message, probability: 0, raw: 0 }));
  for (let k = 0; k < config.folds; k++) {
    if (only !== undefined && k !== only) continue;
    const model = fitModel(
      messages.filter((_, i) => folds[i] !== k),
      config,
    );
    const scorer = new WorkScorer({ ...model, threshold: 0 });
    messages.forEach((m, i) => {
      if (folds[i] !== k) return;
      const text = normalizeText(m.text).text;
      const decision = decideWork(scorer, text);
      out[i]!.probability = decision.flagged ? decision.probability : 0;
      out[i]!.raw = scorer.probability(text);
    });
  }
  return only === undefined ? out : out.filter((_, i) => folds[i] === only);
}

/** Scores of out-of-fold decisions at one threshold. */
export function scoresAt(
  scored: ReadonlyArray<{ message: CorpusMessage; probability: number }>,
  threshold: number,
): LanguageScores {
  return scoreMessages(
    scored.map((s) => ({ message: s.message, predicted: s.probability >= threshold })),
  );
}

/** The threshold grid searched (0.50 … 0.99). */
const THRESHOLDS = Array.from({ length: 50 }, (_, i) => (50 + i) / 100);

/**
 * The threshold with the best mean F1 over the languages on out-of-fold decisions (ties: the
 * higher threshold, fewer false positives).
 */
export function pickThreshold(
  scored: ReadonlyArray<{ message: CorpusMessage; probability: number }>,
): { threshold: number; scores: LanguageScores } {
  let best: { threshold: number; scores: LanguageScores; mean: number } | undefined;
  for (const threshold of THRESHOLDS) {
    const scores = scoresAt(scored, threshold);
    const mean = (scores.de.f1 + scores.en.f1 + scores.zh.f1) / 3;
    if (!best || mean >= best.mean) best = { threshold, scores, mean };
  }
  return { threshold: best!.threshold, scores: best!.scores };
}

/** The committed model: trained on all of `messages`, threshold chosen by cross-validation. */
export function buildWorkModel(
  messages: readonly CorpusMessage[],
  config: TrainConfig = DEFAULT_CONFIG,
): WorkModel {
  const { threshold } = pickThreshold(crossValidate(messages, config));
  return { ...fitModel(messages, config), threshold };
}

/**
 * The JSON text of a model as committed: stable key order, one feature per line, formatted the way
 * prettier formats JSON (so `prettier --check .` passes on it).
 */
export function serializeModel(model: WorkModel): string {
  const text = JSON.stringify(model, null, 2).replace(
    /\[\n\s*(-?[\d.e+-]+),\n\s*(-?[\d.e+-]+)\n\s*\]/g,
    '[$1, $2]',
  );
  return `${text}\n`;
}
