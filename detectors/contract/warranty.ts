import { defineDetector } from '../../src/detect/detector.js';
import { lexicon, PERCENT, PERIOD, valueAfter, valueBefore } from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

const PERIOD_VALUE: ValueRule = {
  after: valueAfter(PERIOD, 35),
  before: valueBefore(PERIOD, 4),
  label: 'period',
  bonus: 0.15,
};

// First-person talk about one's own things: the warranty is a consumer's.
const PERSONAL = lexicon(
  [
    'mein(?:e|en|em|er|s)?',
    'ich (?:hab|habe|hatte|kaufe|kaufte|habe mir|hab mir)',
    'wir haben (?:uns )?(?:ein(?:e|en)?|das|die|den)',
    'my',
    'mine',
    'i (?:got|bought|have|had)',
    'we (?:got|bought)',
    '我的',
    '我买',
    '我家',
    '刚买',
    // Consumer goods.
    'sofa',
    'couch',
    'möbel',
    'furniture',
    'handy',
    'smartphone',
    'phone',
    'iphone',
    'laptop',
    'fernseher',
    'tv',
    'kaffeemaschine',
    'staubsauger',
    'waschmaschine',
    'kühlschrank',
    'spülmaschine',
    'auto',
    'car',
    'fahrrad',
    'e-bike',
    'bike',
    'kamera',
    'camera',
    'uhr',
    'watch',
    'kopfhörer',
    'headphones',
    'airpods',
    'konsole',
    'ps5',
    'xbox',
    '沙发',
    '家具',
    '手机',
    '电脑',
    '电视',
    '相机',
    '手表',
    '耳机',
    '家电',
    '空调',
    '冰箱',
    '洗衣机',
    '热水器',
    '电动车',
    '汽车',
  ],
  'iu',
);

const RULES: readonly TermRule[] = [
  {
    // Warranty instruments of construction and supply contracts.
    pattern: lexicon([
      'gewährleistungs(?:bürgschaft|einbehalt|sicherheit|vereinbarung|klausel|regelung)(?:en)?',
      'mängelhaftungsbürgschaft',
      'defects liability(?: period)?',
      'warranty (?:clause|terms|bond|retention|provisions?)',
      'performance bond',
      '质保金',
      '质量保证金',
      '保修条款',
      '质保条款',
    ]),
    label: 'warranty clause',
    base: 0.6,
    inherent: true,
    values: [{ after: valueAfter(PERCENT, 10), label: 'retention', bonus: 0.1 }, PERIOD_VALUE],
  },
  {
    // A warranty period stated as a term ("Gewährleistung 24 Monate ab Abnahme") reads as a
    // contract; consumers speak of their own things ("mein Laptop hat noch 1 Jahr Garantie").
    pattern: lexicon([
      'gewährleistung(?:sfrist|szeit)?',
      '(?:sach)?mängelhaftung',
      'garantie(?:zeit|frist|dauer)?',
      'warrant(?:y|ies)(?: period)?',
      'guarantee period',
      '质保(?:期)?',
      '保修(?:期)?',
      '质量保证期',
    ]),
    label: 'warranty period',
    base: 0.3,
    inherent: true,
    privateCue: PERSONAL,
    values: [{ ...PERIOD_VALUE, bonus: 0.2, required: true }],
  },
  {
    // Consumers have warranties too ("Garantie für mein Handy"): business context needed.
    pattern: lexicon([
      'gewährleistung(?:sfrist|szeit|spflicht|sanspr[uü]che?)?',
      '(?:sach)?mängelhaftung',
      'mängelansprüche',
      'garantie(?:zeit|frist|dauer|verlängerung|zusage|leistung)?',
      'warrant(?:y|ies)(?: period)?',
      'guarantee(?: period)?',
      'guaranteed for',
      '质保(?:期)?',
      '保修(?:期)?',
      '质量保证(?:期)?',
      '包换',
    ]),
    label: 'warranty keyword',
    base: 0.3,
    values: [PERIOD_VALUE],
  },
];

export default defineDetector({
  id: 'contract/warranty',
  category: 'contract',
  type: 'warranty',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Warranty terms given to customers or by suppliers (Gewährleistung, Garantie 24 Monate, warranty period, 质保, 保修期); a consumer talking about the warranty on their own phone is not flagged.',
  prefilter:
    /gewährleist|mängel|garantie|warrant|guarantee|defects liability|performance bond|质保|保修|质量保证|包换/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Wir geben dem Kunden [[24 Monate Gewährleistung]] ab Abnahme',
      {
        text: 'Der Lieferant bietet [[Garantie 36 Monate]] auf die Antriebe',
        note: 'supplier warranty with period',
      },
      'Standard [[warranty period is 12 months]] for all customer orders',
      {
        text: 'The [[defects liability period]] in the contract starts at handover',
        note: 'inherent clause',
      },
      '这批设备[[质保两年]]，客户要求延长到三年',
      { text: '[[质保金5%一年]]后退还', before: '合同金额已经确认' },
    ],
    noMatch: [
      { text: 'Die Garantie für mein Handy ist abgelaufen', note: 'personal: a consumer warranty' },
      { text: 'Mein Laptop hat noch 1 Jahr Garantie', note: 'personal' },
      { text: '手机还在保修期内，拿去修吧', note: 'personal phone' },
      { text: 'I guarantee you will love this movie', note: 'everyday use of guarantee' },
      { text: 'Is there a warranty on your new bike?', note: 'private purchase' },
    ],
  },
});
