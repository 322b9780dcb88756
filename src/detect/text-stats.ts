/**
 * Character statistics of a message for detector gates (`Detector.gate`): cheap necessary
 * conditions for the parts of a prefilter that name no word, such as "the message is one token" or
 * "it starts with a run of 9 letters and digits". `DetectorGates.prepare` counts them in the same
 * pass as it looks for keywords; `test/detect/gates.test.ts` checks it against a plain count.
 */
export interface TextStats {
  length: number;
  /** ASCII digits. */
  digits: number;
  /** Longest run of ASCII digits. */
  maxDigitRun: number;
  /**
   * Length of the run of ASCII letters and digits right after the leading spaces, quotes and
   * opening brackets (`[\s"'„“‚‘«»([]*`), as prefilters anchored at the start see it.
   */
  leadRun: number;
  /** Runs of characters other than white space (`\s`). */
  tokens: number;
  /** Whether two ASCII capital letters stand next to each other (`DE`, `GmbH` has none). */
  upperPair: boolean;
}

/** JavaScript's `\s`. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `"'„“‚‘«»([` */
function isOpening(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x28 ||
    c === 0x5b ||
    c === 0x201e ||
    c === 0x201c ||
    c === 0x201a ||
    c === 0x2018 ||
    c === 0xab ||
    c === 0xbb
  );
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** `TextStats.leadRun`. */
export function leadRun(text: string): number {
  const n = text.length;
  let lead = 0;
  while (lead < n && (isSpace(text.charCodeAt(lead)) || isOpening(text.charCodeAt(lead)))) lead++;
  let run = 0;
  while (lead + run < n && isAsciiAlnum(text.charCodeAt(lead + run))) run++;
  return run;
}
