import { describe, expect, it } from 'vitest';
import { structuredPii } from '../../detectors/pii/structured.js';
import type { RawFinding } from '../../src/detect/run-detectors.js';
import { scanMessage } from '../helpers/detect.js';

function scan(text: string, before = ''): RawFinding[] {
  return scanMessage(structuredPii, { text, before, timestamp: '' }).found;
}

function phones(text: string, before = ''): string[] {
  return scan(text, before)
    .filter((f) => f.type === 'phone')
    .map((f) => text.slice(f.start, f.end));
}

function phoneValues(text: string): string[] {
  return scan(text)
    .filter((f) => f.type === 'phone')
    .map((f) => f.value);
}

describe('pii/phone: German variants', () => {
  it.each([
    ['Handy: +49 (0) 151 2345 6789', '+49 (0) 151 2345 6789'],
    ['Nummer 0151/23456789', '0151/23456789'],
    ['ruf an: 0049 151 23456789', '0049 151 23456789'],
    ['Tel. 0151-234 56 789', '0151-234 56 789'],
    ['Büro 030 12345678, danke', '030 12345678'],
    ['Ruf den Kunden an: 0151 - 234 567 89', '0151 - 234 567 89'],
    ['Nummer vom Steuerberater: 030 1234567', '030 1234567'],
    ['Meine Nummer ist 0171 1234567.', '0171 1234567'],
    ['Festnetz (030) 1234567', '(030) 1234567'],
    ['+49 30 12345678', '+49 30 12345678'],
  ])('%s', (text, expected) => {
    expect(phones(text)).toEqual([expected]);
  });

  it('splits two numbers joined by a wide separator', () => {
    expect(phones('Tel 030 1234567 / 0151 23456789')).toEqual(['030 1234567', '0151 23456789']);
    expect(phones('Nummern: 0151 23456789  0171 7654321')).toEqual([
      '0151 23456789',
      '0171 7654321',
    ]);
  });

  it('canonicalises to E.164', () => {
    expect(phoneValues('Handy +49 (0) 151 2345 6789 oder 0151/23456789')).toEqual([
      '+4915123456789',
      '+4915123456789',
    ]);
  });

  it('reads Austrian and Swiss numbers with country code', () => {
    expect(phoneValues('Wien: +43 664 1234567, Zürich: +41 79 123 45 67')).toEqual([
      '+436641234567',
      '+41791234567',
    ]);
  });
});

describe('pii/phone: Chinese, US and UK numbers', () => {
  it('finds mobiles glued to Chinese text and full-width digits', () => {
    expect(phones('手机13812345678')).toEqual(['13812345678']);
    expect(phones('客户电话：１３８１２３４５６７８，明天回访')).toEqual([
      '１３８１２３４５６７８',
    ]);
    expect(phones('联系电话 010-12345678')).toEqual(['010-12345678']);
    expect(phoneValues('他的手机是 138 1234 5678')).toEqual(['+8613812345678']);
  });

  it('finds +1 and +44 numbers', () => {
    expect(phones('call me at +1 202-555-0143 or +44 7700 900123')).toEqual([
      '+1 202-555-0143',
      '+44 7700 900123',
    ]);
    expect(phones('phone (202) 555-0143')).toEqual(['(202) 555-0143']);
  });

  it('finds wa.me links', () => {
    expect(phones('schreib mir: https://wa.me/4915123456789')).toEqual(['4915123456789']);
  });

  it('joins a number sent in two messages', () => {
    expect(phones('99 50 369 schreib ihm per WhatsApp', 'Handy vom Bauleiter: +49 178')).toEqual([
      '99 50 369',
    ]);
    expect(phones('3842 3997 记一下', '供应商老周电话 177')).toEqual(['3842 3997']);
    expect(phones('30 Minuten später', 'Termin um 15')).toEqual([]);
  });

  it('needs formatting or a keyword for bare digit strings', () => {
    expect(phones('2025550143')).toEqual([]);
    expect(phones('Ruf an: 2025550143')).toEqual(['2025550143']);
    expect(phones('Code 13812345678 ok')).toEqual([]);
    expect(phones('13812345678', '你的手机号？')).toEqual(['13812345678']);
    expect(phones('030123456')).toEqual([]);
  });
});

describe('pii/phone: numbers that are not phones', () => {
  it.each([
    ['times', 'Meeting 10:30-11:45, dann 12:00-13:15'],
    ['dates', 'Termin am 12.03.2024, Lieferung 2024/3/12, Frist 2024-03-12'],
    ['timestamps', 'Log 2024-03-12 10:30:15 Fehler'],
    ['amounts', 'Summe 1.234.567,89 EUR und 0151 234,50 €'],
    ['currency first', 'Preis: € 0151 234567'],
    ['IBAN', 'IBAN DE89 3704 0044 0532 0130 00 bitte'],
    ['order number', 'Auftrag 4711-2024 ist raus'],
    ['invoice number', 'Rechnungsnr. 2024031412'],
    ['customer number', 'Kundennummer 10023456'],
    ['order number, where "number" alone would be a phone keyword', 'order number 0151234567'],
    ['customer number with trunk shape', 'Kundennummer 0151234567'],
    ['Chinese order number', '订单号13812345678已发货'],
    ['Chinese order number, spaced', '订单号 138 1234 5678'],
    ['tax id', 'Steuer-ID 86095742719'],
    ['postcode', '10115 Berlin, Raum 4.012'],
    ['room number', 'Zimmer 0123456789'],
    ['version number', 'Version 10.0.19045.3693 installiert'],
    ['URL digits', 'siehe https://example.com/p/015123456789?id=0301234567'],
    ['unix time', 'created 1712345678 and 1712345678901'],
    ['decimal', 'Wert 0151234567.89'],
    ['tracking number', 'Sendungsnummer 00340434161094042557'],
    ['number glued to letters', 'Artikel A0151234567B'],
    ['lottery numbers', '彩票号码 07 12 19 23 28 33 + 09，没中'],
    ['ISBN', 'ISBN 978-3-16-148410-0'],
    ['coordinates', 'Standort 52.520008, 13.404954'],
    ['Steuernummer', 'Steuernummer 12/345/67890'],
  ])('%s', (_name, text) => {
    expect(phones(text)).toEqual([]);
  });

  it('lets a Steuer-ID win over a phone reading of the same digits', () => {
    const text = 'Steuer-ID 13812345678';
    const findings = scan(text);
    expect(findings.map((f) => f.type)).not.toContain('phone');
  });
});
