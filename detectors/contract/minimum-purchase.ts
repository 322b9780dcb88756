import { defineDetector } from '../../src/detect/detector.js';
import {
  AMOUNT,
  GAP,
  lexicon,
  NUM,
  NUM_START,
  QUANTITY,
  valueAfter,
  valueBefore,
} from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

const VOLUME = `${QUANTITY}|${AMOUNT}`;
const VOLUME_VALUE: ValueRule = {
  after: valueAfter(`${VOLUME}|${NUM_START}(?:${NUM})(?![\\d.,%])`, 25),
  before: valueBefore(QUANTITY, 4),
  label: 'quantity',
  bonus: 0.15,
};

const RULES: readonly TermRule[] = [
  {
    // Only buyers and sellers of goods commit to minimum volumes.
    pattern: lexicon([
      'moqs?',
      'mindestabnahme(?:menge|mengen|verpflichtung|volumen)?',
      'mindestbestellmenge(?:n)?',
      'mindestauftragsmenge(?:n)?',
      'mindestauftragswert',
      'mindestabnahmemenge(?:n)?',
      'abnahmeverpflichtung(?:en)?',
      'abnahmegarantie',
      'jahresabnahme(?:menge)?',
      'minimum order (?:quantity|quantities|volume)',
      'minimum purchase(?: (?:commitment|quantity|volume|obligation|requirement))?',
      'minimum (?:volume|annual|purchase) commitments?',
      '(?:annual |yearly )?minimum commitments?',
      'minimum (?:annual )?volumes?',
      'jahresmindestmenge',
      'mindestjahresmenge',
      'mindestumsatz',
      'purchase commitments?',
      'take[- ]or[- ]pay',
      'commit(?:ted|s|ting)? to (?:a |an annual |a yearly )?minimum(?: (?:of|volume|quantity|purchase))?',
      'verpflichtet (?:sich )?zu (?:einer )?mindestabnahme',
      '最低采购量',
      '最低采购额',
      '最低订货量',
      '最小订单量',
      '最小起订量',
      '最低起订量?',
      '起订量',
      '保底采购',
      '年采购量',
    ]),
    label: 'minimum-purchase term',
    base: 0.6,
    inherent: true,
    values: [VOLUME_VALUE],
  },
  {
    // Shops have minimum order values too (Lieferando, online shops): business context needed.
    pattern: lexicon([
      'mindestbestellwert',
      'mindestmenge(?:n)?',
      'minimum order(?: value| amount)?',
      'minimum quantity',
      'min\\. ?order',
      '起订',
      '起批',
      'shortfall',
      '(?:our |unser(?:e)? )?minimum (?:is|are|ist|sind|liegt bei|of|von)',
    ]),
    label: 'minimum-order keyword',
    base: 0.35,
    values: [VOLUME_VALUE],
  },
  {
    // "mindestens 5.000 Stück im Jahr abnehmen", "buy at least 10,000 units a year", "至少采购1000件"
    pattern: lexicon([
      `mindestens (?:${QUANTITY}|${AMOUNT})${GAP}{0,25}?(?:abnehmen|abnahme|kaufen|bestellen|ordern|beziehen|einkaufen)`,
      `(?:buy|order|purchase|take|commit to) at least (?:${QUANTITY}|${AMOUNT})`,
      `at least (?:${QUANTITY}|${AMOUNT}) (?:per|a|each|every) (?:year|month|quarter|order)`,
      `(?:至少|最少|每年至少|每月至少)(?:采购|订购|订货|购买|下单)${GAP}{0,4}?(?:${QUANTITY}|${AMOUNT})`,
    ]),
    label: 'purchase commitment',
    base: 0.45,
  },
  {
    // "500件起订", "1000 pcs minimum"
    pattern: lexicon([`(?:${QUANTITY})\\s?(?:起订|起批|起)`, `(?:${QUANTITY}) minimum`]),
    label: 'minimum quantity',
    base: 0.5,
    inherent: true,
  },
];

export default defineDetector({
  id: 'contract/minimum-purchase',
  category: 'contract',
  type: 'minimum-purchase',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    "Minimum purchase and order commitments (Mindestabnahme, Mindestbestellmenge, MOQ, minimum order quantity, take-or-pay, 最低采购量, 起订量); a shop's minimum order value for private customers is not flagged.",
  prefilter:
    /moq|at least|至少|最少|mindest|abnahme|minimum|min\. ?order|commitment|shortfall|take.or.pay|采购|起订|订货量|订单量|起批|[件台套箱托吨只个条米a-z.]\s?起/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Die [[Mindestabnahme von 5.000 Stück]] pro Jahr ist für uns zu hoch',
      { text: '[[MOQ 500 pcs]], lead time 4 weeks', note: 'inherent term with quantity' },
      'The customer accepted a [[minimum purchase commitment of 20,000 units]]',
      {
        text: 'Für den Händler gilt eine [[Mindestbestellmenge von 200 Stück]]',
        note: 'inherent term with quantity',
      },
      '供应商的[[起订量1000件]]，太多了',
      { text: '这款[[500件起订]]', before: '客户问样品的报价' },
    ],
    noMatch: [
      {
        text: 'Lieferando hat 15 € Mindestbestellwert, bestellen wir zusammen?',
        note: 'private food order',
      },
      { text: 'Minimum order $25 for free shipping, add one more shirt', note: 'online shop' },
      { text: '起床了吗？', note: '起 only as a word part' },
      { text: 'Die Mindestmenge beim Rezept sind 200 g Mehl', note: 'a recipe' },
      { text: 'Das Spiel hat eine Mindestspielerzahl von 3', note: 'no minimum-purchase term' },
    ],
  },
});
