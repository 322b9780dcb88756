import { ParserOptions } from 'fast-csv';
import { Parser } from '@fast-csv/parse/build/src/parser/Parser.js';

/**
 * Splits one CSV record (as found by `RecordSplitter`) into fields, with fast-csv's synchronous
 * parser as the reference: a record it rejects (`"xy"z`, an unclosed quote) is split leniently.
 * Well-formed records (no quote at all, or RFC 4180 quoting with nothing around the quotes) take a
 * fast path that yields exactly what fast-csv yields (a test compares them on random input);
 * anything else goes to fast-csv.
 */
export class FieldParser {
  private readonly parser: Parser;

  constructor(private readonly delimiter: string) {
    this.parser = new Parser(new ParserOptions({ delimiter, ignoreEmpty: false }));
  }

  /** `lenient` is true when fast-csv rejected the record and the fallback split was used. */
  parse(text: string, quoted: boolean): { fields: string[]; lenient: boolean } {
    if (!quoted) {
      const fields = text.split(this.delimiter);
      blankFirstField(fields);
      return { fields, lenient: false };
    }
    const strict = strictSplit(text, this.delimiter);
    if (strict) return { fields: strict, lenient: false };
    try {
      const { rows } = this.parser.parse(text, false);
      const row = rows[0];
      if (rows.length === 1 && row) return { fields: row, lenient: false };
    } catch {
      // fall through to the lenient split
    }
    return { fields: lenientSplit(text, this.delimiter), lenient: true };
  }
}

/**
 * Splits a malformed record the way a forgiving reader would: a field that opens with `"` runs to
 * its closing quote (`""` is an escaped quote); when the closing quote is not followed by the
 * delimiter, the field is kept as written up to the next delimiter. An unclosed quote takes the
 * rest of the record.
 */
export function lenientSplit(text: string, delimiter: string): string[] {
  const d = delimiter.charCodeAt(0);
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let j = i;
    while (j < n && text.charCodeAt(j) === 32) j++;
    if (j < n && text.charCodeAt(j) === 34) {
      let k = j + 1;
      let value = '';
      let closed = false;
      while (k < n) {
        const q = text.indexOf('"', k);
        if (q < 0) break;
        value += text.slice(k, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        fields.push(text.slice(j + 1).replaceAll('""', '"'));
        return fields;
      }
      let m = k;
      while (m < n && text.charCodeAt(m) === 32) m++;
      if (m >= n || text.charCodeAt(m) === d) {
        fields.push(value);
        if (m >= n) return fields;
        i = m + 1;
        continue;
      }
      // `"xy"z`: keep the field as written.
      const end = text.indexOf(delimiter, k);
      fields.push(end < 0 ? text.slice(i) : text.slice(i, end));
      if (end < 0) return fields;
      i = end + 1;
      continue;
    }
    const end = text.indexOf(delimiter, i);
    if (end < 0) {
      fields.push(text.slice(i));
      return fields;
    }
    fields.push(text.slice(i, end));
    i = end + 1;
  }
}

/**
 * RFC 4180 split that gives up (null) on anything fast-csv treats specially: whitespace before an
 * opening or after a closing quote, text after a closing quote, an unclosed quote.
 */
const LEADING_SPACE = /^\s/;

/** fast-csv reads a first field of only whitespace as empty (it skips space at a row's start). */
function blankFirstField(fields: string[]): void {
  const first = fields[0];
  if (first && LEADING_SPACE.test(first) && first.trim() === '') fields[0] = '';
}

export function strictSplit(text: string, delimiter: string): string[] | null {
  const d = delimiter.charCodeAt(0);
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return null;
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        j = q + 1;
        break;
      }
      if (j >= n) {
        fields.push(value);
        return fields;
      }
      if (text.charCodeAt(j) !== d) return null;
      fields.push(value);
      i = j + 1;
      continue;
    }
    const end = text.indexOf(delimiter, i);
    const field = end < 0 ? text.slice(i) : text.slice(i, end);
    // fast-csv skips any whitespace before an opening quote, and drops a first field that is
    // only whitespace: leave both to it.
    const c = field.charCodeAt(0);
    if ((c <= 32 || c >= 0x80) && LEADING_SPACE.test(field)) {
      const rest = field.trimStart();
      if (rest.charCodeAt(0) === 34) return null;
      if (i === 0 && rest === '') {
        fields.push('');
        if (end < 0) return fields;
        i = end + 1;
        continue;
      }
    }
    fields.push(field);
    if (end < 0) return fields;
    i = end + 1;
  }
}
