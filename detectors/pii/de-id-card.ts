import { execAll } from '../../src/detect/exec-all.js';
import { stdnum } from 'stdnum';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { describeLabel, labelFor, required } from './_nearby.js';

const PWNR = required(stdnum.DE?.pwnr, 'stdnum pwnr');
const CANDIDATE =
  /(?<![\p{Lu}\p{Ll}\p{N}]|[-./,:]\d)[A-Z0-9]{9,11}(?![\p{Lu}\p{Ll}\p{N}]|[-./,]\d)/giu;
// Since November 2010: L M N P R T V W X Y, eight of C F G H J K L M N P R T V W X Y Z 0-9,
// optional check digit (7-3-1 weights), optional nationality `D`.
const NEW_FORMAT = /^[LMNPRTVWXY][0-9CFGHJKLMNPRTVWXYZ]{8}(?:[0-9])?D?$/;
// 1987-2010: ten digits, the last a check digit.
const OLD_FORMAT = /^[0-9]{10}D?$/;
const CONTEXT =
  /(?<![\p{Lu}\p{Ll}\p{N}])(?:(?:personal)?ausweis(?:\s?-?\s?nr\.?|\p{L}{0,8})|german\s?id|perso(?:nummer|-nr\.?)?|pa\s?-?\s?nr\.?|id\s?-?\s?(?:card|karte)|identity\s?card|national\s?id(?:\s?card)?)(?![\p{Lu}\p{Ll}\p{N}])|德国身份证/giu;
// A validity date follows these, not the number; or another number's label stands between.
const BLOCK =
  /gültig|valid|expir|ablauf|läuft|bis|until|issued|ausgestellt|有效期|到期|过期|订单|单号|运单|(?:bestell|auftrags|rechnungs|sendungs|tracking|ticket|buchungs|kunden|order|invoice|booking|customer)[\s-]?(?:nummer|nr|no|number|id|code)/iu;

function classify(value: string): { kind: string; base: number } | undefined {
  if (NEW_FORMAT.test(value) && /\d.*\d/.test(value)) {
    const digits = /^.{9}\d/.test(value);
    if (!digits) return { kind: 'ID card number format (no check digit)', base: 0.8 };
    if (!PWNR.validate(value).isValid) return undefined;
    return { kind: 'ID card number format, check digit valid', base: 0.95 };
  }
  if (OLD_FORMAT.test(value) && PWNR.validate(value).isValid) {
    return { kind: 'pre-2010 ID card number, check digit valid', base: 0.75 };
  }
  return undefined;
}

export default defineDetector({
  id: 'pii/de-id-card',
  category: 'pii',
  type: 'de-id-card',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A German identity card (Personalausweis) number: 9 characters from the ID card alphabet plus optional check digit (stdnum DE.pwnr), labelled by Personalausweis, Ausweisnummer, ID card or 德国身份证.',
  // An ID card keyword (the number may follow it or precede it), or a message that starts with a token.
  prefilter:
    /ausweis|perso|german\s?id|pa\s?-?\s?nr|id\s?-?\s?(?:card|karte)|identity|national\s?id|德国身份证|^[\s"'„“‚‘«»([]*[A-Za-z0-9]{9,11}(?![A-Za-z0-9])/i,
  // The anchored alternative: a message that starts with the number.
  gate: (stats) => stats.leadRun >= 9,
  detect(context) {
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, context.text)) {
      const value = match[0].toUpperCase();
      const format = classify(value);
      if (!format) continue;
      const start = match.index;
      const end = start + match[0].length;
      const label = labelFor(CONTEXT, context, start, end, { before: 60, after: 25, block: BLOCK });
      if (!label) continue;
      hits.push({
        start,
        end,
        value,
        confidence: label.where === 'before' ? format.base : format.base - 0.1,
        explanation: `${format.kind}; ${describeLabel(label)}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Personalausweis: [[L01X00T47]]',
      'Ausweisnummer des Kunden ist [[l01x00t471]], bitte prüfen',
      'ID card number [[T220001293]]',
      'Kopie vom Perso anbei, Nr. [[T22000129]]',
      '客户的德国身份证号码 [[L01X00T471]]',
      {
        text: '[[L01X00T47]]',
        before: 'Schick mir bitte deine Ausweisnummer',
        note: 'value alone, request in the message before',
      },
    ],
    noMatch: [
      { text: 'Ausweisnummer L01X00T479', note: 'check digit wrong' },
      { text: 'Sendungsnummer L01X00T47 ist unterwegs', note: 'right format, but a parcel number' },
      {
        text: '身份证号 L01X00T47',
        note: '身份证 alone means a Chinese ID, not a Personalausweis',
      },
      {
        text: 'ID card expires 2030, ticket LMN123456',
        note: 'no valid ID card number after the keyword',
      },
    ],
  },
});
