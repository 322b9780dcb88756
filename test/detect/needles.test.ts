import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnchoredSearch } from '../../src/detect/anchored.js';
import { BoundedGate } from '../../src/detect/bounded-gate.js';
import { execAll } from '../../src/detect/exec-all.js';
import { foldCode } from '../../src/detect/fold.js';
import { mayMatch } from '../../src/detect/may-match.js';
import { anchoredNeedles, PREFIX, SUFFIX } from '../../src/detect/needles.js';

const needles = (re: RegExp) => anchoredNeedles(re)?.map((a) => (a ? [...a.needles].sort() : a));

describe('required literals', () => {
  it('are the words of an alternation, case-folded', () => {
    expect(needles(/Vertrag|NDA|合同/i)).toEqual([['vertrag'], ['nda'], ['合同']]);
  });

  it('multiply small sets and pick the rarest part of a sequence', () => {
    expect(needles(/(?:pro|per)\s?(?:tag|woche)/)).toEqual([['tag', 'woche']]);
    expect(needles(/mark-?up/)).toEqual([['mark-up', 'markup']]);
    expect(needles(/gh[pos]_/)).toEqual([['gho_', 'ghp_', 'ghs_']]);
  });

  it('are none for alternatives that need no literal', () => {
    expect(needles(/pass|^\s*\S{4,64}$/)).toEqual([['pass'], undefined]);
    expect(needles(/[a-z0-9]{6,11}/)).toEqual([undefined]);
    expect(needles(/x?y*/)).toEqual([undefined]);
  });

  it('ignore lookarounds and anchors', () => {
    expect(needles(/(?<![\p{L}])(?:geb\.|born)(?!\p{L})/u)).toEqual([['born', 'geb.']]);
  });

  it('give up on syntax they do not read', () => {
    expect(anchoredNeedles(/(a)\1/)).toBeUndefined();
  });

  it('know whether a needle starts or ends the match and how far in it can stand', () => {
    const [prefix] = anchoredNeedles(/(?:foo|bar)\p{L}{0,3}/u)!;
    expect(prefix!.at & PREFIX).toBe(PREFIX);
    expect(prefix!.at & SUFFIX).toBe(0);
    expect(prefix!.lead).toBe(0);
    const [inner] = anchoredNeedles(/\p{L}{2,5}vertrag/u)!;
    expect(inner!.needles).toEqual(['vertrag']);
    expect(inner!.at & PREFIX).toBe(0);
    expect(inner!.at & SUFFIX).toBe(SUFFIX);
    expect(inner!.lead).toBe(10);
  });
});

describe('case folding', () => {
  it('folds every character a case-insensitive regex equates with a letter to the same unit', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    for (const letter of 'abcdefghijklmnopqrstuvwxyzäöüßé') {
      for (const flags of ['gi', 'giu']) {
        for (const m of all.matchAll(new RegExp(letter, flags))) {
          expect(foldCode(m.index), `${letter} /${flags} U+${m.index.toString(16)}`).toBe(
            foldCode(letter.charCodeAt(0)),
          );
        }
      }
    }
  });
});

describe('mayMatch', () => {
  it('says no only where the pattern cannot match', () => {
    const patterns = [/vertrag|nda/i, /(?:pro|per)\s?(?:tag|woche)/i, /\d{4}|abc/, /[€$]\s?\d/u];
    const text = fc
      .array(
        fc.constantFrom('ver', 'trag', 'NDA', 'pro', ' ', 'tag', 'Woche', '12', '34', '€', 'x'),
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (t, re) => {
        if (!mayMatch(re, t)) expect(re.test(t)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('execAll and anchored search', () => {
  it('give what matchAll gives, empty matches and surrogate pairs included', () => {
    const patterns = [
      /\d+|[ -]/g,
      /a*/g,
      /(?:x|y)?/gu,
      /(?<![a-z])(?:ab|abc)(?![a-z])/giu,
      /😀|b/gu,
    ];
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'ab', 'abc', ' ', '-', '1', '23', 'x', '😀', 'A'))
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (t, re) => {
        const got = [...execAll(re, t)].map((m) => [m.index, m[0]]);
        const want = [...t.matchAll(re)].map((m) => [m.index, m[0]]);
        expect(got).toEqual(want);
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the leftmost match from any start, as exec does', () => {
    const re = /(?<![a-z])(?:kunde|kunden|lieferant)(?![a-z])/giu;
    const text = fc
      .array(fc.constantFrom('kunde', 'Kunden', 'lieferant', 'x', ' ', 'n'))
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(40), (t, from) => {
        re.lastIndex = from;
        const want = re.exec(t);
        re.lastIndex = 0;
        const got = new AnchoredSearch(re, t).next(from);
        expect(got?.index).toBe(want?.index);
        expect(got?.[0]).toBe(want?.[0]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bounded gates', () => {
  it('check word boundaries against letters and digits only', () => {
    const gate = new BoundedGate([[{ needle: 'ust', left: true, right: true, lead: 0 }]]);
    expect(gate.any('August')).toBe(false);
    expect(gate.any('zzgl. USt.')).toBe(true);
    expect(gate.any('Aust', 1)).toBe(true); // a slice starts a word
    expect(gate.starts('USt und ust')).toEqual([0, 8]);
  });

  it('give up listing places past a limit', () => {
    const gate = new BoundedGate([[{ needle: 'ab', left: false, right: false, lead: 2 }]]);
    expect(gate.starts('ab '.repeat(100))).toHaveLength(298);
    expect(gate.starts('ab '.repeat(5000))).toBeNull();
  });
});
