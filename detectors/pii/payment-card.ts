import { execAll } from '../../src/detect/exec-all.js';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import {
  BUSINESS_NUMBER_WORDS,
  longestFirst,
  closestBefore,
  global,
  isAlnumChar,
  luhnValid,
  stdnumValidator,
} from './_digits.js';

const CN_RIC = stdnumValidator('CN', 'ric');

// 12–19 digits starting 2–6 (every brand below), compact or grouped with single spaces or hyphens.
// Never starts right after a letter, a digit, "+" or a digit plus separator (IBANs, phone numbers).
const CANDIDATE = /(?<![\p{N}\p{Lu}\p{Ll}+\-.,/])(?<!\p{N}[ \-.,/]?)[2-6]\d{3}(?:[ -]?\d){8,19}/gu;

interface Brand {
  name: string;
  lengths: readonly number[];
}

// IIN ranges (ISO/IEC 7812 issuer identification numbers) and card lengths per brand.
const BRANDS: ReadonlyArray<[RegExp, Brand]> = [
  [/^3[47]/, { name: 'American Express', lengths: [15] }],
  [/^(?:30[0-5]|3095|36|3[89])/, { name: 'Diners Club', lengths: [14, 15, 16, 17, 18, 19] }],
  [/^35(?:2[89]|[3-8]\d)/, { name: 'JCB', lengths: [16, 17, 18, 19] }],
  [/^4/, { name: 'Visa', lengths: [13, 16, 19] }],
  [
    /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/,
    { name: 'Mastercard', lengths: [16] },
  ],
  [/^(?:6011|64[4-9]|65)/, { name: 'Discover', lengths: [16, 17, 18, 19] }],
  [/^62/, { name: 'UnionPay', lengths: [16, 17, 18, 19] }],
  [
    /^(?:5018|5020|5038|5893|6304|6759|676[1-3]|50|5[6-8]|6)/,
    { name: 'Maestro', lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  ],
  [/^220[0-4]/, { name: 'Mir', lengths: [16, 17, 18, 19] }],
];

// Numbers published by card networks and payment providers for testing (Stripe, Adyen, PayPal …).
const TEST_NUMBERS = new Set([
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4222222222222',
  '4000056655665556',
  '4000000000000002',
  '4000000000000077',
  '4000000000003220',
  '4000002500003155',
  '4000000000009995',
  '4917610000000000',
  '4988438843884305',
  '4444333322221111',
  '5555555555554444',
  '5105105105105100',
  '5200828282828210',
  '5454545454545454',
  '5431111111111111',
  '2223003122003222',
  '2223000048400011',
  '378282246310005',
  '371449635398431',
  '378734493671000',
  '370000000000002',
  '6011111111111117',
  '6011000990139424',
  '6011601160116611',
  '6555900000604105',
  '3056930009020004',
  '30569309025904',
  '38520000023237',
  '36227206271667',
  '3530111333300000',
  '3566002020360505',
  '3566111111111113',
  '6200000000000005',
  '6250941006528599',
  '6759649826438453',
  '5019717010103742',
  '6331101999990016',
]);

const CARD_WORDS = keywords(
  longestFirst([
    'karte',
    'karten*',
    '*karte',
    'kreditkarte*',
    'kartennummer',
    'kartennr',
    'card',
    'cards',
    'credit card',
    'debit card',
    'card number',
    'cc',
    'visa',
    'mastercard',
    'master card',
    'amex',
    'american express',
    'maestro',
    'unionpay',
    'union pay',
    'jcb',
    'diners',
    'discover',
    'cvv',
    'cvc',
    'cvv2',
    'exp',
    'expiry',
    'expires',
    'valid thru',
    'gültig bis',
    'ablauf*',
    'prüfziffer',
    '卡号',
    '信用卡',
    '银行卡',
    '借记卡',
    '储蓄卡',
    '银联',
    '有效期',
    '安全码',
  ]),
);
const CARD_WORDS_G = global(CARD_WORDS);
const OTHER_NUMBER_WORDS = global(
  keywords(
    longestFirst([
      ...BUSINESS_NUMBER_WORDS,
      'iban',
      'kontonummer',
      'konto',
      'account number',
      'tel',
      'telefon*',
      'handy*',
      'phone',
      '身份证',
      '账号',
      '电话',
      '手机',
    ]),
  ),
);

function brandOf(digits: string): Brand | undefined {
  for (const [pattern, brand] of BRANDS) if (pattern.test(digits)) return brand;
  return undefined;
}

/** Grouped numbers must look like cards: 4-4-4-4(-x), Amex 4-6-5, Diners 4-6-4. */
function groupingOk(lengths: readonly number[], separators: readonly string[]): boolean {
  if (lengths.length === 1) return true;
  if (new Set(separators).size > 1) return false;
  const key = lengths.join('-');
  if (key === '4-6-5' || key === '4-6-4') return true;
  const last = lengths[lengths.length - 1]!;
  return lengths.slice(0, -1).every((n) => n === 4) && last >= 1 && last <= 4;
}

interface Verdict {
  digits: string;
  end: number;
  brand: Brand;
  luhn: boolean;
  grouped: boolean;
}

// Digit groups and their separators (one pattern for every call: its literal needles are looked up once).
const GROUP_OR_SEPARATOR = /\d+|[ -]/g;

/** Longest run of whole groups (from the start) that is a card number. */
function readCard(raw: string): Verdict | undefined {
  const groups: Array<{ digits: string; end: number }> = [];
  const separators: string[] = [];
  for (const m of execAll(GROUP_OR_SEPARATOR, raw)) {
    if (m[0] === ' ' || m[0] === '-') separators.push(m[0]);
    else groups.push({ digits: m[0], end: m.index + m[0].length });
  }
  let fallback: Verdict | undefined;
  for (let k = groups.length; k >= 1; k--) {
    // Cut only trailing short bits (CVV, expiry) off, never a whole further block of four.
    if (k < groups.length && groups.slice(k).reduce((n, g) => n + g.digits.length, 0) > 4) break;
    const head = groups.slice(0, k);
    const digits = head.map((g) => g.digits).join('');
    if (digits.length < 12 || digits.length > 19) continue;
    if (
      !groupingOk(
        head.map((g) => g.digits.length),
        separators.slice(0, k - 1),
      )
    )
      continue;
    const brand = brandOf(digits);
    if (!brand?.lengths.includes(digits.length)) continue;
    const verdict = {
      digits,
      end: head[k - 1]!.end,
      brand,
      luhn: luhnValid(digits),
      grouped: k > 1,
    };
    if (verdict.luhn) return verdict;
    fallback ??= verdict;
  }
  return fallback;
}

export default defineDetector({
  id: 'pii/payment-card',
  category: 'pii',
  type: 'payment-card',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro) in a brand range with a valid Luhn checksum; published test numbers in a lower band.',
  prefilter: /[2-6]\d{3}[ -]?\d/,
  requires: (stats) => stats.maxDigitRun >= 4,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, text)) {
      const card = readCard(match[0]);
      if (!card) continue;
      const start = match.index;
      const end = start + card.end;
      if (isAlnumChar(text[end]) || /^[.,]\d/.test(text.slice(end, end + 2))) continue;
      // 18 digits starting 62 can be a Chinese resident ID (region 62, Gansu).
      if (card.digits.length === 18 && CN_RIC.validate(card.digits).isValid) continue;
      const closest = closestBefore(CARD_WORDS_G, OTHER_NUMBER_WORDS, text, start, 30);
      if (closest?.side === 'negative') continue;
      const word =
        closest?.word ??
        contextWord(CARD_WORDS, text, start, end, { before: context, window: 200 });
      let confidence: number;
      let why: string;
      if (!card.luhn) {
        // UnionPay issues some cards outside the Luhn scheme: report those only with a keyword.
        if (card.brand.name !== 'UnionPay' || !word) continue;
        confidence = 0.6;
        why = 'UnionPay range and length, Luhn fails (allowed for UnionPay)';
      } else if (TEST_NUMBERS.has(card.digits)) {
        confidence = word ? 0.65 : 0.6;
        why = `known test number (${card.brand.name}), Luhn valid`;
      } else {
        const usual =
          card.digits.length === 16 ||
          (card.digits.length === 15 && card.brand.name === 'American Express');
        confidence = usual ? (card.grouped ? 0.9 : 0.85) : 0.6;
        if (word) confidence = Math.max(confidence + 0.07, 0.9);
        why = `Luhn valid; ${card.brand.name} range and length`;
      }
      if (word) why += `; keyword '${word}' nearby`;
      hits.push({
        start,
        end,
        value: card.digits,
        confidence: Math.min(0.97, confidence),
        explanation: why,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Kreditkarte: [[4556 7375 8689 9855]], gültig bis 12/27',
      'Hier die Kartennummer [[5425-2334-3010-9903]] für die Buchung',
      'my amex is [[3756 123456 78907]] exp 11/26',
      'card [[2221 0012 3456 7896]] pls',
      {
        text: 'test with [[4111 1111 1111 1111]] exp 12/27',
        note: 'known test number: lower band, still reported',
      },
      '客户卡号[[6212 2602 0000 1234 567]]，有效期05/28',
      '信用卡号码是[[4556737586899855]]，谢谢',
    ],
    noMatch: [
      { text: 'Bestellnummer 4556 7375 8689 9856', note: 'fails Luhn' },
      { text: 'order 5425233430109904 shipped', note: 'fails Luhn' },
      { text: 'IBAN DE89 3704 0044 0532 0130 00', note: 'IBAN digits' },
      { text: 'Ruf an: +49 151 2345 6789', note: 'phone number' },
      {
        text: '订单号 4556737586899855 已发货',
        note: 'Luhn passes by chance, but an order number',
      },
      {
        text: '身份证 620102199001011057',
        note: 'Chinese resident ID of region 62, not a UnionPay card',
      },
    ],
  },
});
