import { describe, expect, it } from 'vitest';
import {
  matchShape,
  matchShapeWithRegex,
  shapeById,
  ShapeMatcher,
  type ShapeId,
} from '../../src/ingest/whatsapp/header.js';

/** Header lines and near misses for the shapes that have the ASCII fast path. */
const LINES = [
  '23/03/2022, 13:31 - A: x',
  '1/4/23, 7:02 PM - A: x',
  '1/4/23, 7:02PM - A: x',
  '09/10/2023, 11:11 am - A: x',
  '29.01.18, 12:24 - M: x',
  '23.03.22 13:31 - D: x',
  '18-03-2022 14:56 - D: x',
  '2018/07/25, 09:01 - m: x',
  '2023-12-20, 5:46 p.m. - F: x',
  '30/08/25 18.00 - B: x',
  '30/08/25 18.00.59 - B: x',
  '13. 6. 2018. 21:25:15 - a: m',
  '[23.06.18, 13:55:12] L: x',
  '[23.06.18, 13:55:12]L: x',
  '[3/27/22 21:41:35] D: x',
  '[14/10/2021, 3:34:09 PM] X: x',
  '[2024. 1. 2. 10:06:07] A: x',
  '[3/27/2565 BE, 21:41:35] A: x',
  '[3/27/R4, 21:41:35] A: x',
  '7/1/16, 4:56:55 PM: S: t',
  '09/12/2012 17:03:48: N: M',
  '13.06.18 21.25.15: a: m',
  '23/03/2022, 13:31 -A: x',
  '23/03/2022 ,13:31 - A: x',
  '12345/03/2022, 13:31 - A: x',
  '23/03/2022, 13:314 - A: x',
  '23/03/2022, 13:31:5 - A: x',
  '23/03/2022, 13:31:555 - A: x',
  '23/03/2022, 13:31 PMx - A: x',
  '23/03/2022, 13:31 P - A: x',
  '23/03/2022, 1:31 AM. - A: x',
  '23/3/2022, 123:31 - A: x',
  '23/03-2022, 13:31 - A: x',
  '23/03/2022,  13:31 - A: x',
  '2016-04-29 10:30:00',
  '2016-04-29 10:30:00 - worker: started',
  '[2016/04/29, 10:30:00] pasted',
  '99/99/99, 99:99 - A: x',
];

describe('WhatsApp header fast path', () => {
  it.each(['android', 'ios', 'legacy-colon'] satisfies ShapeId[])(
    'agrees with the regex for the %s shape',
    (id) => {
      const shape = shapeById(id);
      const matcher = new ShapeMatcher(shape);
      let matched = 0;
      for (const line of LINES) {
        const expected = matchShapeWithRegex(line, shape);
        const fast = matchShape(line, shape);
        expect({ line, hit: fast }).toEqual({ line, hit: expected });
        const reused = matcher.match(line);
        expect({
          line,
          hit: reused === null ? null : structuredClone({ ...reused, shape: id }),
        }).toEqual({
          line,
          hit: expected === null ? null : { ...expected, shape: id },
        });
        if (expected !== null) matched++;
      }
      expect(matched).toBeGreaterThan(2);
    },
  );

  it('agrees with the regex on 20,000 generated header-like lines', () => {
    // Deterministic LCG so a failure is reproducible.
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(options: readonly T[]): T => options[next(options.length)]!;
    const digits = (): string =>
      pick(['1', '9', '12', '31', '0', '07', '2024', '2565', '123', '12345', 'R4', '']);
    const shapes = (['android', 'ios', 'legacy-colon'] satisfies ShapeId[]).map(shapeById);
    const matchers = shapes.map((shape) => new ShapeMatcher(shape));
    let matches = 0;
    for (let n = 0; n < 20_000; n++) {
      const sep = pick(['/', '.', '-', ':']);
      const line =
        pick(['', '[', '[[', ' ']) +
        digits() +
        sep +
        pick(['', ' ', '  ']) +
        digits() +
        pick([sep, sep, '/', '.']) +
        pick(['', ' ']) +
        digits() +
        pick(['', '.', ' BE', 'B']) +
        pick([', ', ',', ' ', ' ,', '', 'klo ', ',  ']) +
        pick(['1', '9', '13', '23', '123', '']) +
        pick([':', '.', ',']) +
        pick(['00', '59', '5', '600', '']) +
        pick(['', '', ':30', '.30', ':3', ':300']) +
        pick(['', '', ' AM', 'PM', ' pm', ' p.m.', ' P', ' AMx', ' am.', ' a. m.']) +
        pick([' - ', ' -', ']', '] ', ': ', ':', ' ', ' - ']) +
        pick(['X: y', '', ' ', '- y']);
      for (const [k, shape] of shapes.entries()) {
        const expected = matchShapeWithRegex(line, shape);
        // The same line and a variant with another time through the stateful matcher (date reuse).
        for (const variant of [line, line.replace(/\d(?=[:.]\d\d)/, '7')]) {
          const want = matchShapeWithRegex(variant, shape);
          const got = matchers[k]!.match(variant);
          expect({
            variant,
            hit: got === null ? null : { ...got, fields: { ...got.fields } },
          }).toEqual({
            variant,
            hit: want,
          });
        }
        expect({ line, hit: matchShape(line, shape) }).toEqual({ line, hit: expected });
        if (expected !== null) matches++;
      }
    }
    // About 370 of the generated lines are headers of one of the shapes.
    expect(matches).toBeGreaterThan(200);
  });
});
