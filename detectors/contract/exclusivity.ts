import { defineDetector } from '../../src/detect/detector.js';
import { GAP, lexicon, PERIOD } from './_patterns.js';

// Territories an exclusivity is granted for; German nouns are capitalised, so no generic
// capital-letter rule ("Exklusivität für Mitglieder" is marketing).
const REGION = String.raw`deutschland|germany|österreich|austria|schweiz|switzerland|europa|europe|asien|asia|china|japan|usa|uk|frankreich|france|italien|italy|spanien|spain|benelux|nordics|skandinavien|scandinavia|dach(?:-region)?|eu|emea|apac|bayern|bavaria|(?:nord|süd|ost|west)(?:deutschland|europa)|(?:north|south|east|west)(?:ern)? (?:europe|germany|china|region)|region|territory|gebiet|华东|华南|华北|华中|西南|西北|东北|全国|国内|海外|us|usa|uk|eu|mena|latam|nrw|benelux`;
import { scanTerms, type TermRule } from './_scan-terms.js';

const RULES: readonly TermRule[] = [
  {
    // Exclusive rights in distribution and supply: only business has them.
    pattern: lexicon([
      'alleinvertrieb\\p{L}{0,20}',
      'alleinvertreter\\p{L}{0,3}',
      'alleinimporteur\\p{L}{0,3}',
      'alleinbezug\\p{L}{0,8}',
      'exklusiv(?:vertrag|vertrieb|recht|vereinbarung|lieferant|partner|händler|vertreter|lizenz|abnahme|belieferung)\\p{L}{0,4}',
      'exklusive[nrms]? (?:vertriebs)?(?:recht|rechte|partner|händler|vertrieb|lieferant|importeur|distributor|vertreter|lizenz|belieferung|zusammenarbeit)\\p{L}{0,3}',
      'exklusivität(?:sklausel|svereinbarung|sabrede)',
      'gebietsschutz',
      'wettbewerbsverbot',
      'exclusive (?:distribut(?:or|ors|ion)|rights?|suppliers?|agents?|agreements?|dealers?|dealership|territor(?:y|ies)|licen[cs]es?|partners?|resellers?|supply|sales|representation|sourcing|purchasing)',
      'exclusivity (?:clause|agreement|period|arrangement|deal)',
      'sole (?:distributor|agent|supplier|distribution|importer|representative)s?',
      'non-?compete(?: clause| agreement)?',
      '独家(?:代理|经销|授权|销售|供货|供应|合作|总代理?|分销|采购|协议)',
      '排他(?:性)?(?:协议|条款|合作|代理|经销)',
      '区域保护',
      '竞业禁止',
    ]),
    label: 'exclusivity term',
    base: 0.6,
    inherent: true,
  },
  {
    // Agreeing on exclusivity: "signed exclusivity with them", "Exklusivität zugesagt".
    pattern: lexicon([
      '(?:signed|agreed|granted|grant|offered|negotiated) (?:an? |the |full )?exclusivity',
      'exklusivität (?:vereinbart|zugesagt|unterschrieben|gewährt|verhandelt|angeboten)',
      '(?:签了?|签订|给了?|同意)(?:独家|排他)',
    ]),
    label: 'exclusivity agreed',
    base: 0.6,
    inherent: true,
  },
  {
    // Exclusivity for a territory or a period: "exclusivity in Germany for 2 years", "独家代理三年".
    pattern: lexicon([
      `(?:exclusivity|exklusivität|exklusivrechte?|exclusive rights?|独家|排他)${GAP}{0,12}?(?:für|for|in|im|auf|über|on)? ?(?:the |die |den |das )?(?:${REGION})`,
      `(?:exclusivity|exklusivität|exklusivrechte?|exclusive rights?)${GAP}{0,25}?(?:für|for|über|of) (?:${PERIOD})`,
      `(?:exclusive|exklusiv) (?:to|for|für) (?:us|them|you|uns|sie|euch)${GAP}{0,6}?(?:in|im|für|for) (?:the |die |den |das )?(?:${REGION})`,
      `(?:不得|不能|禁止)(?:销售|代理|经销)${GAP}{0,8}?(?:竞争|竞品|同类)`,
      "(?:must not|may not|cannot|can't|won't) (?:sell|carry|distribute) (?:any )?compet(?:ing|itor)",
      '(?:keine|no) (?:konkurrenzprodukte|wettbewerbsprodukte|competing products)',
    ]),
    label: 'exclusivity scope',
    base: 0.55,
    inherent: true,
  },
  {
    // The nouns lean commercial; "exklusiv", "exclusively" and "独家" alone are marketing words.
    pattern: lexicon(['exklusivität', 'exclusivity', '排他(?:性)?']),
    label: 'exclusivity keyword',
    base: 0.4,
  },
  {
    pattern: lexicon(['exklusiv', 'exclusively', '独家']),
    label: 'exclusivity keyword',
    base: 0.3,
  },
];

export default defineDetector({
  id: 'contract/exclusivity',
  category: 'contract',
  type: 'exclusivity',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'Exclusivity and non-compete terms (Exklusivität, Alleinvertrieb, Gebietsschutz, exclusive distributor/rights, sole agent, 独家代理, 排他); exclusive interviews and offers are not flagged.',
  prefilter:
    /exklusiv|exclusiv|allein|gebietsschutz|wettbewerbsverbot|sole |compet|konkurrenzprodukt|wettbewerbsprodukt|独家|排他|区域保护|竞业|竞争|竞品|同类/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Die Müller GmbH will den [[Alleinvertrieb]] für Österreich',
      {
        text: '[[Exklusivität]] nur, wenn der Kunde 10.000 Stück abnimmt',
        note: 'keyword with business context',
      },
      'They want to be our [[exclusive distributor]] for the Nordics',
      {
        text: 'No [[exclusivity]] for this customer, we sell to everyone',
        note: 'business context: customer',
      },
      '他们想做我们在华东的[[独家代理]]',
      { text: '客户要求签[[排他协议]]', note: 'exclusivity agreement' },
    ],
    noMatch: [
      { text: 'Exklusiv bei Netflix: die neue Staffel!', note: 'streaming' },
      { text: 'Exclusive interview with the band tonight', note: 'media' },
      { text: '这是他们的独家报道', note: 'exclusive news report' },
      { text: 'Exklusives Angebot nur für Mitglieder 😍', note: 'marketing for members, private' },
      { text: 'This club is so exclusive, I love it', note: 'private' },
    ],
  },
});
