/**
 * A self-check for the literal gates (`mayMatch`, rule and detector gates): with checks on, every
 * "cannot match" they answer is confirmed by running the skipped regex, and a wrong answer throws.
 * Off in production (a gate that checked itself would save nothing); the tests turn it on and scan
 * whole corpora, so an unsound needle or boundary shows up as a failure, not a missed finding.
 */
let checking = false;
/** Wrong answers seen since checks were turned on (the scanner swallows detector errors). */
const failures: string[] = [];

export function setGateChecks(on: boolean): void {
  checking = on;
  failures.length = 0;
}

export function gateFailures(): readonly string[] {
  return failures;
}

export function gateChecks(): boolean {
  return checking;
}

/** Throws when `pattern` matches `text[from, to)` although a gate said it cannot. */
export function confirmNoMatch(pattern: RegExp, text: string, from = 0, to = text.length): void {
  if (!checking) return;
  const fresh = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const slice = text.slice(from, to);
  const m = fresh.exec(slice);
  if (m) fail(`/${pattern.source.slice(0, 80)}/ matches '${m[0]}' in ${JSON.stringify(slice)}`);
}

export function fail(what: string): void {
  failures.push(what);
  throw new Error(`gate said no, but ${what}`);
}

/** Throws when the match found by searching from `from` differs from what `exec` finds. */
export function confirmSameMatch(
  pattern: RegExp,
  text: string,
  from: number,
  found: RegExpExecArray | null,
): void {
  if (!checking) return;
  const saved = pattern.lastIndex;
  pattern.lastIndex = from;
  const expected = pattern.exec(text);
  pattern.lastIndex = saved;
  const same =
    expected === null
      ? found === null
      : found !== null &&
        found.index === expected.index &&
        found.length === expected.length &&
        expected.every((group, i) => group === found[i]);
  if (!same) {
    fail(
      `/${pattern.source.slice(0, 80)}/ from ${from} in ${JSON.stringify(text)}: found ${JSON.stringify(found?.[0])} at ${found?.index}, exec finds ${JSON.stringify(expected?.[0])} at ${expected?.index}`,
    );
  }
}
