import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENIZER, stem, tokenize } from '../../src/work/tokenize.js';

const plain = { ...DEFAULT_TOKENIZER, stem: false, affix: 0 };

describe('work tokenizer', () => {
  it('keeps umlauts and ß, lower-cases, drops punctuation and emoji', () => {
    expect(tokenize('Grüße an Frau Müller! Straße 👍😂 …', plain)).toEqual([
      'grüße',
      'an',
      'frau',
      'müller',
      'straße',
    ]);
  });

  it('drops one-letter words and splits at apostrophes and hyphens', () => {
    expect(tokenize("I don't know, E-Mail", plain)).toEqual(['don', 'know', 'mail']);
  });

  it('turns numbers into shape tokens and digits inside words into 0', () => {
    expect(tokenize('Auftrag 4711 in KW45, Q1 2024, 12 Stück, Konto 123456789', plain)).toEqual([
      'auftrag',
      '#2',
      'in',
      'kw00',
      'q0',
      '#2',
      '#1',
      'stück',
      'konto',
      '#3',
    ]);
  });

  it('emits CJK unigrams and bigrams per run of ideographs', () => {
    expect(tokenize('明天开会', plain)).toEqual(['明', '明天', '天', '天开', '开', '开会', '会']);
    expect(tokenize('开会', { ...plain, cjkUnigrams: false })).toEqual(['开会']);
    expect(tokenize('好', { ...plain, cjkUnigrams: false })).toEqual(['好']);
  });

  it('separates Latin words from CJK runs without spaces', () => {
    expect(tokenize('PPT在群里', plain)).toEqual(['ppt', '在', '在群', '群', '群里', '里']);
  });

  it('adds the first and last letters of long words with affix', () => {
    expect(tokenize('Kundentermin morgen', { ...plain, affix: 4 })).toEqual([
      'kundentermin',
      'kund~',
      '~rmin',
      'morgen',
    ]);
    expect(tokenize('Lieferantentermin', { ...DEFAULT_TOKENIZER })).toContain('~rmin');
  });

  it('drops function words with stopwords', () => {
    expect(tokenize('Kannst du das Angebot schicken', { ...plain, stopwords: true })).toEqual([
      'angebot',
      'schicken',
    ]);
  });

  it('folds inflection with stem', () => {
    expect(stem('kunden')).toBe(stem('kunde'));
    expect(stem('angebote')).toBe(stem('angebot'));
    expect(stem('invoices')).toBe(stem('invoice'));
    expect(stem('meetings')).toBe(stem('meeting'));
    expect(stem('bestellungen')).toBe('bestellung');
    expect(stem('order')).toBe('order');
  });

  it('is linear on long input', () => {
    const started = performance.now();
    expect(tokenize('a1 '.repeat(100_000)).length).toBe(100_000);
    tokenize('中'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
