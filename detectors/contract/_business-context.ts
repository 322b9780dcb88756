/**
 * Is this business talk? A price, a discount or a delivery date is a contract term only between
 * companies or with customers and suppliers; the same words about pizza, cinema tickets or a
 * phone contract are private. Every contract detector asks this one question here, so the word
 * lists live in one place.
 *
 * Strong words name a commercial relationship on their own (Kunde, supplier, 供应商, GmbH, MOQ,
 * 含税, 5,000 pcs); weak words are common in private life too (Rechnung, order, 订单, Lieferung,
 * Vertrag), and so is a second contract term next to the first (Kündigungsfrist next to Laufzeit).
 * Private words (Miete, Netflix, 淘宝, my laptop …) cancel weak evidence.
 */
import { type DetectorContext, perMessage } from '../../src/detect/detector.js';
import { Matches } from '../../src/detect/matches.js';
import { PatternScreen, type Screened } from '../../src/detect/pattern-screen.js';
import { lexicon, NUM_START } from './_patterns.js';

export type BusinessLevel = 0 | 1 | 2;

export interface BusinessContext {
  /** 2: a strong business word; 1: only weak ones; 0: none (or weak ones outweighed by private talk). */
  level: BusinessLevel;
  /** The word that decided the level. */
  word?: string;
  /** A private-life word found nearby (Miete, Netflix, 淘宝 …). */
  privateWord?: string;
  /** At level 1: how many distinct weak words (1 or 2; two weigh more). */
  weakWords?: number;
}

/** Confidence added for business context: none 0, one weak word 0.15, two 0.22, strong 0.3. */
export function businessBonus(business: BusinessContext): number {
  if (business.level === 2) return 0.3;
  if (business.level === 1) return business.weakWords === 2 ? 0.22 : 0.15;
  return 0;
}

const STRONG = lexicon([
  // Customers, suppliers, partners. "Kundendienst", "Kundenkarte", "customer service" and "客户端"
  // (the client app) are what private people talk about, so they do not count.
  'kund(?:e|en|in|innen|schaft)(?!n?(?:dienst|service|karte|konto|hotline|center|support|bewertung|nummer))\\p{L}{0,20}',
  '(?:end|groß|gross|bestands|geschäfts|firmen|business|b2b|key-account)kund\\p{L}{0,8}',
  'customers?(?! (?:service|support|care|hotline))',
  'clients?',
  'key[ -]?accounts?',
  'lieferant\\p{L}{0,4}',
  'zulieferer\\p{L}{0,2}',
  'suppliers?',
  'vendors?',
  'distributors?',
  'großhändler\\p{L}{0,2}',
  'grosshändler\\p{L}{0,2}',
  'wholesal(?:e|er|ers)',
  '(?:vertriebs|geschäfts|vertrags|handels|kooperations)partner\\p{L}{0,2}',
  'business partners?',
  'mandant\\p{L}{0,4}',
  'b2b',
  // Orders, quotes, tenders.
  'auftrags\\p{L}{1,20}',
  'auftrag(?:geber|nehmer)\\p{L}{0,2}',
  'quotations?',
  'rfq',
  'rfp',
  'ausschreibung\\p{L}{0,2}',
  'tenders?',
  '(?:purchase|sales|bulk|trial|repeat|customer) orders?',
  'orders? (?:confirmation|volume|quantity|value)',
  'procurement',
  'purchasing',
  'einkaufsabteilung',
  'einkäufer\\p{L}{0,2}',
  'proforma\\p{L}{0,10}',
  'pro[ -]?forma',
  // Contracts between companies.
  '(?:rahmen|liefer|vertriebs|händler|kooperations|dienstleistungs|wartungs|lizenz|werk|einkaufs|beratungs|projekt|distributions|service-level)vertr[aä]g\\p{L}{0,3}',
  'vertragsverhandlung\\p{L}{0,2}',
  '(?:supply|framework|master|distribution|service|purchase|sales|license|licence|reseller|partnership|supplier) agreements?',
  'incoterms?',
  'msas?',
  'statements? of work',
  // Prices and taxes as companies quote them.
  '(?:stück|einzel|einkaufs|listen|netto|angebots|ek|vk)-?preis\\p{L}{0,2}',
  '(?:unit|list|net|ex-works|wholesale) prices?',
  'zzgl\\.?',
  'zuzüglich',
  '(?:exkl\\.?|exklusive|excl\\.?|excluding|plus|ex|zzgl\\.?) ?(?:mwst|ust|vat)\\.?',
  'moq',
  'mindest(?:abnahme|bestellmenge|menge)\\p{L}{0,4}',
  'stückzahl\\p{L}{0,2}',
  // Sales and logistics functions.
  'vertrieb\\p{L}{0,12}',
  'resellers?',
  'außendienst\\p{L}{0,2}',
  'sales (?:team|department|manager|rep|reps|director|volume)',
  'account manager',
  'liefertermin\\p{L}{0,2}',
  'lieferschein\\p{L}{0,2}',
  'spedition\\p{L}{0,2}',
  'forwarder',
  'lead ?time',
  'rechtsabteilung',
  'legal (?:team|department|counsel)',
  '法务',
  '盖好?章',
  '公章',
  '合同章',
  // Chinese: customers, suppliers, companies, quotes, tax-inclusive prices, delivery of goods.
  '客户(?!端)',
  '客商',
  '供应商',
  '供货商',
  '厂家',
  '厂商',
  '经销商',
  '代理商',
  '分销商',
  '有限公司',
  '股份公司',
  '集团',
  '贵公司',
  '贵司',
  '我司',
  '本公司',
  '采购',
  '询价',
  '询盘',
  '甲方',
  '乙方',
  '合作方',
  '含税',
  '不含税',
  '未税',
  '税点',
  '开票',
  '专票',
  '起订',
  '单价',
  '出厂价',
  '货款',
  '交货',
  '交期',
  '出货',
  '大货',
  '订货',
  '框架协议',
  '(?:采购|销售|购销|供货|框架|代理|经销)合同',
  '合同(?:金额|总额|总价|价款)',
  '招标',
  '投标',
  '业务员',
]);

// Where case matters: company suffixes ("AG" only after a capitalised name), Incoterms, PO numbers.
const CASED = new RegExp(
  String.raw`(?<![\p{sc=Latin}\p{N}])(?:GmbH|gmbh|Ltd\.?|LTD|Inc\.?|LLC|Corp\.?|PLC|GbR|OHG|S\.A\.|B\.V\.|S\.r\.l\.|S\.p\.A\.|Co\.,? ?Ltd\.?|EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP|PO)(?![\p{sc=Latin}\p{N}])|\p{Lu}\p{L}{1,30} (?:AG|KG|SE|UG)(?![\p{sc=Latin}\p{N}])`,
  'gu',
);

// Goods in commercial quantities: three digits or more, counted in units.
const BULK_QUANTITY = new RegExp(
  String.raw`${NUM_START}(?:\d{1,3}(?:[.,' ]\d{3}){1,3}|\d{3,7})\s?(?:(?:Stück|Stk\.?|pcs\.?|pieces|units|Einheiten|Paletten|pallets|Kartons|cartons|sets|Tonnen|tons|Container|containers)(?![\p{sc=Latin}])|件|台|套|箱|托|吨)`,
  'giu',
);

const WEAK = lexicon([
  'vertr[aä]g(?:e|en|es|s)?',
  'vertrags\\p{L}{1,20}',
  'contracts?',
  'bestellung(?:en)?',
  'bestell(?:nummer|menge|wert)\\p{L}{0,2}',
  'rechnung(?:en)?',
  'rechnungs\\p{L}{1,12}',
  'invoices?',
  'quotes?',
  'lieferung(?:en)?',
  'lieferzeit(?:en)?',
  'deliver(?:y|ies)',
  'shipments?',
  'händler\\p{L}{0,2}',
  'hersteller\\p{L}{0,2}',
  'manufacturers?',
  'firma',
  'firmen',
  'company',
  'netto',
  'mwst\\.?',
  'ust\\.?',
  'mehrwertsteuer',
  'vat',
  'kostenvoranschlag\\p{L}{0,2}',
  'agb',
  'terms and conditions',
  'muster',
  'samples?',
  'buyers?',
  'stk\\.?',
  'pcs\\.?',
  '\\p{L}{2,15}vertr[aä]g(?:e|es|s)?',
  'agreements?',
  'batch(?:es)?',
  'abnahme',
  'verschleißteile',
  'ersatzteile',
  'spare parts',
  'wear parts',
  'konkurrenz',
  'wettbewerber\\p{L}{0,2}',
  'competitors?',
  'preise',
  'pricing',
  '(?:our|unser(?:e|em|en)?) (?:best |final |current |aktuelle[sn]? )?(?:quote|offer|price|prices|pricing|angebot|preis|preise)',
  '(?:wir bieten|bieten wir|können wir|we can offer|we offer)',
  'vereinbart',
  'einkauf',
  'mahnung(?:en)?',
  'inkasso',
  'goods',
  'dealers?',
  'fracht\\p{L}{0,8}',
  'freight',
  'per (?:seat|user|licen[cs]e)',
  'pro (?:lizenz|nutzer|arbeitsplatz)',
  'board',
  'vorstand',
  'aufsichtsrat',
  'geschäftsleitung',
  'management',
  'per (?:unit|pc|pcs)',
  '/ ?(?:unit|pc|pcs|stk)\\.?',
  'agreed (?:on|to|with)',
  'we agreed',
  '合同',
  '合约(?!机)',
  '协议',
  '订单',
  '下单',
  '发票',
  '发货',
  '货物',
  '公司',
  '合作',
  '销售',
  '样品',
  '工厂',
  '批发',
  '验收',
  '这批货',
  '双方',
  '董事会',
  '管理层',
  '这批产品',
  '易损件',
  '备件',
  '竞争对手',
  '同行',
  '价格',
  '约定',
  '商定',
  '谈好',
]);

// Contract-term words from every detector. Two terms together ("Laufzeit 36 Monate, Kündigungsfrist
// 6 Monate") are contract talk even when no customer or company is named: each counts as weak
// evidence for the others (never for itself: callers exclude the term's own span).
// Strong words that shops use too ("Bier im Angebot bei Lidl", "装修报价"): strong unless a private
// word is near.
const STRONG_UNLESS_PRIVATE = lexicon([
  'auftr[aä]g(?:e|en|es|s)?',
  '(?<!(?:im|ins|Sonder) )angebot(?:e|en|es|s)?',
  'angebots\\p{L}{1,15}',
  'offerte\\p{L}{0,2}',
  'konditionen',
  'preisliste\\p{L}{0,2}',
  'price ?lists?',
  '报价',
]);

const CONTRACT_TERMS = lexicon([
  '(?:vertrags|mindest)?laufzeit(?:en)?',
  'kündigungsfrist(?:en)?',
  'kündigung(?:en)?',
  'verlängert sich',
  '(?:automatische|stillschweigende) verlängerung',
  'gewährleistung\\p{L}{0,6}',
  'garantie\\p{L}{0,6}',
  'haftung\\p{L}{0,10}',
  'exklusiv\\p{L}{0,14}',
  'alleinvertrieb\\p{L}{0,8}',
  'exclusiv(?:e|ity)',
  'skonto',
  'zahlungsziel\\p{L}{0,2}',
  'zahlungsbedingung(?:en)?',
  'lieferbedingung(?:en)?',
  'vertragsstrafe(?:n)?',
  'mindestabnahme\\p{L}{0,6}',
  'vertraulich\\p{L}{0,4}',
  'geheimhaltung\\p{L}{0,12}',
  'vorkasse',
  'abrechnung',
  'warrant(?:y|ies)',
  'liabilit(?:y|ies)',
  'liable',
  'exclusivity',
  'notice period',
  'auto-?renew\\p{L}{0,4}',
  'renews? automatically',
  'fahrlässigkeit',
  'renewal',
  'terminat(?:e|ed|ion)',
  'indemnif\\p{L}{0,6}',
  'payment terms',
  'penalt(?:y|ies)',
  'minimum (?:order|purchase|commitment)s?',
  'shortfall',
  'confidential\\p{L}{0,4}',
  'ndas?',
  'initial term',
  'sign(?:ed)? and return',
  'gegenzeichnen',
  'pönale',
  'liquidated damages',
  '违约金',
  'b/l',
  'l/c',
  '提单',
  '信用证',
  '质保',
  '保修',
  '赔偿',
  '违约',
  '账期',
  '付款',
  '续约',
  '续签',
  '合同期',
  '保密',
  '独家',
  '免责',
  '预付',
]);

const PRIVATE = lexicon([
  'miete',
  'mietvertrag\\p{L}{0,2}',
  'vermieter\\p{L}{0,2}',
  'wohnung',
  'wg',
  'handy\\p{L}{0,12}',
  'fitness\\p{L}{0,10}',
  'kino',
  'urlaub\\p{L}{0,4}',
  'pizz\\p{L}{0,3}',
  '(?:im|in den|beim|der|dem) laden',
  'lidl',
  'aldi',
  'rewe',
  'edeka',
  'ikea',
  'zara',
  'h&m',
  'tesco',
  'walmart',
  'mall',
  'plumber',
  'handwerker',
  '\\p{L}{0,8}werkstatt',
  'mechaniker',
  'mechanic',
  'moving company',
  'movers',
  'umzug\\p{L}{0,8}',
  '搬家',
  '装修',
  'klempner',
  'friseur',
  'hotel',
  'library',
  'bibliothek',
  'bücherei',
  'car dealer',
  'autohaus',
  'autohändler',
  'wedding',
  'hochzeit',
  'sofa',
  'couch',
  '图书馆',
  '婚礼',
  '婚庆',
  'dentist',
  'zahnarzt',
  'arzt',
  'doctor',
  '医院',
  '牙医',
  'wi-?fi',
  'wlan',
  'dsl',
  'telekom',
  'vodafone',
  'comcast',
  'verizon',
  'insurance',
  'versicherung',
  'subscription(?! agreement)',
  'abo',
  'netflix',
  'spotify',
  'amazon',
  'ebay',
  'restaurant',
  'supermarkt',
  'flug',
  'gepäck',
  'airline',
  'rent',
  'landlord',
  'apartment',
  'gym',
  'vacation',
  'holiday',
  'cinema',
  'movie',
  'luggage',
  'flight',
  'my phone',
  'laptop',
  'fernseher',
  'waschmaschine',
  'kühlschrank',
  'fahrrad',
  'iphone',
  'ipad',
  'tv',
  'fridge',
  'bike',
  'kopfhörer',
  'headphones',
  '房租',
  '租房',
  '房东',
  '退租',
  '健身',
  '会员',
  '手机',
  '淘宝',
  '京东',
  '拼多多',
  '网购',
  '外卖',
  '电影',
  '旅游',
  '行李',
  '航班',
  '电脑',
  '电视',
  '冰箱',
  '洗衣机',
  '自行车',
  '耳机',
  '商场',
  '超市',
  '这家店',
  '套餐',
]);

const WINDOW = 300;

/** A strong business word inside a term itself ("Rahmenvertrag", "Angebot", "交货"), if any. */
export function strongWordIn(term: string): string | undefined {
  return strongIn(term, 0, 0) ?? firstOutside(STRONG_UNLESS_PRIVATE, term, 0, 0);
}

/**
 * The first match of a global `pattern` in `text` not wholly inside [skipStart, skipEnd): a word
 * that reaches beyond the term ("framework agreement" around "agreement runs") still counts.
 */
function firstOutside(
  pattern: RegExp,
  text: string,
  skipStart: number,
  skipEnd: number,
): string | undefined {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const end = m.index + m[0].length;
    if (m.index < skipStart || end > skipEnd) return m[0];
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return undefined;
}

/** Distinct matches of a global `pattern` not wholly inside [skipStart, skipEnd), up to `max`. */
function allOutside(
  pattern: RegExp,
  text: string,
  skipStart: number,
  skipEnd: number,
  into: Set<string>,
  max: number,
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null && into.size < max; m = pattern.exec(text)) {
    const end = m.index + m[0].length;
    if (m.index < skipStart || end > skipEnd) into.add(m[0].toLowerCase());
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

function strongIn(text: string, skipStart: number, skipEnd: number): string | undefined {
  return (
    firstOutside(STRONG, text, skipStart, skipEnd) ??
    firstOutside(CASED, text, skipStart, skipEnd) ??
    firstOutside(BULK_QUANTITY, text, skipStart, skipEnd)
  );
}

/** The lexicons' matches in the message and in `before`, found once per message. */
interface Scans {
  text: Map<RegExp, Matches>;
  before: Map<RegExp, Matches>;
  /** What the lexicons' needles say about the text and `before` (one pass each, on first need). */
  textScreened?: Screened;
  beforeScreened?: Screened;
}

const SCANS = {};

const SCREEN = new PatternScreen([
  STRONG,
  CASED,
  BULK_QUANTITY,
  PRIVATE,
  STRONG_UNLESS_PRIVATE,
  WEAK,
  CONTRACT_TERMS,
]);

function matchesIn(
  scans: Map<RegExp, Matches>,
  pattern: RegExp,
  text: string,
  screened: Screened,
): Matches {
  let matches = scans.get(pattern);
  if (!matches) {
    matches = new Matches(pattern, text, screened.possible(pattern), screened.starts(pattern));
    scans.set(pattern, matches);
  }
  return matches;
}

/** `firstOutside` over matches already found in the same text. */
function firstKept(matches: Matches, skipStart: number, skipEnd: number): string | undefined {
  for (let i = 0, m = matches.at(0); m; m = matches.at(++i)) {
    if (m.index < skipStart || m.end > skipEnd) return m.text;
  }
  return undefined;
}

/** `allOutside` over matches already found in the same text. */
function allKept(
  matches: Matches,
  skipStart: number,
  skipEnd: number,
  into: Set<string>,
  max: number,
): void {
  for (let i = 0, m = matches.at(0); m && into.size < max; m = matches.at(++i)) {
    if (m.index < skipStart || m.end > skipEnd) into.add(m.text.toLowerCase());
  }
}

/**
 * Looks for a lexicon's words in the window around a term, or in `before`: the window is usually
 * the whole message, whose matches are then shared by every term and detector of the message.
 */
class Lookup {
  private readonly scans: Scans;

  constructor(
    private readonly context: Pick<DetectorContext, 'text' | 'before'> & Partial<DetectorContext>,
    private readonly near: string,
    private readonly whole: boolean,
    private readonly skipStart: number,
    private readonly skipEnd: number,
  ) {
    this.scans = isFullContext(context)
      ? perMessage(context, SCANS, (): Scans => ({ text: new Map(), before: new Map() }))
      : { text: new Map(), before: new Map() };
  }

  private inText(): Screened {
    this.scans.textScreened ??= SCREEN.screen(this.context.text);
    return this.scans.textScreened;
  }

  private inBefore(): Screened {
    this.scans.beforeScreened ??= SCREEN.screen(this.context.before);
    return this.scans.beforeScreened;
  }

  first(pattern: RegExp): string | undefined {
    return this.whole
      ? firstKept(
          matchesIn(this.scans.text, pattern, this.context.text, this.inText()),
          this.skipStart,
          this.skipEnd,
        )
      : firstOutside(pattern, this.near, this.skipStart, this.skipEnd);
  }

  firstBefore(pattern: RegExp): string | undefined {
    return firstKept(
      matchesIn(this.scans.before, pattern, this.context.before, this.inBefore()),
      0,
      0,
    );
  }

  all(pattern: RegExp, into: Set<string>): void {
    if (this.whole) {
      const matches = matchesIn(this.scans.text, pattern, this.context.text, this.inText());
      allKept(matches, this.skipStart, this.skipEnd, into, 2);
    } else allOutside(pattern, this.near, this.skipStart, this.skipEnd, into, 2);
  }

  allBefore(pattern: RegExp, into: Set<string>): void {
    allKept(
      matchesIn(this.scans.before, pattern, this.context.before, this.inBefore()),
      0,
      0,
      into,
      2,
    );
  }

  strong(): string | undefined {
    return this.first(STRONG) ?? this.first(CASED) ?? this.first(BULK_QUANTITY);
  }

  strongBefore(): string | undefined {
    return this.firstBefore(STRONG) ?? this.firstBefore(CASED) ?? this.firstBefore(BULK_QUANTITY);
  }
}

function isFullContext(
  context: Pick<DetectorContext, 'text' | 'before'> & Partial<DetectorContext>,
): context is DetectorContext {
  return context.message !== undefined;
}

/**
 * Business context around [start, end) of the message and in the preceding messages. Words inside
 * [excludeStart, excludeEnd) are ignored, so a term is not its own evidence ("Vertrag" in
 * "Vertragslaufzeit").
 */
export function businessContext(
  context: { text: string; before: string },
  start: number,
  end: number,
  exclude: { start: number; end: number } = { start: 0, end: 0 },
): BusinessContext {
  const from = Math.max(0, start - WINDOW);
  const to = Math.min(context.text.length, end + WINDOW);
  const whole = from === 0 && to === context.text.length;
  const near = whole ? context.text : context.text.slice(from, to);
  const look = new Lookup(context, near, whole, exclude.start - from, exclude.end - from);
  const strong = look.strong() ?? look.strongBefore();
  if (strong) return { level: 2, word: strong };
  const privateWord = look.first(PRIVATE) ?? look.firstBefore(PRIVATE);
  if (privateWord) return { level: 0, privateWord };
  const shared = look.first(STRONG_UNLESS_PRIVATE) ?? look.firstBefore(STRONG_UNLESS_PRIVATE);
  if (shared) return { level: 2, word: shared };
  const weak = new Set<string>();
  look.all(WEAK, weak);
  look.all(CONTRACT_TERMS, weak);
  look.allBefore(WEAK, weak);
  look.allBefore(CONTRACT_TERMS, weak);
  if (weak.size > 0) return { level: 1, word: [...weak].join("', '"), weakWords: weak.size };
  return { level: 0 };
}
