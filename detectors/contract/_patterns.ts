import {
  type BoundedNeedle,
  isAsciiAlnum,
  registerBounded,
} from '../../src/detect/bounded-gate.js';
import { anchoredNeedles, PREFIX, SUFFIX } from '../../src/detect/needles.js';

/**
 * Building blocks shared by the contract detectors: a word-list builder that takes regex sources,
 * and the value shapes contract terms carry (amounts, percentages, periods, dates, quantities).
 * Every quantifier is bounded so the patterns stay linear on hostile input.
 */

// Word boundaries for Latin letters and digits only (`\b` is ASCII-only): a match that starts with
// a letter or digit must not continue a word, one that ends with a letter or digit must not run on.
// Chinese has no spaces, so CJK characters next to a match never block it ("订单FOB宁波").
const LEFT = String.raw`(?:(?=[\p{sc=Latin}\p{N}])(?<![\p{sc=Latin}\p{N}])|(?![\p{sc=Latin}\p{N}]))`;
const RIGHT = String.raw`(?:(?<=[\p{sc=Latin}\p{N}])(?![\p{sc=Latin}\p{N}])|(?<![\p{sc=Latin}\p{N}]))`;

/** One regex from regex sources, each wrapped in `LEFT`/`RIGHT` boundaries. */
export function lexicon(sources: readonly string[], flags = 'giu'): RegExp {
  const pattern = new RegExp(`${LEFT}(?:${sources.join('|')})${RIGHT}`, flags);
  registerBounded(pattern, () => boundedNeedles(sources, flags));
  return pattern;
}

/**
 * The required literals of each source, with the boundaries `LEFT`/`RIGHT` put on those that
 * start or end a match with a letter or digit (see `keyword-gate.ts`); null when a source
 * requires none.
 */
function boundedNeedles(sources: readonly string[], flags: string): BoundedNeedle[] | null {
  const out: BoundedNeedle[] = [];
  for (const source of sources) {
    const alternatives = anchoredNeedles(new RegExp(source, flags));
    if (!alternatives) return null;
    for (const alternative of alternatives) {
      if (!alternative) return null;
      for (const needle of alternative.needles) {
        out.push({
          needle,
          left: (alternative.at & PREFIX) !== 0 && isAsciiAlnum(needle.charCodeAt(0)),
          right:
            (alternative.at & SUFFIX) !== 0 && isAsciiAlnum(needle.charCodeAt(needle.length - 1)),
          lead: alternative.lead,
        });
      }
    }
  }
  return out;
}

/** Characters allowed between a term and its value: anything but a line or clause break. */
export const GAP = '[^\\n;!?。；！？]';

/** Where a number may start: not inside another number or a Latin word (CJK may touch it). */
export const NUM_START = String.raw`(?<![\p{N}\p{sc=Latin}.,])`;

/** A number: `4,20`, `12.400`, `1 000`, `5,000.50`, `38`. */
export const NUM = String.raw`\d{1,3}(?:[.,' ]\d{3}){1,4}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,4})?`;

const CURRENCY_BEFORE = String.raw`(?:€|US\$|\$|¥|£|(?:EUR|USD|RMB|CNY|CHF|GBP|HKD|JPY)(?![\p{sc=Latin}]))`;
const CURRENCY_AFTER = String.raw`(?:€|\$|¥|£|元|块|美元|欧元|美金|人民币|(?:EUR|Euro|Eur|USD|US-Dollar|Dollar|dollars?|RMB|CNY|CHF|GBP|HKD|Franken|yuan)(?![\p{sc=Latin}]))`;
const SCALE = String.raw`(?:\s?(?:Mio\.?|Mrd\.?|Tsd\.?|million|mn|k|K)(?![\p{sc=Latin}])|万|千|百万|亿)?`;

/** An amount of money with its currency, either side of the number. */
export const AMOUNT = String.raw`${NUM_START}(?:${CURRENCY_BEFORE}\s?(?:${NUM})${SCALE}|(?:${NUM})${SCALE}\s?${CURRENCY_AFTER})`;

/** A percentage or per mille: `2%`, `0,5 %`, `15 Prozent`, `百分之五`, `千分之三`, `3‰`. */
export const PERCENT = String.raw`${NUM_START}\d{1,3}(?:[.,]\d{1,2})?\s?(?:%|‰|(?:Prozent|Promille|percent|per cent|pct)(?![\p{sc=Latin}]))|[百千]分之[零一二三四五六七八九十点]{1,6}`;

const LATIN_TIME_UNIT = String.raw`(?:Werktag(?:e|en)?|Arbeitstag(?:e|en)?|Kalendertag(?:e|en)?|Bankarbeitstag(?:e|en)?|Tag(?:e|en)?|Tg\.?|(?:business |working |calendar )?days?|Woche(?:n)?|Kalenderwoche(?:n)?|Wo\.|weeks?|wks?|Monat(?:e|en|s)?|months?|mos?\.?|Jahr(?:e|en|es)?|years?|yrs?|Quartal(?:e|en)?|quarters?)(?![\p{sc=Latin}])`;
const CJK_TIME_UNIT = String.raw`(?:个工作日|工作日|个月|个星期|天|日|周|星期|月|年)`;

const NUMBER_WORD = String.raw`(?<![\p{sc=Latin}])(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty|forty-five|sixty|ninety|ein|eine|einen|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|achtzehn|vierundzwanzig|dreißig|sechzig|neunzig)`;

/** A period: `30 Tage`, `6-8 Wochen`, `24 months`, `three months`, `60天`, `三个月`, `两年`. */
export const PERIOD = String.raw`${NUM_START}(?:\d{1,3}(?:[.,]\d)?(?:\s?(?:-|bis|to|~|至|到)\s?\d{1,3})?\s?-?\s?(?:${LATIN_TIME_UNIT}|${CJK_TIME_UNIT})|[一二三四五六七八九十两半]{1,3}${CJK_TIME_UNIT})|${NUMBER_WORD}[\s-]${LATIN_TIME_UNIT}`;

const MONTHS_DE =
  'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';
const MONTHS_EN =
  'January|February|March|April|June|July|August|September|October|November|December';
const MONTH_ABBR = 'Jan|Feb|Mär|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec';

/** A date or a calendar reference: `15.03.2025`, `KW 12`, `Ende März`, `March 15`, `3月15日`, `Q2`. */
export const DATE = String.raw`(?<![\p{sc=Latin}\p{N}])(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:KW|CW|WK|week|Woche|Kalenderwoche)\s?\d{1,2}|\d{1,2}\.\s?(?:${MONTHS_DE})|\d{1,2}(?:st|nd|rd|th)?\s(?:${MONTHS_EN}|${MONTH_ABBR}|May)|(?:${MONTHS_EN}|${MONTH_ABBR}|May)\.?\s\d{1,2}(?:st|nd|rd|th)?|(?:Ende|Anfang|Mitte|end of|beginning of|mid|early|late)\s(?:${MONTHS_DE}|${MONTHS_EN}|May|KW\s?\d{1,2}|Q[1-4]|\d{4}|(?:the )?(?:month|week|year|quarter)|nächster Woche|des Monats)|(?:${MONTHS_DE}|${MONTHS_EN})(?:\s\d{4})?|Q[1-4](?:\s?\/?\s?\d{2,4})?|Monatsende|Jahresende|Quartalsende|Wochenende|nächste Woche|next week|übernächste Woche)(?![\p{sc=Latin}\p{N}])|第\s?\d{1,2}\s?周|\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?|\d{4}\s?年(?:底|初|中)?|\d{1,2}\s?月\s?\d{1,2}\s?[日号]|\d{1,2}\s?月(?:底|初|中旬|上旬|下旬|份)?|月底|月初|年底|年初|下周|本周|下个月|下月`;

/** A quantity of goods: `5,000 pcs`, `500 Stück`, `1000件`, `20 Paletten`. */
export const QUANTITY = String.raw`${NUM_START}(?:${NUM})(?:\s?(?:k|K|Tsd\.?)(?![\p{sc=Latin}])|万|千)?\s?(?:(?:Stück|Stk\.?|pcs\.?|PCS|pieces|units|Einheiten|Paletten|pallets|Kartons|cartons|sets|Sätze|Tonnen|tons?|t|kg|Liter|litres?|liters?|Meter|meters?|metres?|m²|Container|containers|SKUs?)(?![\p{sc=Latin}])|件|台|套|箱|托|吨|只|个|条|米|公斤|千克|升)`;

/**
 * `^` + a short gap + the value, for "term, then value" (value in group 1). Built once per pattern
 * at module level; run on a slice right after the term.
 */
export function valueAfter(value: string, maxGap: number): RegExp {
  return new RegExp(`^${GAP}{0,${maxGap}}?(${value})`, 'iu');
}

/** The value + a short gap (no comma either) + `$`, for "value, then term" (value in group 1). */
export function valueBefore(value: string, maxGap: number): RegExp {
  return new RegExp(`(${value})[^\\n;!?。；！？,，]{0,${maxGap}}$`, 'iu');
}
