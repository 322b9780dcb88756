import { sigmoid, type WorkScorer } from './model.js';

/**
 * The message-level decision of the work detector, shared by the detector, `npm run eval` and the
 * training script (which picks the threshold with it), so all three measure the same thing.
 *
 * 1. A message needs evidence of its own: at least one word whose weight is at least
 *    `MIN_WORD_WEIGHT` (seen clearly more often in work talk). "ok", "👍", "收到", "danke" never
 *    qualify, whatever was said before them.
 * 2. Short messages (at most `SHORT_UNITS` words) say little by themselves, so the evidence of the
 *    preceding messages (`before`, summed line by line) is added, capped at ±`CONTEXT_CAP` and
 *    damped by `CONTEXT_WEIGHT`: "Schaffen wir bis Montag?" after talk about a customer order is
 *    work, the same words after talk about a party are not.
 * 3. The message is reported when the resulting probability reaches the model's threshold.
 */

export const MIN_WORD_WEIGHT = 0.7;
export const SHORT_UNITS = 6;
export const CONTEXT_WEIGHT = 0.5;
export const CONTEXT_CAP = 6;

export interface WorkDecision {
  /** Probability of work talk, with the context for short messages. */
  probability: number;
  /** Whether the message is reported (evidence gate passed and threshold reached). */
  flagged: boolean;
  /** Log-odds the preceding messages added (0 when not used). */
  context: number;
}

export function decideWork(scorer: WorkScorer, text: string, before = ''): WorkDecision {
  return decide(scorer, text, before, false)!;
}

/** The preceding messages as the scanner gives them: their lines without building `before`. */
export interface Preceding {
  readonly before: string;
  beforeLines?(): readonly string[];
}

/**
 * `decideWork` for the detector, which only needs flagged messages: undefined when the message is
 * not flagged. Skips the context of a short message when even the largest context could not
 * lift it to the threshold, and reads the preceding messages only when the context is needed.
 */
export function flagWork(
  scorer: WorkScorer,
  text: string,
  preceding: Preceding,
): WorkDecision | undefined {
  return decide(scorer, text, preceding, true);
}

function evidenceOf(scorer: WorkScorer, preceding: Preceding | string): number {
  if (typeof preceding === 'string') {
    return preceding.length > 0 ? scorer.contextEvidence(preceding) : 0;
  }
  if (preceding.beforeLines) return scorer.contextEvidenceOfLines(preceding.beforeLines());
  return scorer.contextEvidence(preceding.before);
}

// The log-odds the threshold stands for, minus a margin for rounding.
function thresholdLogit(scorer: WorkScorer): number {
  return Math.log(scorer.threshold / (1 - scorer.threshold)) - 1e-9;
}

function decide(
  scorer: WorkScorer,
  text: string,
  preceding: Preceding | string,
  flaggedOnly: boolean,
): WorkDecision | undefined {
  const own = scorer.measure(text, false);
  scorer.remember(text, own.logit);
  if (own.strongest < MIN_WORD_WEIGHT) {
    return flaggedOnly
      ? undefined
      : { probability: sigmoid(own.logit), flagged: false, context: 0 };
  }
  let context = 0;
  if (own.units <= SHORT_UNITS) {
    const most = CONTEXT_WEIGHT * CONTEXT_CAP;
    if (flaggedOnly && own.logit + most < thresholdLogit(scorer)) return undefined;
    const raw = evidenceOf(scorer, preceding);
    context = CONTEXT_WEIGHT * Math.max(-CONTEXT_CAP, Math.min(CONTEXT_CAP, raw));
  }
  const probability = sigmoid(own.logit + context);
  const flagged = probability >= scorer.threshold;
  if (flaggedOnly && !flagged) return undefined;
  return { probability, flagged, context };
}

const TOP_WORDS = 3;
/** The context words of an explanation come from the last message, else the last few lines. */
const CONTEXT_LINES = 3;

function lastLines(text: string, lines: number): string {
  let start = text.length;
  for (let n = 0; n < lines && start > 0; n++) start = text.lastIndexOf('\n', start - 1);
  return start <= 0 ? text : text.slice(start + 1);
}

/** "work words: Angebot, Kunde, Freitag (p=0.93)", plus the context words when they helped. */
export function explainWork(
  scorer: WorkScorer,
  text: string,
  before: string,
  decision: WorkDecision,
): string {
  const words = scorer.topWorkWords(text, TOP_WORDS);
  const named = words.length > 0 ? words.join(', ') : 'none stands out';
  let explanation = `work words: ${named} (p=${decision.probability.toFixed(2)}`;
  if (decision.context > 0.05) {
    let around = scorer.topWorkWords(lastLines(before, 1), TOP_WORDS);
    if (around.length === 0)
      around = scorer.topWorkWords(lastLines(before, CONTEXT_LINES), TOP_WORDS);
    explanation += `; short message after work talk${around.length > 0 ? `: ${around.join(', ')}` : ''}`;
  } else if (decision.context < -0.05) {
    explanation += '; despite private talk before';
  }
  return `${explanation})`;
}
