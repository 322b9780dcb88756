import { execAll } from '../../src/detect/exec-all.js';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { isValidDate, NOT_AFTER_ALNUM, NOT_BEFORE_ALNUM, stdnumValidator } from './_digits.js';

const RIC = stdnumValidator('CN', 'ric');

// 6-digit region code, birth date YYYYMMDD (1900–2099), 3-digit sequence, check digit 0-9/X.
// Optional single space or hyphen between the three blocks (6 8 4). Chinese characters may touch it.
const CANDIDATE = new RegExp(
  `${NOT_AFTER_ALNUM}([1-9]\\d{5})[ -]?((?:19|20)\\d{2}[01]\\d[0-3]\\d)[ -]?(\\d{3}[\\dXx])${NOT_BEFORE_ALNUM}`,
  'gu',
);

// First two digits: province-level divisions of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macau,
// 83 the residence permits for Taiwan residents).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

const CONTEXT = keywords([
  '身份证',
  '身份證',
  '身分證',
  '证件号',
  '證件號',
  '公民身份',
  '居民身份',
  '身份号',
  '证件',
  'resident id',
  'resident identity',
  'id card',
  'id number',
  'id no',
  'id',
  'identity card',
  'national id',
  'prc id',
  'chinese id',
  'personalausweis*',
  'ausweis*',
  'ausweisnummer',
  'identitätskarte',
]);

export default defineDetector({
  id: 'pii/cn-resident-id',
  category: 'pii',
  type: 'cn-resident-id',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A Chinese resident identity card number (18 characters, GB 11643 check digit incl. X, valid birth date and province code), also glued to Chinese text.',
  prefilter: /\d{6}[ -]?(?:19|20)\d{6}[ -]?\d{3}[\dXx]/,
  requires: (stats) => stats.digits >= 17 && stats.maxDigitRun >= 6,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, text)) {
      const [raw, region = '', birth = '', tail = ''] = match;
      if (!PROVINCES.has(Number(region.slice(0, 2)))) continue;
      const year = Number(birth.slice(0, 4));
      if (year < 1900 || !isValidDate(year, Number(birth.slice(4, 6)), Number(birth.slice(6, 8))))
        continue;
      const value = `${region}${birth}${tail}`.toUpperCase();
      if (!RIC.validate(value).isValid) continue;
      const start = match.index;
      const end = start + raw.length;
      const word = contextWord(CONTEXT, text, start, end, { before: context });
      hits.push({
        start,
        end,
        value,
        confidence: word ? 0.95 : 0.75,
        // The explanation names no part of the number: birth date and region are personal data too.
        explanation: `GB 11643 check digit, birth date and province code valid${word ? `; keyword '${word}' nearby` : ''}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      '身份证号是[[11010519491231002X]]，请核对',
      '客户的证件号码：[[440301198512032411]]',
      'his PRC ID card: [[11010519491231002x]] (lower-case x)',
      'Ausweisnummer des Kunden aus Shanghai: [[110105 19491231 002X]]',
      {
        text: '[[４４０３０１１９８５１２０３２４１１]]',
        before: '把身份证号发我',
        note: 'full-width digits, keyword in the message before',
      },
      {
        text: 'Nummer [[440301198512032411]] bitte prüfen',
        note: 'checksum and date valid, no keyword: medium',
      },
    ],
    noMatch: [
      { text: '身份证号是110105194912310021', note: 'check digit wrong' },
      { text: '订单号440301208512032417已发货', note: 'birth year 2085 is in the future' },
      { text: 'ID 991234198512032411', note: 'no such province code 99' },
      { text: 'Tracking 1Z9999W99999999999 kommt morgen', note: 'parcel tracking number' },
      { text: 'order 44030119851203241123 shipped', note: 'longer number' },
    ],
  },
});
