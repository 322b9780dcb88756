import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { businessContext } from './_business-context.js';
import { GAP, lexicon } from './_patterns.js';
import { canonical, grade, keepBest, MAX_HITS, scanTerms, type TermRule } from './_scan-terms.js';

const EXTENSIONS =
  'pdf|docx?|docm|xlsx?|xlsm|odt|ods|odp|pptx?|rtf|pages|numbers|key|csv|zip|rar|7z|png|jpe?g|heic|tiff?';
// A file-name token: letters (any script), digits and the punctuation people put in file names.
const FILE = new RegExp(
  String.raw`[\p{L}\p{N}_\-.()\[\]&+#'’]{1,100}\.(?:${EXTENSIONS})(?![\p{L}\p{N}])`,
  'giu',
);
const WORD = /^[\p{L}\p{N}_\-.()[\]&+#'’]{1,40}$/u;
// Words that end a file name when walking back from its extension ("Hier ist das | Angebot 2024.pdf").
const STOP_WORD =
  /^(?:und|and|oder|or|der|die|das|den|dem|des|ein|eine|einen|the|a|an|ist|is|sind|are|hier|here|anbei|attached|mit|with|von|of|for|für|im|in|als|as|siehe|see|schick|send|sende|zum|zur|bitte|please|unser|unsere|our|your|dein|deine|euer|eure|this|that|dieser|diese|dieses|neue|neuer|new|final|latest|aktuelle)$/i;

// Contract documents by name; compounds allowed ("Rahmenvertrag", "Liefervertrag_v3").
const CONTRACT_NAME = lexicon(
  [
    '\\p{L}{0,20}vertr[aä]g(?:e|es|s)?\\p{L}{0,20}',
    '\\p{L}{0,20}vereinbarung\\p{L}{0,4}',
    'contracts?',
    '\\p{L}{0,12}agreements?',
    'ndas?',
    'angebot(?:e|s)?\\p{L}{0,12}',
    'offerte',
    'quot(?:e|es|ation|ations)',
    'rfq',
    'proposal',
    'kostenvoranschlag',
    'auftragsbestätigung',
    'order ?confirmation',
    'purchase ?order',
    'po',
    'preisliste',
    'price ?list',
    'pricelist',
    'pricing',
    'konditionen',
    'sla',
    'msa',
    'sow',
    'loi',
    'letter ?of ?intent',
    'absichtserklärung',
    'term ?sheet',
    '合同',
    '合约',
    '协议',
    '报价',
    '询价',
    '价格表',
    '价目表',
    '采购单',
    '订货单',
    '订购单',
    '保密',
    '标书',
    '投标',
    '招标',
    '框架',
  ],
  'iu',
);
// Commercial documents that private people get too: business context needed.
const COMMERCIAL_NAME = lexicon(
  [
    'rechnung(?:en)?\\p{L}{0,12}',
    'invoices?',
    'bestellung',
    'orders?',
    'lieferschein',
    'delivery ?note',
    'kalkulation',
    'calculation',
    'costing',
    'agb',
    'terms',
    '发票',
    '订单',
    '核价',
    '成本',
  ],
  'iu',
);
// Private contracts: rent, phone, employment, insurance.
const PRIVATE_CONTRACT =
  /miet|handy|mobilfunk|arbeits|ausbildungs|versicherung|fitness|lease|rental|tenancy|phone|employment|租房|房屋|劳动|手机/i;
// A contract word in the message text next to a file without a telling name ("Anbei der Vertrag: scan01.pdf").
const CONTRACT_WORD = lexicon(
  [
    'vertr[aä]g(?:e|es|s)?',
    'rahmenvertr[aä]g\\p{L}{0,3}',
    'contracts?',
    'agreements?',
    'ndas?',
    'angebot(?:e|s)?',
    'quot(?:e|ation)',
    '合同',
    '协议',
    '报价单?',
  ],
  'iu',
);

// A contract document changing hands without a file name: "signed quote", "合同扫描件发你邮箱了".
const DOCUMENT = String.raw`(?:rahmen|liefer|kauf|vertriebs)?(?:vertrag|verträge|angebot|angebote|nda|auftragsbestätigung)`;
const DOCUMENT_EN = String.raw`(?:contract|quote|quotation|agreement|nda|po|purchase order|order confirmation|offer|price ?list|msa|sow|sla|loi|term sheet)s?`;
const MENTIONS: readonly TermRule[] = [
  {
    pattern: lexicon([
      `(?:unterschrieben|unterzeichnet|gegengezeichnet|signiert|gescannt|überarbeitet)e[nrsm]? ${DOCUMENT}`,
      `${DOCUMENT}\\p{L}{0,2} (?:ist |sind |wurde |wurden )?(?:unterschrieben|unterzeichnet|gegengezeichnet|gescannt|angehängt|im anhang|anbei|per (?:e-)?mail|per post|rausgeschickt|verschickt|zurückgeschickt)`,
      `${DOCUMENT}\\p{L}{0,2}${GAP}{0,30}? (?:als|as(?: an?)?) (?:pdf|word|excel|datei|file|scan|anhang|attachment)`,
      '(?:sign|signed|countersign) and (?:return|send (?:it )?back)',
      `${DOCUMENT}\\p{L}{0,2}${GAP}{0,12}?(?:gegenzeichnen|unterschreiben|unterzeichnen|signieren)`,
      '(?:bitte )?(?:gegenzeichnen|unterschreiben|unterzeichnen) und (?:zurück|zurückschicken|zurücksenden)',
      `(?:schick|send|mail|leit)\\p{L}{0,3} (?:dir|ihnen|euch|mir|ihm|ihr|uns) (?:den|das|die) ${DOCUMENT}`,
      'vertragsentw[uü]rf(?:e|en)?',
      `(?:signed|countersigned|executed|scanned|redlined?|draft|revised) (?:copy of the )?${DOCUMENT_EN}`,
      `${DOCUMENT_EN} (?:is |are |was |has been )?(?:attached|signed|countersigned|enclosed|sent over)`,
      `(?:send|sent|sending|forward|forwarded) (?:you |me |them |him |her |us )?(?:over )?(?:the|our|their|your) (?:signed |countersigned |executed |redlined? |revised |draft |final |latest |current |updated |new |mutual )?${DOCUMENT_EN}`,
      '合同(?:扫描件|原件|复印件|正本|副本|草稿|草案|初稿|终稿|定稿)',
      '(?:签好|盖好章|盖章|签字|签完)的?(?:合同|协议|报价单)',
      // Sent out, not passed around internally ("报价单我发给老板看了" is not a leak).
      `(?:合同|协议|报价单)${GAP}{0,8}?(?:盖章|盖好章|签字|签好|签完|寄出|寄给|寄到|寄这|快递给|发(?:你|您)|发给(?:你|您|客户|对方|甲方|乙方|他们)|发到(?:${GAP}{0,6}?邮箱|你|您)|发至|发过去|发邮箱)`,
      '(?:发|寄)给?(?:你|您)的?(?:合同|报价单|协议)',
      `(?:合同|协议)${GAP}{0,12}?(?:扫描件|附件|原件|复印件)`,
      '(?:签字|盖章)后?(?:寄回|发回|返回)',
    ]),
    label: 'contract document sent or signed',
    base: 0.45,
    strongSelf: true,
  },
];

/** The file name: the token with the extension, plus up to three words before it up to a name word. */
function fileName(
  text: string,
  start: number,
  end: number,
): { start: number; name?: RegExpExecArray; kind: 'contract' | 'commercial' | 'none' } {
  const token = text.slice(start, end);
  const contract = CONTRACT_NAME.exec(token);
  if (contract) return { start, name: contract, kind: 'contract' };
  let cursor = start;
  for (let i = 0; i < 3 && text[cursor - 1] === ' '; i++) {
    const before = text.slice(Math.max(0, cursor - 42), cursor - 1);
    const word = before.slice(before.lastIndexOf(' ') + 1);
    if (!WORD.test(word) || STOP_WORD.test(word)) break;
    cursor -= word.length + 1;
    const found = CONTRACT_NAME.exec(word);
    if (found) return { start: cursor, name: found, kind: 'contract' };
  }
  const commercial = COMMERCIAL_NAME.exec(token);
  if (commercial) return { start, name: commercial, kind: 'commercial' };
  return { start, kind: 'none' };
}

export default defineDetector({
  id: 'contract/contract-document',
  category: 'contract',
  type: 'contract-document',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A contract, quote, NDA or price list shared as a file: the attachment name or a file name in the text (Vertrag_Müller_GmbH.pdf, Angebot 2024-113.docx, NDA_v2.pdf, quote.xlsx, 合同.pdf, 报价单.xlsx).',
  prefilter: new RegExp(
    String.raw`\.(?:${EXTENSIONS})|vertr|angebot|nda|auftragsbestätigung|sign|scanned|draft|revised|attached|enclosed|sent|send|forward|gegenzeichnen|unterschreiben|unterzeichnen|signieren|redline|msa|sow|term sheet|合同|协议|报价单|寄回|发回`,
    'i',
  ),
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    const seen = new Set<string>();
    for (const m of execAll(FILE, text)) {
      if (hits.length >= MAX_HITS) break;
      const end = m.index + m[0].length;
      const file = fileName(text, m.index, end);
      const value = canonical(text.slice(file.start, end)).replace(/^\d{6,}-/, '');
      if (seen.has(value)) continue;
      const found: Array<{ label: string; text: string; bonus: number }> = [];
      let base: number;
      let inherent = true;
      let exclude = { start: file.start, end };
      if (file.kind === 'none') {
        // No telling name: only a contract word right next to the file makes it one.
        const near = text.slice(Math.max(0, m.index - 80), Math.min(text.length, end + 80));
        const word = CONTRACT_WORD.exec(near);
        if (!word) continue;
        found.push(
          { label: 'file', text: m[0], bonus: 0 },
          { label: 'contract word nearby', text: word[0], bonus: 0 },
        );
        base = 0.55;
        exclude = { start: m.index, end };
      } else {
        const name = file.name![0];
        const privateContract =
          file.kind === 'contract' && PRIVATE_CONTRACT.exec(text.slice(file.start, end));
        found.push(
          { label: 'file name', text: text.slice(file.start, end), bonus: 0 },
          { label: 'contains', text: name, bonus: 0 },
        );
        if (privateContract) {
          found.push({ label: 'private kind', text: privateContract[0], bonus: 0 });
          base = 0.4;
          inherent = false;
        } else if (file.kind === 'commercial') {
          base = 0.4;
          inherent = false;
        } else {
          base = 0.75;
        }
      }
      seen.add(value);
      const business = businessContext(context, file.start, end, exclude);
      const graded = grade(base, found, business, inherent);
      hits.push({
        start: file.start,
        end,
        value,
        confidence: graded.confidence,
        explanation: graded.explanation,
      });
    }
    return keepBest(text, [...hits, ...scanTerms(context, MENTIONS)]);
  },
  examples: {
    match: [
      'Hier der aktuelle Stand: [[Vertrag_Müller_GmbH.pdf]]',
      {
        text: 'Anbei das [[Angebot 2024-113.docx]] für den Kunden',
        note: 'keyword word before the file name',
      },
      { text: '[[Rahmenvertrag.pdf]] (Datei angehängt)', note: 'WhatsApp attachment line' },
      'signed version attached: [[contract_signed.pdf]]',
      { text: '[[NDA_v2.pdf]] • 3 pages document omitted', note: 'document placeholder' },
      {
        text: 'updated [[quote.xlsx]] for the supplier meeting',
        note: 'quote with business context',
      },
      { text: '[文件]\n[[合同.pdf]]', note: 'WeChat file message with the attachment appended' },
      '[[报价单.xlsx]] 请查收',
      {
        text: 'Anbei der Vertrag: [[scan0012.pdf]]',
        note: 'file without a telling name, contract word next to it',
      },
      {
        text: 'Please [[send the signed quote]] to procurement@example.com',
        note: 'a document changing hands, no file name',
      },
      '客户的[[合同扫描件]]发你邮箱了',
    ],
    noMatch: [
      { text: 'IMG-20240312-WA0007.jpg (Datei angehängt)', note: 'a photo with no contract word' },
      { text: 'Urlaubsfotos_Mallorca.zip', note: 'holiday photos' },
      {
        text: 'Hier mein Mietvertrag.pdf, kannst du drüberschauen?',
        note: 'private rental contract',
      },
      { text: 'Rechnung_Handy.pdf', note: 'private phone bill' },
      { text: '旅游攻略.docx 发你了', note: 'travel guide' },
      { text: 'Der Vertrag ist noch nicht da', note: 'no file' },
      {
        text: 'Mein Arbeitsvertrag ist unterschrieben, ich fang im Mai an!',
        note: 'private employment contract',
      },
      {
        text: 'The contract is signed! New job starts in May 🎉',
        note: 'private, no business context',
      },
    ],
  },
});
