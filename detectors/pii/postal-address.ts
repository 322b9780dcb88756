import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { globalKeywords, keywordBefore } from './_nearby.js';

// ---- German: street + house number [+ postcode + city] ----------------------------------------
const DE_TYPES =
  'straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|graben|kai|promenade|stieg|zeile|twiete|kamp';
const DE_WORDS =
  'Straße|Strasse|Str\\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Steig|Pfad|Markt|Graben|Kai|Promenade';
const CAP = '[A-ZÄÖÜ]';
const HOUSE = '\\d{1,4}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-/]\\s?\\d{1,4}[a-zA-Z]?)?';
// `Musterstraße 12`, `Karl-Marx-Str. 5a`, `Berliner Straße 7`, `Am Markt 3`, `Unter den Linden 77`.
const DE_STREET = new RegExp(
  `(?<![\\p{Lu}\\p{Ll}\\p{N}])(?:` +
    `(${CAP}[\\p{L}-]{0,30}?(?:${DE_TYPES}|-(?:${DE_WORDS})))` +
    `|(${CAP}[\\p{L}-]{1,30}(?:er|e|en|es)\\s(?:${DE_WORDS}))` +
    `|((?:Am|An der|An den|Auf der|Auf dem|Im|In der|In den|Zum|Zur|Unter den|Hinter der|Vor dem|Alt|St\\.)\\s(?!Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahr)${CAP}[\\p{L}-]{1,30})` +
    `)\\s?(${HOUSE})(?![\\p{Lu}\\p{Ll}\\p{N}])`,
  'gu',
);
// Right after the house number: `, 10115 Berlin`, ` in 80331 München`, `\n01067 Dresden`.
const CITY = `${CAP}[\\p{L}]{1,30}(?:-${CAP}?[\\p{L}]{1,30}){0,2}(?:\\s(?:am|an der|im|ob der|in der|bei|vor der)\\s${CAP}[\\p{L}]{1,30}|\\s\\(${CAP}[\\p{L}]{1,30}\\))?`;
// German five-digit postcodes; Swiss and Austrian four-digit ones (`8001 Zürich`, `1010 Wien`).
const DE_TAIL = new RegExp(
  `(?:\\s*,\\s*|\\s+)(?:in\\s+)?(?:(?:D-\\s?)?(\\d{5})|(?:CH-|A-)?(\\d{4}))\\s+(${CITY})(?![\\p{Lu}\\p{Ll}\\p{N}])`,
  'uy',
);

// ---- UK / US: number + street + type, town, postcode / state + ZIP ---------------------------
const EN_TYPES =
  'Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Place|Pl|Square|Sq|Gardens|Terrace|Crescent|Court|Ct|Boulevard|Blvd|Parkway|Pkwy|Highway|Hwy|Row|Mews|Grove|Walk|Hill';
const EN_STREET = new RegExp(
  `(?<![\\p{Lu}\\p{Ll}\\p{N}])(\\d{1,5}[A-Z]?)\\s(?:[A-Z][a-zA-Z'.-]{0,20}\\s){1,4}(?:${EN_TYPES})\\.?(?:\\s(?:NW|NE|SW|SE|N|S|E|W)\\.?)?(?![\\p{Lu}\\p{Ll}\\p{N}])`,
  'gu',
);
const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}';
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const EN_TOWN = "[A-Z][a-zA-Z.'-]{1,25}(?:\\s[A-Z][a-zA-Z.'-]{1,25}){0,2}";
const EN_TAIL = new RegExp(
  `(?:,?\\s(?:Apt|Suite|Ste|Unit|Flat|Fl|#)\\.?\\s?[\\w-]{1,6})?(?:,\\s?|\\s)${EN_TOWN}(?:,\\s?|\\s)(?:(${UK_POSTCODE})|(?:${US_STATES})\\s(\\d{5}(?:-\\d{4})?))(?![\\p{Lu}\\p{Ll}\\p{N}])`,
  'uy',
);

// ---- Chinese: admin hierarchy + road + number 号 --------------------------------------------
// Han characters that do not start or make up place names: verbs and particles around addresses.
const HAN = '[[\\u4e00-\\u9fff]--[在住是到于寄送发址给我你他她们的和为去来往至从位搬点边里请收货]]';
const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
// Matched against the 40 characters before `N号`, anchored at the end.
const CN_ADDRESS = new RegExp(
  `((?:${PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?)?` +
    `(${HAN}{2,4}?[市州盟])?` +
    `(${HAN}{1,6}?[区县旗镇])?` +
    `(${HAN}{1,10}?(?:大道|大街|路|街|道|巷|弄|胡同)(?:[东南西北中一二三四五六七八九十]{1,2}段)?)$`,
  'v',
);
const CN_NUMBER = /(\d{1,5})\s?号(?:\s?\d{1,4}\s?(?:栋|幢|座|号楼|楼|层|单元|室|号)){0,4}/gu;

const KEYWORDS = globalKeywords([
  'adresse',
  'anschrift',
  'wohnt',
  'wohne',
  'wohnen',
  'umgezogen',
  'wohnhaft',
  'lieferadresse',
  'rechnungsadresse',
  'address',
  'lives at',
  'live at',
  'ship to',
  'deliver to',
  '地址',
  '住址',
  '住在',
  '寄到',
  '送到',
  '收货',
]);

// Cheap gates. The address keywords spelled as people write them (the keyword check proper is
// case-insensitive, but a street is only looked for when one of these is present).
const KEYWORD_HINT =
  '[Aa]dress|ADRESS|ADDRESS|[Aa]nschrift|[Ww]ohn|[Uu]mgezogen|[Ll]ives? at|[Ss]hip to|[Dd]eliver to|地址|住址|住在|寄到|送到|收货';
// Postcode then city (DE/AT/CH), state + ZIP (US), UK inward code (`2AA`).
const POSTCODE = '\\d{4,5}\\s+[A-ZÄÖÜ]|[A-Z]{2}\\s\\d{5}|\\d[A-Z]{2}';
const POSTCODE_OR_KEYWORD = new RegExp(`${POSTCODE}|${KEYWORD_HINT}`);
const ANCHOR = new RegExp(`${POSTCODE}|号|${KEYWORD_HINT}`);

function germanHits(text: string, hits: Hit[]): void {
  for (const m of execAll(DE_STREET, text)) {
    const start = m.index;
    let end = start + m[0].length;
    DE_TAIL.lastIndex = end;
    const tail = DE_TAIL.exec(text);
    const prepositional = m[3] !== undefined;
    const postcode = tail ? (tail[1] ?? tail[2]!) : '';
    if (
      tail &&
      !postcode.startsWith('00') &&
      !(postcode.length === 4 && postcode.startsWith('0'))
    ) {
      end = DE_TAIL.lastIndex;
      hits.push({
        start,
        end,
        value: text.slice(start, end).replace(/\s+/g, ' '),
        confidence: prepositional ? 0.8 : 0.9,
        explanation: `street with house number, ${postcode.length}-digit postcode and city`,
      });
      continue;
    }
    if (prepositional) continue;
    const word = keywordBefore(KEYWORDS, text, start, 40)?.word;
    if (!word) continue;
    hits.push({
      start,
      end,
      value: text.slice(start, end).replace(/\s+/g, ' '),
      confidence: 0.6,
      explanation: `street with house number; keyword '${word}' before`,
    });
  }
}

function englishHits(text: string, hits: Hit[]): void {
  for (const m of execAll(EN_STREET, text)) {
    const start = m.index;
    let end = start + m[0].length;
    EN_TAIL.lastIndex = end;
    const tail = EN_TAIL.exec(text);
    if (tail) {
      end = EN_TAIL.lastIndex;
      hits.push({
        start,
        end,
        value: text.slice(start, end).replace(/\s+/g, ' '),
        confidence: 0.9,
        explanation: tail[1]
          ? 'house number, street, town and UK postcode'
          : 'house number, street, city, state and ZIP code',
      });
      continue;
    }
    const word = keywordBefore(KEYWORDS, text, start, 40)?.word;
    if (!word) continue;
    hits.push({
      start,
      end,
      value: text.slice(start, end).replace(/\s+/g, ' '),
      confidence: 0.6,
      explanation: `house number and street; keyword '${word}' before`,
    });
  }
}

function chineseHits(text: string, hits: Hit[]): void {
  for (const n of execAll(CN_NUMBER, text)) {
    const head = text.slice(Math.max(0, n.index - 40), n.index);
    const m = CN_ADDRESS.exec(head);
    if (!m) continue;
    const levels = [m[1], m[2], m[3]].filter((x) => x !== undefined).length;
    const start = n.index - head.length + m.index;
    const end = n.index + n[0].length;
    let confidence = levels >= 2 ? 0.9 : levels === 1 ? 0.8 : 0;
    let explanation = `${levels} administrative level${levels === 1 ? '' : 's'}, road and house number`;
    if (levels === 0) {
      const word = keywordBefore(KEYWORDS, text, start, 20)?.word;
      if (!word) continue;
      confidence = 0.6;
      explanation = `road and house number; keyword '${word}' before`;
    }
    hits.push({ start, end, value: text.slice(start, end), confidence, explanation });
  }
}

export default defineDetector({
  id: 'pii/postal-address',
  category: 'pii',
  type: 'postal-address',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'A postal address: German street + house number + postcode + city, UK/US number + street + town + postcode/ZIP, or a Chinese address with province/city/district, road and 号 number; a street with house number alone only after an address keyword.',
  // A postcode, 号, or an address keyword.
  prefilter: ANCHOR,
  // The postcode alternatives: four or five digits in a row, or a digit and two capitals (US, UK).
  gate: (stats) => stats.maxDigitRun >= 4 || (stats.digits >= 1 && stats.upperPair),
  detect({ text }) {
    const hits: Hit[] = [];
    if (POSTCODE_OR_KEYWORD.test(text)) {
      germanHits(text, hits);
      englishHits(text, hits);
    }
    if (text.includes('号')) chineseHits(text, hits);
    return hits;
  },
  examples: {
    match: [
      'Lieferung an [[Musterstraße 12, 10115 Berlin]], bitte klingeln',
      'Er wohnt [[Hauptstr. 5a in 80331 München]].',
      'Treffpunkt: [[Am Markt 3, 01067 Dresden]]',
      'Meine Adresse ist [[Berliner Straße 7]], 3. Stock',
      'Send it to [[10 Downing Street, London SW1A 2AA]] please',
      'Ship to [[1600 Pennsylvania Ave NW, Washington, DC 20500]]',
      '我住在[[上海市浦东新区世纪大道100号]]，欢迎来玩',
      '收货地址：[[广东省深圳市南山区科技园路1号3楼]]，谢谢',
    ],
    noMatch: [
      {
        text: 'Die PLZ ist 10115, glaube ich',
        note: 'a five-digit number alone is not an address',
      },
      {
        text: 'Wir treffen uns am Bahnhof um 12, dann geht es nach Berlin',
        note: 'no street type, no postcode',
      },
      {
        text: 'Musterstraße 12 ist das schönste Haus der Straße',
        note: 'street and number, but no postcode and no address keyword',
      },
      {
        text: 'I walked 5 miles down Main Street yesterday',
        note: 'no house number before the street',
      },
      {
        text: 'Order 12345, total 99.90 USD, ref 10115 Berlin',
        note: 'postcode and city without a street',
      },
      {
        text: '会议在3号楼开，大概100号人参加',
        note: 'numbers with 号 but no road or administrative level',
      },
    ],
  },
});
