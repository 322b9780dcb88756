/**
 * Streaming CSV record splitter: finds where each RFC 4180 record starts and ends in decoded text
 * chunks and counts physical lines (CRLF, LF and lone CR each end one line), holding at most one
 * record (capped) in memory. Fields are split elsewhere (`fields.ts`).
 *
 * A malformed quote (a field that opens with `"` and never closes properly) would otherwise swallow
 * the rest of the file. Damage is bounded two ways:
 * - a line that began inside an open quoted field and looks like the start of a record of this
 *   file (`isRecordStart`) cuts the broken record off before it;
 * - a quoted record running past `maxRecordLines` / `maxRecordChars`, or to the end of the input,
 *   loses its first line and splitting resumes at the line after it.
 * An unquoted line longer than `maxRecordChars` is dropped up to its end.
 */

export interface RawRecord {
  /** The record's text without its line terminator; quoted line breaks are kept as written. */
  text: string;
  /** 1-based physical line where the record starts. */
  line: number;
  /** Physical lines the record spans. */
  lines: number;
  /** True when the record contains a quote character (so a plain split is not enough). */
  quoted: boolean;
}

export interface BrokenRecord {
  /** 1-based line where the dropped text starts. */
  line: number;
  /** Physical lines dropped. */
  lines: number;
  reason: 'unbalanced-quote' | 'too-long';
}

export interface RecordSplitterOptions {
  onRecord(record: RawRecord): void;
  onBroken(broken: BrokenRecord): void;
  /**
   * Asked for each complete line that began inside an open quoted field: true when the line looks
   * like the first line of a record of this file, i.e. the open quote was a stray one.
   */
  isRecordStart?: (line: string) => boolean;
  /** A quoted record spanning this many lines is cut (default 2,000). */
  maxRecordLines?: number;
  /** A record of this many characters is cut (default 1,000,000). */
  maxRecordChars?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Saw `"` inside a quoted field: an escaped quote (`""`) or the closing quote. */
const QUOTE_IN_QUOTED = 3;
/** Discarding the rest of an over-long line. */
const SKIPPING = 4;

type State =
  typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED | typeof SKIPPING;

export const DEFAULT_MAX_RECORD_LINES = 2000;
export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

export class RecordSplitter {
  /** Delimiter codes; all three are the same once `setDelimiter` was called. */
  private d1 = 44;
  private d2 = 59;
  private d3 = 9;
  private state: State = FIELD_START;
  /** Text of the current record taken from earlier chunks. */
  private carry = '';
  /** 1-based line being scanned. */
  private line = 1;
  private recordLine = 1;
  private recordQuoted = false;
  /** Record-relative offset where the current line began, when it began inside a quoted field. */
  private innerLineStart = -1;
  /** A chunk ended on CR: an LF opening the next chunk belongs to that terminator. */
  private pendingCR = false;
  /** Characters of the current line seen (so a last line without terminator still counts). */
  private lineOpen = false;
  private completedLines = 0;
  private readonly maxLines: number;
  private readonly maxChars: number;
  private readonly isRecordStart: ((line: string) => boolean) | undefined;

  constructor(private readonly options: RecordSplitterOptions) {
    this.maxLines = options.maxRecordLines ?? DEFAULT_MAX_RECORD_LINES;
    this.maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.isRecordStart = options.isRecordStart;
  }

  /** Until this is called, `,`, `;` and TAB all separate fields (enough to find the header's end). */
  setDelimiter(delimiter: string): void {
    const code = delimiter.charCodeAt(0);
    this.d1 = code;
    this.d2 = code;
    this.d3 = code;
  }

  /** Physical lines seen so far; after `end()`, all lines of the input. */
  get lines(): number {
    return this.completedLines + (this.lineOpen ? 1 : 0);
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    let from = 0;
    if (this.pendingCR) {
      this.pendingCR = false;
      if (chunk.charCodeAt(0) === LF) {
        // Second half of a CRLF split across chunks, already counted.
        if (this.state === QUOTED) {
          this.carry += '\n';
          this.innerLineStart = this.carry.length;
        }
        from = 1;
      }
    }
    this.scan(chunk, from);
  }

  end(): void {
    this.pendingCR = false;
    for (;;) {
      if (this.state === SKIPPING) {
        this.carry = '';
        this.resetRecord(this.line);
        return;
      }
      if (this.state !== QUOTED) break;
      // Input ended inside a quoted field: drop the record's first line, re-scan the rest.
      const rest = this.dropFirstLine(this.carry);
      if (rest === null) {
        this.broken(this.recordLine, 1, 'unbalanced-quote');
        this.carry = '';
        this.resetRecord(this.line);
        return;
      }
      this.lineOpen = false;
      this.scan(rest, 0);
    }
    if (this.carry.length > 0) this.emit(this.carry);
    this.carry = '';
    this.resetRecord(this.line);
  }

  private scan(input: string, from: number): void {
    let text = input;
    let i = from;
    /** Where the current record's text starts in `text` (earlier parts are in `carry`). */
    let segStart = from;
    let n = text.length;
    let d1 = this.d1;
    let d2 = this.d2;
    let d3 = this.d3;
    // The state machine runs on locals; `this.state` is synced around calls that use it.
    let state = this.state;
    // Cached positions of the next quote, CR and LF at or after `i` (-2: not looked up, -1: none).
    let posQ = -2;
    let posCR = -2;
    let posLF = -2;
    for (;;) {
      while (i < n) {
        if (state === FIELD_START && segStart === i && this.carry.length === 0) {
          // Fast path: a whole line without quotes is one record.
          if (posLF !== -1 && posLF < i) posLF = text.indexOf('\n', i);
          if (posCR !== -1 && posCR < i) posCR = text.indexOf('\r', i);
          const end = posCR === -1 ? posLF : posLF === -1 ? posCR : Math.min(posCR, posLF);
          if (end >= 0) {
            if (posQ !== -1 && posQ < i) posQ = text.indexOf('"', i);
            if (posQ === -1 || posQ > end) {
              let next = end + 1;
              if (text.charCodeAt(end) === CR) {
                if (end + 1 < n) {
                  if (text.charCodeAt(end + 1) === LF) next = end + 2;
                } else {
                  this.pendingCR = true;
                }
              }
              this.line++;
              this.completedLines++;
              this.lineOpen = false;
              const line = this.recordLine;
              this.recordLine = this.line;
              this.options.onRecord({ text: text.slice(i, end), line, lines: 1, quoted: false });
              // The header record may have set the delimiter.
              d1 = this.d1;
              d2 = this.d2;
              d3 = this.d3;
              i = next;
              segStart = next;
              continue;
            }
          }
        }
        let c: number;
        if (state === QUOTED) {
          // Inside a quoted field only quotes and line breaks matter: jump to the next one.
          if (posQ !== -1 && posQ < i) posQ = text.indexOf('"', i);
          if (posLF !== -1 && posLF < i) posLF = text.indexOf('\n', i);
          if (posCR !== -1 && posCR < i) posCR = text.indexOf('\r', i);
          let stop = posQ;
          if (posLF !== -1 && (stop === -1 || posLF < stop)) stop = posLF;
          if (posCR !== -1 && (stop === -1 || posCR < stop)) stop = posCR;
          if (stop === -1) {
            // The rest of the chunk is inside the quoted field.
            this.lineOpen = true;
            break;
          }
          if (stop > i) {
            this.lineOpen = true;
            i = stop;
          }
          c = text.charCodeAt(i);
          if (c === QUOTE) {
            state = QUOTE_IN_QUOTED;
            i++;
            continue;
          }
        } else {
          // Outside quotes: walk the characters of the line.
          c = text.charCodeAt(i);
          if (c !== CR && c !== LF) {
            const lineFrom = i;
            while (i < n) {
              if (c === CR || c === LF) break;
              if (state === UNQUOTED) {
                if (c === d1 || c === d2 || c === d3) state = FIELD_START;
                else if (c === QUOTE) this.recordQuoted = true;
              } else if (state === FIELD_START) {
                if (c === QUOTE) {
                  state = QUOTED;
                  this.recordQuoted = true;
                  i++;
                  break;
                }
                if (c !== d1 && c !== d2 && c !== d3 && c !== SPACE && c !== TAB) state = UNQUOTED;
              } else if (state === QUOTE_IN_QUOTED) {
                if (c === QUOTE) {
                  state = QUOTED;
                  i++;
                  break;
                }
                // Text after a closing quote: lenient, the rest of the field is unquoted.
                state = c === d1 || c === d2 || c === d3 ? FIELD_START : UNQUOTED;
              }
              // SKIPPING: nothing to do.
              i++;
              c = text.charCodeAt(i);
            }
            if (i > lineFrom) this.lineOpen = true;
            continue;
          }
        }

        // A line terminator.
        const termStart = i;
        if (c === CR) {
          if (i + 1 < n) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
          else {
            i += 1;
            this.pendingCR = true;
          }
        } else {
          i += 1;
        }
        const lineNo = this.line;
        this.line++;
        this.completedLines++;
        this.lineOpen = false;

        if (state === SKIPPING) {
          this.resetRecord(this.line);
          state = FIELD_START;
          segStart = i;
          continue;
        }

        // The line that just ended began inside a quote: is it really the start of a new record?
        if (this.innerLineStart >= 0 && this.isRecordStart) {
          const lineText =
            this.innerLineStart >= this.carry.length
              ? text.slice(segStart + this.innerLineStart - this.carry.length, termStart)
              : this.carry.slice(this.innerLineStart) + text.slice(segStart, termStart);
          if (this.isRecordStart(lineText)) {
            this.broken(this.recordLine, lineNo - this.recordLine, 'unbalanced-quote');
            this.carry = '';
            this.resetRecord(lineNo);
            state = FIELD_START;
            this.line = lineNo;
            this.completedLines--;
            this.pendingCR = false;
            text = lineText + text.slice(termStart);
            n = text.length;
            i = 0;
            segStart = 0;
            posQ = posCR = posLF = -2;
            continue;
          }
        }

        if (state !== QUOTED) {
          const recordText =
            this.carry.length > 0
              ? this.carry + text.slice(segStart, termStart)
              : text.slice(segStart, termStart);
          this.carry = '';
          this.emit(recordText);
          this.resetRecord(this.line);
          state = FIELD_START;
          d1 = this.d1;
          d2 = this.d2;
          d3 = this.d3;
          segStart = i;
          continue;
        }

        // A line break inside a quoted field.
        const recordChars = this.carry.length + (i - segStart);
        if (this.line - this.recordLine >= this.maxLines || recordChars >= this.maxChars) {
          const rest = this.dropFirstLine(this.carry + text.slice(segStart, i));
          state = FIELD_START;
          text = (rest ?? '') + text.slice(i);
          n = text.length;
          i = 0;
          segStart = 0;
          posQ = posCR = posLF = -2;
          continue;
        }
        this.innerLineStart = recordChars;
      }

      // Chunk exhausted: keep the unfinished record, bounded.
      this.state = state;
      if (state === SKIPPING) return;
      if (segStart < n) this.carry += segStart === 0 ? text : text.slice(segStart);
      if (this.carry.length < this.maxChars) return;
      if (state === QUOTED || state === QUOTE_IN_QUOTED) {
        const rest = this.dropFirstLine(this.carry);
        if (rest !== null) {
          state = FIELD_START;
          this.lineOpen = false;
          text = rest;
          n = text.length;
          i = 0;
          segStart = 0;
          posQ = posCR = posLF = -2;
          continue;
        }
      }
      // A line longer than the cap: drop the record up to the end of that line.
      this.broken(this.recordLine, this.line - this.recordLine + 1, 'too-long');
      this.carry = '';
      this.state = SKIPPING;
      this.innerLineStart = -1;
      return;
    }
  }

  /**
   * Reports the current record's first line as broken and rewinds line counting so that the text
   * after it (returned; `null` when the record has a single line) is scanned again as new records.
   */
  private dropFirstLine(recordText: string): string | null {
    const firstEnd = firstLineEnd(recordText);
    if (firstEnd < 0) return null;
    const first = this.recordLine;
    const spanned = this.line - first;
    this.broken(first, 1, 'unbalanced-quote');
    this.carry = '';
    this.resetRecord(first + 1);
    this.completedLines -= spanned - 1;
    this.line = first + 1;
    this.pendingCR = false;
    return recordText.slice(firstEnd);
  }

  private resetRecord(line: number): void {
    this.state = FIELD_START;
    this.recordLine = line;
    this.recordQuoted = false;
    this.innerLineStart = -1;
  }

  private broken(line: number, lines: number, reason: BrokenRecord['reason']): void {
    if (lines > 0) this.options.onBroken({ line, lines, reason });
  }

  private emit(text: string): void {
    const lines = this.line - this.recordLine + (this.lineOpen ? 1 : 0);
    this.options.onRecord({
      text,
      line: this.recordLine,
      lines: lines > 0 ? lines : 1,
      quoted: this.recordQuoted,
    });
  }
}

/** Offset just past the first line terminator of `text`, or -1 when it has none. */
function firstLineEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return -1;
}

/** Picks the delimiter of a header line: the most frequent of `,`, `;` and TAB outside quotes. */
export function detectDelimiter(header: string): string {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) comma++;
    else if (c === 59) semicolon++;
    else if (c === 9) tab++;
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

/**
 * Scans one line as if it began a record: how many fields it holds and whether it ends inside an
 * open quoted field.
 */
export function scanLine(line: string, delimiter: string): { fields: number; open: boolean } {
  const d = delimiter.charCodeAt(0);
  let state: State = FIELD_START;
  let fields = 1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (state === QUOTED) {
      if (c === QUOTE) state = QUOTE_IN_QUOTED;
    } else if (state === QUOTE_IN_QUOTED) {
      if (c === QUOTE) state = QUOTED;
      else if (c === d) {
        fields++;
        state = FIELD_START;
      } else state = UNQUOTED;
    } else if (c === d) {
      fields++;
      state = FIELD_START;
    } else if (state === FIELD_START) {
      if (c === QUOTE) state = QUOTED;
      else if (c !== SPACE && c !== TAB) state = UNQUOTED;
    }
  }
  return { fields, open: state === QUOTED };
}
