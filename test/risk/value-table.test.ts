import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/detect/findings.js';
import { ValueTable } from '../../src/risk/value-table.js';

interface Expected {
  type: number;
  count: number;
  dated: number;
  undated: number;
}

/** The same bookkeeping with a Map and objects: what the table replaces. */
function reference(adds: ReadonlyArray<[string, number, number, number]>): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [id, type, dated, undated] of adds) {
    const seen = out.get(id);
    if (!seen) out.set(id, { type, count: 1, dated, undated });
    else {
      seen.count++;
      seen.dated = Math.max(seen.dated, dated);
      seen.undated = Math.max(seen.undated, undated);
    }
  }
  return out;
}

function contents(table: ValueTable): Expected[] {
  return Array.from({ length: table.size }, (_, e) => ({
    type: table.type(e),
    count: table.count(e),
    dated: table.datedPoints(e),
    undated: table.undatedBase(e),
  }));
}

/** Fingerprints as the detectors make them, many repeated, plus hand-made ids as tests use. */
function findingsLike(n: number, seed: number): Array<[string, number, number, number]> {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: n }, () => {
    const k = Math.floor(random() * n * 0.6);
    const id = k % 50 === 0 ? `id-${k}` : fingerprint('conversation', 'pii/iban', `value ${k}`);
    return [id, k % 3, Math.round(random() * 1500) / 100, random() < 0.2 ? 15 : 0];
  });
}

describe('ValueTable', () => {
  it('keeps every distinct value with its best points and count, in first-seen order', () => {
    const adds = findingsLike(5_000, 7);
    const table = new ValueTable();
    for (const [id, type, dated, undated] of adds) table.add(id, type, dated, undated);
    const expected = [...reference(adds).values()];
    expect(table.size).toBe(expected.length);
    expect(table.size).toBeGreaterThan(1_000); // grown many times past its first capacity
    expect(contents(table)).toEqual(expected);
  });

  it('tells apart fingerprints that share their low or high half', () => {
    const table = new ValueTable();
    table.add('00000000ffffffff', 0, 1, 0);
    table.add('11111111ffffffff', 0, 2, 0);
    table.add('ffffffff00000000', 0, 3, 0);
    table.add('ffffffff11111111', 0, 4, 0);
    table.add('0000000000000000', 0, 5, 0);
    table.add('ffffffff11111111', 0, 1, 0);
    expect(table.size).toBe(5);
    expect(contents(table).map((e) => [e.dated, e.count])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 1],
    ]);
  });

  it('merges another table (as revived after crossing threads) like adding its findings', () => {
    const first = findingsLike(3_000, 11);
    const second = findingsLike(3_000, 12);
    const a = new ValueTable();
    const b = new ValueTable();
    for (const [id, type, dated, undated] of first) a.add(id, type, dated, undated);
    // The second part numbers its types differently: its type t is our type (t + 1) % 3.
    for (const [id, type, dated, undated] of second) b.add(id, (type + 2) % 3, dated, undated);
    a.merge(ValueTable.revive(structuredClone(b)), [1, 2, 0]);
    const whole = reference([...first, ...second]);
    // The type of a value is the one it was first seen with.
    expect(contents(a)).toEqual([...whole.values()]);
  });
});
