import { execAll } from '../../src/detect/exec-all.js';
import { stdnum } from 'stdnum';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { describeLabel, labelFor, required } from './_nearby.js';

const DE_PASSPORT = required(stdnum.DE?.passport, 'stdnum passport');
// A token of 6-11 letters and digits, not part of a date, amount or longer token.
const CANDIDATE =
  /(?<![\p{Lu}\p{Ll}\p{N}]|[-./,:]\d)[A-Z0-9]{6,11}(?![\p{Lu}\p{Ll}\p{N}]|[-./,]\d)/giu;
// German passport: C F G H J K, eight of C F G H J K L M N P R T V W X Y Z 0-9, optional check
// digit, optional nationality `D`.
const DE_FORMAT = /^[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}(?:[0-9])?D?$/;
// Chinese passports: E + 8 digits, E + letter (no I/O) + 7 digits, older G + 8 digits, and
// diplomatic/service/public-affairs D, S, P (+ E) + 7-8 digits.
const CN_FORMAT = /^(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP]E?[0-9]{7,8})$/;
// Other countries: up to three letters and at least five digits (US/UK 9 digits, FR 12AB34567 ...).
const GENERIC = /^(?=(?:[A-Z]*[0-9]){5})(?!(?:[0-9]*[A-Z]){4})[A-Z0-9]{6,10}$/;
const CONTEXT =
  /(?<![\p{Lu}\p{Ll}\p{N}])(?:reisepass(?:\s?-?\s?nr\.?|\p{L}{0,12})|pass\s?-?\s?(?:nr|nummer|no)\.?|passnummer|passport\p{L}{0,8}|pass(?=\s?:))|护照|護照/giu;
// Between a keyword and a number of the generic kind only labels and filler words may stand.
const FILLER =
  /^[\s:：=#.,()-]*(?:(?:nr|no|number|nummer|num|ist|is|lautet|des|der|vom|von|kunden|kundin|customer|client|guest|gast|his|her|my|mein|meine|sein|seine|ihr|ihre|the|of|号码|号|是|为)[\s:：=#.,()-]*){0,4}$/iu;
// An expiry or issue date follows these, not the number; or another number's label stands between.
const BLOCK =
  /gültig|valid|expir|ablauf|läuft|bis|until|issued|ausgestellt|有效期|签发|到期|过期|订单|单号|运单|(?:bestell|auftrags|rechnungs|sendungs|tracking|ticket|buchungs|kunden|order|invoice|booking|customer)[\s-]?(?:nummer|nr|no|number|id|code)/iu;

const ANY_DIGIT = /\d/;

function classify(value: string): { kind: string; base: number } | undefined {
  if (DE_FORMAT.test(value) && /\d.*\d/.test(value)) {
    const result = DE_PASSPORT.validate(value);
    if (!result.isValid) return undefined;
    return /^.{9}\d/.test(value)
      ? { kind: 'German passport format, check digit valid', base: 0.95 }
      : { kind: 'German passport format', base: 0.85 };
  }
  if (CN_FORMAT.test(value)) return { kind: 'Chinese passport format', base: 0.85 };
  if (GENERIC.test(value)) return { kind: 'passport-like number', base: 0.7 };
  return undefined;
}

export default defineDetector({
  id: 'pii/passport-number',
  category: 'pii',
  type: 'passport-number',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A passport number (German format with stdnum check, Chinese E/G formats, other 6-10 character numbers) labelled by a passport keyword (Reisepass, Passnummer, passport, 护照) right next to it.',
  // A passport keyword (the number may follow it or precede it), or a message that starts with a token.
  prefilter: /pass|护照|護照|^[\s"'„“‚‘«»([]*[A-Za-z0-9]{6,11}(?![A-Za-z0-9])/i,
  // The anchored alternative: a message that starts with the number.
  gate: (stats) => stats.leadRun >= 6,
  // Every passport format has at least two digits.
  requires: (stats) => stats.digits >= 2,
  detect(context) {
    const { text } = context;
    if (!ANY_DIGIT.test(text)) return [];
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, text)) {
      const value = match[0].toUpperCase();
      const format = classify(value);
      if (!format) continue;
      const start = match.index;
      const end = start + match[0].length;
      const label = labelFor(CONTEXT, context, start, end, { before: 60, after: 25, block: BLOCK });
      if (!label) continue;
      if (format.base < 0.8 && label.where !== 'previous' && !FILLER.test(label.gap)) continue;
      const confidence = label.where === 'before' ? format.base : format.base - 0.1;
      hits.push({
        start,
        end,
        value,
        confidence,
        explanation: `${format.kind}; ${describeLabel(label)}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Reisepass Nr. [[C01X00T47]], gültig bis 2030',
      'Passnummer vom Kunden: [[c01x00t478]]',
      'Passport number [[123456789]], issued in London',
      'my passport no is [[12AB34567]] (French)',
      '护照号码：[[E12345678]]',
      '客户护照 [[EA1234567]] 已核对',
      {
        text: '[[G12345678]]',
        before: '你的护照号是多少？',
        note: 'value alone, question in the message before',
      },
    ],
    noMatch: [
      { text: 'C01X00T47 liegt im Lager', note: 'right format, but nothing says passport' },
      { text: 'Reisepass gültig bis 20300314', note: 'the number after "gültig bis" is a date' },
      { text: 'Passwort C01X00T47', note: '"Passwort" is not "Pass"' },
      { text: 'Passnummer C01X00T479', note: 'German check digit wrong' },
      {
        text: 'Passport photo shop, call 123456789 today. Open 9-5',
        note: 'keyword in another sentence',
      },
      { text: '订单号E12345678已发货', note: 'order number, no passport keyword' },
    ],
  },
});
