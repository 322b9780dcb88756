/**
 * Splits streamed text into physical lines. CRLF, LF and lone CR each end one line, also when a
 * CRLF pair is cut between two chunks. A final line without a terminator is still a line.
 */

export type LineHandler = (text: string, lineNumber: number) => void;

export class LineSplitter {
  private carry = '';
  private lineNumber = 0;
  private pendingCR = false;

  constructor(private readonly onLine: LineHandler) {}

  /** Lines emitted so far. */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: string): void {
    let start = 0;
    let i = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.charCodeAt(0) === 10) {
        start = 1;
        i = 1;
      }
    }
    const n = chunk.length;
    // Positions are cached so an LF-only chunk is not rescanned for CR on every line.
    let lf = -2;
    let cr = -2;
    while (i < n) {
      if (lf !== -1 && lf < i) lf = chunk.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = chunk.indexOf('\r', i);
      let end: number;
      let next: number;
      if (cr === -1 && lf === -1) break;
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        if (cr + 1 < n) {
          next = chunk.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        } else {
          next = n;
          this.pendingCR = true;
        }
      }
      this.emit(chunk.slice(start, end));
      start = next;
      i = next;
    }
    if (start < n) this.carry += chunk.slice(start);
  }

  end(): void {
    if (this.carry.length > 0) this.emit('');
    this.carry = '';
  }

  private emit(tail: string): void {
    const text = this.carry.length > 0 ? this.carry + tail : tail;
    this.carry = '';
    this.lineNumber++;
    this.onLine(text, this.lineNumber);
  }
}

/** Convenience for tests and small inputs. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  const splitter = new LineSplitter((line) => out.push(line));
  splitter.push(text);
  splitter.end();
  return out;
}
