import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { History } from '../../src/detect/history.js';

const CHARS = 300;

describe('History', () => {
  it('gives what appending each text to a string and keeping its tail gives, read or not', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 400 }),
      fc.constantFrom('', '\n', 'a\nb', '\n\nx\n', 'ok'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.boolean(), fc.boolean()), { maxLength: 60 }),
        (steps) => {
          const history = new History(CHARS);
          let expected = '';
          for (const [added, readText, readLines] of steps) {
            if (readText) expect(history.text()).toBe(expected);
            if (readLines) {
              const lines = expected
                .split('\n')
                .filter((l) => l.length > 0)
                .reverse();
              expect(history.lines()).toEqual(lines);
            }
            history.add(added);
            expected = `${expected}\n${added}`.slice(-CHARS);
          }
          expect(history.text()).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives a one-line text as the very string added', () => {
    const history = new History(CHARS);
    const text = ['Kannst du das Angebot', 'bis Freitag?'].join(' ');
    history.add(text);
    expect(history.lines()[0]).toBe(text);
  });
});
