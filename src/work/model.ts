import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';
import { FeatureTable } from './feature-table.js';
import { featureSlots, supportsSlots, type SlotBuffer } from './feature-slots.js';
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

/** Ring slots `contextEvidence` tries per line: lines mostly come in the order they were remembered. */
const PROBES = 4;

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
  /** The same features for lookups by text range (`measure` without `record`); undefined when the tokenizer needs strings. */
  private readonly table: FeatureTable | undefined;
  /** Feature slots and spans of `slotsText`, the text last measured without `record`. */
  private readonly slots: SlotBuffer = newSlotBuffer();
  private slotsText: string | undefined;
  /** Feature slots of the lines of `before` that `contextEvidence` measures. */
  private readonly lineSlots: SlotBuffer = newSlotBuffer();
  /** Where the lines of the `before` being read start. */
  private lineStarts = new Int32Array(64);
  /** Features an explanation never names: number shapes and function words (`STOPWORDS`). */
  private readonly unnamedSlot: Uint8Array;
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
    this.unnamedSlot = new Uint8Array(entries.length);
    entries.forEach(([feature, weight], slot) => {
      this.index.set(feature, slot);
      if (typeof weight === 'number') {
        this.work[slot] = weight;
      } else {
        this.work[slot] = weight[0];
        this.other[slot] = weight[1];
      }
      this.evidenceSlot[slot] = isEvidenceFeature(feature) ? 1 : 0;
      this.unnamedSlot[slot] = isShapeToken(feature) || STOPWORDS.has(feature) ? 1 : 0;
    });
    this.baseLogit = model.kind === 'bayes' ? model.bias : 0;
    this.table = supportsSlots(model.tokenizer)
      ? new FeatureTable(entries.map(([feature]) => feature))
      : undefined;
  }

  /**
   * Log-odds of work for a text, and some figures about its features: `units` counts words
   * (see `tokenizeInto`), `strongest` is the largest positive contribution of a feature that can
   * stand for a word (`isEvidenceFeature`; 0 when there is none). Each feature counts once
   * (natural's features are binary). With `record` (the default), the spans and the strongest
   * work words are kept for `topWorkWords` on the same text.
   */
  measure(text: string, record = true): { logit: number; units: number; strongest: number } {
    if (!record) {
      const units = this.slotsOf(text, this.slots);
      this.slotsText = text;
      return this.score(this.slots, units);
    }
    const tokens = this.tokens;
    tokens.length = 0;
    this.spans.length = 0;
    const units = tokenizeInto(text, this.tokenizer, tokens, this.spans);
    const generation = this.nextGeneration();
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
      if ((count < TOP || contribution > this.topWeight[TOP - 1]!) && !STOPWORDS.has(tokens[i]!)) {
        count = insertTop(this.topToken, this.topWeight, count, i, contribution);
      }
    }
    this.recordedText = text;
    this.recordedCount = count;
    const logit = bayes ? this.baseLogit + a : logSigmoid(a) - logSigmoid(b);
    return { logit, units, strongest };
  }

  /** Log-odds and strongest evidence from feature slots in text order (each slot counts once). */
  private score(
    buffer: SlotBuffer,
    units: number,
  ): { logit: number; units: number; strongest: number } {
    const { slots, count: n } = buffer;
    const generation = this.nextGeneration();
    let a = 0;
    let b = 0;
    let strongest = 0;
    const bayes = this.kind === 'bayes';
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      if (this.seen[slot] === generation) continue;
      this.seen[slot] = generation;
      const w = this.work[slot]!;
      a += w;
      let contribution = w;
      if (!bayes) {
        const o = this.other[slot]!;
        b += o;
        contribution = w - o;
      }
      if (this.evidenceSlot[slot] === 1 && contribution > strongest) strongest = contribution;
    }
    const logit = bayes ? this.baseLogit + a : logSigmoid(a) - logSigmoid(b);
    return { logit, units, strongest };
  }

  /**
   * Fills `buffer` with the slots and spans of the known features of `text` (without token
   * strings where the tokenizer allows) and returns the number of words.
   */
  private slotsOf(text: string, buffer: SlotBuffer): number {
    buffer.count = 0;
    if (this.table) {
      const units = featureSlots(text, this.tokenizer, this.table, buffer);
      if (units >= 0) return units;
    }
    const tokens = this.tokens;
    const spans = this.spans;
    tokens.length = 0;
    spans.length = 0;
    const units = tokenizeInto(text, this.tokenizer, tokens, spans);
    tokens.forEach((token, i) => {
      const slot = this.index.get(token);
      if (slot !== undefined) pushSlot(buffer, slot, spans[2 * i]!, spans[2 * i + 1]!);
    });
    // The recorded candidates point into `spans`, which now hold another text's.
    this.recordedText = undefined;
    return units;
  }

  private nextGeneration(): number {
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /**
   * Notes the log-odds of a message just scored, so that `contextEvidence` need not score it
   * again when it shows up in the next messages' `before`.
   */
  remember(text: string, logit: number): void {
    if (!text.includes('\n')) {
      this.rememberLine(text, logit - this.baseLogit);
      return;
    }
    // `before` holds a multi-line message line by line: remember its lines, measured when needed.
    for (const line of text.split('\n')) if (line.length > 0) this.rememberLine(line, NaN);
  }

  private rememberLine(line: string, evidence: number): void {
    this.recentTexts[this.recentNext] = line;
    this.recentLengths[this.recentNext] = line.length;
    this.recentEvidence[this.recentNext] = evidence;
    this.recentNext = (this.recentNext + 1) % RECENT;
  }

  /**
   * Evidence for work in the preceding messages: the sum over the lines of `before` of each
   * line's log-odds minus the base log-odds. Lines are usually messages just scored
   * (`remember`), whose evidence is reused.
   */
  contextEvidence(before: string): number {
    // Line starts found forwards (`indexOf` is fast, `lastIndexOf` is not), used newest first.
    let count = 0;
    for (let at = 0; ;) {
      if (count === this.lineStarts.length) this.lineStarts = growInt32(this.lineStarts);
      this.lineStarts[count++] = at;
      const newline = before.indexOf('\n', at);
      if (newline < 0) break;
      at = newline + 1;
    }
    const lines: string[] = [];
    for (let k = count - 1; k >= 0; k--) {
      const start = this.lineStarts[k]!;
      const end = k + 1 < count ? this.lineStarts[k + 1]! - 1 : before.length;
      if (end > start) lines.push(before.slice(start, end));
    }
    return this.contextEvidenceOfLines(lines);
  }

  /**
   * `contextEvidence` from the non-empty lines of `before`, newest first (what the scanner gives
   * without building `before`, see `DetectorContext.beforeLines`).
   */
  contextEvidenceOfLines(lines: readonly string[]): number {
    let sum = 0;
    // Newest line first: it is usually the newest remembered message, the line before it the
    // one remembered before that, so each search starts where the last one matched.
    let hint = (this.recentNext - 1 + RECENT) % RECENT;
    for (const line of lines) {
      const slot = this.findRecent(line, hint);
      if (slot >= 0) {
        let evidence = this.recentEvidence[slot]!;
        if (Number.isNaN(evidence)) {
          evidence = this.lineEvidence(line);
          this.recentEvidence[slot] = evidence;
        }
        sum += evidence;
        hint = (slot - 1 + RECENT) % RECENT;
      } else {
        sum += this.lineEvidence(line);
      }
    }
    return sum;
  }

  /** A line's log-odds minus the base log-odds; 0 for a blank line (it says nothing). */
  private lineEvidence(line: string): number {
    if (line.trim() === '') return 0;
    const units = this.slotsOf(line, this.lineSlots);
    return this.score(this.lineSlots, units).logit - this.baseLogit;
  }

  /**
   * The ring slot holding `line`, searching a few slots backwards from `hint`; -1 when not found
   * there. Only a shortcut: a line not found is measured, which gives the same evidence, and lines
   * that are no message of their own (the cut-off first line of `before`, the lines of a
   * multi-line message) would otherwise cost a search of the whole ring each.
   */
  private findRecent(line: string, hint: number): number {
    const length = line.length;
    for (let k = 0; k < PROBES; k++) {
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
      return pickWords(text, this.spans, this.topToken, this.recordedCount, limit);
    }
    const found = this.slots;
    // Usually the message just measured: its slots are still there.
    if (text !== this.slotsText) {
      this.slotsOf(text, found);
      this.slotsText = text;
    }
    const generation = this.nextGeneration();
    // The strongest TOP candidates by weight, kept sorted by insertion (word-like ones and single
    // CJK characters apart).
    const topToken = this.topToken;
    const topWeight = this.topWeight;
    const singleToken = this.topToken2;
    const singleWeight = this.topWeight2;
    let count = 0;
    let singles = 0;
    for (let i = 0; i < found.count; i++) {
      const slot = found.slots[i]!;
      if (this.seen[slot] === generation) continue;
      this.seen[slot] = generation;
      const weight =
        this.kind === 'bayes' ? this.work[slot]! : this.work[slot]! - this.other[slot]!;
      if (weight <= 0 || this.unnamedSlot[slot] === 1) continue;
      if (this.evidenceSlot[slot] === 1) count = insertTop(topToken, topWeight, count, i, weight);
      else singles = insertTop(singleToken, singleWeight, singles, i, weight);
    }
    this.recordedText = undefined;
    const spans = found.spans!;
    return count > 0
      ? pickWords(text, spans, topToken, count, limit)
      : pickWords(text, spans, singleToken, singles, limit);
  }
}

function growInt32(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

function newSlotBuffer(): SlotBuffer {
  return { slots: new Int32Array(256), count: 0, spans: new Int32Array(512) };
}

function pushSlot(buffer: SlotBuffer, slot: number, start: number, end: number): void {
  if (buffer.count === buffer.slots.length) {
    const slots = new Int32Array(buffer.count * 2);
    slots.set(buffer.slots);
    buffer.slots = slots;
    const spans = new Int32Array(buffer.count * 4);
    spans.set(buffer.spans!);
    buffer.spans = spans;
  }
  buffer.spans![2 * buffer.count] = start;
  buffer.spans![2 * buffer.count + 1] = end;
  buffer.slots[buffer.count++] = slot;
}

/** The first `limit` candidates (in order) whose source does not overlap an earlier pick. */
function pickWords(
  text: string,
  spans: ArrayLike<number>,
  order: Int32Array,
  n: number,
  limit: number,
): string[] {
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
