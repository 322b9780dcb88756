import { describe, expect, it } from 'vitest';
import { LineSplitter, splitLines } from '../../src/ingest/lines.js';

function splitInChunks(text: string, size: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const splitter = new LineSplitter((line, n) => out.push([line, n]));
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  splitter.end();
  return out;
}

describe('LineSplitter', () => {
  it('#22 treats CRLF, LF and lone CR each as one line end', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('#23 keeps blank lines and a last line without a newline', () => {
    expect(splitLines('a\n\n\nb')).toEqual(['a', '', '', 'b']);
    expect(splitLines('a\n')).toEqual(['a']);
  });

  it('numbers lines identically whatever the chunking, also with CRLF cut between chunks', () => {
    const text = 'eins\r\nzwei\r\n\r\ndrei\rvier\nfünf 👍\r\n';
    const whole = splitInChunks(text, text.length);
    expect(whole).toEqual([
      ['eins', 1],
      ['zwei', 2],
      ['', 3],
      ['drei', 4],
      ['vier', 5],
      ['fünf 👍', 6],
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(splitInChunks(text, size)).toEqual(whole);
  });

  it('joins a line that spans many chunks', () => {
    const long = 'x'.repeat(100_000);
    expect(splitInChunks(`${long}\nend`, 4096)).toEqual([
      [long, 1],
      ['end', 2],
    ]);
  });
});
