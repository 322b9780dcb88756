import { ParserOptions } from 'fast-csv';
import { Parser } from '@fast-csv/parse/build/src/parser/Parser.js';
import { describe, expect, it } from 'vitest';
import { FieldParser, lenientSplit, strictSplit } from '../../src/ingest/wechat/fields.js';
import {
  detectDelimiter,
  RecordSplitter,
  scanLine,
  type BrokenRecord,
  type RawRecord,
  type RecordSplitterOptions,
} from '../../src/ingest/wechat/records.js';

interface Split {
  records: Pick<RawRecord, 'text' | 'line' | 'lines'>[];
  broken: BrokenRecord[];
  lines: number;
}

function split(
  pieces: readonly string[],
  options: Partial<RecordSplitterOptions> & { delimiter?: string } = {},
): Split {
  const records: Split['records'] = [];
  const broken: BrokenRecord[] = [];
  const splitter = new RecordSplitter({
    ...options,
    onRecord: ({ text, line, lines }) => records.push({ text, line, lines }),
    onBroken: (b) => broken.push(b),
  });
  splitter.setDelimiter(options.delimiter ?? ',');
  for (const piece of pieces) splitter.push(piece);
  splitter.end();
  return { records, broken, lines: splitter.lines };
}

/** The same text pushed whole, character by character, and cut at every position. */
function everySplit(text: string, options: Partial<RecordSplitterOptions> = {}): Split {
  const whole = split([text], options);
  expect(split([...text], options)).toEqual(whole);
  for (let cut = 1; cut < text.length; cut++) {
    expect(split([text.slice(0, cut), text.slice(cut)], options), `cut at ${cut}`).toEqual(whole);
  }
  return whole;
}

describe('RecordSplitter', () => {
  it('counts CRLF, LF and lone CR as one line end each, also across chunk boundaries', () => {
    const result = everySplit('a,1\r\nb,2\nc,3\rd,4');
    expect(result.records).toEqual([
      { text: 'a,1', line: 1, lines: 1 },
      { text: 'b,2', line: 2, lines: 1 },
      { text: 'c,3', line: 3, lines: 1 },
      { text: 'd,4', line: 4, lines: 1 },
    ]);
    expect(result.lines).toBe(4);
    expect(split(['a\r\n']).lines).toBe(1);
    expect(split(['a\r\n\r\n']).lines).toBe(2);
  });

  it('keeps quoted line breaks inside the record and reports its start line', () => {
    const text = 'h1,h2\r\n1,"two\r\nlines"\r\n2,"x ""q"" \nand\rmore",z\r\n3,end';
    const result = everySplit(text);
    expect(result.records).toEqual([
      { text: 'h1,h2', line: 1, lines: 1 },
      { text: '1,"two\r\nlines"', line: 2, lines: 2 },
      { text: '2,"x ""q"" \nand\rmore",z', line: 4, lines: 3 },
      { text: '3,end', line: 7, lines: 1 },
    ]);
    expect(result.lines).toBe(7);
  });

  it('treats a quote in the middle of an unquoted field as a literal', () => {
    const result = everySplit('1,say "hi,2\n2,ok');
    expect(result.records.map((r) => r.text)).toEqual(['1,say "hi,2', '2,ok']);
  });

  it('only the header-finding phase splits on any of , ; TAB', () => {
    // Before setDelimiter, `;"` opens a quote; after it, in a comma file, it does not.
    const records: string[] = [];
    const splitter = new RecordSplitter({
      onRecord: (r) => {
        records.push(r.text);
        if (records.length === 1) splitter.setDelimiter(',');
      },
      onBroken: () => undefined,
    });
    splitter.push('a,b\n1,x;"y\n2,z\n');
    splitter.end();
    expect(records).toEqual(['a,b', '1,x;"y', '2,z']);
  });

  it('#58 cuts a record with a stray quote at the next line that looks like a record start', () => {
    const isRecordStart = (line: string): boolean =>
      /^\d+,/.test(line) && scanLine(line, ',').fields === 3;
    const text = '1,"ok",a\n2,"broken,b\n3,fine,c\n4,"multi\nline",d\n';
    const result = everySplit(text, { isRecordStart });
    expect(result.records).toEqual([
      { text: '1,"ok",a', line: 1, lines: 1 },
      { text: '3,fine,c', line: 3, lines: 1 },
      { text: '4,"multi\nline",d', line: 4, lines: 2 },
    ]);
    expect(result.broken).toEqual([{ line: 2, lines: 1, reason: 'unbalanced-quote' }]);
    expect(result.lines).toBe(5);
  });

  it('#58 without a record-start test, a runaway quote is cut at the line cap and re-split', () => {
    const body = Array.from({ length: 6 }, (_, i) => `${i + 2},row${i + 2}`).join('\n');
    const result = split([`1,"open\n${body}\n`], { maxRecordLines: 3 });
    expect(result.broken[0]).toEqual({ line: 1, lines: 1, reason: 'unbalanced-quote' });
    expect(result.records.map((r) => [r.line, r.text])).toEqual([
      [2, '2,row2'],
      [3, '3,row3'],
      [4, '4,row4'],
      [5, '5,row5'],
      [6, '6,row6'],
      [7, '7,row7'],
    ]);
    expect(result.lines).toBe(7);
  });

  it('#58 a quote still open at the end of input loses its first line; the rest is re-split', () => {
    const result = everySplit('h\n1,ok\n2,"open\n3,next\n4,last');
    expect(result.records.map((r) => [r.line, r.text])).toEqual([
      [1, 'h'],
      [2, '1,ok'],
      [4, '3,next'],
      [5, '4,last'],
    ]);
    expect(result.broken).toEqual([{ line: 3, lines: 1, reason: 'unbalanced-quote' }]);
    expect(result.lines).toBe(5);
  });

  it('#58 never holds more than the character cap: an over-long line is dropped', () => {
    const long = 'x'.repeat(5000);
    const result = split(['1,a\n2,', long.slice(0, 2500), long.slice(2500), '\n3,c\n'], {
      maxRecordChars: 1000,
    });
    expect(result.records.map((r) => r.text)).toEqual(['1,a', '3,c']);
    expect(result.broken).toEqual([{ line: 2, lines: 1, reason: 'too-long' }]);
    expect(result.lines).toBe(3);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x,y";b;c')).toBe(';');
  });

  it('scans a line as a fresh record: field count and an open quote at its end', () => {
    expect(scanLine('1,2,3', ',')).toEqual({ fields: 3, open: false });
    expect(scanLine('1,"a,b",3', ',')).toEqual({ fields: 3, open: false });
    expect(scanLine('1,2,"open, still', ',')).toEqual({ fields: 3, open: true });
  });
});

describe('FieldParser', () => {
  const reference = new Parser(new ParserOptions({ delimiter: ',', ignoreEmpty: false }));

  it('matches fast-csv on random well-formed and malformed records', () => {
    const alphabet = ['a', '中', ',', '"', ' ', '\t', '\n', '\r\n', '""', ''];
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const fields = new FieldParser(',');
    let strictHits = 0;
    for (let n = 0; n < 20000; n++) {
      const cells = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
        const raw = Array.from(
          { length: Math.floor(random() * 5) },
          () => alphabet[Math.floor(random() * alphabet.length)]!,
        ).join('');
        return random() < 0.5 ? raw : `"${raw.replaceAll('"', '""')}"`;
      });
      const record = cells.join(',');
      // Only records the splitter hands over whole (no unquoted line break inside).
      const whole = split([record]);
      if (whole.records.length !== 1 || whole.records[0]!.text !== record) continue;
      // Blank rows (`,,,`, spaces) never reach the field parser: the reader skips them.
      if (/^[ \t,]*$/.test(record)) continue;
      let expected: string[] | null = null;
      try {
        const { rows } = reference.parse(record, false);
        if (rows.length === 1) expected = rows[0]!;
      } catch {
        expected = null;
      }
      const strict = strictSplit(record, ',');
      if (strict) {
        strictHits++;
        expect(strict, JSON.stringify(record)).toEqual(expected);
      }
      if (expected) {
        expect(fields.parse(record, record.includes('"')).fields, JSON.stringify(record)).toEqual(
          expected,
        );
      }
    }
    expect(strictHits).toBeGreaterThan(2000);
  });

  it('splits records fast-csv rejects leniently and says so', () => {
    const fields = new FieldParser(',');
    expect(fields.parse('1,"xy"z,3', true)).toEqual({ fields: ['1', '"xy"z', '3'], lenient: true });
    expect(fields.parse('1,"open,3', true)).toEqual({ fields: ['1', 'open,3'], lenient: true });
    expect(fields.parse('1,"a ""b""",3', true)).toEqual({
      fields: ['1', 'a "b"', '3'],
      lenient: false,
    });
    expect(lenientSplit('"""王五""邀请",x', ',')).toEqual(['"王五"邀请', 'x']);
  });

  it('keeps formula-shaped cells as plain data', () => {
    const fields = new FieldParser(',');
    expect(fields.parse('=HYPERLINK("x"),+86 138,-1,@sum', true).fields).toEqual([
      '=HYPERLINK("x")',
      '+86 138',
      '-1',
      '@sum',
    ]);
  });
});
