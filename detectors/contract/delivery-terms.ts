import { defineDetector } from '../../src/detect/detector.js';
import { DATE, GAP, lexicon, PERIOD, valueAfter, valueBefore } from './_patterns.js';
import { scanTerms, type TermRule } from './_scan-terms.js';

// Incoterms 2020 (and the retired DAT/DDU, C&F), upper case as written in contracts.
const INCOTERM = 'EXW|FCA|FAS|FOB|CFR|CNF|CIF|CPT|CIP|DAP|DPU|DDP|DAT|DDU';
// The named place: a capitalised name ("Shanghai", "Le Havre"), an upper-case name, or a Chinese
// city (two characters, optionally 港: 上海, 宁波港); Chinese runs on without a boundary.
const LATIN_PLACE = String.raw`(?:\p{Lu}\p{Ll}{2,20}(?:[ -]\p{Lu}\p{Ll}{2,20})?|\p{Lu}{4,15})(?![\p{sc=Latin}\p{N}])`;
const CJK_PLACE = String.raw`[\u4e00-\u9fff]{2}港?`;
// Words after an Incoterm that are not places ("FOB price", "CIF Preis", "FOB价格").
const NOT_A_PLACE =
  /^(?:price|prices|pricing|preis|preise|preisen|basis|terms?|incoterms?|lieferung|delivery|kosten|costs?|value|und|oder|and|or|the|der|die|das|ist|is|bitte|please|shipping|versand|konditionen|conditions?|hafen|port|plus|inkl|incl|oder|vs|versus|angebot|quote|zzgl|netto|net)$|^(?:价|报|条|方|还|或|和|贸|的|是|含|不|加|到|交|运)/i;
const PORTS =
  'shanghai|ningbo|shenzhen|qingdao|tianjin|xiamen|guangzhou|yantian|dalian|hong kong|singapore|busan|hamburg|bremen|bremerhaven|rotterdam|antwerp|antwerpen|felixstowe|genoa|genua|le havre|valencia|piraeus|los angeles|long beach|new york|duisburg|munich|münchen|frankfurt|stuttgart|berlin';
const INCOTERM_WITH_PLACE = new RegExp(
  String.raw`(?<![\p{sc=Latin}\p{N}])(?:${INCOTERM})(?:\s?\(?Incoterms?®?\s?(?:20[12]0)?\)?)?(?:[\s:]{1,2}(${LATIN_PLACE})|[\s:]{0,2}(${CJK_PLACE}))`,
  'gu',
);
// Chat is often lower case: "fob shanghai" counts for well-known ports.
const INCOTERM_LOWER_PORT = new RegExp(
  String.raw`(?<![\p{sc=Latin}\p{N}])(?:${INCOTERM.toLowerCase()}) (?:${PORTS})(?![\p{sc=Latin}\p{N}])`,
  'giu',
);
const BARE_INCOTERM = new RegExp(
  String.raw`(?<![\p{sc=Latin}\p{N}])(?:${INCOTERM})(?![\p{sc=Latin}\p{N}])`,
  'gu',
);
const TRADE_WORD =
  /price|preis|basis|terms|incoterm|lieferung|liefern|delivery|ship|versand|konditionen|quote|angebot|offer|价|条款|交货|报价|贸易|发货/i;
const DATE_OR_PERIOD = `${DATE}|${PERIOD}`;

const RULES: readonly TermRule[] = [
  {
    pattern: INCOTERM_WITH_PLACE,
    label: 'Incoterm with named place',
    base: 0.65,
    inherent: true,
    accept: (_text, m) => !NOT_A_PLACE.test(m[1] ?? m[2] ?? ''),
  },
  { pattern: INCOTERM_LOWER_PORT, label: 'Incoterm with named port', base: 0.6, inherent: true },
  {
    pattern: BARE_INCOTERM,
    label: 'Incoterm',
    base: 0.45,
    // A bare "CIF" or "CPT" is often something else: it needs a trade word right next to it.
    accept: (text, m) =>
      TRADE_WORD.test(text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25)),
  },
  {
    pattern: lexicon([
      'ex works',
      'preise? (?:ab werk|ab lager|frei haus)',
      'ab werk geliefert',
      'free on board',
      'free carrier',
      'free alongside ship',
      'cost and freight',
      'cost,? insurance and freight',
      'carriage paid to',
      'carriage and insurance paid to',
      'delivered at place(?: unloaded)?',
      'delivered duty (?:un)?paid',
      'frei frachtführer',
      'geliefert verzollt',
      'lieferbedingung(?:en)?',
      'lieferkondition(?:en)?',
      'delivery terms',
      'shipping terms',
      'trade terms',
      '交货地点',
      'erfüllungsort',
      'lieferort',
      'place of delivery',
      '交货条件',
      '交货方式',
      '贸易条款',
      '贸易术语',
      '离岸价',
      '到岸价',
      '工厂交货',
      '船上交货',
    ]),
    label: 'delivery-terms keyword',
    base: 0.6,
    inherent: true,
  },
  {
    pattern: lexicon([
      '(?:lieferung |liefern |geliefert |preise )?frei (?:haus|baustelle|lager|werk|hof|rampe)',
      '(?:lieferung |preise |preis )?ab (?:werk|lager)',
      'frachtfrei',
      'unfrei',
      'door[- ]to[- ]door',
      'free delivery to',
      '送货上门',
      '门到门',
      `运费由?${GAP}{0,8}?承担`,
    ]),
    label: 'delivery clause',
    base: 0.4,
  },
  {
    // Words for the delivery date of goods that only trade uses.
    pattern: lexicon([
      'lead ?times?',
      '交货期',
      '交期',
      '货期',
      '船期',
      '装运期',
      '交货(?:时间|日期)',
      '出货(?:时间|日期)',
    ]),
    label: 'delivery-date keyword',
    base: 0.4,
    inherent: true,
    values: [
      {
        after: valueAfter(DATE_OR_PERIOD, 20),
        before: valueBefore(DATE_OR_PERIOD, 3),
        label: 'date',
        bonus: 0.15,
      },
    ],
  },
  {
    // A sofa has a Liefertermin too: business context needed.
    pattern: lexicon(['liefertermin(?:e|s)?', 'lieferfenster', 'delivery window']),
    label: 'delivery-date keyword',
    base: 0.4,
    values: [
      {
        after: valueAfter(DATE_OR_PERIOD, 20),
        before: valueBefore(DATE_OR_PERIOD, 3),
        label: 'date',
        bonus: 0.15,
      },
    ],
  },
  {
    pattern: lexicon([
      'lieferdatum',
      'lieferzeit(?:en)?',
      'lieferfrist(?:en)?',
      '(?:aus|an)?lieferung (?:bis|in|am|zum|ab|spätestens|innerhalb|binnen|ende|anfang|mitte|kw)',
      'liefern (?:bis|in|am|zum|spätestens|innerhalb|binnen)',
      'delivery (?:date|time|deadline|schedule|by|within|in|on|until|end of)',
      'ship(?:ping|ment)? date',
      'ships? (?:by|within|on)',
      'ready (?:to ship|for shipment)',
      '(?:arrive|arrives|arrival|be delivered|eintreffen|ankommen|anliefern|angeliefert)(?: (?:by|before|on|no later than|until|bis|spätestens|am))',
      'ex-factory date',
      'etd',
      '发货时间',
      '发货日期',
      '到货时间',
      '交货',
      '出货',
      '发货',
    ]),
    label: 'delivery keyword',
    base: 0.35,
    values: [
      {
        after: valueAfter(DATE_OR_PERIOD, 20),
        before: valueBefore(DATE_OR_PERIOD, 3),
        label: 'date',
        bonus: 0.15,
        required: true,
      },
    ],
  },
];

export default defineDetector({
  id: 'contract/delivery-terms',
  category: 'contract',
  type: 'delivery-terms',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Delivery terms: Incoterms with a named place (FOB Shanghai, DDP Hamburg), frei Haus / ab Werk, and delivery dates or lead times in a business context (Liefertermin KW 12, lead time 6 weeks, 交期30天).',
  prefilter:
    /EXW|FCA|FAS|FOB|CFR|CNF|CIF|CPT|CIP|DAP|DPU|DDP|DAT|DDU|ex works|free (?:on|carrier|alongside|delivery)|carriage|delivered|frei |ab werk|ab lager|fracht|unfrei|door|liefer|lead ?time|delivery|ship|terms|ready|etd|arriv|eintreff|ankomm|anliefer|angeliefert|erfüllungsort|lieferort|place of|交货|交期|货期|船期|装运|发货|出货|到货|离岸|到岸|送货|运费|贸易/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Preise verstehen sich [[FOB Shanghai]], Verladung Ende März',
      { text: 'Quote is [[DDP Hamburg]], duties included', note: 'Incoterm with place' },
      {
        text: 'Für den Kunden gilt [[Lieferung frei Haus]] ab 500 €',
        note: 'delivery clause with business context',
      },
      { text: '[[Liefertermin KW 12]] ist bestätigt', before: 'Auftrag 4711 von der Müller GmbH' },
      'Supplier confirmed a [[lead time of 6 weeks]] for the 5,000 pcs',
      '这批订单[[FOB宁波]]，客户自己安排船',
      '供应商说[[交期30天]]，太长了',
    ],
    noMatch: [
      { text: 'Pizza wird frei Haus geliefert 🍕', note: 'private food delivery' },
      { text: 'Mein Sofa hat Lieferzeit 6 Wochen, nervig', note: 'private furniture delivery' },
      {
        text: 'The FOB price was discussed',
        note: 'bare Incoterm without place and no business context',
      },
      { text: 'CIF: B12345678 ist die spanische Steuernummer', note: 'CIF as Spanish tax id' },
      { text: '快递说明天发货', note: 'private parcel, no date value, no business' },
      { text: 'My Amazon order ships on March 3', note: 'private order' },
    ],
  },
});
