import { writeFileSync } from 'node:fs';
import { readCorpus } from '../src/work/corpus.js';
import type { LanguageScores } from '../src/work/evaluate.js';
import { modelPath } from '../src/work/model.js';
import {
  DEFAULT_CONFIG,
  buildWorkModel,
  crossValidate,
  pickThreshold,
  scoresAt,
  serializeModel,
  type TrainConfig,
} from '../src/work/train.js';

/**
 * `npm run train:work`: rebuilds `data/work-model.json` from `data/work-corpus/train.jsonl`
 * (natural's naive Bayes on our tokenizer, threshold picked by 5-fold cross-validation on the
 * training part). The held-out part is never read here.
 *
 * `npm run train:work -- --compare` measures the candidate set-ups on the training part instead
 * and writes nothing: naive Bayes variants by 5-fold cross-validation; `--lr` adds natural's
 * logistic regression against Bayes on one fold (its dense gradient descent is slow: minutes to
 * hours). `--only=TEXT` runs the variants whose label contains TEXT, `--errors` lists the
 * out-of-fold mistakes, `--raw` adds the classifier's own probability without the detector's
 * evidence gate.
 */

const f = (x: number): string => x.toFixed(3);

function line(label: string, s: LanguageScores, extra = ''): string {
  const cells = (['de', 'en', 'zh', 'all'] as const)
    .map((l) => `${l} P ${f(s[l].precision)} R ${f(s[l].recall)} F1 ${f(s[l].f1)}`)
    .join(' | ');
  return `${label.padEnd(44)} ${cells}${extra}`;
}

function measure(label: string, config: TrainConfig, fold?: number): void {
  const started = performance.now();
  const scored = crossValidate(readCorpus('train'), config, fold);
  const seconds = (performance.now() - started) / 1000;
  const best = pickThreshold(scored);
  if (process.argv.includes('--raw')) {
    const raw = scored.map((s) => ({ message: s.message, probability: s.raw }));
    const bestRaw = pickThreshold(raw);
    console.log(line(`${label}, classifier alone @0.50`, scoresAt(raw, 0.5)));
    console.log(
      line(`${label}, classifier alone @${bestRaw.threshold.toFixed(2)}`, bestRaw.scores),
    );
  }
  console.log(line(`${label} @0.50`, scoresAt(scored, 0.5)));
  console.log(
    line(
      `${label} @${best.threshold.toFixed(2)}`,
      best.scores,
      `  (${fold === undefined ? `${config.folds} folds` : `fold ${fold}`} in ${seconds.toFixed(1)} s)`,
    ),
  );
  if (process.argv.includes('--errors')) {
    for (const s of scored) {
      const predicted = s.probability >= best.threshold;
      if (predicted === (s.message.label === 'work')) continue;
      console.log(
        `  ${predicted ? 'FP' : 'FN'} ${s.message.lang} ${s.probability.toFixed(2)} ${s.message.text}`,
      );
    }
  }
}

function variant(
  label: string,
  change: Partial<Omit<TrainConfig, 'tokenizer'>> & {
    tokenizer?: Partial<TrainConfig['tokenizer']>;
  },
): [string, TrainConfig] {
  return [
    label,
    {
      ...DEFAULT_CONFIG,
      ...change,
      tokenizer: { ...DEFAULT_CONFIG.tokenizer, ...change.tokenizer },
    },
  ];
}

function compare(): void {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const run = (label: string, config: TrainConfig, fold?: number): void => {
    if (only === undefined || label.includes(only)) measure(label, config, fold);
  };
  console.log('Cross-validation on the training part (message-level, detector decision rule)');
  const variants: Array<[string, TrainConfig]> = [
    ['bayes (the committed set-up)', DEFAULT_CONFIG],
    variant('bayes, no word affixes', { tokenizer: { affix: 0 } }),
    variant('bayes, word affixes 5', { tokenizer: { affix: 5 } }),
    variant('bayes, letter 4-grams instead of affixes', { tokenizer: { affix: 0, ngram: 4 } }),
    variant('bayes, no stemming', { tokenizer: { stem: false } }),
    variant('bayes, without function words', { tokenizer: { stopwords: true } }),
    variant('bayes, CJK bigrams only', { tokenizer: { cjkUnigrams: false } }),
    variant('bayes, smoothing 0.3', { smoothing: 0.3 }),
    variant('bayes, features in >= 2 messages', { minDocs: 2 }),
  ];
  for (const [label, config] of variants) run(label, config);
  if (process.argv.includes('--lr')) {
    console.log('\nOne fold (fold 0 held out, 80 % trained), logistic regression vs Bayes');
    const minDocs = Number(process.argv.find((a) => a.startsWith('--min-docs='))?.slice(11) ?? 3);
    run('bayes, fold 0', DEFAULT_CONFIG, 0);
    run(`bayes, features in >= ${minDocs} messages, fold 0`, { ...DEFAULT_CONFIG, minDocs }, 0);
    run(
      `logistic regression, features in >= ${minDocs} messages, fold 0`,
      { ...DEFAULT_CONFIG, kind: 'logistic-regression', minDocs },
      0,
    );
  }
}

function train(): void {
  const started = performance.now();
  const model = buildWorkModel(readCorpus('train'), DEFAULT_CONFIG);
  const path = modelPath();
  writeFileSync(path, serializeModel(model));
  console.log(
    `wrote ${path}: ${model.kind}, ${model.trainedOn.features} features from ` +
      `${model.trainedOn.messages} messages (${model.trainedOn.work} work, ` +
      `${model.trainedOn.private} private), threshold ${model.threshold} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

if (process.argv.includes('--compare')) compare();
else train();
