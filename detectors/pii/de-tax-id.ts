import { execAll } from '../../src/detect/exec-all.js';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import {
  BUSINESS_NUMBER_WORDS,
  longestFirst,
  closestBefore,
  digitsOf,
  global,
  isTrivialSequence,
  NOT_AFTER_ALNUM,
  NOT_BEFORE_ALNUM,
  stdnumValidator,
} from './_digits.js';

const IDNR = stdnumValidator('DE', 'idnr');

// 11 digits, first not 0: compact, or grouped 2-3-3-3 / 3-3-3-2 with single spaces (the grouping
// on tax letters and payslips). A grouped form must not continue with a further digit group.
const CANDIDATE = new RegExp(
  `${NOT_AFTER_ALNUM}(?<!\\d )(?:[1-9]\\d{10}|[1-9]\\d \\d{3} \\d{3} \\d{3}(?! \\d)|[1-9]\\d{2} \\d{3} \\d{3} \\d{2}(?! \\d))${NOT_BEFORE_ALNUM}`,
  'gu',
);

// Longer phrases first: the first alternative that matches names the keyword in the explanation.
const TAX_WORDS = keywords(
  longestFirst([
    'steuerliche identifikationsnummer',
    'steuerlichen identifikationsnummer',
    'steueridentifikationsnummer',
    'steuer identifikationsnummer',
    'identifikationsnummer',
    'steuer idnr',
    'steuer id*',
    'steuerid*',
    'steuernummer',
    'steuer nr',
    'idnr',
    'id nr',
    'st nr',
    'stnr',
    'finanzamt',
    'lohnsteuer*',
    'elster',
    'tax identification number',
    'taxpayer id',
    'tax number',
    'tax id',
    'tax no',
    'tin',
    '纳税人识别号',
    '税务识别号',
    '税务编号',
    '德国税号',
    '税号',
  ]),
);
const TAX_WORDS_G = global(TAX_WORDS);
const OTHER_WORDS = global(
  keywords(
    longestFirst([
      ...BUSINESS_NUMBER_WORDS,
      'tel',
      'telefon*',
      'handy*',
      'mobil*',
      'phone',
      'call',
      'ruf',
      'iban',
      'konto',
      'kontonummer',
      'account number',
      'versicherungsnummer',
      'sozialversicherungsnummer',
      'rentenversicherungsnummer',
      'sv nummer',
      '电话',
      '手机',
      '账号',
    ]),
  ),
);

/**
 * The digit rule of the IdNr as the Federal Central Tax Office issues them: in the first ten
 * digits exactly one digit occurs twice or three times, every other digit at most once, and no
 * digit three times in a row. stdnum checks a looser form of it (it lets ten distinct digits and a
 * digit occurring four or more times through); numbers passing only stdnum's form are still
 * accepted next to a keyword, at a lower confidence, since users copy IDs from forms and examples.
 */
function strictDigitRule(digits: string): boolean {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digits.charCodeAt(i) - 48]!++;
  const repeated = counts.filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  return !/(\d)\1\1/.test(digits.slice(0, 10));
}

export default defineDetector({
  id: 'pii/de-tax-id',
  category: 'pii',
  type: 'de-tax-id',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A German tax identification number (Steuer-ID, IdNr): 11 digits with a valid ISO 7064 MOD 11,10 check digit and digit-frequency rule, next to a tax keyword.',
  prefilter: /[1-9]\d(?: ?\d){9}/,
  requires: (stats) => stats.digits >= 11,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, text)) {
      const value = digitsOf(match[0]);
      if (!IDNR.validate(value).isValid || isTrivialSequence(value.slice(0, 10))) continue;
      const strict = strictDigitRule(value);
      const start = match.index;
      const end = start + match[0].length;
      const closest = closestBefore(TAX_WORDS_G, OTHER_WORDS, text, start, 40);
      let confidence: number;
      let why = `ISO 7064 MOD 11,10 check digit valid${strict ? ', digit rule met' : ''}`;
      if (closest?.side === 'positive') {
        confidence = strict ? 0.95 : 0.88;
        why += `; keyword '${closest.word}' before it`;
      } else {
        const word = contextWord(TAX_WORDS, text, start, end, { before: context });
        // One random 11-digit number in ten passes the check: without a keyword it stays unreported.
        confidence = word && !closest ? (strict ? 0.9 : 0.85) : word ? 0.45 : 0.3;
        if (word) why += `; keyword '${word}' nearby`;
        if (closest) why += `; but '${closest.word}' stands closer`;
        if (!word) why += '; no tax keyword';
      }
      hits.push({ start, end, value, confidence, explanation: why });
    }
    return hits;
  },
  examples: {
    match: [
      'Meine Steuer-ID ist [[86095742719]], brauchst du noch was?',
      'Steueridentifikationsnummer: [[65 929 970 489]]',
      'my German tax ID (TIN) is [[860 957 427 19]]',
      '他的德国税号是[[86095742719]]。',
      {
        text: '[[65929970489]]',
        before: 'Kannst du mir deine IdNr schicken?',
        note: 'keyword in the message before',
      },
    ],
    noMatch: [
      { text: 'Steuer-ID 86095742718', note: 'check digit wrong' },
      {
        text: 'Ruf mich an: 86095742719',
        note: 'valid checksum, but no tax keyword (1 in 10 random numbers pass)',
      },
      {
        text: 'Steuer-ID 12345678903',
        note: 'checksum passes, but ten distinct leading digits break the digit rule',
      },
      { text: '订单号 86095742719', note: 'order number' },
      {
        text: 'Kundennummer 65929970489, die Steuer-ID schicke ich später',
        note: 'customer-number keyword stands closer',
      },
    ],
  },
});
