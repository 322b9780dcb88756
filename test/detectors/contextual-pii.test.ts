import { describe, expect, it } from 'vitest';
import { contextualPii } from '../../detectors/pii/contextual.js';
import type { Detector } from '../../src/detect/detector.js';
import { expectLinear, scanMessage } from '../helpers/detect.js';

function byId(id: string): Detector {
  const detector = contextualPii.find((d) => d.id === id);
  if (!detector) throw new Error(`no detector ${id}`);
  return detector;
}

/** The reported spans for `text` (after an optional `before` message), as strings. */
function spans(id: string, text: string, before = '', timestamp = '2024-01-01T10:00:00'): string[] {
  return scanMessage([byId(id)], { text, before, timestamp }).found.map((f) =>
    text.slice(f.start, f.end),
  );
}

describe('pii/date-of-birth', () => {
  it.each([
    ['geb. 14.03.1985', '14.03.1985'],
    ['geb.14.03.1985', '14.03.1985'],
    ['Geb.-Datum: 1.1.2000', '1.1.2000'],
    ['Geburtsdatum 14.3.85', '14.3.85'],
    ['Sie ist am 14. März 1985 geboren', '14. März 1985'],
    ['DOB: 03/14/1985', '03/14/1985'],
    ['I was born on 14th of March 1985 in Berlin', '14th of March 1985'],
    ['date of birth: March 14, 1985', 'March 14, 1985'],
    ['Mein Geburtstag ist am 14.03.1985', '14.03.1985'],
    ['出生于1985-03-14', '1985-03-14'],
    ['他1985年3月14日出生', '1985年3月14日'],
    ['客户出生日期：1985年3月14日，请核对', '1985年3月14日'],
    ['生日：1990年5月20日', '1990年5月20日'],
  ])('flags %s', (text, expected) => {
    expect(spans('pii/date-of-birth', text)).toEqual([expected]);
  });

  it.each([
    ['Termin am 14.03.2023 um 10:30', 'appointment'],
    ['Geburtstagsparty am Samstag, 14.10.2023', 'compound is not a birth keyword'],
    ['birthday party on March 14, 2023', 'party date'],
    ['happy birthday! see you 14.03.2023', 'sentence break'],
    ['Mein Geburtstag ist am 14.03.', 'no year'],
    ['Ich bin 1985 geboren', 'year only'],
    ['geb. 31.02.1985', 'no such date'],
    ['geb. 14.03.2030', 'in the future'],
    ['born on 14.03.1850', 'age over 120'],
    ['Rechnung vom 14.03.1985', 'no keyword'],
    ['DOB field is required, meeting 14.03.2023', 'event word between keyword and date'],
    ['Geburtsdatum habe ich geschickt. Termin ist der 14.03.2023', 'other sentence'],
    ['生日聚会定在2023年10月14日', 'party date'],
  ])('ignores %s (%s)', (text) => {
    expect(spans('pii/date-of-birth', text)).toEqual([]);
  });

  it('judges the future against the message date', () => {
    expect(spans('pii/date-of-birth', 'geb. 14.03.1995', '', '1990-06-01T10:00:00')).toEqual([]);
    expect(spans('pii/date-of-birth', 'geb. 14.03.1985', '', '1990-06-01T10:00:00')).toEqual([
      '14.03.1985',
    ]);
  });

  it('takes the keyword from the message before only for a bare date', () => {
    expect(spans('pii/date-of-birth', '14.03.1985', 'Geburtsdatum?')).toEqual(['14.03.1985']);
    expect(spans('pii/date-of-birth', 'Termin am 14.03.2023', 'Geburtsdatum?')).toEqual([]);
  });

  it('reads two-digit years as the most recent past year', () => {
    const [finding] = scanMessage([byId('pii/date-of-birth')], 'geb. 1.2.05').found;
    expect(finding?.value).toBe('2005-02-01');
  });
});

describe('pii/passport-number', () => {
  it.each([
    ['Reisepass Nr. C01X00T47', 'C01X00T47'],
    ['Pass-Nr. c01x00t478', 'c01x00t478'],
    ['Passnummer: C01X00T47', 'C01X00T47'],
    ['护照号E12345678', 'E12345678'],
    ['护照：EA1234567', 'EA1234567'],
    ['passport no. G12345678', 'G12345678'],
    ['Passport number 123456789', '123456789'],
    ['123456789 ist meine Passnummer', '123456789'],
  ])('flags %s', (text, expected) => {
    expect(spans('pii/passport-number', text)).toEqual([expected]);
  });

  it.each([
    'C01X00T47',
    'E12345678 ist die Bestellnummer',
    'Passwort C01X00T47',
    'Passnummer C01X00T479',
    'Reisepass gültig bis 20300314',
    'Passport office phone 030123456',
    'Pass auf, Lieferung 123456789 kommt',
    '我的护照过期了，订单号E12345678',
  ])('ignores %s', (text) => {
    expect(spans('pii/passport-number', text)).toEqual([]);
  });
});

describe('pii/de-id-card', () => {
  it.each([
    ['Personalausweis: L01X00T47', 'L01X00T47'],
    ['Perso-Nr: T220001293', 'T220001293'],
    ['Ausweis-Nr. 1220001297', '1220001297'],
    ['ID card number t220001293', 't220001293'],
    ['德国身份证 L01X00T471', 'L01X00T471'],
  ])('flags %s', (text, expected) => {
    expect(spans('pii/de-id-card', text)).toEqual([expected]);
  });

  it.each([
    'Ausweisnummer L01X00T479',
    'Ausweis-Nr. 1220001298',
    '身份证号 L01X00T47',
    'Sendungsnummer L01X00T47',
    'Personalausweis läuft bis 14.03.2030 ab',
    'Ausweis: C01X00T47',
  ])('ignores %s', (text) => {
    expect(spans('pii/de-id-card', text)).toEqual([]);
  });
});

describe('pii/postal-address', () => {
  it.each([
    ['Musterstraße 12, 10115 Berlin', 'Musterstraße 12, 10115 Berlin'],
    ['Er wohnt Hauptstr. 5a in 80331 München.', 'Hauptstr. 5a in 80331 München'],
    ['Am Markt 3, 01067 Dresden', 'Am Markt 3, 01067 Dresden'],
    ['Adresse: Karl-Marx-Allee 90, 10243 Berlin', 'Karl-Marx-Allee 90, 10243 Berlin'],
    ['Frankfurter Allee 12\n10247 Berlin', 'Frankfurter Allee 12\n10247 Berlin'],
    ['Goethestraße 1, 60313 Frankfurt am Main, 2. OG', 'Goethestraße 1, 60313 Frankfurt am Main'],
    ['Wir wohnen jetzt Lindenweg 3', 'Lindenweg 3'],
    ['10 Downing Street, London SW1A 2AA', '10 Downing Street, London SW1A 2AA'],
    ['221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
    [
      '1600 Pennsylvania Ave NW, Washington, DC 20500',
      '1600 Pennsylvania Ave NW, Washington, DC 20500',
    ],
    ['上海市浦东新区世纪大道100号', '上海市浦东新区世纪大道100号'],
    ['寄给深圳市南山区科技园路1号', '深圳市南山区科技园路1号'],
    ['北京市朝阳区建国路88号', '北京市朝阳区建国路88号'],
    ['地址：世纪大道100号', '世纪大道100号'],
  ])('flags %s', (text, expected) => {
    expect(spans('pii/postal-address', text)).toEqual([expected]);
  });

  it.each([
    'Die PLZ ist 10115',
    '10115 Berlin',
    'Musterstraße 12 ist das schönste Haus',
    'Im Januar 2024, 10115 Berlin',
    'I walked 5 miles down Main Street',
    'Gleis 12, 10115 Berlin',
    'Order 12345, total 99.90 USD',
    '会议在3号楼开',
    '世纪大道100号',
    'Wir sehen uns am 12.03. in der Hauptstraße',
  ])('ignores %s', (text) => {
    expect(spans('pii/postal-address', text)).toEqual([]);
  });
});

describe('contextual PII: harder cases', () => {
  it('reads the genealogical birth star, but not bold or footnote stars', () => {
    expect(spans('pii/date-of-birth', 'Kind: Lena, *12.07.2016, Allergie gegen Nüsse')).toEqual([
      '12.07.2016',
    ]);
    expect(spans('pii/date-of-birth', 'Termin *12.07.2023* nicht vergessen')).toEqual([]);
    expect(spans('pii/date-of-birth', 'Preis gültig ab *12.07.2023')).toEqual([]);
  });

  it('accepts abbreviations ending in a dot between keyword and number', () => {
    expect(spans('pii/de-id-card', 'Personalausweisnr. der Mieterin: Y7LY0TYHF1')).toEqual([
      'Y7LY0TYHF1',
    ]);
  });

  it('finds the keyword up to 60 characters before a checked number', () => {
    expect(
      spans(
        'pii/passport-number',
        'Passnummer von Herrn Scholz für den Flug nach Shanghai: F40FMRWWW7 gültig bis 2031',
      ),
    ).toEqual(['F40FMRWWW7']);
    expect(
      spans('pii/passport-number', 'hab die pass nr von maria für die buchung: K21ZZX4NL8'),
    ).toEqual(['K21ZZX4NL8']);
  });

  it('takes a short message starting with the number after a request', () => {
    expect(
      spans(
        'pii/de-id-card',
        'PMNX4MW450 (Vorderseite oben rechts)',
        'Brauche noch die Nummer vom Personalausweis',
      ),
    ).toEqual(['PMNX4MW450']);
    expect(
      spans(
        'pii/de-id-card',
        'R3KG8YN2G1',
        'need the number from your German ID for the car rental',
      ),
    ).toEqual(['R3KG8YN2G1']);
  });

  it('reads Swiss and Austrian postcodes and Chinese road sections', () => {
    expect(spans('pii/postal-address', 'bei Herrn Ott, Bahnhofstraße 22, 8001 Zürich')).toEqual([
      'Bahnhofstraße 22, 8001 Zürich',
    ]);
    expect(
      spans('pii/postal-address', '发票寄到成都市锦江区春熙路北段9号3楼，收件人刘会计'),
    ).toEqual(['成都市锦江区春熙路北段9号3楼']);
  });
});

describe('contextual PII: pathological input', () => {
  it.each([
    'geb. 14.03.1985 '.repeat(3_000),
    'Reisepass C01X00T47 '.repeat(2_500),
    'Ausweis L01X00T47 '.repeat(2_500),
    'Musterstraße 12, '.repeat(3_000),
    '上海市浦东新区世纪大道100号'.repeat(3_000),
    '号'.repeat(50_000),
    '路1号'.repeat(15_000),
    '1 Main Street, '.repeat(3_000),
    'Am Markt 3 '.repeat(4_000),
  ])('stays linear on %#', (text) => {
    expectLinear(contextualPii, text);
  });
});
