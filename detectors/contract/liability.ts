import { defineDetector } from '../../src/detect/detector.js';
import { AMOUNT, GAP, lexicon, PERCENT, valueAfter } from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

// What liability is capped at: an amount, a percentage, or the contract/order value.
const CAP = String.raw`${AMOUNT}|${PERCENT}|(?:den |dem |die |the |)(?:auftragswert|vertragswert|auftragsvolumen|nettoauftragswert|jahresumsatz|rechnungsbetrag|contract value|order value|annual fees?|fees paid|purchase price)|合同(?:总额|金额|总价|价款)|订单金额|货款`;
const CAP_VALUE: ValueRule = { after: valueAfter(CAP, 40), label: 'cap', bonus: 0.15 };

const RULES: readonly TermRule[] = [
  {
    pattern: lexicon([
      'haftungsbeschränkung(?:en)?',
      'haftungsbegrenzung(?:en)?',
      'haftungsobergrenze(?:n)?',
      'haftungshöchstbetrag',
      'haftungshöchstgrenze',
      'haftungshöchstsumme',
      'haftungsklausel(?:n)?',
      'haftungsregelung(?:en)?',
      `haftung${GAP}{0,40}?(?:beschränkt|begrenzt|gedeckelt)`,
      `(?:haftet|haften)${GAP}{0,30}?(?:nur|maximal|höchstens|bis zu|bis zur höhe|begrenzt)`,
      'limitation of liability',
      'limitations? on liability',
      'liability caps?',
      'caps? on liability',
      'aggregate liability',
      `liability${GAP}{0,30}?(?:limited|capped|shall not exceed|will not exceed|not to exceed)`,
      'vorsatz und grobe(?:r)? fahrlässigkeit',
      '(?:uncapped|unlimited|unbegrenzte|unbeschränkte)[rn]? (?:liability|haftung)',
      'unbegrenzt haften',
      '无限(?:赔偿)?责任',
      '(?:leichte|einfache|grobe)[rn]? fahrlässigkeit',
      'indemnif(?:y|ies|ication|ied)',
      'indemnity',
      '責任上限',
      '责任上限',
      '赔偿上限',
      '责任限额',
      '赔偿限额',
      '最高赔偿',
      `赔偿${GAP}{0,12}?(?:为限|不超过|上限)`,
      `责任${GAP}{0,12}?(?:为限|不超过|上限)`,
    ]),
    label: 'liability limitation',
    base: 0.6,
    inherent: true,
    values: [CAP_VALUE],
  },
  {
    // Common beyond contracts too (disclaimers, insurance): business context needed.
    pattern: lexicon([
      'haftungsausschl(?:uss|üsse)',
      'haftungsfreistellung',
      'freistellungserklärung',
      'folgeschäden',
      'entgangene[nr]? gewinn',
      'hold harmless',
      `haftung${GAP}{0,40}?(?:ausgeschlossen|ausschließen|schließen)`,
      'consequential (?:damages|loss(?:es)?)',
      'exclusion of liability',
      'force majeure',
      'höhere[rn]? gewalt',
      '不可抗力',
      `(?:互不|不)承担${GAP}{0,4}?责任`,
      'gross negligence',
      '免责条款',
      '间接损失',
      '连带责任',
      '赔偿责任',
      // Who carries liability: "wir übernehmen die Haftung", "we carry liability", "由物流方负责赔偿".
      `haftung${GAP}{0,30}?(?:übernehmen|übernimmt|tragen|trägt)`,
      `(?:übernehmen|übernimmt|tragen|trägt)${GAP}{0,20}?haftung`,
      '(?:carry|carries|bear|bears|assume|assumes|accept|accepts|take on|takes on) (?:the |full |all |any |sole )?liability',
      'liable for',
      `由${GAP}{1,8}?(?:负责|承担)(?:赔偿|责任)`,
      '(?:承担|负责)(?:赔偿|全部责任|赔偿责任|连带责任)',
    ]),
    label: 'liability keyword',
    base: 0.35,
    values: [CAP_VALUE],
  },
];

export default defineDetector({
  id: 'contract/liability',
  category: 'contract',
  type: 'liability',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'Liability limitations and caps in contracts (Haftungsbeschränkung, Haftungsobergrenze, liability cap, limitation of liability, indemnity, 责任上限, 赔偿上限); "Eltern haften für ihre Kinder" is not flagged.',
  prefilter:
    /haft|无限|force majeure|gewalt|不可抗力|承担|folgeschäden|entgangene|liabil|liable|indemn|hold harmless|consequential|negligence|fahrlässig|freistellung|責任|责任|赔偿|免责|间接损失/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Im Vertrag mit der Müller GmbH ist die [[Haftung auf den Auftragswert begrenzt]]',
      {
        text: 'Legal says the [[liability cap of EUR 1 million]] is fine for this supplier',
        note: 'cap with amount',
      },
      { text: 'Wir brauchen eine [[Haftungsobergrenze]] im Rahmenvertrag', note: 'inherent term' },
      'The [[limitation of liability]] clause is still open in the draft contract',
      '合同约定[[责任上限为合同总额]]的100%',
      { text: '[[赔偿上限]]我们最多接受50万', before: '客户那边法务发来修改意见' },
      {
        text: 'Customer asks us to [[indemnify]] them against third-party claims',
        note: 'needs business context',
      },
    ],
    noMatch: [
      { text: 'Eltern haften für ihre Kinder 😂', note: 'the classic sign' },
      { text: 'Meine Haftpflichtversicherung zahlt den Schaden', note: 'private insurance' },
      { text: "The airline's liability is limited to $1,500 per bag", note: 'private air travel' },
      { text: '本店对顾客丢失物品不承担责任', note: 'a shop notice' },
      { text: 'Hold harmless, lol, I just borrowed your bike', note: 'no business context' },
    ],
  },
});
