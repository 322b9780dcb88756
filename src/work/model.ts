import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';
import { isShapeToken, STOPWORDS, tokenizeInto, type TokenizerOptions } from './tokenize.js';

/**
 * The trained work classifier as stored in `data/work-model.json` (written by
 * `npm run train:work`), and the scan-time scorer that uses its parameters directly: a feature's
 * contribution to the log-odds of "work" is looked up in a Map and summed, which is what natural's
 * `classify()` computes, without its dense feature vectors.
 */

interface ModelCommon {
  format: 1;
  tokenizer: TokenizerOptions;
  /** Report a message when its probability of being work is at least this. */
  threshold: number;
  /** What the model was trained on (for the docs and the consistency test). */
  trainedOn: { messages: number; work: number; private: number; features: number };
}

/**
 * Bernoulli-style naive Bayes as natural (apparatus) computes it: only present features count;
 * `bias` is the log prior odds, `weights[f]` is log P(f|work) − log P(f|private).
 */
export interface BayesModel extends ModelCommon {
  kind: 'bayes';
  bias: number;
  weights: Record<string, number>;
}

/**
 * natural's one-vs-rest logistic regression (no intercept at prediction time):
 * `weights[f] = [θ_work[f], θ_private[f]]`, p = σ(a) / (σ(a) + σ(b)).
 */
export interface LogisticModel extends ModelCommon {
  kind: 'logistic-regression';
  weights: Record<string, [number, number]>;
}

export type WorkModel = BayesModel | LogisticModel;

export function modelPath(root = packageRoot()): string {
  return join(root, 'data', 'work-model.json');
}

export function readModel(path = modelPath()): WorkModel {
  const model = JSON.parse(readFileSync(path, 'utf8')) as WorkModel;
  if (model.format !== 1) throw new Error(`${path}: unsupported work model format`);
  return model;
}

/** Messages remembered for context: `before` (~300 characters) rarely holds more than 64 lines. */
const RECENT = 64;

/** Candidates kept for an explanation's words (a few more than shown, for overlaps). */
const TOP = 8;

/** Inserts (token, weight) into arrays sorted by descending weight; returns the new count. */
function insertTop(
  tokens: Int32Array,
  weights: Float64Array,
  count: number,
  token: number,
  weight: number,
): number {
  if (count === TOP && weight <= weights[TOP - 1]!) return count;
  let k = count === TOP ? TOP - 1 : count;
  while (k > 0 && weights[k - 1]! < weight) {
    tokens[k] = tokens[k - 1]!;
    weights[k] = weights[k - 1]!;
    k--;
  }
  tokens[k] = token;
  weights[k] = weight;
  return count === TOP ? TOP : count + 1;
}

const logSigmoid = (z: number): number =>
  z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));

export class WorkScorer {
  readonly threshold: number;
  readonly tokenizer: TokenizerOptions;
  readonly kind: WorkModel['kind'];
  /** Log-odds of a message without any known feature. */
  readonly baseLogit: number;
  /** Feature → slot in the arrays below. */
  private readonly index = new Map<string, number>();
  private readonly work: Float64Array;
  private readonly other: Float64Array;
  private readonly evidenceSlot: Uint8Array;
  /** `seen[slot] === generation` when the feature was already counted in this text. */
  private readonly seen: Uint32Array;
  private generation = 0;
  // Scratch buffers reused by every call (scoring is synchronous).
  private readonly tokens: string[] = [];
  private readonly spans: number[] = [];
  private readonly topToken = new Int32Array(TOP);
  private readonly topWeight = new Float64Array(TOP);
  private readonly topToken2 = new Int32Array(TOP);
  private readonly topWeight2 = new Float64Array(TOP);
  /** The text last measured with `record` (its spans and top candidates are kept). */
  private recordedText: string | undefined;
  private recordedCount = 0;
  /** Evidence of the last `RECENT` remembered messages (a ring), for `contextEvidence`. */
  private readonly recentTexts: string[] = new Array<string>(RECENT).fill('');
  private readonly recentLengths = new Int32Array(RECENT).fill(-1);
  private readonly recentEvidence = new Float64Array(RECENT);
  private recentNext = 0;

  constructor(model: WorkModel) {
    this.threshold = model.threshold;
    this.tokenizer = model.tokenizer;
    this.kind = model.kind;
    const entries: Array<[string, number | [number, number]]> =
      model.kind === 'bayes' ? Object.entries(model.weights) : Object.entries(model.weights);
    this.work = new Float64Array(entries.length);
    this.other = new Float64Array(entries.length);
    this.evidenceSlot = new Uint8Array(entries.length);
    this.seen = new Uint32Array(entries.length);
    entries.forEach(([feature, weight], slot) => {
      this.index.set(feature, slot);
      if (typeof weight === 'number') {
        this.work[slot] = weight;
      } else {
        this.work[slot] = weight[0];
        this.other[slot] = weight[1];
      }
      this.evidenceSlot[slot] = isEvidenceFeature(feature) ? 1 : 0;
    });
    this.baseLogit = model.kind === 'bayes' ? model.bias : 0;
  }

  /**
   * Log-odds of work for a text, and some figures about its features: `units` counts words
   * (see `tokenizeInto`), `strongest` is the largest positive contribution of a feature that can
   * stand for a word (`isEvidenceFeature`; 0 when there is none). Each feature counts once
   * (natural's features are binary). With `record` (the default), the spans and the strongest
   * work words are kept for `topWorkWords` on the same text.
   */
  measure(text: string, record = true): { logit: number; units: number; strongest: number } {
    const tokens = this.tokens;
    tokens.length = 0;
    if (record) this.spans.length = 0;
    const units = tokenizeInto(text, this.tokenizer, tokens, record ? this.spans : undefined);
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    const generation = this.generation;
    let a = 0;
    let b = 0;
    let strongest = 0;
    let count = 0;
    const bayes = this.kind === 'bayes';
    for (let i = 0; i < tokens.length; i++) {
      const slot = this.index.get(tokens[i]!);
      if (slot === undefined || this.seen[slot] === generation) continue;
      this.seen[slot] = generation;
      const w = this.work[slot]!;
      a += w;
      let contribution = w;
      if (!bayes) {
        const o = this.other[slot]!;
        b += o;
        contribution = w - o;
      }
      if (this.evidenceSlot[slot] !== 1 || contribution <= 0) continue;
      if (contribution > strongest) strongest = contribution;
      // Candidates for the explanation's work words (cheap: most tokens fail the first test).
      if (
        record &&
        (count < TOP || contribution > this.topWeight[TOP - 1]!) &&
        !STOPWORDS.has(tokens[i]!)
      ) {
        count = insertTop(this.topToken, this.topWeight, count, i, contribution);
      }
    }
    if (record) {
      this.recordedText = text;
      this.recordedCount = count;
    }
    const logit = bayes ? this.baseLogit + a : logSigmoid(a) - logSigmoid(b);
    return { logit, units, strongest };
  }

  /**
   * Notes the log-odds of a message just scored, so that `contextEvidence` need not score it
   * again when it shows up in the next messages' `before`.
   */
  remember(text: string, logit: number): void {
    this.recentTexts[this.recentNext] = text;
    this.recentLengths[this.recentNext] = text.length;
    this.recentEvidence[this.recentNext] = logit - this.baseLogit;
    this.recentNext = (this.recentNext + 1) % RECENT;
  }

  /**
   * Evidence for work in the preceding messages: the sum over the lines of `before` of each
   * line's log-odds minus the base log-odds. Lines are usually messages just scored
   * (`remember`), whose evidence is reused.
   */
  contextEvidence(before: string): number {
    let sum = 0;
    // Newest line first: it is usually the newest remembered message, the line before it the
    // one remembered before that, so each search starts where the last one matched.
    let hint = (this.recentNext - 1 + RECENT) % RECENT;
    let end = before.length;
    while (end > 0) {
      const start = before.lastIndexOf('\n', end - 1) + 1;
      if (end > start) {
        const line = before.slice(start, end);
        const slot = this.findRecent(line, hint);
        if (slot >= 0) {
          sum += this.recentEvidence[slot]!;
          hint = (slot - 1 + RECENT) % RECENT;
        } else if (line.trim() !== '') {
          sum += this.measure(line, false).logit - this.baseLogit;
        }
      }
      end = start - 1;
    }
    return sum;
  }

  /** The ring slot holding `line`, searching backwards from `hint`; -1 when not remembered. */
  private findRecent(line: string, hint: number): number {
    const length = line.length;
    for (let k = 0; k < RECENT; k++) {
      const slot = (hint - k + RECENT) % RECENT;
      if (this.recentLengths[slot] === length && this.recentTexts[slot] === line) return slot;
    }
    return -1;
  }

  /** Log-odds of work for a text. */
  logit(text: string): number {
    return this.measure(text, false).logit;
  }

  /** Probability that a text is work talk, from the text alone. */
  probability(text: string): number {
    return sigmoid(this.logit(text));
  }

  /**
   * The strongest work words of a text, as written, for explanations: features with a positive
   * weight, no function words (`STOPWORDS`) or number shapes, none overlapping a stronger one
   * (`客户要求` gives `客户`, not also `户要`; an affix stands for its whole word), single CJK
   * characters only when nothing else qualifies.
   */
  topWorkWords(text: string, limit = 3): string[] {
    if (text === this.recordedText && this.recordedCount > 0) {
      // The message measured last: its spans and candidates are still there.
      return this.pickWords(text, this.topToken, this.recordedCount, limit);
    }
    const tokens = this.tokens;
    const spans = this.spans;
    tokens.length = 0;
    spans.length = 0;
    tokenizeInto(text, this.tokenizer, tokens, spans);
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    // The strongest TOP candidates by weight, kept sorted by insertion (word-like ones and single
    // CJK characters apart).
    const topToken = this.topToken;
    const topWeight = this.topWeight;
    const singleToken = this.topToken2;
    const singleWeight = this.topWeight2;
    let count = 0;
    let singles = 0;
    for (let i = 0; i < tokens.length; i++) {
      const feature = tokens[i]!;
      const slot = this.index.get(feature);
      if (slot === undefined || this.seen[slot] === this.generation) continue;
      this.seen[slot] = this.generation;
      const weight =
        this.kind === 'bayes' ? this.work[slot]! : this.work[slot]! - this.other[slot]!;
      if (weight <= 0 || isShapeToken(feature) || STOPWORDS.has(feature)) continue;
      if (this.evidenceSlot[slot] === 1) count = insertTop(topToken, topWeight, count, i, weight);
      else singles = insertTop(singleToken, singleWeight, singles, i, weight);
    }
    this.recordedText = undefined;
    return count > 0
      ? this.pickWords(text, topToken, count, limit)
      : this.pickWords(text, singleToken, singles, limit);
  }

  /** The first `limit` candidates (in order) whose source does not overlap an earlier pick. */
  private pickWords(text: string, order: Int32Array, n: number, limit: number): string[] {
    const spans = this.spans;
    const words: string[] = [];
    const taken: number[] = [];
    for (let c = 0; c < n && words.length < limit; c++) {
      const token = order[c]!;
      const start = spans[2 * token]!;
      const end = spans[2 * token + 1]!;
      let overlaps = false;
      for (let k = 0; k < taken.length; k += 2) {
        if (start < taken[k + 1]! && taken[k]! < end) overlaps = true;
      }
      if (overlaps) continue;
      taken.push(start, end);
      words.push(text.slice(start, end));
    }
    return words;
  }
}

/**
 * Features that can count as a message's own evidence: words, word affixes and CJK pairs; not
 * number shapes and not single CJK characters (`的`, `了`, `好` are everywhere).
 */
export function isEvidenceFeature(feature: string): boolean {
  if (isShapeToken(feature)) return false;
  return feature.length > 1 || feature.charCodeAt(0) < 0x3400;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

let shared: WorkScorer | undefined;

/** The scorer for the committed model, loaded on first use. */
export function workScorer(): WorkScorer {
  shared ??= new WorkScorer(readModel());
  return shared;
}
