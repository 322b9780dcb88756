import { defineDetector } from '../../src/detect/detector.js';
import { AMOUNT, GAP, lexicon, PERCENT, PERIOD, valueAfter, valueBefore } from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

const PERIOD_VALUE: ValueRule = {
  after: valueAfter(PERIOD, 30),
  before: valueBefore(PERIOD, 4),
  label: 'period',
  bonus: 0.15,
};
const PERCENT_VALUE: ValueRule = {
  after: valueAfter(PERCENT, 12),
  before: valueBefore(PERCENT, 3),
  label: 'percentage',
  bonus: 0.15,
};
// Usual net terms: net 30 is a payment term, "net 30 kg" a weight.
const NET_DAYS = new Set([
  '7',
  '10',
  '14',
  '15',
  '20',
  '21',
  '28',
  '30',
  '45',
  '60',
  '75',
  '90',
  '120',
]);

const RULES: readonly TermRule[] = [
  {
    pattern: lexicon([
      'zahlungsziel(?:e|s|en)?',
      'zahlungsbedingung(?:en)?',
      'zahlungskondition(?:en)?',
      'zahlungsmodalitäten',
      'payment terms?',
      'terms of payment',
      '付款条件',
      '付款条款',
      '付款方式',
      '结算方式',
      '结算周期',
      '账期',
      '帐期',
      '月结',
    ]),
    label: 'payment-terms keyword',
    base: 0.55,
    inherent: true,
    values: [PERIOD_VALUE],
  },
  {
    pattern: lexicon(['skonto(?:s|abzug|frist|satz)?']),
    label: 'cash-discount keyword',
    base: 0.55,
    inherent: true,
    values: [PERCENT_VALUE, { after: valueAfter(PERIOD, 40), label: 'period', bonus: 0.1 }],
  },
  {
    // net 30, 30 days net, 30 Tage netto (Kasse), netto 30 Tage, 2/10 net 30
    pattern: lexicon([
      '(?:\\d{1,2}/\\d{1,2},? )?net ?(\\d{1,3})(?: days)?',
      '\\d{1,3} days net',
      '\\d{1,3} tage(?:n)? (?:rein )?netto(?: kasse)?',
      'netto (?:kasse )?(?:innerhalb |binnen |in )?\\d{1,3} tage(?:n)?',
      'rein netto',
      'netto kasse',
      'ohne abzug',
    ]),
    label: 'net terms',
    base: 0.6,
    inherent: true,
    accept: (text, m) =>
      m[1] === undefined ||
      (NET_DAYS.has(m[1]) &&
        !/^\s?(?:kg|g|lbs?|%|€|\$|¥|eur|usd|t|mm|cm|m|l)(?![\p{sc=Latin}])/iu.test(
          text.slice(m.index + m[0].length, m.index + m[0].length + 6),
        )),
  },
  {
    pattern: lexicon([
      'zahlbar (?:innerhalb|binnen|in|nach)',
      'zahlung (?:innerhalb|binnen|nach)',
      'zahlungsfrist(?:en)?',
      'payable (?:within|in|net)',
      'payment (?:is )?due (?:within|in|after)',
      'payment within',
      'pay(?:ment)? within',
      '付款期限',
      '(?:发票|收货|到货|验收)后',
      '内付款',
      '内付清',
    ]),
    label: 'payment deadline',
    base: 0.35,
    values: [{ ...PERIOD_VALUE, before: valueBefore(PERIOD, 1), required: true }],
  },
  {
    pattern: lexicon([
      'vorkasse',
      'vorauskasse',
      'vorauszahlung(?:en)?',
      'prepayment',
      'pre-payment',
      'advance payment',
      'payment in advance',
      'paid in advance',
      'upfront payment',
      'cash in advance',
      'cash on delivery',
      '预付款',
      '预付',
      '货到付款',
    ]),
    label: 'payment-method keyword',
    base: 0.35,
    values: [PERCENT_VALUE],
  },
  {
    // A deposit is a term only with its size ("30% Anzahlung"); "Kontonummer für die Anzahlung" is not.
    pattern: lexicon([
      'anzahlung(?:en)?',
      'abschlagszahlung(?:en)?',
      'down payment',
      'deposit',
      '定金',
      '订金',
      '尾款',
      '余款',
      '首款',
      '电汇',
    ]),
    label: 'deposit keyword',
    base: 0.35,
    values: [
      {
        after: valueAfter(`${PERCENT}|${AMOUNT}`, 12),
        before: valueBefore(`${PERCENT}|${AMOUNT}`, 3),
        label: 'share',
        bonus: 0.15,
        required: true,
      },
    ],
  },
  {
    // When and how often is paid: "Abrechnung quartalsweise im Voraus", "billed monthly in advance".
    pattern: lexicon([
      `(?:zahlung|zahlbar|abrechnung|bezahlung|berechnung|payment|paid|payable|billed|billing|invoiced|invoicing|abgerechnet|bezahlt|berechnet|fakturiert)(?: \\p{L}{1,15}){0,2}? (?:im voraus|vorab|in advance|upfront|monatlich|quartalsweise|jährlich|halbjährlich|monthly|quarterly|annually|yearly)`,
      '按(?:月|季度?|年)(?:结算|付款|支付|结账)',
    ]),
    label: 'billing term',
    base: 0.35,
  },
  {
    pattern: lexicon([
      'l/c(?: at sight)?',
      'letter of credit',
      't/t(?: in advance)?',
      '(?:balance|rest(?:betrag|zahlung)?|remaining)' +
        `${GAP}{0,20}?(?:before|prior to|against|after|vor|bei|nach|upon|on) (?:der |dem |the )?(?:shipment|shipping|delivery|loading|b/l|lieferung|versand|auslieferung|abnahme|installation|inbetriebnahme|acceptance)`,
      // Payment milestones: "50 % bei Auftragserteilung", "50% upfront", "30% on signature".
      `(?:${PERCENT}) (?:upfront|up front|in advance|im voraus|vorab|(?:bei|nach|vor|mit|upon|on|at|after|before|against|with) (?:der |dem |the )?(?:auftragserteilung|auftragsbestätigung|bestellung|lieferung|abnahme|auslieferung|versand|vertragsunterzeichnung|unterzeichnung|order|delivery|shipment|signing|signature|acceptance|installation|completion|po|go-live|inbetriebnahme))`,
      // Days after the invoice: "60 Tage nach Rechnung", "30 days from invoice date".
      `(?:${PERIOD}) (?:nach|ab|from|after|of) (?:der |dem |the )?(?:rechnung(?:sdatum|seingang|sstellung|serhalt)?|erhalt der rechnung|invoice(?: date)?|receipt of (?:the )?invoice|date of invoice)`,
      // "货到30天后付款", "开票后60天付款"
      `(?:货到|到货|收货|开票|发票|验收|交货)${GAP}{0,4}?后?(?:${PERIOD})(?:后|内|之内)?(?:付款|付清|结算|支付|结清)`,
      '信用证',
      '承兑汇票',
      '银行承兑',
      '款到发货',
      '(?:余款|尾款|余额)?(?:发货前|见提单|到货后)付清',
      '见提单',
      '提单复印件',
    ]),
    label: 'trade payment term',
    base: 0.55,
    inherent: true,
  },
];

export default defineDetector({
  id: 'contract/payment-terms',
  category: 'contract',
  type: 'payment-terms',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Payment terms agreed with customers or suppliers: Zahlungsziel, Skonto, net 30/60, prepayment, deposits, L/C, 账期, 月结, 预付款, 货到付款.',
  prefilter:
    /zahl|skonto|net|abrechnung|abgerechnet|berechn|billed|billing|invoic|fakturiert|按月|按季|按年|vorkasse|vorauskasse|anzahlung|abschlag|pay|deposit|advance|cash|l\/c|letter of credit|t\/t|balance|rest|预付|付款|账期|帐期|月结|定金|订金|尾款|余款|首款|电汇|信用证|承兑|结算|款到|发货前|提单|付清|支付|结清|\d ?%|prozent|percent|upfront|up front/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Für die Müller GmbH gilt ab sofort [[Zahlungsziel 30 Tage]].',
      'Konditionen wie besprochen: [[2% Skonto bei Zahlung innerhalb 10 Tagen]], sonst 30 Tage.',
      'Standard terms for this customer are [[net 60]], no exceptions.',
      'Supplier insists on [[30 days net]] from invoice date',
      {
        text: 'Neue Kunden nur gegen [[Vorkasse]], das ist Firmenpolitik',
        note: 'Kunden is business context',
      },
      '这个客户的[[账期60天]]，不能再长了',
      '新供应商要求[[30%预付款]]，[[余款发货前付清]]',
      { text: '[[货到付款]]可以吗？', before: '王总，贵司这批货的报价我们收到了' },
    ],
    noMatch: [
      {
        text: 'Ich hab bei eBay per Vorkasse bezahlt, hoffentlich kommt das Paket',
        note: 'private purchase',
      },
      { text: 'Die Miete ist zahlbar bis zum 3. des Monats', note: 'rent, no business context' },
      { text: 'My Netflix payment is due in 3 days', note: 'private subscription' },
      { text: 'Net 30 kg, gross 32 kg', note: 'a weight, not net terms' },
      { text: '淘宝买的，货到付款', note: 'private online shopping' },
      { text: '婚礼场地要先交定金', note: 'a private deposit' },
      { text: 'Internet ist wieder da, netto hab ich 30 Euro gespart', note: 'no payment term' },
    ],
  },
});
