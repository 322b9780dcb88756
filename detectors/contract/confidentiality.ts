import { defineDetector } from '../../src/detect/detector.js';
import { GAP, lexicon } from './_patterns.js';
import { scanTerms, type TermRule } from './_scan-terms.js';

const RULES: readonly TermRule[] = [
  {
    // Agreements and clauses: these only exist between companies (or employer and employee).
    pattern: lexicon([
      '(?:mutual |gegenseitige[ns]? )?ndas?',
      'cdas?',
      'non-?disclosure(?: agreements?)?',
      'confidentiality (?:agreements?|clauses?|obligations?|undertakings?|terms|provisions?)',
      'geheimhaltungs(?:vereinbarung|erklärung|pflicht|klausel|verpflichtung|abrede)(?:en)?',
      'vertraulichkeits(?:vereinbarung|erklärung|klausel|verpflichtung|abrede)(?:en)?',
      'verschwiegenheits(?:vereinbarung|erklärung|verpflichtung|klausel)(?:en)?',
      'geschäftsgeheimnis(?:se|sen)?',
      'betriebsgeheimnis(?:se|sen)?',
      'trade secrets?',
      '保密协议',
      '保密条款',
      '保密义务',
      '保密承诺书?',
      '保密合同',
      '商业机密',
      '商业秘密',
    ]),
    label: 'confidentiality agreement',
    base: 0.65,
    inherent: true,
  },
  {
    // Emphatic or instructing forms lean towards business: "streng vertraulich", "vertraulich behandeln".
    pattern: lexicon([
      'streng vertraulich(?:e[nrms]?)?',
      '(?:strictly|highly) confidential',
      `(?:treat|handle|keep)${GAP}{0,25}?as (?:strictly )?confidential`,
      'vertraulich (?:zu )?behandeln',
      'vertraulich behandelt',
      '严格保密',
      '对外保密',
    ]),
    label: 'confidentiality keyword',
    base: 0.35,
  },
  {
    // Everyday words for secrets: only business information makes them a contract matter.
    pattern: lexicon([
      'vertraulich(?:e[nrms]?)?',
      'vertraulichkeit',
      'verschwiegenheit(?:spflicht)?',
      'confidential',
      'confidentiality',
      'internal (?:use )?only',
      'nur (?:für den )?intern(?:en gebrauch)?',
      `nicht${GAP}{0,30}?weiter(?:geben|leiten|sagen)`,
      '(?:sind|ist|bleibt|bleiben) (?:streng |rein )?intern',
      'do not (?:share|forward|distribute)',
      '保密',
      '机密',
      '(?:请勿|不要|别|不得|切勿)(?:外传|转发|外泄|泄露|透露)',
      '内部资料',
    ]),
    label: 'confidentiality keyword',
    base: 0.3,
  },
];

export default defineDetector({
  id: 'contract/confidentiality',
  category: 'contract',
  type: 'confidentiality',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'Confidentiality agreements and confidential business information (NDA, Geheimhaltungsvereinbarung, Vertraulichkeit, "vertraulich" about prices or customers, 保密协议, 保密); private secrets are not flagged.',
  prefilter:
    /nda|cda|disclosure|confidential|geheim|vertraulich|verschwiegen|secret|intern|weitergeben|do not share|do not forward|do not distribute|保密|机密|秘密|外传|转发|外泄|泄露|透露|内部资料/i,
  detect: (context) => scanTerms(context, RULES),
  examples: {
    match: [
      'Das [[NDA]] mit der Müller GmbH ist unterschrieben, ich schick es dir',
      {
        text: 'Bitte erst die [[Geheimhaltungsvereinbarung]] unterschreiben lassen',
        note: 'inherent agreement',
      },
      {
        text: '[[Streng vertraulich]]: die neuen Preise für Kunde Schmidt',
        note: 'confidential business information',
      },
      'We need a [[mutual NDA]] before sharing the drawings with the supplier',
      'Please keep this [[confidential]]: the customer is switching vendors',
      '跟供应商先签[[保密协议]]再发图纸',
      { text: '这个报价要[[保密]]，不要告诉别的客户', note: 'confidential quote' },
    ],
    noMatch: [
      { text: 'Das bleibt aber vertraulich, ja? Ich bin schwanger 🤫', note: 'a private secret' },
      { text: 'Confidential: surprise party for Tom on Saturday!', note: 'private' },
      { text: '这个要保密哦，别告诉妈妈', note: 'a family secret' },
      {
        text: 'Der Arzt hat Verschwiegenheitspflicht, keine Sorge',
        note: 'medical secrecy, private',
      },
      { text: 'Agenda für morgen: Nachbesprechung Sommerfest', note: 'no confidentiality word' },
    ],
  },
});
