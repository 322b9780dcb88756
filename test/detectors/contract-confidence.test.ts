/**
 * Rules shared by all contract detectors: business context decides whether a term is reported,
 * private words cancel weak evidence, and two contract terms support each other.
 */
import { describe, expect, it } from 'vitest';
import { contractDetectors } from '../../detectors/contract/index.js';
import { businessContext } from '../../detectors/contract/_business-context.js';
import { scan } from './contract-helpers.js';

const confidence = (text: string, before = ''): number =>
  Math.max(0, ...scan(contractDetectors, { text, before }).found.map((f) => f.confidence));

describe('business context', () => {
  it('finds strong words in the message and in the preceding messages', () => {
    expect(businessContext({ text: 'Der Kunde will 8 % Rabatt', before: '' }, 15, 25).level).toBe(
      2,
    );
    expect(
      businessContext({ text: '8 % Rabatt?', before: 'Lieferant Müller GmbH' }, 0, 10).level,
    ).toBe(2);
    expect(businessContext({ text: '客户要求打九折', before: '' }, 4, 7).level).toBe(2);
  });

  it('ignores words inside the excluded span and weak words next to private ones', () => {
    const text = 'Vertragslaufzeit 24 Monate';
    expect(businessContext({ text, before: '' }, 0, text.length, { start: 0, end: 16 }).level).toBe(
      0,
    );
    expect(businessContext({ text: 'Rechnung vom Vermieter', before: '' }, 0, 8).level).toBe(0);
  });

  it('does not treat customer service or the client app as customers', () => {
    expect(
      businessContext({ text: 'Kundenservice sagt 10 % Rabatt', before: '' }, 19, 30).level,
    ).toBe(0);
    expect(businessContext({ text: '客户端更新了', before: '' }, 0, 3).level).toBe(0);
  });
});

describe('contract confidence', () => {
  it('stays below the threshold without business context and rises with it', () => {
    expect(confidence('20 % Rabatt auf alles')).toBeLessThan(0.5);
    expect(confidence('Der Kunde will 20 % Rabatt')).toBeGreaterThanOrEqual(0.7);
    expect(confidence('20 % Rabatt?', 'Angebot für die Müller GmbH')).toBeGreaterThanOrEqual(0.7);
  });

  it('lets a second contract term count as context', () => {
    expect(confidence('Laufzeit 36 Monate')).toBeLessThan(0.5);
    expect(confidence('Laufzeit 36 Monate, Kündigungsfrist 6 Monate')).toBeGreaterThanOrEqual(0.5);
  });

  it('reports terms only contracts use without further context', () => {
    expect(confidence('Vertragsstrafe 0,5 % pro Tag')).toBeGreaterThanOrEqual(0.7);
    expect(confidence('MOQ 500 pcs')).toBeGreaterThanOrEqual(0.7);
    expect(confidence('FOB Shanghai')).toBeGreaterThanOrEqual(0.6);
  });

  it('lets private words cap even contract terms', () => {
    expect(confidence('提前退租要付违约金，房东太坑了')).toBeLessThan(0.5);
  });

  it('explains each finding', () => {
    const [finding] = scan(contractDetectors, 'Der Kunde will 8 % Rabatt').found;
    expect(finding?.explanation).toMatch(/Rabatt.*8 %.*business context 'Kunde'/);
  });
});

describe('private talk', () => {
  // None of these is a contract term, whatever the detector.
  const PRIVATE = [
    'Das Kino kostet 12 €',
    'Pizza für 9,50, wer will mit?',
    '我买了一件衣服，八十块',
    'Urlaub verlängert!',
    'Die Garantie für mein Handy ist abgelaufen',
    'Wir haben den Vertrag für die Wohnung unterschrieben!! 🥳 Einzug 1.8.',
    'Miete ist ab März 1.150 warm, Nebenkostenabrechnung kommt noch',
    'Kino heute 19:45? Karten kosten 12,90 pro Person',
    'Pizza war 9,50, Getränke 4,20 – schick mir einfach 13,70 per PayPal',
    'Bestellung 302-1234567-1234567 storniert, Geld kommt in 3–5 Tagen',
    'Lieferschein LS-2025-004411 fehlt noch, bitte nachreichen',
    'my phone contract with Vodafone ends next month, £39.99 is too much',
    'rent goes up to $2,150 in March, ugh',
    'Black Friday sale at the hardware store, 15% off everything',
    'the 0.5% interest on my savings is a joke',
    'Order #4711-2024 shipped today, should arrive Thursday',
    '房租每月4500，押一付三',
    '双十一淘宝打八折，买了一堆东西',
    '我的手机过保了，换屏要800',
    '火锅人均150，AA吧',
    '这个月电费312.5元，水费48元',
    '打车花了68，公司能报销吗',
  ];
  it.each(PRIVATE)('reports nothing for %s', (text) => {
    expect(scan(contractDetectors, text).found).toEqual([]);
  });
});
