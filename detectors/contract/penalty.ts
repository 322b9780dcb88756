import { defineDetector } from '../../src/detect/detector.js';
import { AMOUNT, GAP, lexicon, PERCENT, valueAfter } from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

// "0,5 % pro Tag", "1% per week of delay", "每天0.5%", "合同总额的5%", "5.000 €".
const PER_TIME = String.raw`(?:\s?(?:pro|per|je|a|/|für jede[nr]?|for each|each)\s?(?:angefangene[nr]? )?(?:Kalendertag|Werktag|Arbeitstag|Tag|Woche|Kalenderwoche|Monat|day|week|month|天|日|周)\p{L}{0,2})?`;
const RATE = String.raw`(?:每(?:天|日|周)|按日)?(?:${PERCENT}|${AMOUNT})${PER_TIME}`;
const PENALTY_RATE = String.raw`(?:strafe|penalty|penalties|罚款|罚金|扣款)${GAP}{0,15}?(?:${PERCENT}|${AMOUNT})\s?(?:pro|per|je|a|/|每)\s?(?:Kalendertag|Werktag|Tag|Woche|day|week|天|日|周)\p{L}{0,2}`;
// A rate of the order or contract value per day or week: "0,3 % des Auftragswerts pro Werktag".
const VALUE_RATE = String.raw`(?:${PERCENT})(?: (?:des|der|vom|of the|of) (?:auftrags|vertrags|netto|brutto|bestell|liefer)?(?:werts?|wertes|preises|summe|volumens)| of the (?:order|contract|purchase) (?:value|price|amount))?\s?(?:pro|per|je|/|a)\s?(?:Kalendertag|Werktag|Arbeitstag|Tag|Woche|Kalenderwoche|day|week|business day|working day)\p{L}{0,2}`;
const DELAY =
  /verzug|verspät|verzöger|überschreit|delay|late|overdue|missed|miss the|reißen|逾期|延迟|延误|延期/i;
const RATE_VALUE: ValueRule = { after: valueAfter(RATE, 40), label: 'rate', bonus: 0.15 };

const RULES: readonly TermRule[] = [
  {
    // Clauses that only contracts contain.
    pattern: lexicon([
      'vertragsstrafe(?:n)?',
      'konventionalstrafe(?:n)?',
      'pönale(?:n)?',
      'poenale(?:n)?',
      'pauschalierte[nrms]? schaden(?:s)?ersatz(?:es)?',
      'schadenspauschale',
      'verzugsstrafe(?:n)?',
      'verzugspauschale',
      'liquidated damages',
      'penalty clause',
      'contractual penalty',
      'late (?:delivery )?penalt(?:y|ies)',
      'delay penalt(?:y|ies)',
      'penalt(?:y|ies) for (?:late|delayed) delivery',
      '违约金',
      '违约责任',
      '罚则',
      '延期交货罚款',
      '逾期交货',
      '延迟交货',
    ]),
    label: 'penalty clause',
    base: 0.6,
    inherent: true,
    values: [RATE_VALUE],
  },
  {
    // A penalty rate per period of delay: "penalty of 1% per week of delay", "罚款每天0.5%逾期".
    pattern: lexicon([
      `${PENALTY_RATE}\\s?(?:of delay|Verzug|Verspätung|Lieferverzug|delay|延误|延迟|逾期)`,
    ]),
    label: 'penalty rate for delay',
    base: 0.55,
    inherent: true,
  },
  {
    // A rate of the contract value per day with a delay word nearby is a penalty however it is named.
    pattern: lexicon([VALUE_RATE]),
    label: 'delay rate',
    base: 0.55,
    inherent: true,
    accept: (text, m) =>
      DELAY.test(text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40)),
  },
  {
    // An amount per day of delay: a library fine looks the same, so business context is needed.
    pattern: lexicon([
      `(?:${AMOUNT})\\s?(?:pro|per|je|/|a)\\s?(?:Kalendertag|Werktag|Arbeitstag|Tag|Woche|day|week)\\p{L}{0,2}`,
    ]),
    label: 'delay amount',
    base: 0.45,
    accept: (text, m) =>
      DELAY.test(text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40)),
  },
  {
    // "逾期一天扣合同金额的千分之三", "延迟交货每天支付货款的0.5%"
    pattern: lexicon([
      `(?:逾期|延迟|延期|迟延)(?:交货|交付|付款|完工)?${GAP}{0,12}?(?:扣|支付|赔付|赔偿|罚|承担)${GAP}{0,12}?(?:${PERCENT}|${AMOUNT})`,
    ]),
    label: 'delay penalty',
    base: 0.55,
    inherent: true,
  },
  {
    // Without a word for delay a rate per day may be a library fine: business context needed.
    pattern: lexicon([PENALTY_RATE]),
    label: 'penalty rate',
    base: 0.45,
  },
  {
    pattern: lexicon([
      'strafzahlung(?:en)?',
      'penalt(?:y|ies)',
      'penalty fee',
      '罚款',
      '滞纳金',
      '赔偿金(?!额)',
    ]),
    label: 'penalty keyword',
    base: 0.3,
    values: [RATE_VALUE],
  },
  {
    // Fees for leaving a contract early: phone and gym contracts have them too.
    pattern: lexicon([
      '(?:early )?termination fees?',
      'cancellation fees?',
      'stornogebühr(?:en)?',
      'stornokosten',
      'abstandszahlung',
      '解约金',
      '提前解约费',
      `提前(?:解约|终止|退出|解除)${GAP}{0,6}?(?:赔|支付|扣|罚)`,
    ]),
    label: 'termination fee',
    base: 0.35,
    values: [RATE_VALUE],
  },
];

export default defineDetector({
  id: 'contract/penalty',
  category: 'contract',
  type: 'penalty',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'Contractual penalties and liquidated damages (Vertragsstrafe, Konventionalstrafe, pauschalierter Schadensersatz, penalty of x% per day of delay, 违约金); traffic fines and penalty kicks are not flagged.',
  prefilter:
    /strafe|pönale|poenale|schaden|pauschale|liquidated|penalt|termination fee|cancellation fee|storno|abstandszahlung|(?:pro|per|je|\/|a)\s?(?:kalender|werk|arbeits|business |working )?(?:tag|woche|day|week)|每天|每日|每周|违约|罚|逾期|延迟|延期|迟延|延误|滞纳金|赔偿金|扣款|解约/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Im Rahmenvertrag steht eine [[Vertragsstrafe von 0,5 % pro Tag]], max. 5 %',
      {
        text: 'Bei Lieferverzug droht eine [[Konventionalstrafe]].',
        note: 'inherent contract term without a figure',
      },
      'The supplier agreement has [[liquidated damages of 1% per week]] of delay',
      {
        text: 'Customer wants a [[penalty of 2% per day of delay]]',
        note: 'generic penalty word with a rate per day',
      },
      '合同里写了[[违约金为合同总额的5%]]',
      '客户要求[[延期交货罚款每天0.5%]]',
    ],
    noMatch: [
      { text: 'Falschparken kostet jetzt 55 € Strafe 😡', note: 'a traffic fine' },
      { text: 'What a penalty in the 90th minute!', note: 'football' },
      { text: '闯红灯被罚款200元', note: 'a traffic fine' },
      { text: '提前退租要付违约金，房东太坑了', note: 'private rental contract' },
      {
        text: 'Die Bibliothek verlangt 1 € Strafe pro Tag',
        note: 'library fine: no business context',
      },
    ],
  },
});
