import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { execIfPossible } from '../../src/detect/may-match.js';
import { businessContext } from './_business-context.js';
import {
  AMOUNT,
  GAP,
  lexicon,
  NUM,
  NUM_START,
  PERCENT,
  valueAfter,
  valueBefore,
} from './_patterns.js';
import { canonical, grade, keepBest, MAX_HITS, scanTerms, type TermRule } from './_scan-terms.js';

// Price words that only commerce uses: unit, list, net and purchase prices, quoted sums.
const STRONG_CUE = String.raw`(?<![\p{sc=Latin}])(?:stück|einzel|einkaufs|verkaufs|listen|netto|angebots|sonder|fest|staffel|einheits|rahmen|vertrags|ek|vk|ek-|vk-)preis(?:e|es|en)?(?![\p{sc=Latin}])|(?<![\p{sc=Latin}])(?:unit|list|net|ex-works|exw|fob|cif|ddp|purchase|contract|wholesale) prices?(?![\p{sc=Latin}])|(?<![\p{sc=Latin}])price per (?:unit|piece|pc)(?![\p{sc=Latin}])|(?<![\p{sc=Latin}])(?:angebotssumme|auftragswert|vertragswert|auftragsvolumen|order value|contract value|volume pricing|tiered pricing|tender price)(?![\p{sc=Latin}])|单价|出厂价|含税价|不含税价|未税价|采购价|进价|底价|报价|合同(?:金额|总额|价款|价)`;
// Everyday price words: a cinema ticket has a price too, so these need business context.
const GENERIC_CUE = String.raw`(?<![\p{sc=Latin}])(?:\p{L}{0,12}preis(?:e|es|en)?|kosten|kostet|angebot(?:e|s)?|offer(?:ed)?|quote[ds]?|quotation|prices?|priced|pricing|costs?|rate)(?![\p{sc=Latin}])|(?<![\p{sc=Latin}])\p{L}{0,12}pauschale(?![\p{sc=Latin}])|价格|价钱|价位|总价|费用|价|[\u4e00-\u9fff]{0,2}费`;
const UNIT =
  'stück|stk\\.?|einheit|palette|meter|kg|tonnen?|tons?|set|pcs|pc|piece|unit|item|carton|lizenz|license|licence|user|seat';
const PER_UNIT = String.raw`(?:(?:pro|per|je|/)\s?(?:${UNIT}|m|t)|an? (?:${UNIT}))(?![\p{sc=Latin}])|/\s?(?:件|台|个|套|箱|吨|米|公斤)|每(?:件|台|个|套|箱|吨|米|公斤)|一(?:件|台|套|箱|吨)`;
const QUALIFIER = String.raw`(?:${PER_UNIT}|(?:netto|net|brutto|gross|each|ea\.)(?![\p{sc=Latin}])|(?:zzgl\.?|zuzüglich|exkl\.?|inkl\.?|excl\.?|incl\.?|plus|ex|ohne|mit|including|excluding)\s?(?:der |the )?(?:mwst\.?|ust\.?|vat|tax|steuer|mehrwertsteuer)(?![\p{sc=Latin}])|(?:EXW|FCA|FOB|CIF|CFR|DDP|DAP)(?: \p{Lu}\p{Ll}{2,20})?(?![\p{sc=Latin}])|含税|不含税|未税|(?:不含|含|包)运费|含票)`;

const AMOUNTS = new RegExp(AMOUNT, 'giu');
// A strong cue followed by a bare number: "Stückpreis 4,20 netto", "单价38".
// The number must stand alone: not part of a file name, a date or a code ("报价单_2025_03.xlsx").
const BARE = new RegExp(
  `(${STRONG_CUE})[^\\n;!?。；！？_\\d]{0,10}?(${NUM_START}(?<![_\\-/])(?:${NUM}))(?![\\d%.,_\\-/\\p{sc=Latin}]|\\s?(?:%|Prozent|Tage|days|天|个月|年|月|日|号))`,
  'giu',
);
const CUE_BEFORE = new RegExp(`(?:(${STRONG_CUE})|(${GENERIC_CUE}))(?:${GAP}{0,30})$`, 'iu');
const QUALIFIER_BEFORE = new RegExp(`(?:${PER_UNIT})\\s?$`, 'iu');
const QUALIFIERS_AFTER = new RegExp(`^(?:[\\s,，]{0,2}(?:${QUALIFIER})){1,3}`, 'iu');

// Price changes announced to customers or by suppliers: "Preiserhöhung um 5 %", "涨价5%".
const PRICE_CHANGES: readonly TermRule[] = [
  {
    pattern: lexicon([
      'preis(?:erhöhung|anpassung|steigerung|senkung)(?:en)?',
      '(?:preis)?(?:aufschlag|zuschlag)(?:s|es)?',
      'surcharges?',
      'mark-?ups?',
      '加价',
      'price (?:increase|adjustment|hike|rise|reduction)s?',
      '(?:raise|increase|adjust)s? (?:the |our |their )?prices?',
      '涨价',
      '提价',
      '调价',
      '价格上调',
      '价格下调',
    ]),
    label: 'price change',
    base: 0.35,
    values: [
      {
        after: valueAfter(`${PERCENT}|${AMOUNT}`, 15),
        before: valueBefore(`${PERCENT}|${AMOUNT}`, 4),
        label: 'change',
        bonus: 0.15,
        required: true,
      },
    ],
  },
];

// A share of a price: "4 % vom Nettopreis", "5% of the list price".
const PRICE_SHARES: readonly TermRule[] = [
  {
    pattern: lexicon([
      `(?:${PERCENT}) (?:vom|des|of the|of) (?:netto|listen|brutto|verkaufs|einkaufs|stück)?preis(?:es)?`,
      `(?:${PERCENT}) of (?:the )?(?:net|list|purchase|unit|sales) price`,
      `(?:单价|出厂价|零售价|合同价)的(?:${PERCENT})`,
    ]),
    label: 'share of a price',
    base: 0.45,
  },
];

// A bare decimal price with its unit or a was/now pair: "24,90 pro Lizenz", "19,90 statt 24,90".
const BARE_DECIMAL = new RegExp(
  String.raw`${NUM_START}(?:\d{1,6}[.,]\d{2}(?=\s?(?:${PER_UNIT}))|\d{1,6}[.,]\d{2} (?:statt|anstatt|instead of|vs\.?|versus) \d{1,6}[.,]\d{2})(?![\d%])`,
  'giu',
);

interface Candidate {
  start: number;
  end: number;
}

/**
 * Amounts with a currency first, then bare decimals and bare numbers after a commercial price
 * word that no amount covers yet; at most `MAX_HITS`.
 */
function candidatesIn(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (start: number, end: number): void => {
    if (!found.some((c) => c.start < end && start < c.end)) found.push({ start, end });
  };
  for (const m of execAll(AMOUNTS, text)) {
    if (found.length >= MAX_HITS) return found;
    add(m.index, m.index + m[0].length);
  }
  for (const m of execAll(BARE_DECIMAL, text)) {
    if (found.length >= MAX_HITS) return found;
    add(m.index, m.index + m[0].length);
  }
  for (const m of execAll(BARE, text)) {
    if (found.length >= MAX_HITS) return found;
    add(m.index + m[0].length - m[2]!.length, m.index + m[0].length);
  }
  return found;
}

interface Grown {
  start: number;
  end: number;
  cue?: { text: string; start: number; strong: boolean };
  qualifier?: string;
}

/** Extends an amount to its price word before and its qualifiers ("netto", "/Stk.", "含税") after. */
function grow(text: string, amount: Candidate): Grown {
  let { start, end } = amount;
  let qualifier: string | undefined;
  const before = text.slice(Math.max(0, start - 12), start);
  const pre = execIfPossible(QUALIFIER_BEFORE, before);
  if (pre) {
    start -= before.length - pre.index;
    qualifier = pre[0].trim();
  }
  const post = execIfPossible(QUALIFIERS_AFTER, text.slice(end, end + 60));
  if (post) {
    end += post[0].length;
    qualifier = qualifier ?? post[0].replace(/^[\s,，]+/, '');
  }
  const window = text.slice(Math.max(0, start - 40), start);
  const m = execIfPossible(CUE_BEFORE, window);
  if (!m) return { start, end, qualifier };
  start -= window.length - m.index;
  const cue = { text: (m[1] ?? m[2])!, start, strong: m[1] !== undefined };
  return { start, end, cue, qualifier };
}

export default defineDetector({
  id: 'contract/price',
  category: 'contract',
  type: 'price',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Prices and unit prices quoted to customers or by suppliers (Stückpreis 4,20 € netto, unit price USD 12.50 per pc, 单价每件38元含税); private prices (pizza, cinema) are not flagged.',
  prefilter:
    /[€$¥£元块]|eur|usd|rmb|cny|chf|gbp|hkd|jpy|dollar|franken|yuan|preis|price|价|wert|value|金额|summe|\d[.,]\d\d|schlag|surcharge|mark-?up/i,
  detect(context) {
    const { text } = context;
    const candidates = candidatesIn(text);
    const hits: Hit[] = [];
    for (const amount of candidates) {
      const span = grow(text, amount);
      // A bare amount ("500 € überwiesen") is a payment, not a price: a price word or a unit is needed.
      if (!span.cue && !span.qualifier) continue;
      const { cue } = span;
      // A strong price word is business evidence; an everyday one ("quote", "Preis") is not its own.
      const exclude =
        cue && !cue.strong ? { start: cue.start, end: cue.start + cue.text.length } : undefined;
      const business = businessContext(context, span.start, span.end, exclude);
      const found = [{ label: 'amount', text: text.slice(amount.start, amount.end), bonus: 0 }];
      if (cue) {
        found.push({
          label: cue.strong ? 'price term' : 'price word',
          text: cue.text,
          bonus: cue.strong ? 0.25 : 0.15,
        });
      }
      if (span.qualifier) found.push({ label: 'qualifier', text: span.qualifier, bonus: 0.15 });
      const graded = grade(0.3, found, business, cue?.strong ?? false);
      hits.push({
        start: span.start,
        end: span.end,
        value: canonical(text.slice(span.start, span.end)),
        confidence: graded.confidence,
        explanation: graded.explanation,
      });
    }
    return keepBest(text, [
      ...hits,
      ...scanTerms(context, PRICE_CHANGES),
      ...scanTerms(context, PRICE_SHARES),
    ]);
  },
  examples: {
    match: [
      {
        text: 'Für Kunde Schmidt: [[Stückpreis 4,20 € netto]] ab 1.000 Stück',
        note: 'unit price with net qualifier',
      },
      'Final offer from the supplier: [[unit price USD 12.50 per pc]] for 5,000 pcs',
      '[[单价每件38元，含税]]，这个价格只给贵公司',
      {
        text: 'Das Angebot für die Firma Beispiel GmbH liegt bei [[12.400 € netto]], Zahlungsziel 30 Tage.',
        note: 'the quote itself names the price',
      },
      {
        text: 'Wir können [[4,20 €/Stk.]] anbieten',
        before: 'Lieferant meldet sich wegen der Schrauben',
      },
      '客户说[[出厂价3.5美元]]太高了',
    ],
    noMatch: [
      { text: 'Das Kino kostet 12 €', note: 'private price, no business context' },
      { text: 'Pizza für 9,50, wer will mit?', note: 'private price' },
      { text: '我买了一件衣服，八十块', note: 'private purchase, amount in Chinese numerals' },
      {
        text: 'Der Kunde hat die 500 € schon überwiesen',
        note: 'a payment, not a price: no price word or unit',
      },
      {
        text: 'Tickets cost $45 each, I booked two for Saturday',
        note: 'concert tickets: no business context',
      },
      { text: '这杯咖啡价格30元，太贵了', note: 'a coffee price' },
    ],
  },
});
