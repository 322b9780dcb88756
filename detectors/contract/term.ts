import { defineDetector } from '../../src/detect/detector.js';
import { DATE, GAP, lexicon, PERIOD, valueAfter, valueBefore } from './_patterns.js';
import { scanTerms, type TermRule, type ValueRule } from './_scan-terms.js';

const WHEN = `${PERIOD}|${DATE}`;
const WHEN_VALUE: ValueRule = {
  after: valueAfter(WHEN, 30),
  before: valueBefore(WHEN, 4),
  label: 'period',
  bonus: 0.15,
};

// Phone, gym and rental contracts have terms too: every rule here needs business context.
const RULES: readonly TermRule[] = [
  {
    pattern: lexicon([
      'vertragslaufzeit(?:en)?',
      'mindest(?:vertrags)?laufzeit(?:en)?',
      'laufzeit des (?:rahmen|liefer|vertriebs)?vertrag(?:e)?s',
      'kündigungsfrist(?:en)?',
      'kündigungsklausel(?:n)?',
      'sonderkündigungsrecht',
      'verlängerungsoption(?:en)?',
      '(?:initial|contract|minimum|renewal) term',
      'term of (?:the )?(?:agreement|contract)',
      'notice period',
      'termination (?:for convenience|clause|notice|rights?)',
      'evergreen clause',
      'auto-?renew(?:al|s|ed)?',
      'automatic(?:ally)? renew(?:al|s|ed)?',
      'renews automatically',
      'verlängert sich (?:automatisch|stillschweigend|jeweils)',
      '(?:automatisch|stillschweigend)e? verlänger(?:t|ung)',
      '合同期限',
      '合同期',
      '合同有效期',
      '合作期限',
      '协议期限',
      '协议有效期',
      '自动续约',
      '自动续签',
      '自动续期',
      '续约',
      '续签',
    ]),
    label: 'contract-term keyword',
    base: 0.4,
    values: [WHEN_VALUE],
  },
  {
    pattern: lexicon([
      'laufzeit(?:en)?',
      'term of',
      'for a term',
      'kündbar(?: mit| zum)?',
      '\\p{L}{0,15}vertr[aä]g\\p{L}{0,3} (?:läuft|endet)(?: (?:aus|bis))?',
      '(?:contract|agreement)s? (?:expires|ends|runs)(?: (?:out|until))?',
      `(?:合同|协议)${GAP}{0,8}?(?:到期|期满|截止|终止)`,
      'gültigkeit des angebot(?:e)?s',
      '(?:angebot|preise|konditionen)\\p{L}{0,2} (?:gilt|gelten|ist gültig|sind gültig|bleibt gültig)(?: (?:bis|für))?',
      '(?:offer|quote|quotation|prices?) (?:is |are )?valid (?:until|for|through)',
      'bindefrist',
      '有效期',
      '报价有效期',
      '合同到期',
      '终止合同',
      '解约',
    ]),
    label: 'term keyword',
    base: 0.3,
    strongSelf: true,
    values: [{ ...WHEN_VALUE, required: true }],
  },
  {
    // Written notice is contract language: "提前30天书面通知", "90 days' written notice".
    pattern: lexicon([
      `提前(?:${PERIOD})书面通知`,
      `(?:${PERIOD})'? (?:written|prior written) notice`,
      `(?:${PERIOD}) schriftlich`,
      `schriftlich mit einer frist von (?:${PERIOD})`,
    ]),
    label: 'written notice period',
    base: 0.55,
    inherent: true,
  },
  {
    // "提前一个月通知", "90 days notice": notice before termination or renewal.
    pattern: lexicon([
      `提前(?:${PERIOD})通知`,
      `(?:${PERIOD})'? (?:prior )?notice`,
      `(?:${PERIOD}) (?:kündigungs)?frist`,
      `mit (?:einer )?frist von (?:${PERIOD})`,
    ]),
    label: 'notice period',
    base: 0.45,
  },
  {
    // Signing or terminating for a period: "wenn wir 3 Jahre unterschreiben", "terminate before month 24".
    pattern: lexicon([
      `(?:${PERIOD}) (?:unterschreiben|unterzeichnen|binden|sign|signed|commit)`,
      `(?:sign|signed|commit|committed) (?:for |to )?(?:${PERIOD})`,
      `terminat(?:e|es|ed|ion) (?:before|within|prior to|in) ${GAP}{0,10}?(?:month \\d{1,2}|year \\d|${PERIOD})`,
      `(?:签约|签了?|合作|代理|续签|续约|期限|为期)(?:${PERIOD})`,
    ]),
    label: 'commitment period',
    base: 0.4,
  },
  {
    // "over the 2-year term", "36-Monats-Laufzeit", "3年合同"
    pattern: lexicon([
      `(?:${PERIOD})[ -](?:term|laufzeit|vertragslaufzeit)`,
      `(?:${PERIOD})的?(?:合同|协议|合作期)`,
    ]),
    label: 'contract period',
    base: 0.4,
  },
];

export default defineDetector({
  id: 'contract/term',
  category: 'contract',
  type: 'term',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Contract term, notice and renewal (Laufzeit 36 Monate, Kündigungsfrist, automatische Verlängerung, term of 24 months, auto-renewal, 合同期限, 续约, 提前30天通知) in a business context; private phone, gym or rental contracts are not flagged.',
  prefilter:
    /laufzeit|kündig|verlänger|term|notice|renew|evergreen|läuft|endet|expire|ends|runs|gültig|gilt|gelten|valid|bindefrist|frist|合同|协议|续|有效期|提前|到期|解约|合作|签|期限|代理|为期|sign|commit|unterschreib|unterzeichn|binden/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Der Rahmenvertrag mit dem Lieferanten hat eine [[Laufzeit von 36 Monaten]]',
      {
        text: '[[Kündigungsfrist 6 Monate]] zum Jahresende, sagt der Kunde',
        note: 'notice period with business context',
      },
      {
        text: 'Der Liefervertrag [[verlängert sich automatisch um ein Jahr]]',
        note: 'auto-renewal in a supply contract',
      },
      'The supply agreement has an [[initial term of 24 months]] with [[auto-renewal]]',
      { text: 'Customer wants [[90 days written notice]] for termination', note: 'notice period' },
      '和供应商的[[合同期限三年]]，到期[[自动续约]]',
      { text: '客户要求[[提前30天书面通知]]', note: 'notice before termination' },
    ],
    noMatch: [
      { text: 'Urlaub verlängert! Bleiben noch eine Woche auf Mallorca', note: 'holiday extended' },
      {
        text: 'Mein Handyvertrag verlängert sich automatisch um 12 Monate',
        note: 'private phone contract',
      },
      { text: 'Kündigungsfrist für die Wohnung sind 3 Monate', note: 'private rental' },
      { text: 'My Netflix subscription auto-renews every month', note: 'private subscription' },
      { text: '健身卡到期了，要不要续约？', note: 'gym membership' },
      { text: 'Der Film hat eine Laufzeit von 142 Minuten', note: 'running time of a film' },
    ],
  },
});
