import { describe, expect, it } from 'vitest';
import { structuredPii } from '../../detectors/pii/structured.js';
import type { RawFinding } from '../../src/detect/run-detectors.js';
import { scanMessage } from '../helpers/detect.js';

function scan(text: string, before = ''): RawFinding[] {
  return scanMessage(structuredPii, { text, before, timestamp: '' }).found;
}

function found(text: string, before = ''): string[] {
  return scan(text, before).map((f) => `${f.type}: ${text.slice(f.start, f.end)}`);
}

describe('pii/payment-card', () => {
  it('finds brands in their ranges, grouped or compact', () => {
    expect(found('Visa 4556 7375 8689 9855')).toEqual(['payment-card: 4556 7375 8689 9855']);
    expect(found('MC 2-series 2221-0012-3456-7896')).toEqual(['payment-card: 2221-0012-3456-7896']);
    expect(found('Amex 3756 123456 78907')).toEqual(['payment-card: 3756 123456 78907']);
    expect(found('卡号4556737586899855，')).toEqual(['payment-card: 4556737586899855']);
  });

  it('reports known test numbers lower but still reports them', () => {
    for (const number of ['4111 1111 1111 1111', '4242 4242 4242 4242', '5555 5555 5555 4444']) {
      const [hit] = scan(`Karte ${number}`);
      expect(hit?.type).toBe('payment-card');
      expect(hit?.confidence).toBeGreaterThanOrEqual(0.5);
      expect(hit?.confidence).toBeLessThan(0.7);
      expect(hit?.explanation).toContain('known test number');
    }
  });

  it('is not put off by the word "Kunden" before it', () => {
    expect(found('Karte vom Kunden: 4556 7375 8689 9855')).toEqual([
      'payment-card: 4556 7375 8689 9855',
    ]);
  });

  it('cuts off a CVV but not a further block of four', () => {
    expect(found('card 4556 7375 8689 9855 123')).toEqual(['payment-card: 4556 7375 8689 9855']);
    expect(found('ref 4556 7375 8689 9855 1234 5678')).toEqual([]);
  });

  it('reports UnionPay numbers failing Luhn only with a card keyword', () => {
    expect(found('银行卡号 6212 2602 0000 1234 567')).toEqual([
      'payment-card: 6212 2602 0000 1234 567',
    ]);
    expect(found('编码 6212 2602 0000 1234 567')).toEqual([]);
  });

  it.each([
    ['16-digit order number failing Luhn', 'Bestellung 4556737586899856'],
    ['Luhn-valid order number', 'Bestellnummer 4556737586899855'],
    ['IBAN', 'IBAN DE89 3704 0044 0532 0130 00'],
    ['phone', 'Tel +49 151 2345 6789'],
    ['Gansu resident ID', '身份证 620102199001011057'],
  ])('not a card: %s', (_name, text) => {
    expect(found(text).filter((f) => f.startsWith('payment-card'))).toEqual([]);
  });
});

describe('pii/cn-resident-id', () => {
  it('finds IDs glued to Chinese text, with X or x', () => {
    expect(found('身份证号是11010519491231002X，')).toEqual(['cn-resident-id: 11010519491231002X']);
    expect(scan('身份证号是11010519491231002x')[0]?.value).toBe('11010519491231002X');
    expect(found('身份证：４４０３０１１９８５１２０３２４１１')).toEqual([
      'cn-resident-id: ４４０３０１１９８５１２０３２４１１',
    ]);
  });

  it('is confident with a keyword, still reported without', () => {
    expect(scan('身份证 440301198512032411')[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    const bare = scan('440301198512032411')[0]!.confidence;
    expect(bare).toBeGreaterThanOrEqual(0.5);
    expect(bare).toBeLessThan(0.9);
  });

  it.each([
    ['wrong check digit', '身份证110105194912310021'],
    ['future birth date', '身份证440301209912032411'],
    ['impossible date', '身份证440301198513322411'],
    ['year before 1900', '身份证440301189912032411'],
    ['hyphenated but wrong check digit', '身份证440301-19851203-2412'],
    ['unknown province', '身份证991234198512032411'],
    ['longer number', '440301198512032411123'],
  ])('not an ID: %s', (_name, text) => {
    expect(found(text).filter((f) => f.startsWith('cn-resident-id'))).toEqual([]);
  });
});

describe('pii/de-tax-id', () => {
  it('needs a keyword', () => {
    expect(found('Steuer-ID 86095742719')).toEqual(['de-tax-id: 86095742719']);
    expect(found('86095742719')).toEqual([]);
    expect(found('86095742719', 'Schick mir bitte deine Steuer-ID')).toEqual([
      'de-tax-id: 86095742719',
    ]);
  });

  it('accepts grouped forms', () => {
    expect(found('IdNr. 86 095 742 719')).toEqual(['de-tax-id: 86 095 742 719']);
    expect(found('steuerliche Identifikationsnummer 860 957 427 19')).toEqual([
      'de-tax-id: 860 957 427 19',
    ]);
  });

  it('wins over a phone reading of the same digits', () => {
    // Valid IdNr and, digit for digit, a valid Chinese mobile number.
    expect(found('Steuer-ID 13803246791')).toEqual(['de-tax-id: 13803246791']);
    expect(found('我的德国税号13803246791')).toEqual(['de-tax-id: 13803246791']);
    expect(found('13803246791', 'Steuer-ID? Hier:')).toEqual(['de-tax-id: 13803246791']);
  });

  it('accepts numbers passing stdnum but not the strict digit rule, lower', () => {
    // 3 occurs five times in the first ten digits.
    const [loose] = scan('Steuer-ID 30833632314');
    const [strict] = scan('Steuer-ID 86095742719');
    expect(loose?.type).toBe('de-tax-id');
    expect(loose!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(loose!.confidence).toBeLessThan(strict!.confidence);
  });

  it.each([
    ['wrong check digit', 'Steuer-ID 86095742718'],
    ['1-2-3 placeholder', 'Steuer-ID 12345678903'],
    ['phone keyword closer', 'Steuer-ID? Nein, Tel: 86095742719'],
    ['customer number', 'Kundennummer 86095742719'],
  ])('not a tax id: %s', (_name, text) => {
    expect(found(text).filter((f) => f.startsWith('de-tax-id'))).toEqual([]);
  });
});

describe('pii/eu-vat-id', () => {
  it.each([
    ['USt-IdNr. DE136695976', 'DE136695976'],
    ['USt-IdNr. DE 136 695 976', 'DE 136 695 976'],
    ['UID ATU13585627', 'ATU13585627'],
    ['TVA FR40303265045', 'FR40303265045'],
    ['BTW NL004495445B01', 'NL004495445B01'],
    ['P.IVA IT00743110157', 'IT00743110157'],
    ['NIF ESA12345674', 'ESA12345674'],
    ['BTW BE0403019261', 'BE0403019261'],
    ['NIP PL8567346215', 'PL8567346215'],
    ['MWST CHE-107.787.577 MWST', 'CHE-107.787.577 MWST'],
    ['增值税号DE136695976，', 'DE136695976'],
  ])('%s', (text, span) => {
    expect(found(text)).toEqual([`eu-vat-id: ${span}`]);
  });

  it('reports a valid prefixed number without keyword at 0.5 or more', () => {
    const [hit] = scan('DE136695976');
    expect(hit?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(hit?.confidence).toBeLessThan(scan('USt-IdNr. DE136695976')[0]!.confidence);
  });

  it.each([
    ['wrong check digit', 'USt-IdNr. DE136695977'],
    ['IBAN', 'DE89 3704 0044 0532 0130 00'],
    ['longer number', 'DE 136 695 976 12'],
    ['lower case', 'de136695976'],
  ])('not a VAT id: %s', (_name, text) => {
    expect(found(text).filter((f) => f.startsWith('eu-vat-id'))).toEqual([]);
  });
});

describe('structured PII together', () => {
  it('keeps IBAN, phone, e-mail and VAT apart in one message', () => {
    const text =
      'Kunde: max@example.de, Tel. 0151 23456789, IBAN DE89 3704 0044 0532 0130 00, USt-IdNr. DE136695976';
    expect(found(text)).toEqual([
      'email: max@example.de',
      'phone: 0151 23456789',
      'iban: DE89 3704 0044 0532 0130 00',
      'eu-vat-id: DE136695976',
    ]);
  });

  it('finds nothing in ordinary chat', () => {
    const lines = [
      'Treffen wir uns um 10:30 am Bahnhof? Zug fährt um 11:45 von Gleis 12.',
      'Let me know at 3pm, the meeting is in room 4.012 on 12.03.2024.',
      '明天下午3点开会，地点在301会议室，大概2小时。',
      'Die Rechnung über 1.234,56 EUR ist bezahlt, Bestellung 4711-2024.',
      'Version 2.14.3 released on 2024-03-12, 1500 downloads so far',
    ];
    for (const line of lines) expect(found(line), line).toEqual([]);
  });
});
