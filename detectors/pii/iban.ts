import { execAll } from '../../src/detect/exec-all.js';
import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';

// Country code, check digits, then groups of letters/digits separated by at most one space, hyphen
// or line break (IBANs are written in groups of four and get wrapped). Bounded: no backtracking blowup.
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \-\n]?[A-Z0-9]){8,32}/giu;
const SPECS = getCountrySpecifications();
const CONTEXT = keywords([
  'iban',
  'bic',
  'konto*',
  '*konto',
  'bankverbindung',
  'überweis*',
  'bank',
  'account',
  'transfer',
  'wire',
  '账号',
  '账户',
  '银行',
  '汇款',
  '转账',
]);

// A letter or digit right after a value (the regexes are shared: a literal in a loop is rebuilt each time).
const GLUED = /[\p{L}\p{N}]/u;

const isAsciiAlnumCode = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Cuts a candidate to its country's IBAN length, so a following word or number is not swallowed. */
function cutToLength(candidate: string): { iban: string; length: number } | undefined {
  const country = candidate.slice(0, 2).toUpperCase();
  const chars = SPECS[country]?.chars;
  if (!chars) return undefined;
  let count = 0;
  for (let i = 0; i < candidate.length; i++) {
    if (isAsciiAlnumCode(candidate.charCodeAt(i))) count++;
    if (count === chars) {
      const iban = electronicFormatIBAN(candidate.slice(0, i + 1).replace(/\s/g, '')) ?? '';
      return { iban, length: i + 1 };
    }
  }
  return undefined;
}

export default defineDetector({
  id: 'pii/iban',
  category: 'pii',
  type: 'iban',
  severity: 'high',
  languages: ['*'],
  description:
    'An IBAN (all SEPA countries, GB, CH and every other registry country) with a valid mod-97 checksum and the right length for its country.',
  prefilter: /[A-Z]{2}\d{2}/i,
  requires: (stats) => stats.maxDigitRun >= 2,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, text)) {
      const cut = cutToLength(match[0]);
      if (!cut || !isValidIBAN(cut.iban)) continue;
      const start = match.index;
      const end = start + cut.length;
      // A value glued to more letters or digits is part of something else.
      if (GLUED.test(text[end] ?? '')) continue;
      const word = contextWord(CONTEXT, text, start, end, { before: context });
      hits.push({
        start,
        end,
        value: cut.iban,
        confidence: word ? 0.99 : 0.95,
        explanation: `mod-97 checksum and ${cut.iban.slice(0, 2)} length valid${word ? `; keyword '${word}' nearby` : ''}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Kunde hat seine Bankverbindung geschickt: IBAN [[DE89 3704 0044 0532 0130 00]] bitte bis Freitag',
      'pls wire to [[GB82 WEST 1234 5698 7654 32]], thx',
      '请汇款到 [[de89-3704-0044-0532-0130-00]]，谢谢',
      {
        text: '[[CH9300762011623852957]]',
        before: 'Wie ist deine IBAN?',
        note: 'value alone, question in the message before',
      },
      'Konto: [[DE89 3704 0044 0532\n0130 00]]',
    ],
    noMatch: [
      { text: 'IBAN DE89 3704 0044 0532 0130 01', note: 'checksum fails' },
      { text: 'Bestellnummer DE12345678', note: 'too short for a German IBAN' },
      { text: '订单号 CN12 3456 7890 1234', note: 'CN has no IBAN' },
      { text: 'Flug LH2024 um 10:30, Gate B12', note: 'flight number, not an account' },
    ],
  },
});
