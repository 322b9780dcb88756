import { normalizeText } from '../detect/normalize.js';
import { decideWork } from './classify.js';
import { WORK_LANGUAGES, type CorpusMessage, type WorkLanguage } from './corpus.js';
import type { WorkScorer } from './model.js';

/** Message-level precision/recall/F1 of the work detector on a labelled corpus. */

export interface WorkScores {
  /** Messages labelled work. */
  n: number;
  /** All messages. */
  messages: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export type LanguageScores = Record<WorkLanguage | 'all', WorkScores>;

function scores(items: ReadonlyArray<{ message: CorpusMessage; predicted: boolean }>): WorkScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { message, predicted } of items) {
    const gold = message.label === 'work';
    if (gold && predicted) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: tp + fn, messages: items.length, tp, fp, fn, precision, recall, f1 };
}

/** Scores per language and overall (micro) for predictions already made. */
export function scoreMessages(
  items: ReadonlyArray<{ message: CorpusMessage; predicted: boolean }>,
): LanguageScores {
  const result = { all: scores(items) } as LanguageScores;
  for (const lang of WORK_LANGUAGES) {
    result[lang] = scores(items.filter((i) => i.message.lang === lang));
  }
  return result;
}

/** Runs the detector's decision (no context: corpus messages stand alone) over a corpus. */
export function evaluateWork(
  scorer: WorkScorer,
  messages: readonly CorpusMessage[],
): { scores: LanguageScores; errors: Array<{ message: CorpusMessage; probability: number }> } {
  const decided = messages.map((message) => {
    const decision = decideWork(scorer, normalizeText(message.text).text);
    return { message, predicted: decision.flagged, probability: decision.probability };
  });
  const errors = decided
    .filter((d) => d.predicted !== (d.message.label === 'work'))
    .map((d) => ({ message: d.message, probability: d.probability }));
  return { scores: scoreMessages(decided), errors };
}

/** Target per language on the held-out part. */
export const WORK_TARGET_F1 = 0.85;

export interface WorkEvaluation {
  model: { kind: string; threshold: number; features: number };
  train: LanguageScores;
  heldout: LanguageScores;
  target: { f1: number; met: boolean; failing: string[] };
}

export function workEvaluation(
  scorer: WorkScorer,
  model: WorkEvaluation['model'],
  parts: { train: readonly CorpusMessage[]; heldout: readonly CorpusMessage[] },
): WorkEvaluation {
  const train = evaluateWork(scorer, parts.train).scores;
  const heldout = evaluateWork(scorer, parts.heldout).scores;
  const failing = WORK_LANGUAGES.filter((l) => heldout[l].f1 < WORK_TARGET_F1).map(
    (l) => `${l} heldout F1 ${heldout[l].f1.toFixed(3)} < ${WORK_TARGET_F1}`,
  );
  return {
    model,
    train,
    heldout,
    target: { f1: WORK_TARGET_F1, met: failing.length === 0, failing },
  };
}

/** The text section `npm run eval` prints for the work classifier. */
export function formatWorkEvaluation(e: WorkEvaluation): string {
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  const out: string[] = [
    '',
    `== work classifier (work/work-discussion), message-level, on data/work-corpus: ` +
      `${e.model.kind}, ${e.model.features} features, threshold ${e.model.threshold}`,
    '   (messages scored alone, no context; group-only filtering is not part of this measurement)',
    '',
    `${'part / language'.padEnd(38)}${pad('n', 5)}${pad('TP', 6)}${pad('FP', 6)}${pad('FN', 6)}` +
      `${pad('prec', 9)}${pad('recall', 9)}${pad('F1', 9)}${pad('msgs', 7)}`,
  ];
  for (const [part, scores, note] of [
    ['train', e.train, ' (trained on: for reference only)'],
    ['heldout', e.heldout, ''],
  ] as const) {
    out.push(`-- ${part}${note}`);
    for (const lang of [...WORK_LANGUAGES, 'all'] as const) {
      const s = scores[lang];
      out.push(
        `${`  ${lang === 'all' ? 'all (micro)' : lang}`.padEnd(38)}${pad(s.n, 5)}${pad(s.tp, 6)}` +
          `${pad(s.fp, 6)}${pad(s.fn, 6)}${pad(s.precision.toFixed(3), 9)}` +
          `${pad(s.recall.toFixed(3), 9)}${pad(s.f1.toFixed(3), 9)}${pad(s.messages, 7)}`,
      );
    }
  }
  out.push('');
  out.push(
    `target: work heldout F1 >= ${e.target.f1} in each of de, en, zh: ${e.target.met ? 'MET' : 'not met'}`,
  );
  for (const f of e.target.failing) out.push(`  - ${f}`);
  return out.join('\n');
}
