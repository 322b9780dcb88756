/**
 * Produces fictitious identifiers with valid checksums for the evaluation set (the message texts
 * around them are written by hand). Deterministic: the same seed gives the same values.
 *
 *   npx tsc --ignoreConfig --outDir dist/.make-values --module NodeNext --moduleResolution NodeNext \
 *     --target ES2023 --types node --skipLibCheck --esModuleInterop --strict test/eval/make-values.ts
 *   node dist/.make-values/make-values.js [seed] [count] > /tmp/values.json
 *
 * The set was drawn from seed 11 (dev) and seed 29 (holdout), 24 values per pool; values were then
 * written into the messages by hand, in the formats people type (spaces, hyphens, lower case,
 * full-width digits, line breaks).
 *
 * Every value is checked with `validateValue` before it is printed.
 */
import { composeIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { stdnum } from 'stdnum';
import { validateValue } from './values.js';

/** mulberry32: small, seedable, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeGenerators(seed: number) {
  const random = rng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(10))).join('');
  const chars = (alphabet: string, n: number): string =>
    Array.from({ length: n }, () => alphabet[int(alphabet.length)]!).join('');
  const retry = (make: () => string, ok: (v: string) => boolean): string => {
    for (let i = 0; i < 100_000; i++) {
      const v = make();
      if (ok(v)) return v;
    }
    throw new Error('no valid value found');
  };

  const luhnComplete = (prefix: string, length: number): string => {
    const body = prefix + digits(length - prefix.length - 1);
    for (let d = 0; d < 10; d++) {
      const candidate = body + d;
      let sum = 0;
      for (let i = 0; i < candidate.length; i++) {
        let x = Number(candidate[candidate.length - 1 - i]);
        if (i % 2 === 1) {
          x *= 2;
          if (x > 9) x -= 9;
        }
        sum += x;
      }
      if (sum % 10 === 0) return candidate;
    }
    throw new Error('unreachable');
  };

  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const alnum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const bbans: Record<string, () => string> = {
    DE: () => digits(18),
    AT: () => digits(16),
    CH: () => digits(17),
    NL: () => pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + digits(10),
    FR: () => digits(23),
    GB: () => pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + digits(14),
    ES: () => digits(20),
    IT: () => chars(upper, 1) + digits(10) + chars(alnum, 12),
    BE: () => digits(12),
  };

  const regions = [
    '110105',
    '110108',
    '310115',
    '310104',
    '440305',
    '440106',
    '330106',
    '510104',
    '320102',
    '420106',
    '370202',
    '500103',
  ];
  const ricCheck = (body: string): string => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = w.reduce((acc, wi, i) => acc + wi * Number(body[i]), 0);
    return '10X98765432'[sum % 11]!;
  };

  const mrzValue = (c: string): number =>
    /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
  const check731 = (s: string): string =>
    String([...s].reduce((acc, c, i) => acc + mrzValue(c) * [7, 3, 1][i % 3]!, 0) % 10);
  const docAlphabet = '0123456789CFGHJKLMNPRTVWXYZ';

  const VAT_MAKERS: Record<string, () => string> = {
    DE: () => digits(9),
    AT: () => 'U' + digits(8),
    FR: () => digits(11),
    NL: () => digits(9) + 'B01',
    IT: () => digits(11),
    ES: () => 'B' + digits(8),
    PL: () => digits(10),
    BE: () => '0' + digits(9),
  };

  const phoneValid = (n: string, region: CountryCode): boolean =>
    parsePhoneNumberFromString(n, region)?.isValid() ?? false;

  return {
    iban(country: keyof typeof bbans = pick(Object.keys(bbans))): string {
      const make = bbans[country]!;
      const iban = retry(
        () => composeIBAN({ countryCode: country, bban: make() }) ?? '',
        (v) => v !== '' && isValidIBAN(v),
      );
      return friendlyFormatIBAN(iban) ?? iban;
    },
    card(
      kind: 'visa' | 'mastercard' | 'amex' | 'unionpay' = pick([
        'visa',
        'mastercard',
        'amex',
        'unionpay',
      ]),
    ): string {
      if (kind === 'visa') return luhnComplete('4' + digits(5), 16);
      if (kind === 'mastercard')
        return luhnComplete(pick(['51', '52', '53', '54', '55']) + digits(4), 16);
      if (kind === 'amex') return luhnComplete(pick(['34', '37']) + digits(4), 15);
      return luhnComplete('62' + digits(4), 16);
    },
    cnResidentId(): string {
      const year = 1958 + int(46);
      const month = 1 + int(12);
      const day = 1 + int(28);
      const body =
        pick(regions) +
        String(year) +
        String(month).padStart(2, '0') +
        String(day).padStart(2, '0') +
        digits(3);
      return body + ricCheck(body);
    },
    deTaxId(): string {
      return retry(
        () => String(1 + int(9)) + digits(10),
        (v) => stdnum.DE!.idnr!.validate(v).isValid,
      );
    },
    vat(country: string = pick(Object.keys(VAT_MAKERS))): string {
      const make = VAT_MAKERS[country]!;
      return retry(
        () => country + make(),
        (v) => validateValue('eu-vat-id', v, { region: 'DE' }) === true,
      );
    },
    dePassport(): string {
      const body = pick([...'CFGHJK']) + chars(docAlphabet, 8);
      return body + check731(body);
    },
    cnPassport(): string {
      return int(2) === 0 ? 'E' + digits(8) : 'E' + pick([...'ABCDEFGHJKLMN']) + digits(7);
    },
    deIdCard(): string {
      const body = pick([...'LMNPRTVWXY']) + chars(docAlphabet, 8);
      return body + check731(body);
    },
    phone(
      kind: 'de-mobile' | 'de-land' | 'cn-mobile' | 'cn-land' | 'gb' | 'us' | 'at' | 'ch',
    ): string {
      const spec: Record<typeof kind, [CountryCode, () => string]> = {
        'de-mobile': [
          'DE',
          () =>
            '0' +
            pick([
              '151',
              '152',
              '157',
              '160',
              '162',
              '170',
              '171',
              '172',
              '175',
              '176',
              '177',
              '178',
              '179',
            ]) +
            digits(pick([7, 8])),
        ],
        'de-land': [
          'DE',
          () =>
            '0' +
            pick(['30', '40', '69', '89', '221', '711', '211', '341']) +
            digits(pick([6, 7, 8])),
        ],
        'cn-mobile': [
          'CN',
          () =>
            '1' +
            pick(['38', '39', '36', '58', '59', '86', '88', '37', '35', '77', '99', '89']) +
            digits(8),
        ],
        'cn-land': ['CN', () => '0' + pick(['10', '21', '755', '571', '20', '28']) + digits(8)],
        gb: ['GB', () => '07' + pick(['700', '712', '811', '956', '401', '534']) + digits(6)],
        us: [
          'US',
          () =>
            pick(['212', '415', '617', '206', '312']) +
            pick(['2', '3', '4', '5', '6', '7', '8']) +
            digits(6),
        ],
        at: ['AT', () => '06' + pick(['64', '76', '99', '60']) + digits(7)],
        ch: ['CH', () => '07' + pick(['6', '8', '9']) + digits(7)],
      };
      const [region, make] = spec[kind];
      return retry(make, (v) => phoneValid(v, region));
    },
  };
}

function main(): void {
  const seed = Number(process.argv[2] ?? '1');
  const count = Number(process.argv[3] ?? '20');
  const g = makeGenerators(seed);
  const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);
  const out = {
    iban: times(count, () => g.iban()),
    ibanDE: times(count, () => g.iban('DE')),
    card: times(count, () => g.card()),
    unionpay: times(Math.ceil(count / 2), () => g.card('unionpay')),
    cnResidentId: times(count, () => g.cnResidentId()),
    deTaxId: times(count, () => g.deTaxId()),
    vatDE: times(Math.ceil(count / 2), () => g.vat('DE')),
    vat: times(count, () => g.vat()),
    dePassport: times(count, () => g.dePassport()),
    cnPassport: times(count, () => g.cnPassport()),
    deIdCard: times(count, () => g.deIdCard()),
    deMobile: times(count, () => g.phone('de-mobile')),
    deLand: times(Math.ceil(count / 2), () => g.phone('de-land')),
    cnMobile: times(count, () => g.phone('cn-mobile')),
    cnLand: times(Math.ceil(count / 2), () => g.phone('cn-land')),
    gb: times(Math.ceil(count / 4), () => g.phone('gb')),
    us: times(Math.ceil(count / 4), () => g.phone('us')),
    at: times(Math.ceil(count / 4), () => g.phone('at')),
    ch: times(Math.ceil(count / 4), () => g.phone('ch')),
  };
  const check: Array<[string, keyof typeof out, CountryCode]> = [
    ['iban', 'iban', 'DE'],
    ['iban', 'ibanDE', 'DE'],
    ['payment-card', 'card', 'DE'],
    ['payment-card', 'unionpay', 'CN'],
    ['cn-resident-id', 'cnResidentId', 'CN'],
    ['de-tax-id', 'deTaxId', 'DE'],
    ['eu-vat-id', 'vatDE', 'DE'],
    ['eu-vat-id', 'vat', 'DE'],
    ['passport-number', 'dePassport', 'DE'],
    ['passport-number', 'cnPassport', 'CN'],
    ['de-id-card', 'deIdCard', 'DE'],
    ['phone', 'deMobile', 'DE'],
    ['phone', 'deLand', 'DE'],
    ['phone', 'cnMobile', 'CN'],
    ['phone', 'cnLand', 'CN'],
    ['phone', 'gb', 'GB'],
    ['phone', 'us', 'US'],
    ['phone', 'at', 'AT'],
    ['phone', 'ch', 'CH'],
  ];
  for (const [type, key, region] of check) {
    for (const v of out[key]) {
      if (validateValue(type, v, { region }) !== true) throw new Error(`invalid ${type}: ${v}`);
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}

if (process.argv[1]?.endsWith('make-values.js')) main();
