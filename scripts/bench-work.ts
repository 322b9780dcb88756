import { normalizeText } from '../src/detect/normalize.js';
import { decideWork, explainWork } from '../src/work/classify.js';
import { readCorpus } from '../src/work/corpus.js';
import { workScorer } from '../src/work/model.js';

/**
 * `npm run bench:work`: scores 1,000,000 messages with the committed work model on one core and
 * prints messages/s. The messages are the corpus texts (normalized once, as the scanner does
 * before any detector runs), cycled, each with the preceding ~300 characters as `before`, so the
 * context path for short messages is exercised too. Target: under 5 s for 1M messages.
 *
 * Measured separately: the bare scorer (`probability`, tokenize + Map lookups), the detector's
 * decision (`decideWork`: evidence gate, context for short messages, threshold), and the decision
 * plus the explanation of every flagged message (what `detect` does; the target applies to it).
 */

const MESSAGES = Number(process.argv[2] ?? 1_000_000);
const BEFORE_CHARS = 300;

function main(): void {
  const texts = [...readCorpus('train'), ...readCorpus('heldout')].map(
    (m) => normalizeText(m.text).text,
  );
  const befores: string[] = [];
  let window = '';
  for (const text of texts) {
    befores.push(window);
    window = `${window}\n${text}`.slice(-BEFORE_CHARS);
  }
  const loadStarted = performance.now();
  const scorer = workScorer();
  const loadMs = performance.now() - loadStarted;
  const averageChars = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;

  // Warm-up so the JIT has compiled the hot paths before timing.
  for (let i = 0; i < 50_000; i++)
    decideWork(scorer, texts[i % texts.length]!, befores[i % texts.length]);

  let sink = 0;
  let started = performance.now();
  for (let i = 0; i < MESSAGES; i++) sink += scorer.probability(texts[i % texts.length]!);
  const scoreSeconds = (performance.now() - started) / 1000;

  let flagged = 0;
  started = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const k = i % texts.length;
    if (decideWork(scorer, texts[k]!, befores[k]).flagged) flagged++;
  }
  const decideSeconds = (performance.now() - started) / 1000;

  let explained = 0;
  started = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const k = i % texts.length;
    const decision = decideWork(scorer, texts[k]!, befores[k]);
    if (decision.flagged) explained += explainWork(scorer, texts[k]!, befores[k]!, decision).length;
  }
  const detectSeconds = (performance.now() - started) / 1000;

  const rate = (s: number): string => Math.round(MESSAGES / s).toLocaleString('en-US');
  console.log(
    `work classifier benchmark: ${MESSAGES.toLocaleString('en-US')} messages ` +
      `(${texts.length} distinct corpus texts, ${averageChars.toFixed(0)} chars on average), ` +
      `Node ${process.version}, one core; model loaded in ${loadMs.toFixed(0)} ms`,
  );
  console.log(
    `  score only (tokenize + Map sum): ${scoreSeconds.toFixed(2)} s, ${rate(scoreSeconds)} messages/s`,
  );
  console.log(
    `  detector decision (gate, context, threshold): ${decideSeconds.toFixed(2)} s, ` +
      `${rate(decideSeconds)} messages/s; ${((100 * flagged) / MESSAGES).toFixed(1)} % flagged`,
  );
  console.log(
    `  detector with explanations for the flagged messages: ${detectSeconds.toFixed(2)} s, ` +
      `${rate(detectSeconds)} messages/s`,
  );
  const perMillion = detectSeconds * (1_000_000 / MESSAGES);
  console.log(
    `  target: 1M messages in < 5 s: ${perMillion < 5 ? 'MET' : 'not met'}` +
      ` (checksum ${sink.toFixed(0)}/${explained})`,
  );
}

main();
