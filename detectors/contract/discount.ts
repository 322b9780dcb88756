import { defineDetector } from '../../src/detect/detector.js';
import { AMOUNT, GAP, lexicon, PERCENT, valueAfter, valueBefore } from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

const RATE = `${PERCENT}|${AMOUNT}`;
const RATE_VALUE: ValueRule = {
  after: valueAfter(RATE, 20),
  before: valueBefore(RATE, 4),
  label: 'rate',
  bonus: 0.15,
};

const RULES: readonly TermRule[] = [
  {
    // Discounts only companies grant one another: volume, dealer, project and annual rebates.
    pattern: lexicon([
      '(?:mengen|händler|wiederverkäufer|projekt|jahres|umsatz|staffel|großkunden|grosskunden|key-account|objekt|distributoren|rahmen)rabatt(?:e|s|es)?',
      'rückvergütung(?:en)?',
      'sonderkondition(?:en)?',
      'umsatzbonus',
      'jahresbonus(?:vereinbarung)?',
      'volume discounts?',
      'volume rebates?',
      'dealer discounts?',
      'trade discounts?',
      'distributor discounts?',
      'special pricing',
      'early payment discounts?',
      'prompt payment discounts?',
      'frühzahlerrabatt',
      '返点',
      '返利',
      '让利',
      '折让',
      '年度返利',
    ]),
    label: 'trade discount',
    base: 0.55,
    inherent: true,
    values: [RATE_VALUE],
  },
  {
    pattern: lexicon([
      '\\p{L}{0,12}rabatt(?:e|s|es)?',
      '(?:preis)?nachlass(?:es)?',
      'preisreduzierung',
      'preissenkung',
      'discount(?:s|ed)?',
      'rebates?',
      'price reduction',
      '折扣',
      '优惠',
      '打折',
      '降价',
      '减价',
    ]),
    label: 'discount keyword',
    base: 0.3,
    values: [RATE_VALUE],
  },
  {
    // Off the list price: a price list is a commercial document.
    pattern: lexicon([
      `(?:${PERCENT}) (?:off|below|under|unter|auf) (?:the |our |their |den |dem |der )?(?:list|net|catalog|catalogue|retail|recommended retail) prices?(?![\\p{sc=Latin}])`,
      `(?:${PERCENT}) (?:unter|auf|off|below|on) (?:den |dem |die |the )?(?:uvp|rrp|msrp|\\p{L}{0,10}(?:listenpreis|katalogpreis|verkaufspreis|endkundenpreis))(?![\\p{sc=Latin}])`,
      `(?:零售价|指导价|市场价|目录价)的?(?:${PERCENT}|[一二三四五六七八九]{1,2}折|\\d(?:\\.\\d)?折)`,
      `返${GAP}{0,2}?\\d{1,2}(?:\\.\\d)?个?点`,
      `\\d{1,2}(?:\\.\\d)?个点的?(?:返利|返点|折扣|优惠)`,
    ]),
    label: 'discount off list price',
    base: 0.55,
    inherent: true,
  },
  {
    // "15% off", "8.5折", "九折", "打八折"
    pattern: lexicon([
      `(?:${PERCENT}) off(?: (?:the )?(?:regular|standard)(?: price)?)?(?![\\p{sc=Latin}])`,
      '打?\\d(?:\\.\\d)?折',
      '打?[一二三四五六七八九]{1,2}折',
    ]),
    label: 'discount rate',
    base: 0.45,
  },
];

export default defineDetector({
  id: 'contract/discount',
  category: 'contract',
  type: 'discount',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Discounts and rebates granted to customers or by suppliers (Rabatt, Nachlass, 15% off list price, volume rebate, 折扣, 返点); shop sales and private bargains are not flagged. Skonto is payment terms.',
  prefilter:
    /rabatt|nachlass|rückvergütung|kondition|bonus|preisreduzierung|preissenkung|discount|rebate|pricing|reduction| off|uvp|rrp|msrp|below|unter|listenpreis|katalogpreis|verkaufspreis|retail|list price|零售价|指导价|市场价|目录价|折|优惠|返|个点|让利|降价|减价/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Der Kunde will [[8 % Rabatt]] auf den Rahmenvertrag',
      {
        text: 'Wir geben der Müller GmbH einen [[Mengenrabatt von 5 %]] ab 10.000 Stück',
        note: 'inherent trade discount with rate',
      },
      'Approved: [[15% off list price]] for the customer, valid until June',
      { text: '[[Preisnachlass 3 %]]', before: 'Lieferant hat sich gemeldet wegen der Bestellung' },
      '给这个客户[[打九折]]，再多就不行了',
      '供应商同意年底[[返点2%]]',
    ],
    noMatch: [
      {
        text: 'Bei H&M gibt es gerade 20 % Rabatt auf alles',
        note: 'shop sale, no business context',
      },
      { text: 'Black Friday: 30% off everything at the mall', note: 'private shopping' },
      { text: '双十一打折，我买了好多衣服', note: 'private shopping' },
      { text: 'Mit Studentenrabatt kostet das Ticket nur 8 €', note: 'personal discount' },
      { text: 'I got a discount on my gym membership', note: 'private, gym' },
      { text: '这家餐厅今天有优惠', note: 'restaurant offer' },
    ],
  },
});
