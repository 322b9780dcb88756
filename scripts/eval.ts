import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Detector } from '../src/detect/detector.js';
import { ConversationScanner } from '../src/detect/run-detectors.js';
import type { Message } from '../src/model/conversation.js';
import {
  CONTRACT_TYPES,
  CREDENTIAL_TYPES,
  PII_TYPES,
  TARGETS,
  checkTargets,
  evaluate,
  goldContractTypes,
  goldSpans,
  parseEvalSet,
  type ErrorEntry,
  type EvalMessage,
  type PredictedSpan,
  type Report,
  type Scores,
  type ScoredMessage,
} from './eval-score.js';
import { readCorpus } from '../src/work/corpus.js';
import { formatWorkEvaluation, workEvaluation, type WorkEvaluation } from '../src/work/evaluate.js';
import { readModel, WorkScorer } from '../src/work/model.js';

/**
 * `npm run eval`: runs every registered detector over the evaluation set (`test/eval/`) and
 * prints precision, recall and F1 per type, per category and overall, for the tuning part (dev)
 * and the held-out part separately. Errors are listed for dev only: nobody tunes on holdout.
 * `--json` prints the figures as JSON. Always exits 0: this is a measurement, not a gate.
 * Scoring rules: `docs/quality.md` and `scripts/eval-score.ts`.
 */

const PARTS = ['dev', 'holdout'] as const;
type Part = (typeof PARTS)[number];

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'eval'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (package.json + test/eval)');
    dir = parent;
  }
}

function toMessage(index: number, text: string): Message {
  return { index, line: index + 1, timestamp: '', sender: 'eval', kind: 'text', text };
}

/** Scans one evaluation message, with `before` fed first as a preceding message for context. */
function predict(detectors: readonly Detector[], m: EvalMessage): PredictedSpan[] {
  const scanner = new ConversationScanner(detectors, {
    id: m.id,
    isGroup: m.group,
    platform: m.platform,
  });
  let index = 0;
  if (m.before !== undefined && m.before !== '') scanner.scan(toMessage(index++, m.before));
  return scanner.scan(toMessage(index, m.text)).map((f) => ({
    type: f.type,
    category: f.category,
    start: f.start,
    end: f.end,
  }));
}

const LANGS = ['de', 'en', 'zh'] as const;

/** Category figures of one language, for diagnosis (same rules as the whole part). */
type LanguageFigures = Record<(typeof LANGS)[number], Report['categories']>;

function runPart(
  detectors: readonly Detector[],
  messages: readonly EvalMessage[],
): { report: Report; byLanguage: LanguageFigures } {
  const scored: ScoredMessage[] = messages.map((m) => ({
    id: m.id,
    text: m.text,
    gold: goldSpans(m),
    goldContract: goldContractTypes(m),
    predicted: predict(detectors, m),
  }));
  const langOf = new Map(messages.map((m) => [m.id, m.lang]));
  const byLanguage = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      evaluate(scored.filter((m) => langOf.get(m.id) === lang)).categories,
    ]),
  ) as LanguageFigures;
  return { report: evaluate(scored), byLanguage };
}

const pct = (x: number): string => x.toFixed(3);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function row(label: string, s: Scores, note = ''): string {
  return (
    `${label.padEnd(38)}${pad(s.tp + s.fn, 5)}${pad(s.tp, 6)}${pad(s.fp, 6)}${pad(s.fn, 6)}` +
    `${pad(pct(s.precision), 9)}${pad(pct(s.recall), 9)}${pad(pct(s.f1), 9)}${note}`
  );
}

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function printReport(
  part: Part,
  { report, byLanguage }: { report: Report; byLanguage: LanguageFigures },
  messages: readonly EvalMessage[],
): void {
  const negatives = messages.filter((m) => m.labels.length === 0).length;
  const out: string[] = [];
  out.push('');
  out.push(
    `== ${part}: ${report.messages} messages (${report.messages - negatives} with labels, ${negatives} negatives)`,
  );
  out.push('');
  out.push(
    `${'type'.padEnd(38)}${pad('n', 5)}${pad('TP', 6)}${pad('FP', 6)}${pad('FN', 6)}${pad('prec', 9)}${pad('recall', 9)}${pad('F1', 9)}`,
  );
  const section = (title: string, types: readonly string[], note = ''): void => {
    out.push(`-- ${title}`);
    for (const t of types) out.push(row(`  ${t}`, report.types[t]!, note));
  };
  section('PII (span-level)', PII_TYPES);
  section('credential (span-level)', CREDENTIAL_TYPES);
  section('contract (message-level, per type, for information)', CONTRACT_TYPES);
  out.push('-- categories and overall (micro)');
  out.push(row('  PII micro (span)', report.categories.pii));
  out.push(row('  credential micro (span)', report.categories.credential));
  out.push(row('  contract (message-level)', report.categories.contract));
  out.push(row('  overall (spans + contract messages)', report.overall));
  out.push('-- by language (micro)');
  for (const lang of LANGS) {
    const c = byLanguage[lang];
    out.push(row(`  ${lang} PII (span)`, c.pii));
    out.push(row(`  ${lang} credential (span)`, c.credential));
    out.push(row(`  ${lang} contract (message-level)`, c.contract));
  }
  const unevaluated = Object.entries(report.unevaluated);
  if (unevaluated.length > 0) {
    out.push(
      `   not scored (types the set does not label): ${unevaluated.map(([t, n]) => `${t} ${n}`).join(', ')}`,
    );
  }
  const targets = checkTargets(report);
  out.push('');
  out.push(
    `targets: PII micro-F1 >= ${TARGETS.piiMicroF1}, every PII type >= ${TARGETS.piiTypeF1}, ` +
      `contract message-level F1 >= ${TARGETS.contractMessageF1}: ${targets.met ? 'MET' : 'not met'}`,
  );
  for (const f of targets.failing) out.push(`  - ${f}`);
  console.log(out.join('\n'));
}

function printErrors(errors: readonly ErrorEntry[]): void {
  const out: string[] = [''];
  for (const kind of ['fp', 'fn'] as const) {
    const list = errors
      .filter((e) => e.kind === kind)
      .sort(
        (a, b) =>
          a.category.localeCompare(b.category) ||
          a.type.localeCompare(b.type) ||
          a.id.localeCompare(b.id),
      );
    out.push(`== dev ${kind === 'fp' ? 'false positives' : 'false negatives'} (${list.length})`);
    for (const e of list) {
      const what =
        e.category === 'contract' ? `[message] ${oneLine(e.text)}` : JSON.stringify(e.text);
      out.push(`  ${kind.toUpperCase()}  ${e.type.padEnd(18)} ${e.id.padEnd(13)} ${what}`);
    }
    out.push('');
  }
  console.log(out.join('\n'));
}

function figures(report: Report): Omit<Report, 'errors'> {
  return {
    messages: report.messages,
    types: report.types,
    categories: report.categories,
    overall: report.overall,
    unevaluated: report.unevaluated,
  };
}

/** The work classifier on its own corpus (train part for reference, held-out part for the target). */
function evaluateWorkClassifier(root: string): WorkEvaluation | { error: string } {
  try {
    const model = readModel(join(root, 'data', 'work-model.json'));
    return workEvaluation(
      new WorkScorer(model),
      { kind: model.kind, threshold: model.threshold, features: model.trainedOn.features },
      { train: readCorpus('train', root), heldout: readCorpus('heldout', root) },
    );
  } catch (error) {
    return { error: `cannot evaluate the work classifier: ${String(error)}` };
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const root = projectRoot();
  let detectors: readonly Detector[];
  try {
    const registry = (await import('../detectors/index.js')) as { detectors: readonly Detector[] };
    detectors = registry.detectors;
  } catch (error) {
    console.error(`eval: cannot load the detector registry: ${String(error)}`);
    return;
  }
  const sets = Object.fromEntries(
    PARTS.map((p) => [
      p,
      parseEvalSet(readFileSync(join(root, 'test', 'eval', `${p}.jsonl`), 'utf8')),
    ]),
  ) as Record<Part, EvalMessage[]>;

  const started = performance.now();
  const runs = Object.fromEntries(PARTS.map((p) => [p, runPart(detectors, sets[p])])) as Record<
    Part,
    ReturnType<typeof runPart>
  >;
  const ms = performance.now() - started;

  if (json) {
    const result = {
      detectors: detectors.length,
      work: evaluateWorkClassifier(root),
      targets: TARGETS,
      dev: {
        ...figures(runs.dev.report),
        byLanguage: runs.dev.byLanguage,
        targets: checkTargets(runs.dev.report),
        errors: runs.dev.report.errors,
      },
      // Held-out errors are never shown: only figures.
      holdout: {
        ...figures(runs.holdout.report),
        byLanguage: runs.holdout.byLanguage,
        targets: checkTargets(runs.holdout.report),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    return;
  }

  console.log(
    `chatleak evaluation: ${detectors.length} detectors, ${sets.dev.length + sets.holdout.length} messages scanned in ${Math.round(ms)} ms`,
  );
  console.log(
    'PII and credential types: span-level (same type, overlapping span); contract: message-level. See docs/quality.md.',
  );
  printReport('dev', runs.dev, sets.dev);
  printErrors(runs.dev.report.errors);
  printReport('holdout', runs.holdout, sets.holdout);
  console.log('\n(holdout errors are not listed: tune on dev only)');
  const work = evaluateWorkClassifier(root);
  console.log('error' in work ? `\n${work.error}` : formatWorkEvaluation(work));
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
