/**
 * Pure scoring for `npm run eval` (see `docs/quality.md`). No I/O here: the evaluation set and the
 * detector run live in `scripts/eval.ts`, so these functions can be unit-tested on hand-made cases.
 *
 * - PII and credential types are scored span by span: a prediction matches a gold label of the
 *   same type when their spans overlap; each gold label and each prediction is matched at most
 *   once (largest overlap first), unmatched predictions are false positives, unmatched gold
 *   labels false negatives.
 * - Contract types are scored message by message: a message is positive for the category when it
 *   has any contract label, and predicted positive when any contract finding was reported; the
 *   per-type contract rows use the same rule restricted to one type.
 */

import { CONTRACT_TYPES } from '../src/model/finding.js';

export type EvalCategory = 'pii' | 'contract' | 'credential';

export const PII_TYPES = [
  'email',
  'phone',
  'iban',
  'payment-card',
  'cn-resident-id',
  'de-tax-id',
  'eu-vat-id',
  'passport-number',
  'date-of-birth',
  'postal-address',
  'de-id-card',
] as const;

export { CONTRACT_TYPES };

export const CREDENTIAL_TYPES = [
  'password',
  'api-key',
  'one-time-code',
  'private-key',
  'otpauth-uri',
] as const;

export type PiiType = (typeof PII_TYPES)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];
export type EvalType = PiiType | ContractType | CredentialType;

const CATEGORY_OF = new Map<string, EvalCategory>([
  ...PII_TYPES.map((t) => [t, 'pii'] as const),
  ...CONTRACT_TYPES.map((t) => [t, 'contract'] as const),
  ...CREDENTIAL_TYPES.map((t) => [t, 'credential'] as const),
]);

/** The evaluated category of a type, or undefined for types the set does not label. */
export function categoryOf(type: string): EvalCategory | undefined {
  return CATEGORY_OF.get(type);
}

/** Targets the project has set itself (printed with the figures; never enforced). */
export const TARGETS = {
  piiMicroF1: 0.95,
  piiTypeF1: 0.9,
  contractMessageF1: 0.85,
} as const;

/** A gold label placed in its message text. */
export interface GoldSpan {
  type: string;
  start: number;
  end: number;
}

/** What a detector reported for a message (offsets into the message text). */
export interface PredictedSpan {
  type: string;
  category: string;
  start: number;
  end: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 from counts. With nothing predicted precision is 1 (no wrong claims);
 * with nothing to find recall is 1; F1 is 0 when both are 0.
 */
export function score(counts: Counts): Scores {
  const { tp, fp, fn } = counts;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function addCounts(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

export function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/** One scoring event, for the error listing. */
export interface SpanError {
  kind: 'fp' | 'fn';
  type: string;
  start: number;
  end: number;
}

export interface SpanMatch {
  /** Counts per type (only types that occurred in gold or predictions). */
  byType: Map<string, Counts>;
  errors: SpanError[];
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

function countsOf(map: Map<string, Counts>, type: string): Counts {
  let counts = map.get(type);
  if (!counts) {
    counts = zero();
    map.set(type, counts);
  }
  return counts;
}

function bump(map: Map<string, Counts>, type: string, key: keyof Counts): void {
  countsOf(map, type)[key] += 1;
}

/**
 * Span-level matching within one message. Pairs of the same type whose spans overlap are
 * candidates; the pair with the largest overlap is matched first, then the next among the
 * remaining ones (ties: earlier gold, then earlier prediction). A detector that splits one IBAN
 * into two findings therefore earns one TP and one FP; one finding that covers two gold values
 * earns one TP and one FN.
 */
export function matchSpans(
  gold: readonly GoldSpan[],
  predicted: readonly PredictedSpan[],
): SpanMatch {
  const pairs: Array<{ g: number; p: number; overlap: number }> = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (g.type !== p.type) return;
      const o = overlap(g, p);
      // Zero-width spans never overlap anything; a touching pair (end === start) does not overlap.
      if (o > 0) pairs.push({ g: gi, p: pi, overlap: o });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.g - b.g || a.p - b.p);
  const goldUsed = new Set<number>();
  const predUsed = new Set<number>();
  const byType = new Map<string, Counts>();
  const errors: SpanError[] = [];
  for (const pair of pairs) {
    if (goldUsed.has(pair.g) || predUsed.has(pair.p)) continue;
    goldUsed.add(pair.g);
    predUsed.add(pair.p);
    bump(byType, gold[pair.g]!.type, 'tp');
  }
  gold.forEach((g, gi) => {
    if (goldUsed.has(gi)) return;
    bump(byType, g.type, 'fn');
    errors.push({ kind: 'fn', type: g.type, start: g.start, end: g.end });
  });
  predicted.forEach((p, pi) => {
    if (predUsed.has(pi)) return;
    bump(byType, p.type, 'fp');
    errors.push({ kind: 'fp', type: p.type, start: p.start, end: p.end });
  });
  return { byType, errors };
}

/**
 * Message-level decision: TP when gold and prediction are both positive, FP when only the
 * prediction is, FN when only the gold is, nothing when both are negative.
 */
export function messageOutcome(goldPositive: boolean, predictedPositive: boolean): Counts {
  return {
    tp: goldPositive && predictedPositive ? 1 : 0,
    fp: !goldPositive && predictedPositive ? 1 : 0,
    fn: goldPositive && !predictedPositive ? 1 : 0,
  };
}

/** One message of the evaluation set with its gold spans and the findings reported for it. */
export interface ScoredMessage {
  id: string;
  text: string;
  /** Span-level gold labels (PII and credential types). */
  gold: GoldSpan[];
  /** Message-level gold labels (contract types). */
  goldContract: string[];
  predicted: PredictedSpan[];
}

export interface ErrorEntry {
  kind: 'fp' | 'fn';
  category: EvalCategory;
  type: string;
  id: string;
  /** The matched text (span types) or the message text (contract message-level errors). */
  text: string;
}

export interface Report {
  messages: number;
  /** Span-level rows for PII and credential types; message-level rows for contract types. */
  types: Record<string, Scores & { category: EvalCategory }>;
  categories: {
    pii: Scores;
    credential: Scores;
    /** Message-level: any contract label vs any contract finding. */
    contract: Scores;
  };
  /** Micro average over PII spans, credential spans and contract messages together. */
  overall: Scores;
  /** Findings of types this set does not label (e.g. `person-name`, `work-discussion`). */
  unevaluated: Record<string, number>;
  errors: ErrorEntry[];
}

function rowsFor(types: readonly string[], counts: Map<string, Counts>): Record<string, Scores> {
  const out: Record<string, Scores> = {};
  for (const type of types) out[type] = score(counts.get(type) ?? zero());
  return out;
}

/** Scores a whole part of the evaluation set. */
export function evaluate(messages: readonly ScoredMessage[]): Report {
  const spanCounts = new Map<string, Counts>();
  const contractCounts = new Map<string, Counts>();
  const contractCategory = zero();
  const unevaluated: Record<string, number> = {};
  const errors: ErrorEntry[] = [];

  for (const message of messages) {
    const spanPredictions: PredictedSpan[] = [];
    const contractPredicted = new Set<string>();
    let anyContractFinding = false;
    for (const p of message.predicted) {
      const category = categoryOf(p.type);
      if (p.category === 'contract') anyContractFinding = true;
      if (category === 'pii' || category === 'credential') spanPredictions.push(p);
      else if (category === 'contract') contractPredicted.add(p.type);
      else unevaluated[p.type] = (unevaluated[p.type] ?? 0) + 1;
    }

    const matched = matchSpans(message.gold, spanPredictions);
    for (const [type, counts] of matched.byType) {
      addCounts(countsOf(spanCounts, type), counts);
    }
    for (const e of matched.errors) {
      errors.push({
        kind: e.kind,
        category: categoryOf(e.type) as EvalCategory,
        type: e.type,
        id: message.id,
        text: message.text.slice(e.start, e.end),
      });
    }

    const goldContract = new Set(message.goldContract);
    const outcome = messageOutcome(goldContract.size > 0, anyContractFinding);
    addCounts(contractCategory, outcome);
    for (const type of CONTRACT_TYPES) {
      const o = messageOutcome(goldContract.has(type), contractPredicted.has(type));
      if (o.tp + o.fp + o.fn === 0) continue;
      addCounts(countsOf(contractCounts, type), o);
      if (o.fp || o.fn) {
        errors.push({
          kind: o.fp ? 'fp' : 'fn',
          category: 'contract',
          type,
          id: message.id,
          text: message.text,
        });
      }
    }
  }

  const sumOf = (types: readonly string[], counts: Map<string, Counts>): Counts =>
    types.reduce((acc, t) => addCounts(acc, counts.get(t) ?? zero()), zero());
  const pii = sumOf(PII_TYPES, spanCounts);
  const credential = sumOf(CREDENTIAL_TYPES, spanCounts);
  const overall = addCounts(addCounts(addCounts(zero(), pii), credential), contractCategory);

  const types: Report['types'] = {};
  for (const [type, s] of Object.entries(rowsFor(PII_TYPES, spanCounts)))
    types[type] = { ...s, category: 'pii' };
  for (const [type, s] of Object.entries(rowsFor(CONTRACT_TYPES, contractCounts)))
    types[type] = { ...s, category: 'contract' };
  for (const [type, s] of Object.entries(rowsFor(CREDENTIAL_TYPES, spanCounts)))
    types[type] = { ...s, category: 'credential' };

  return {
    messages: messages.length,
    types,
    categories: {
      pii: score(pii),
      credential: score(credential),
      contract: score(contractCategory),
    },
    overall: score(overall),
    unevaluated,
    errors,
  };
}

/** Which targets a report meets; `failing` names what falls short. */
export function checkTargets(report: Report): { met: boolean; failing: string[] } {
  const failing: string[] = [];
  if (report.categories.pii.f1 < TARGETS.piiMicroF1)
    failing.push(`PII micro-F1 ${report.categories.pii.f1.toFixed(3)} < ${TARGETS.piiMicroF1}`);
  for (const type of PII_TYPES) {
    const row = report.types[type];
    if (row && row.f1 < TARGETS.piiTypeF1)
      failing.push(`${type} F1 ${row.f1.toFixed(3)} < ${TARGETS.piiTypeF1}`);
  }
  if (report.categories.contract.f1 < TARGETS.contractMessageF1)
    failing.push(
      `contract message-level F1 ${report.categories.contract.f1.toFixed(3)} < ${TARGETS.contractMessageF1}`,
    );
  return { met: failing.length === 0, failing };
}

/** One line of `test/eval/{dev,holdout}.jsonl`. */
export interface EvalMessage {
  id: string;
  lang: 'de' | 'en' | 'zh';
  platform: 'whatsapp' | 'wechat';
  group: boolean;
  /** Text of the previous message(s), fed to the scanner first so context words work. */
  before?: string;
  text: string;
  /** PII and credential labels carry `value`; contract labels carry only the type. */
  labels: Array<{ type: string; value?: string }>;
  /** Numbers of the hard cases of `detection.md` this message exercises (documentation only). */
  hard?: number[];
}

/** Parses a JSONL evaluation part (blank lines ignored); shape is checked by `test/eval.test.ts`. */
export function parseEvalSet(jsonl: string): EvalMessage[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalMessage);
}

/**
 * Places the span labels of a message in its text. A value is found by exact search; a value
 * labelled twice (same type) takes its next occurrence. Throws when a value is not in the text.
 */
export function goldSpans(message: EvalMessage): GoldSpan[] {
  const spans: GoldSpan[] = [];
  const from = new Map<string, number>();
  for (const label of message.labels) {
    const category = categoryOf(label.type);
    if (category === 'contract' || label.value === undefined) continue;
    const key = `${label.type}\0${label.value}`;
    const start = message.text.indexOf(label.value, from.get(key) ?? 0);
    if (start === -1 || label.value === '')
      throw new Error(`${message.id}: ${label.type} value not in text: ${label.value}`);
    from.set(key, start + label.value.length);
    spans.push({ type: label.type, start, end: start + label.value.length });
  }
  return spans;
}

/** Contract types labelled on a message (message-level). */
export function goldContractTypes(message: EvalMessage): string[] {
  return [
    ...new Set(message.labels.filter((l) => categoryOf(l.type) === 'contract').map((l) => l.type)),
  ];
}
