import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/detect/normalize.js';

describe('normalizeText', () => {
  it('returns ASCII text unchanged, with identity offsets', () => {
    const n = normalizeText('IBAN DE89 3704');
    expect(n.text).toBe('IBAN DE89 3704');
    expect(n.toOriginal(5)).toBe(5);
  });

  it('#60 folds full-width digits and punctuation, keeps emoji and ZWJ sequences out of the way', () => {
    const original = '手机：１３８ ００１３ ８０００，👨‍👩‍👧 ok';
    const n = normalizeText(original);
    expect(n.text).toBe('手机:138 0013 8000,👨👩👧 ok');
    const start = n.text.indexOf('138');
    const end = n.text.indexOf(',');
    expect(original.slice(n.toOriginal(start), n.toOriginalEnd(end))).toBe(
      '１３８ ００１３ ８０００',
    );
  });

  it('removes bidi marks and maps offsets around them back to the original', () => {
    const original = 'Tel \u202A+49\u00A0151\u00A023456789\u202C bitte';
    const n = normalizeText(original);
    expect(n.text).toBe('Tel +49 151 23456789 bitte');
    const start = n.text.indexOf('+49');
    const end = start + '+49 151 23456789'.length;
    expect(original.slice(n.toOriginal(start), n.toOriginalEnd(end))).toBe(
      '+49\u00A0151\u00A023456789',
    );
  });

  it('turns U+3000, NNBSP and Unicode dashes into ASCII space and hyphen', () => {
    expect(normalizeText('a\u3000b\u202Fc\u2011d\u2013e').text).toBe('a b c-d-e');
  });

  it('does not invent digits from symbols that NFKC expands (½ stays ½)', () => {
    expect(normalizeText('½ Liter ü').text).toBe('½ Liter ü');
  });
});
