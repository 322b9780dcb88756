import { execAll } from '../../src/detect/exec-all.js';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { NOT_AFTER_ALNUM, stdnumValidator } from './_digits.js';

interface Scheme {
  /** Shape of the compact number after the country prefix. */
  shape: RegExp;
  validator: { validate(value: string): { isValid: boolean } };
}

function scheme(shape: RegExp, country: string, name: string): Scheme {
  return { shape, validator: stdnumValidator(country, name) };
}

// VAT identification numbers of the EU member states (VIES prefixes; Greece is "EL"), Northern
// Ireland (XI), the UK (GB) and Switzerland (CHE…, "MWST"/"TVA"/"IVA" suffix), each checked with
// the country's own check-digit algorithm from stdnum.
const SCHEMES: Record<string, Scheme> = {
  AT: scheme(/^U\d{8}$/, 'AT', 'uid'),
  BE: scheme(/^[01]\d{9}$/, 'BE', 'vat'),
  BG: scheme(/^\d{9,10}$/, 'BG', 'vat'),
  CY: scheme(/^\d{8}[A-Z]$/, 'CY', 'vat'),
  CZ: scheme(/^\d{8,10}$/, 'CZ', 'dic'),
  DE: scheme(/^\d{9}$/, 'DE', 'vat'),
  DK: scheme(/^\d{8}$/, 'DK', 'cvr'),
  EE: scheme(/^\d{9}$/, 'EE', 'kmkr'),
  EL: scheme(/^\d{9}$/, 'GR', 'vat'),
  ES: scheme(/^[0-9A-Z]\d{7}[0-9A-Z]$/, 'ES', 'nif'),
  FI: scheme(/^\d{8}$/, 'FI', 'alv'),
  FR: scheme(/^[0-9A-HJ-NP-Z]{2}\d{9}$/, 'FR', 'tva'),
  HR: scheme(/^\d{11}$/, 'HR', 'oib'),
  HU: scheme(/^\d{8}$/, 'HU', 'anum'),
  IE: scheme(/^\d[0-9A-Z+*]\d{5}[A-Z]{1,2}$/, 'IE', 'vat'),
  IT: scheme(/^\d{11}$/, 'IT', 'iva'),
  LT: scheme(/^(?:\d{9}|\d{12})$/, 'LT', 'pvm'),
  LU: scheme(/^\d{8}$/, 'LU', 'tva'),
  LV: scheme(/^\d{11}$/, 'LV', 'pvn'),
  MT: scheme(/^\d{8}$/, 'MT', 'vat'),
  NL: scheme(/^\d{9}B\d{2}$/, 'NL', 'btw'),
  PL: scheme(/^\d{10}$/, 'PL', 'nip'),
  PT: scheme(/^\d{9}$/, 'PT', 'nif'),
  RO: scheme(/^[1-9]\d{1,9}$/, 'RO', 'cif'),
  SE: scheme(/^\d{10}01$/, 'SE', 'vat'),
  SI: scheme(/^\d{8}$/, 'SI', 'ddv'),
  SK: scheme(/^\d{10}$/, 'SK', 'dph'),
  XI: scheme(/^(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, 'GB', 'vat'),
  GB: scheme(/^(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, 'GB', 'vat'),
  CHE: scheme(/^\d{9}$/, 'CH', 'uid'),
};

// Upper-case country prefix, then up to 16 letters/digits with single space, dot or hyphen
// separators ("DE 136 695 976", "NL8538.24.051.B.01", "CHE-107.787.577 MWST"). Bounded.
const CANDIDATE = new RegExp(
  `${NOT_AFTER_ALNUM}(${Object.keys(SCHEMES).join('|')})[ .\\-]?([0-9A-Z](?:[ .\\-]?[0-9A-Z]){1,15})`,
  'gu',
);
const CH_SUFFIX = /^[ ,]?(?:MWST|TVA|IVA)(?![\p{L}\p{N}])/u;

const CONTEXT = keywords([
  'ust id*',
  'ust idnr',
  'ust nr',
  'ustid*',
  'umsatzsteuer*',
  'umsatzsteuer identifikationsnummer',
  'uid',
  'uid nr',
  'mwst',
  'mwst nr',
  'vat',
  'vat id',
  'vat no',
  'vat number',
  'vat reg*',
  'tva',
  'n° tva',
  'btw',
  'btw nummer',
  'iva',
  'p iva',
  'partita iva',
  'nif',
  'cif',
  'nip',
  'moms',
  'alv',
  'dic',
  'dph',
  'pvm',
  'ddv',
  'tax id',
  'vies',
  '增值税',
  '税号',
  '税务登记号',
  '纳税人识别号',
  '欧盟税号',
]);

/** Country, compact number and end offset (within the body run) of the first valid reading. */
function readVat(country: string, body: string): { compact: string; end: number } | undefined {
  const spec = SCHEMES[country]!;
  let compact = '';
  // Try every cut at a group boundary, longest first, so "DE136695976 UND" keeps only the number.
  const cuts: Array<{ compact: string; end: number }> = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === ' ' || ch === '.' || ch === '-') continue;
    compact += ch;
    const next = body[i + 1];
    if (next === undefined || next === ' ' || next === '.' || next === '-')
      cuts.push({ compact, end: i + 1 });
  }
  for (let k = cuts.length - 1; k >= 0; k--) {
    const cut = cuts[k]!;
    // More digits in the same run ("DE 123 456 789 12") mean a longer number, not a VAT ID.
    if (/^[ .-]?\d/.test(body.slice(cut.end))) continue;
    if (!spec.shape.test(cut.compact)) continue;
    const full = `${country}${cut.compact}`;
    if (!spec.validator.validate(country === 'CHE' ? full : cut.compact).isValid) continue;
    return { compact: full, end: cut.end };
  }
  return undefined;
}

// A letter or digit right after a value.
const GLUED = /[\p{L}\p{N}]/u;

export default defineDetector({
  id: 'pii/eu-vat-id',
  category: 'pii',
  type: 'eu-vat-id',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'A VAT identification number of an EU member state (DE, AT, FR, NL, IT, ES, BE, PL and the others), Northern Ireland, the UK or Switzerland, with a valid country check digit.',
  prefilter:
    /(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB|CH)/,
  requires: (stats) => stats.upperPair,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const match of execAll(CANDIDATE, text)) {
      const [, country = '', body = ''] = match;
      const bodyStart = match.index + match[0].length - body.length;
      const read = readVat(country, body);
      if (!read) continue;
      const start = match.index;
      let end = bodyStart + read.end;
      if (GLUED.test(text[end] ?? '')) continue;
      if (country === 'CHE') {
        const suffix = CH_SUFFIX.exec(text.slice(end, end + 6));
        if (suffix) end += suffix[0].length;
      }
      const word = contextWord(CONTEXT, text, start, end, { before: context });
      hits.push({
        start,
        end,
        value: read.compact,
        confidence: word ? 0.95 : 0.7,
        explanation: `${country === 'CHE' ? 'CH' : country} VAT number, check digit valid${word ? `; keyword '${word}' nearby` : '; country prefix, no keyword'}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'USt-IdNr.: [[DE136695976]], bitte auf die Rechnung',
      'Unsere UID ist [[ATU13585627]] und die deutsche [[DE 136 695 976]]',
      'VAT number of the French client: [[FR 40 303 265 045]]',
      'Dutch BTW [[NL004495445B01]], Italian P.IVA [[IT00743110157]]',
      'Spanish [[ESA12345674]] and Polish [[PL8567346215]], Belgian [[BE0403019261]]',
      '客户的增值税号：[[DE136695976]]，请开发票',
      'Rechnung an [[CHE-107.787.577 IVA]]',
    ],
    noMatch: [
      { text: 'USt-IdNr.: DE136695977', note: 'check digit wrong' },
      { text: 'IBAN DE89 3704 0044 0532 0130 00', note: 'IBAN, not a VAT number' },
      { text: 'Flug LH2024, Sitz DE12', note: 'too short' },
      { text: '订单号 DE1366959761 已发货', note: 'one digit too many' },
      { text: 'Modell ATU12345678 ist ausverkauft', note: 'AT check digit fails' },
    ],
  },
});
