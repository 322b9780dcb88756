/**
 * A one-line progress bar on stderr for long scans: files done, messages and findings. Drawn only
 * on a terminal (`io.isTTY`) and without `--quiet`; otherwise every call is a no-op. Redraws at
 * most every 100 ms; `log` prints a line above the bar without garbling it.
 */
import type { OutputStream } from './io.js';

export interface Progress {
  /** One message parsed; `findings` it produced. */
  message(findings: number): void;
  /**
   * One input file finished (scanned and its reports written), with the findings and messages
   * not yet counted by `message` (group-only findings; everything for a worker thread's file).
   */
  fileDone(findings?: number, messages?: number): void;
  /** Prints a whole line (e.g. an error) above the bar. */
  log(line: string): void;
  /** Removes the bar. */
  done(): void;
}

const CLEAR = '\r\x1b[K';
const BAR = 24;
const INTERVAL_MS = 100;

export function createProgress(
  stream: OutputStream,
  options: { enabled: boolean; files: number; now?: () => number },
): Progress {
  if (!options.enabled) {
    return {
      message: () => undefined,
      fileDone: () => undefined,
      log: (line) => void stream.write(`${line}\n`),
      done: () => undefined,
    };
  }
  const now = options.now ?? Date.now;
  let files = 0;
  let messages = 0;
  let findings = 0;
  let last = 0;
  let shown = false;
  let finished = false;
  const draw = (): void => {
    last = now();
    const share = options.files === 0 ? 1 : files / options.files;
    const filled = Math.round(share * BAR);
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ` +
      `${files}/${options.files} files · ${messages.toLocaleString('en-US')} messages · ` +
      `${findings.toLocaleString('en-US')} findings`;
    stream.write(`${CLEAR}${line}`);
    shown = true;
  };
  const maybeDraw = (): void => {
    if (!finished && now() - last >= INTERVAL_MS) draw();
  };
  let tick = 0;
  return {
    message(found) {
      messages++;
      findings += found;
      // Reading the clock for every message would cost more than the bar is worth.
      if (++tick % 512 === 0) maybeDraw();
    },
    fileDone(moreFindings = 0, moreMessages = 0) {
      files++;
      findings += moreFindings;
      messages += moreMessages;
      maybeDraw();
    },
    log(line) {
      stream.write(`${shown ? CLEAR : ''}${line}\n`);
      shown = false;
      if (!finished) draw();
    },
    done() {
      if (shown) stream.write(CLEAR);
      shown = false;
      finished = true;
    },
  };
}
