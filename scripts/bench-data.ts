import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { composeIBAN, friendlyFormatIBAN } from 'ibantools';

/**
 * Synthetic chat exports for `npm run bench`: seeded (the same bytes on every machine), fictitious
 * people and companies, every checksummed value valid but made up.
 *
 * The mix of a generated chat (shares of all messages; see `DEFAULT_MIX`):
 * - ~2 % system lines (joins, leaves, adds, security-code changes; WeChat recalls, pats and
 *   invitations), ~5 % media placeholders (Android `<Medien ausgeschlossen>`, iOS `<Anhang: …>` /
 *   `Bild weggelassen`, WeChat image/voice/video/sticker/file/link XML), ~0.5 % deleted messages;
 * - ~2 % messages carrying one sensitive item with a VARIED value: IBANs (DE/AT, mod-97 via
 *   ibantools), German landline and mobile numbers (+49 30 …, +49 151 …, 0151/…), Chinese mobiles
 *   (138 xxxx xxxx), e-mails at example.com/example.de, German and Chinese addresses, passwords,
 *   prices and payment terms, and now and then a card number with a valid Luhn digit (BIN
 *   4111…/5500…, random rest);
 * - ~25 % work talk in group chats (customers, orders, meetings, deadlines, quotes, invoices;
 *   ~12 % in 1:1 chats), the rest small talk, both built from templates × vocabulary in German,
 *   English and Chinese with emoji; each sender has a language mix (WeChat: mostly Chinese);
 * - ~8 % of all messages are multi-line (sometimes with a blank line inside).
 * Senders are weighted (a few write most), times advance by exponential gaps and skip the night.
 *
 * Bump `GENERATOR_VERSION` whenever the output changes: file names carry it, so the benchmark
 * regenerates its data instead of measuring stale files.
 */
export const GENERATOR_VERSION = 3;

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 … n-1 */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** lo … hi inclusive */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)]!;
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Checksummed values

/** A German (or Austrian) IBAN from a random bank code and account number; mod-97 by ibantools. */
export function randomIban(r: Rng): string {
  for (;;) {
    const de = r.chance(0.85);
    const bban = de ? r.digits(18) : r.digits(16);
    const iban = composeIBAN({ countryCode: de ? 'DE' : 'AT', bban });
    if (iban) return iban;
  }
}

/** Appends the Luhn check digit to `body`. */
export function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A 16-digit card number on a test BIN (4111…, 5500…) with a random rest and a valid Luhn digit. */
export function randomCard(r: Rng): string {
  const n = withLuhn((r.chance(0.5) ? '4111' : '5500') + r.digits(11));
  return r.chance(0.7) ? n.replace(/(\d{4})(?=\d)/g, '$1 ') : n;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

// prettier-ignore
const DE_FIRST = [
  'Anna', 'Jonas', 'Leonie', 'Lukas', 'Sophie', 'Felix', 'Marie', 'Paul', 'Laura', 'Max', 'Julia',
  'Tim', 'Lena', 'Niklas', 'Sarah', 'Jan', 'Katharina', 'Moritz', 'Hannah', 'David', 'Sabine',
  'Thomas', 'Petra', 'Stefan',
];
// prettier-ignore
const DE_LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
  'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Schmitz', 'Brandt',
];
// prettier-ignore
const OTHER_NAMES = [
  'Wei Zhang', 'Tom O’Brien', 'Mehmet Yılmaz', 'Carolina Silva', 'Priya Shah', 'Olga Petrova',
  'Lars', 'Giulia Rossi',
];
// prettier-ignore
const ZH_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['张伟', 'zhang.wei'], ['王芳', 'wang.fang'], ['李娜', 'li.na'], ['刘洋', 'liu.yang'],
  ['陈静', 'chen.jing'], ['杨帆', 'yang.fan'], ['赵磊', 'zhao.lei'], ['黄敏', 'huang.min'],
  ['周杰', 'zhou.jie'], ['吴婷', 'wu.ting'], ['徐明', 'xu.ming'], ['孙丽', 'sun.li'],
  ['马超', 'ma.chao'], ['朱琳', 'zhu.lin'], ['胡军', 'hu.jun'], ['郭鹏', 'guo.peng'],
];
// prettier-ignore
const GROUP_TITLES = [
  'Vertrieb Süd', 'Projekt Nordstern', 'Team Einkauf', 'Familie', 'Fußball Mittwoch',
  'Nachbarn Lindenallee', 'Messe Hannover 2024', 'Lager & Logistik', 'Kita Elternrat',
  'Service-Team', 'Abi 2010', 'Laufgruppe',
];
const ZH_GROUP_TITLES = [
  '项目三组',
  '采购群',
  '华东销售群',
  '家人群',
  '周末羽毛球',
  '研发部',
  '同学群',
];

// prettier-ignore
const CUSTOMERS = [
  'Beispiel GmbH', 'Muster AG', 'Nordlicht Logistik GmbH', 'Brauerei Beispiel',
  'Schmidt & Söhne KG', 'Alpha Maschinenbau GmbH', 'Contoso Ltd', 'Fabrikam Inc.',
  'Weber Elektrotechnik', 'Kestrel Plastics', 'Hansa Handel GmbH', 'Rheinland Bau AG',
  'Bäckerei Sonnenschein', 'Autohaus Krüger', 'Praxis Dr. Neumann', 'Tailspin Toys',
];
// prettier-ignore
const ZH_CUSTOMERS = [
  '华东科技有限公司', '深圳创新电子', '上海明远贸易', '杭州云帆网络', '北京恒信机械', '广州美达家居',
  '苏州精工制造', '成都天府物流',
];
// prettier-ignore
const PRODUCTS = [
  'Schrauben M8', 'Servermodule', 'Pumpen', 'Ventile', 'Kabelsätze', 'Lizenzen', 'Fässer Pils',
  'Sensoren', 'Displays', 'Steuergeräte', 'Paletten', 'Ersatzteile',
];
const PRODUCTS_EN = ['servers', 'sensors', 'licences', 'pallets', 'valves', 'pumps', 'displays'];
const ZH_PRODUCTS = ['服务器', '显示屏', '传感器', '电机', '阀门', '包装盒', '配件', '样品'];
const PROJECTS = [
  'Nordstern',
  'Phoenix',
  'Webshop-Relaunch',
  'ERP-Umstellung',
  'Q3-Rollout',
  'Atlas',
];
const ZH_PROJECTS = ['华东项目', '新厂房', '二期工程', '系统升级', '年度招标'];
const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日', '明天', '后天'];
const MONTHS_EN = [
  'Jan',
  'Feb',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
// prettier-ignore
const EMOJI = [
  '😂', '👍', '🙏', '😊', '🎉', '☀️', '🙄', '😅', '❤️', '🍕', '🍺', '⚽', '😬', '🤔', '👌', '🔥',
  '😍', '🙈', '✅', '👋', '😴', '🥳', '💪', '😎',
];
// prettier-ignore
const CITIES: ReadonlyArray<readonly [string, number, number]> = [
  ['Berlin', 10115, 14199], ['München', 80331, 81929], ['Hamburg', 20095, 22769],
  ['Köln', 50667, 51149], ['Frankfurt am Main', 60306, 60599], ['Stuttgart', 70173, 70629],
  ['Leipzig', 4103, 4357], ['Hannover', 30159, 30659], ['Düsseldorf', 40210, 40629],
];
// prettier-ignore
const STREETS = [
  'Musterstraße', 'Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Lindenallee',
  'Gartenstraße', 'Bergstraße', 'Kirchweg', 'Am Markt', 'Rosenweg', 'Friedrichstraße',
];
// prettier-ignore
const ZH_PLACES: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  ['上海市', ['浦东新区', '徐汇区', '静安区'], ['张江路', '世纪大道', '漕溪北路', '南京西路']],
  ['北京市', ['海淀区', '朝阳区'], ['中关村大街', '建国路', '学院路']],
  ['广东省深圳市', ['南山区', '福田区'], ['科技园路', '深南大道']],
  ['浙江省杭州市', ['西湖区', '滨江区'], ['文三路', '江南大道']],
];

// ---------------------------------------------------------------------------------------------
// Templates: `{slot}` is filled by SLOTS[slot](context)

export interface Person {
  name: string;
  first: string;
  /** e-mail local part */
  mail: string;
  wxid: string;
  /** Cumulative language weights: de, en, zh. */
  lang: readonly [number, number];
  weight: number;
}

interface Ctx {
  r: Rng;
  people: readonly Person[];
}

type Fill = (c: Ctx) => string;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function germanAddress(r: Rng): string {
  const [city, lo, hi] = r.pick(CITIES);
  const plz = String(r.range(lo, hi)).padStart(5, '0');
  const number = `${r.range(1, 140)}${r.chance(0.1) ? r.pick(['a', 'b']) : ''}`;
  return `${r.pick(STREETS)} ${number}, ${plz} ${city}`;
}

function chineseAddress(r: Rng): string {
  const [prov, districts, roads] = r.pick(ZH_PLACES);
  const building = r.chance(0.5) ? `${r.range(1, 12)}号楼${r.range(1, 30)}0${r.range(1, 9)}室` : '';
  return `${prov}${r.pick(districts)}${r.pick(roads)}${r.range(1, 999)}号${building}`;
}

function password(r: Rng): string {
  const words = ['Sommer', 'Winter', 'Hafen', 'Tiger', 'Falke', 'Blume', 'Anker', 'Xy', 'Qx', 'Lm'];
  const sym = '!#$%&*?@';
  let s = r.pick(words) + String(r.range(1, 9999));
  if (r.chance(0.7)) s += sym[r.int(sym.length)]!;
  if (r.chance(0.4)) s += r.hex(3).toUpperCase();
  return s;
}

const SLOTS: Record<string, Fill> = {
  emoji: (c) => c.r.pick(EMOJI),
  emojiOpt: (c) => (c.r.chance(0.35) ? ` ${c.r.pick(EMOJI)}` : ''),
  laugh: (c) => c.r.pick(['😂😂', '😂', '😅', '🤣🤣🤣', 'hahaha', 'Haha']),
  n: (c) => String(c.r.range(2, 40)),
  qty: (c) =>
    String(c.r.pick([10, 20, 25, 40, 50, 100, 120, 200, 250, 500, 800, 1000, 2500, 5000])),
  time: (c) => `${c.r.range(7, 20)}:${c.r.pick(['00', '15', '30', '45'])}`,
  hourPm: (c) => String(c.r.range(1, 6)),
  weekday: (c) => c.r.pick(WEEKDAYS),
  weekdayEn: (c) => c.r.pick(WEEKDAYS_EN),
  weekdayZh: (c) => c.r.pick(WEEKDAYS_ZH),
  date: (c) => `${c.r.range(1, 28)}.${c.r.range(1, 12)}.`,
  dateEn: (c) => `${c.r.pick(MONTHS_EN)} ${c.r.range(1, 28)}`,
  dateZh: (c) => `${c.r.range(1, 12)}月${c.r.range(1, 28)}日`,
  first: (c) => c.r.pick(c.people).first,
  customer: (c) => c.r.pick(CUSTOMERS),
  customerZh: (c) => c.r.pick(ZH_CUSTOMERS),
  product: (c) => c.r.pick(PRODUCTS),
  productEn: (c) => c.r.pick(PRODUCTS_EN),
  productZh: (c) => c.r.pick(ZH_PRODUCTS),
  project: (c) => c.r.pick(PROJECTS),
  projectZh: (c) => c.r.pick(ZH_PROJECTS),
  orderNo: (c) => `AB-${c.r.range(20000, 99999)}`,
  invoiceNo: (c) => `RE-${c.r.range(2019, 2025)}-${c.r.range(1000, 9999)}`,
  percent: (c) => String(c.r.pick([2, 3, 5, 8, 10, 12, 15, 20])),
  meal: (c) => c.r.pick(['Mittagessen', 'Italiener', 'Döner', 'Kantine', 'Sushi', 'Kaffee']),
  food: (c) => c.r.pick(['Kuchen', 'Salat', 'Getränke', 'Chips', 'Brötchen', 'Nudelsalat']),
  activity: (c) => c.r.pick(['Kino', 'Bouldern', 'Grillen', 'Joggen', 'Bowling', 'Biergarten']),
  activityEn: (c) => c.r.pick(['a movie', 'drinks', 'football', 'a hike', 'pizza', 'karaoke']),
  city: (c) => c.r.pick(CITIES)[0],
  weather: (c) => c.r.pick(['traumhaft', 'eklig', 'regnerisch', 'viel zu heiß', 'windig']),
  transport: (c) => c.r.pick(['Der Zug', 'Der Bus', 'Der ICE', 'Die S-Bahn', 'Der Flieger']),
  event: (c) => c.r.pick(['der Urlaub', 'die Party', 'das Konzert', 'der Umzug', 'die Hochzeit']),
  eventEn: (c) =>
    c.r.pick(['the trip', 'the party', 'the concert', 'your first week', 'the wedding']),
  score: (c) => `${c.r.int(5)}:${c.r.int(4)}`,
  placeZh: (c) => c.r.pick(['门口', '地铁站', '楼下', '公司', '商场', '停车场']),
  foodZh: (c) => c.r.pick(['火锅', '烧烤', '饺子', '小龙虾', '面', '日料']),
  weatherZh: (c) => c.r.pick(['下雨', '降温', '太热了', '有雾霾', '天气不错']),
  // Sensitive values.
  iban: (c) => randomIban(c.r),
  ibanFriendly: (c) => friendlyFormatIBAN(randomIban(c.r)) ?? '',
  phoneBerlin: (c) => `+49 30 ${c.r.range(2, 9)}${c.r.digits(2)} ${c.r.digits(4)}`,
  mobileDe: (c) =>
    `+49 ${c.r.pick(['151', '160', '170', '176'])} ${c.r.digits(4)} ${c.r.digits(4)}`,
  mobileDeNational: (c) => `0${c.r.pick(['151', '152', '172', '178'])}/${c.r.digits(8)}`,
  mobileCn: (c) => `1${c.r.pick(['38', '39', '58', '86'])} ${c.r.digits(4)} ${c.r.digits(4)}`,
  mobileCnCompact: (c) => `1${c.r.pick(['37', '38', '88'])}${c.r.digits(8)}`,
  email: (c) => {
    const p = c.r.pick(c.people);
    return `${p.mail}${c.r.chance(0.3) ? c.r.range(1, 99) : ''}@${c.r.pick(['example.com', 'example.de'])}`;
  },
  emailCustomer: (c) =>
    `${c.r.pick(['info', 'einkauf', 'buchhaltung', 'sales', 'orders'])}@${c.r.pick(['example.com', 'example.de'])}`,
  address: (c) => germanAddress(c.r),
  addressZh: (c) => chineseAddress(c.r),
  password: (c) => password(c.r),
  user: (c) =>
    `${c.r.pick(c.people).first.toLowerCase()}.${c.r.pick(['admin', 'crm', 'shop', 'vpn'])}`,
  card: (c) => randomCard(c.r),
  expiry: (c) => `${pad2(c.r.range(1, 12))}/${c.r.range(26, 31)}`,
  amount: (c) => thousands(c.r.range(8, 990) * 50),
  unitPrice: (c) => `${c.r.range(1, 250)},${pad2(c.r.int(100))}`,
  unitPriceEn: (c) => `${c.r.range(1, 250)}.${pad2(c.r.int(100))}`,
  days: (c) => String(c.r.pick([10, 14, 30, 30, 45, 60, 90])),
  yuan: (c) => String(c.r.range(8, 9800)),
};

function compile(template: string): Fill {
  const parts = template.split(/\{(\w+)\}/);
  const fills: Array<string | Fill> = parts.map((p, i) => {
    if (i % 2 === 0) return p;
    const slot = SLOTS[p];
    if (!slot) throw new Error(`bench-data: unknown slot {${p}} in "${template}"`);
    return slot;
  });
  return (c) => {
    let out = '';
    for (const f of fills) out += typeof f === 'string' ? f : f(c);
    return out;
  };
}

type Lang = 0 | 1 | 2; // de, en, zh
type Pool = readonly [readonly Fill[], readonly Fill[], readonly Fill[]];
const pool = (de: string[], en: string[], zh: string[]): Pool => [
  de.map(compile),
  en.map(compile),
  zh.map(compile),
];

// prettier-ignore
const SMALL_TALK = pool(
  [
    'Guten Morgen zusammen{emojiOpt}', 'Morgen!', 'ok', 'ok 👍', '👍', 'Ja', 'Nee, leider nicht',
    'Super!{emojiOpt}', 'Bin in {n} Minuten da', 'Wer kommt heute mit zum {meal}?',
    'Hat jemand Lust auf {activity} am {weekday}?', '{weekday} passt mir gut{emojiOpt}',
    '{transport} hat wieder Verspätung {emoji}', 'Danke dir, {first}!', '{laugh}',
    'Haha {laugh} das glaube ich nicht', 'Schönes Wochenende euch allen{emojiOpt}',
    'Wie war {event}?', 'Ich bring {food} mit', 'Kannst du mich kurz zurückrufen?',
    'Alles klar, bis später', 'Bis {weekday}!', 'Das Wetter in {city} ist heute {weather}',
    'Glückwunsch {first}!! {emoji}', 'Ich bin ab {time} zuhause', 'Gute Nacht{emojiOpt}',
    'Hat jemand meinen Schlüssel gesehen? 🙈', 'Sorry, war im Funkloch', 'Klingt gut!',
    'Wo seid ihr gerade?', 'Fahre jetzt los{emojiOpt}', 'Stau auf der A{n} {emoji}',
    'Danke euch allen für gestern, war richtig schön {emoji}', 'Gute Besserung {first}!',
    'Ich schaffe es heute leider nicht, sorry', 'Wer holt die Kinder ab?',
    'Hab das Foto gerade erst gesehen {laugh}', 'Jemand noch was vom Bäcker?',
  ],
  [
    'Morning!{emojiOpt}', 'ok', 'Sure', 'Thanks {first}, that works for me',
    'Running {n} min late, sorry', 'Did you see the game yesterday? {score}!',
    'Anyone up for {activityEn} on {weekdayEn}?', 'See you at {time}', 'lol {laugh}',
    'Happy birthday {first}!! {emoji}', 'How was {eventEn}?', 'On my way{emojiOpt}',
    'Sounds good', 'Can’t make it tonight, sorry', 'Where are you guys?', 'Good night all',
    'Just landed {emoji}', 'That’s hilarious {laugh}',
  ],
  [
    '好的，收到', '明天见', '辛苦了 🙏', '我到了，在{placeZh}等你', '{weekdayZh}一起吃{foodZh}吧？',
    '今天{weatherZh}，记得带伞', '哈哈哈{emoji}', '周末去哪儿玩？', '生日快乐！🎂', '好的好的',
    '晚安{emojiOpt}', '我马上到', '谢谢大家', '在吗？', '刚看到，不好意思', '👍',
  ],
);

// prettier-ignore
const WORK_TALK = pool(
  [
    'Kunde {customer} hat die Bestellung {orderNo} über {qty} Stück {product} bestätigt',
    'Meeting mit {customer} am {weekday} um {time} Uhr, wer ist dabei?',
    'Das Angebot für {customer} muss bis {weekday} raus',
    'Rechnung {invoiceNo} an {customer} ist verschickt',
    'Deadline für {project} ist der {date}, wir hängen hinterher',
    'Kann jemand die Lieferung für {customer} prüfen? Liefertermin ist der {date}',
    '{customer} fragt nach dem Status vom Auftrag {orderNo}',
    'Bitte die Präsentation für {weekday} vorbereiten, der Kunde kommt um {time}',
    'Telko mit {customer} verschoben auf {weekday} {time}',
    'Lagerbestand {product} ist knapp, nur noch {qty} Stück',
    'Ich bin {weekday} beim Kunden {customer}, bitte Tickets an {first}',
    'Hat jemand das Protokoll vom Jour fixe?',
    'Reklamation von {customer}: {qty} {product} beschädigt angekommen',
    'Wer übernimmt die Angebotsprüfung für {project}?',
    'Bin morgen im Homeoffice, erreichbar ab {time}',
    'Die Abnahme bei {customer} ist auf den {date} gelegt',
    'Budget für {project} ist freigegeben{emojiOpt}',
    'Urlaubsantrag für die Woche ab dem {date} ist eingereicht',
  ],
  [
    'Customer {customer} confirmed order {orderNo} for {qty} {productEn}',
    'Meeting with {customer} moved to {weekdayEn} {time}',
    'Can someone send the quote to {customer} by {weekdayEn}?',
    'Invoice {invoiceNo} for {customer} is overdue',
    'Deadline for {project} is {dateEn}, we are behind',
    'Shipment for {customer} left the warehouse today',
    'Who is covering the {customer} call on {weekdayEn}?',
    'Please update the forecast before the board meeting',
  ],
  [
    '客户{customerZh}的订单{orderNo}明天发货', '{weekdayZh}下午{hourPm}点开会，讨论{projectZh}的进度',
    '报价单今天发给{customerZh}了', '发票{invoiceNo}已经开好了', '{customerZh}催交货了，最晚{dateZh}',
    '合同我改好了，请法务看一下', '{projectZh}的方案下周一前要交', '样品已经寄给{customerZh}了',
    '库存只剩{qty}个{productZh}了，要不要补货？', '今天的会议纪要发群里了',
  ],
);

// prettier-ignore
const SENSITIVE = pool(
  [
    'Kannst du mir die Rechnung schicken? Die IBAN ist {ibanFriendly}',
    'Bankverbindung {customer}: IBAN {iban}', 'Neue Kontoverbindung: {ibanFriendly}, Kontoinhaber {first}',
    'Ruf mich an: {phoneBerlin}', 'Handy von {first}: {mobileDe}', 'Meine neue Nummer: {mobileDeNational}',
    'Ansprechpartner bei {customer}: Tel. {phoneBerlin}, {email}', 'Schreib mir an {email}',
    'Bestellungen bitte an {emailCustomer}',
    'Meine neue Adresse: {address}', 'Lieferadresse {customer}: {address}', 'Wir treffen uns {address}',
    'Passwort: {password}', 'WLAN-Passwort ist {password}', 'Login fürs CRM: {user} / Passwort {password}',
    'Angebot für {customer}: {amount} € netto, Zahlungsziel {days} Tage',
    'Stückpreis {unitPrice} € netto bei {qty} Stück für {customer}',
    'Mit {customer} vereinbart: Zahlungsziel {days} Tage netto, {percent} % Skonto',
    'Kreditkarte für die Buchung: {card}, gültig bis {expiry}', 'Firmenkarte {card} ist hinterlegt',
  ],
  [
    'Please transfer to {iban}', 'Call me on {mobileDe}', 'Contact at {customer}: {email}',
    'Ship it to {address}', 'password for the portal is {password}',
    'Quote for {customer}: unit price USD {unitPriceEn} per pc, net {days}',
    'Card for the hotel: {card} exp {expiry}',
  ],
  [
    '我的电话 {mobileCn}', '手机{mobileCnCompact}，到了打给我', '邮箱 {email}，发到这里',
    '收货地址：{addressZh}', '测试环境账号：admin，密码 {password}',
    '{customerZh}的报价：单价{yuan}元，含税，账期{days}天', '请汇款到 {iban}', '卡号 {card}',
  ],
);

// ---------------------------------------------------------------------------------------------
// Chats

export interface ChatMix {
  system: number;
  media: number;
  deleted: number;
  sensitive: number;
  work: number;
  /** Share of all messages that are multi-line. */
  multiLine: number;
}

export const DEFAULT_MIX: ChatMix = {
  system: 0.02,
  media: 0.05,
  deleted: 0.005,
  sensitive: 0.02,
  work: 0.25,
  multiLine: 0.08,
};

export interface ChatOptions {
  seed?: number;
  group?: boolean;
  /** Number of people in the chat (default 8 for a group, 2 otherwise). */
  people?: number;
  /** Overrides of the default mix; `work` defaults to 0.12 in 1:1 chats. */
  mix?: Partial<ChatMix>;
  /** First message time (ms since epoch, read as wall-clock time). */
  start?: number;
  /** Average time between messages in seconds. */
  meanGapSeconds?: number;
  /** Mostly Chinese speakers (WeChat). */
  chinese?: boolean;
}

export type MediaKind = 'image' | 'video' | 'audio' | 'sticker' | 'document' | 'location';
export type SystemKind = 'added' | 'left' | 'joined' | 'security' | 'recall' | 'pat';

export interface ChatMessage {
  /** ms since epoch, wall-clock time */
  time: number;
  sender: Person;
  kind: 'text' | 'media' | 'system' | 'deleted';
  /** Text lines joined by `\n` (kind `text`). */
  text: string;
  media?: MediaKind;
  system?: { kind: SystemKind; target: Person };
}

function makePeople(r: Rng, count: number, chinese: boolean): Person[] {
  const people: Person[] = [];
  const used = new Set<string>();
  while (people.length < count) {
    let name: string;
    let first: string;
    let mail: string;
    let lang: [number, number];
    const roll = r.next();
    if (chinese ? roll < 0.85 : roll < 0.12) {
      const [zh, pinyin] = r.pick(ZH_NAMES);
      name = zh;
      first = zh.slice(1);
      mail = pinyin;
      lang = chinese ? [0.03, 0.13] : [0.25, 0.45];
    } else if (!chinese && roll < 0.25) {
      name = r.pick(OTHER_NAMES);
      first = name.split(' ')[0]!;
      mail = name.toLowerCase().replace(/[^a-z]+/g, '.');
      lang = [0.3, 0.9];
    } else {
      first = r.pick(DE_FIRST);
      const last = r.pick(DE_LAST);
      name = r.chance(0.15) ? first : `${first} ${last}`;
      mail = `${first}.${last}`.toLowerCase().replace(/ü/g, 'ue').replace(/ö/g, 'oe');
      lang = chinese ? [0.5, 0.8] : [0.8, 0.97];
    }
    if (used.has(name)) continue;
    used.add(name);
    if (!chinese && people.length > 0 && r.chance(0.12)) name = `~ ${name}`;
    people.push({
      name,
      first,
      mail,
      wxid: `wxid_${r.hex(12)}`,
      lang,
      // A few people write most of the messages.
      weight: 1 / Math.pow(people.length + 1, 0.8),
    });
  }
  return people;
}

/** An endless, seeded stream of chat messages. */
export class ChatGenerator {
  readonly people: Person[];
  readonly group: boolean;
  readonly title: string;
  private readonly r: Rng;
  private readonly mix: ChatMix;
  private readonly ctx: Ctx;
  private readonly cumulative: number[];
  private readonly totalWeight: number;
  private readonly meanGap: number;
  private time: number;
  private last: Person | undefined;

  constructor(options: ChatOptions = {}) {
    this.r = new Rng(options.seed ?? 42);
    this.group = options.group ?? true;
    const chinese = options.chinese ?? false;
    this.people = makePeople(this.r, options.people ?? (this.group ? 8 : 2), chinese);
    this.title = this.group
      ? this.r.pick(chinese ? ZH_GROUP_TITLES : GROUP_TITLES)
      : this.people[1]!.name.replace(/^~ /, '');
    this.mix = { ...DEFAULT_MIX, ...(this.group ? {} : { work: 0.12 }), ...options.mix };
    this.ctx = { r: this.r, people: this.people };
    let sum = 0;
    this.cumulative = this.people.map((p) => (sum += p.weight));
    this.totalWeight = sum;
    this.meanGap = (options.meanGapSeconds ?? 600) * 1000;
    this.time = options.start ?? Date.UTC(2019, 0, 7, 8, 0);
  }

  private sender(): Person {
    // People rarely answer themselves twice in a row; re-roll once.
    for (let attempt = 0; ; attempt++) {
      const x = this.r.next() * this.totalWeight;
      let i = 0;
      while (this.cumulative[i]! < x) i++;
      const p = this.people[i]!;
      if (p !== this.last || attempt > 0) return (this.last = p);
    }
  }

  private advance(): void {
    // Exponential gaps; nights are skipped (a message at 01:00–06:59 moves to the morning).
    this.time += Math.floor(-Math.log(1 - this.r.next()) * this.meanGap) + 1000;
    const hour = Math.floor(this.time / 3_600_000) % 24;
    if (hour >= 1 && hour < 7) this.time += (7 - hour) * 3_600_000;
  }

  private lang(p: Person): Lang {
    const x = this.r.next();
    return x < p.lang[0] ? 0 : x < p.lang[1] ? 1 : 2;
  }

  private text(from: Pool, lang: Lang): string {
    return this.r.pick(from[lang])(this.ctx);
  }

  next(): ChatMessage {
    this.advance();
    const r = this.r;
    const m = this.mix;
    const sender = this.sender();
    const time = this.time;
    let x = r.next();
    if ((x -= m.system) < 0) {
      const target = r.pick(this.people);
      const kinds: readonly SystemKind[] = this.group
        ? ['added', 'left', 'joined', 'security', 'recall', 'pat']
        : ['security', 'recall', 'pat'];
      return { time, sender, kind: 'system', text: '', system: { kind: r.pick(kinds), target } };
    }
    if ((x -= m.media) < 0) {
      const media = r.pick<MediaKind>([
        'image',
        'image',
        'image',
        'video',
        'audio',
        'audio',
        'sticker',
        'document',
        'location',
      ]);
      return { time, sender, kind: 'media', text: '', media };
    }
    if ((x -= m.deleted) < 0) return { time, sender, kind: 'deleted', text: '' };
    const lang = this.lang(sender);
    let text: string;
    if ((x -= m.sensitive) < 0) text = this.text(SENSITIVE, lang);
    else if (x < m.work) text = this.text(WORK_TALK, lang);
    else text = this.text(SMALL_TALK, lang);
    const textShare = 1 - m.system - m.media - m.deleted;
    if (r.next() < m.multiLine / textShare) {
      const lines = r.range(1, 3);
      for (let i = 0; i < lines; i++) {
        text += r.chance(0.25) ? '\n\n' : '\n';
        text += this.text(r.chance(0.5) ? WORK_TALK : SMALL_TALK, lang);
      }
    }
    return { time, sender, kind: 'text', text };
  }
}

// ---------------------------------------------------------------------------------------------
// Renderers: one export layout each

export interface Renderer {
  /** Lines before the first message. */
  head(): string;
  /** How many messages (system lines) `head()` holds. */
  headMessages: number;
  line(m: ChatMessage): string;
}

function ddmmyy(t: number): string {
  const d = new Date(t);
  return `${pad2(d.getUTCDate())}.${pad2(d.getUTCMonth() + 1)}.${pad2(d.getUTCFullYear() % 100)}`;
}

function hhmm(t: number): string {
  const d = new Date(t);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function germanSystem(m: ChatMessage, group: boolean): string {
  const s = m.system!;
  const a = m.sender.name.replace(/^~ /, '');
  const b = s.target.name.replace(/^~ /, '');
  if (!group)
    return `Deine Sicherheitsnummer für ${b} hat sich geändert. Tippe, um mehr zu erfahren.`;
  switch (s.kind) {
    case 'added':
      return `${a} hat ${b} hinzugefügt`;
    case 'left':
      return `${a} hat die Gruppe verlassen`;
    case 'joined':
      return `${a} ist über den Einladungslink dieser Gruppe beigetreten`;
    default:
      return `Deine Sicherheitsnummer für ${b} hat sich geändert. Tippe, um mehr zu erfahren.`;
  }
}

const ENCRYPTED_DE =
  'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren.';

/** WhatsApp Android, German locale: `dd.mm.yy, hh:mm - Sender: text`, LF. */
export function whatsAppAndroid(chat: ChatGenerator, start: number): Renderer {
  const header = (t: number): string => `${ddmmyy(t)}, ${hhmm(t)} - `;
  return {
    headMessages: chat.group ? chat.people.length + 1 : 1,
    head: () => {
      let s = `${header(start)}${ENCRYPTED_DE}\n`;
      if (chat.group) {
        const [creator, ...rest] = chat.people;
        s += `${header(start)}${creator!.name.replace(/^~ /, '')} hat die Gruppe „${chat.title}“ erstellt\n`;
        for (const p of rest)
          s += `${header(start)}Du hast ${p.name.replace(/^~ /, '')} hinzugefügt\n`;
      }
      return s;
    },
    line: (m) => {
      const h = header(m.time);
      switch (m.kind) {
        case 'text':
          return `${h}${m.sender.name}: ${m.text}\n`;
        case 'deleted':
          return `${h}${m.sender.name}: Diese Nachricht wurde gelöscht\n`;
        case 'system':
          return `${h}${germanSystem(m, chat.group)}\n`;
        case 'media':
          if (m.media === 'location')
            return `${h}${m.sender.name}: Standort: https://maps.google.com/?q=52.5${m.time % 9999},13.4${m.time % 7777}\n`;
          return `${h}${m.sender.name}: ${m.time % 3 === 0 ? '<Medien weggelassen>' : '<Medien ausgeschlossen>'}\n`;
      }
    },
  };
}

/** WhatsApp iOS, German locale: `[dd.mm.yy, hh:mm:ss] Sender: text`, CRLF, LRM marks. */
export function whatsAppIos(chat: ChatGenerator, start: number): Renderer {
  const LRM = '\u200E';
  const header = (t: number): string =>
    `[${ddmmyy(t)}, ${hhmm(t)}:${pad2(Math.floor(t / 1000) % 60)}] `;
  // System lines are authored by the group (or the contact in a 1:1 chat).
  const systemAuthor = chat.group ? chat.title : chat.people[1]!.name;
  let counter = 1;
  return {
    headMessages: 1,
    head: () => `\uFEFF${header(start)}${systemAuthor}: ${LRM}${ENCRYPTED_DE}\r\n`,
    line: (m) => {
      const h = header(m.time);
      switch (m.kind) {
        case 'text':
          return `${h}${m.sender.name}: ${m.text.replace(/\n/g, '\r\n')}\r\n`;
        case 'deleted':
          return `${LRM}${h}${m.sender.name}: ${LRM}Diese Nachricht wurde gelöscht.\r\n`;
        case 'system':
          return `${LRM}${h}${systemAuthor}: ${LRM}${germanSystem(m, chat.group)}\r\n`;
        case 'media': {
          const d = new Date(m.time).toISOString();
          const stamp = `${d.slice(0, 10)}-${d.slice(11, 19).replace(/:/g, '-')}`;
          const id = String(counter++).padStart(8, '0');
          const body =
            m.media === 'image'
              ? `<Anhang: ${id}-PHOTO-${stamp}.jpg>`
              : m.media === 'audio'
                ? `<Anhang: ${id}-AUDIO-${stamp}.opus>`
                : m.media === 'video'
                  ? 'Video weggelassen'
                  : m.media === 'sticker'
                    ? 'Sticker weggelassen'
                    : m.media === 'document'
                      ? `Angebot_${id}.pdf • 2 Seiten ${LRM}Dokument weggelassen`
                      : 'Bild weggelassen';
          return `${LRM}${h}${m.sender.name}: ${LRM}${body}\r\n`;
        }
      }
    },
  };
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function cst(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

function weChatMedia(m: ChatMessage, r: Rng): { type: string; content: string } {
  const x = '<?xml version="1.0"?>\n<msg>\n';
  switch (m.media) {
    case 'image':
      return {
        type: '3,0',
        content: `${x}\t<img aeskey="${r.hex(32)}" encryver="1" cdnthumblength="${r.range(2000, 9000)}" length="${r.range(30000, 900000)}" md5="${r.hex(32)}" />\n</msg>`,
      };
    case 'audio':
      return {
        type: '34,0',
        content: `<msg><voicemsg endflag="1" length="${r.range(2000, 60000)}" voicelength="${r.range(1000, 59000)}" clientmsgid="${r.digits(8)}" fromusername="${m.sender.wxid}" /></msg>`,
      };
    case 'video':
      return {
        type: '43,0',
        content: `${x}\t<videomsg aeskey="${r.hex(32)}" length="${r.range(100000, 9000000)}" playlength="${r.range(3, 120)}" md5="${r.hex(32)}" />\n</msg>`,
      };
    case 'sticker':
      return {
        type: '47,0',
        content: `<msg><emoji fromusername="${m.sender.wxid}" type="2" md5="${r.hex(32)}" len="${r.range(5000, 90000)}" /></msg>`,
      };
    case 'document':
      return {
        type: '49,6',
        content: `${x}\t<appmsg appid="" sdkver="0">\n\t\t<title>报价单_${r.pick(ZH_PROJECTS)}_${r.range(2019, 2025)}.xlsx</title>\n\t\t<des></des>\n\t\t<type>6</type>\n\t\t<appattach>\n\t\t\t<totallen>${r.range(10000, 900000)}</totallen>\n\t\t\t<fileext>xlsx</fileext>\n\t\t</appattach>\n\t</appmsg>\n</msg>`,
      };
    default:
      return {
        type: '49,5',
        content: `${x}\t<appmsg appid="" sdkver="0">\n\t\t<title>${r.pick(['年度总结', '行业报告', '招聘信息', '新品发布'])}</title>\n\t\t<des></des>\n\t\t<type>5</type>\n\t\t<url>https://example.com/a/${r.hex(10)}?from=wechat&amp;id=${r.digits(4)}</url>\n\t</appmsg>\n</msg>`,
      };
  }
}

/** WeChatMsg/MemoTrace 2.x per-contact CSV: BOM, CRLF, quoted multi-line fields, XML media. */
export function weChatMemoTrace(chat: ChatGenerator, seed: number): Renderer {
  const r = new Rng(seed ^ 0x5bd1e995);
  const self = chat.people[0]!;
  const other = chat.people[1]!;
  let id = 1000;
  return {
    headMessages: 0,
    head: () =>
      '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n',
    line: (m) => {
      id++;
      // CreateTime is Unix seconds; StrTime the same instant in China Standard Time.
      const unix = Math.floor(m.time / 1000) - 8 * 3600;
      const time = `${unix},2,`;
      const strTime = cst(m.time);
      if (m.kind === 'system' || m.kind === 'deleted') {
        const s = m.system ?? { kind: 'recall', target: m.sender };
        const text =
          s.kind === 'added' || s.kind === 'joined'
            ? `"${m.sender.name}"邀请"${s.target.name}"加入了群聊`
            : s.kind === 'pat'
              ? `"${m.sender.name}" 拍了拍 "${s.target.name}"`
              : m.sender === self
                ? '你撤回了一条消息'
                : `"${m.sender.name}" 撤回了一条消息`;
        return `${id},7,10000,0,0,${time}${csvField(text)},${strTime},,,\r\n`;
      }
      const isSelf = m.sender === self;
      const who = isSelf
        ? `,${csvField(self.name)},${self.wxid}`
        : `${m.sender === other && !chat.group ? csvField(other.name) : ''},${csvField(m.sender.name)},${m.sender.wxid}`;
      let typeAndContent: string;
      if (m.kind === 'media') {
        const { type, content } = weChatMedia(m, r);
        typeAndContent = `${type},${isSelf ? 1 : 0},${time}${csvField(content)}`;
      } else if (r.chance(0.03)) {
        // A reply quoting an earlier message (type 49/57): the reply is the title.
        const quote = `<?xml version="1.0"?>\n<msg>\n\t<appmsg appid="" sdkver="0">\n\t\t<title>${m.text}</title>\n\t\t<des></des>\n\t\t<type>57</type>\n\t\t<refermsg>\n\t\t\t<type>1</type>\n\t\t\t<displayname>${other.name}</displayname>\n\t\t\t<content>好的</content>\n\t\t</refermsg>\n\t</appmsg>\n</msg>`;
        typeAndContent = `49,57,${isSelf ? 1 : 0},${time}${csvField(quote)}`;
      } else {
        typeAndContent = `1,0,${isSelf ? 1 : 0},${time}${csvField(m.text)}`;
      }
      return `${id},7,${typeAndContent},${strTime},${who}\r\n`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Writers

export type Layout = 'whatsapp-android' | 'whatsapp-ios' | 'wechat-memotrace';

export interface ExportOptions extends ChatOptions {
  layout?: Layout;
}

function rendererFor(layout: Layout, chat: ChatGenerator, start: number, seed: number): Renderer {
  if (layout === 'whatsapp-ios') return whatsAppIos(chat, start);
  if (layout === 'wechat-memotrace') return weChatMemoTrace(chat, seed);
  return whatsAppAndroid(chat, start);
}

function setup(options: ExportOptions, bytes: number): { chat: ChatGenerator; renderer: Renderer } {
  const layout = options.layout ?? 'whatsapp-android';
  const start = options.start ?? Date.UTC(2019, 0, 7, 8, 0);
  // Spread the chat over ~5 years unless told otherwise (~70 bytes per message).
  const meanGapSeconds =
    options.meanGapSeconds ?? Math.max(5, (5 * 365 * 86400) / Math.max(1, bytes / 70));
  const chat = new ChatGenerator({
    ...options,
    start,
    meanGapSeconds,
    chinese: options.chinese ?? layout === 'wechat-memotrace',
  });
  return { chat, renderer: rendererFor(layout, chat, start, options.seed ?? 42) };
}

/** Stops at `bytes` bytes or `messages` messages (system lines of the head included), whichever comes first. */
export interface Size {
  bytes?: number;
  messages?: number;
}

/**
 * Streams an export to `path` (through `path.partial`, renamed at the end, so an interrupted run
 * never leaves a file that looks complete). Memory stays flat: at most ~1 MB is buffered.
 */
export async function writeExport(
  path: string,
  size: Size,
  options: ExportOptions = {},
): Promise<{ messages: number; bytes: number }> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  const maxBytes = size.bytes ?? Infinity;
  const maxMessages = size.messages ?? Infinity;
  const { chat, renderer } = setup(options, size.bytes ?? (size.messages ?? 1000) * 70);
  let chunk = renderer.head();
  let written = Buffer.byteLength(chunk);
  let messages = renderer.headMessages;
  while (written < maxBytes && messages < maxMessages) {
    const line = renderer.line(chat.next());
    chunk += line;
    written += Buffer.byteLength(line);
    messages++;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  await rename(partial, path);
  return { messages, bytes: written };
}

/** The same, in memory (for small files). */
export function exportText(
  size: Size,
  options: ExportOptions = {},
): { text: string; messages: number } {
  const maxBytes = size.bytes ?? Infinity;
  const maxMessages = size.messages ?? Infinity;
  const { chat, renderer } = setup(options, size.bytes ?? (size.messages ?? 1000) * 70);
  const parts = [renderer.head()];
  let written = Buffer.byteLength(parts[0]!);
  let messages = renderer.headMessages;
  while (written < maxBytes && messages < maxMessages) {
    const line = renderer.line(chat.next());
    parts.push(line);
    written += Buffer.byteLength(line);
    messages++;
  }
  return { text: parts.join(''), messages };
}

/** A WhatsApp Android (German locale) group export of about `megabytes` MB; returns messages. */
export async function writeWhatsAppExport(
  path: string,
  megabytes: number,
  options: ExportOptions = {},
): Promise<number> {
  const { messages } = await writeExport(path, { bytes: megabytes * 1024 * 1024 }, options);
  return messages;
}

/** A WeChatMsg/MemoTrace 2.x CSV (group unless `group: false`) of about `megabytes` MB. */
export async function writeWeChatCsv(
  path: string,
  megabytes: number,
  options: ExportOptions = {},
): Promise<number> {
  const { messages } = await writeExport(
    path,
    { bytes: megabytes * 1024 * 1024 },
    { seed: 7, ...options, layout: 'wechat-memotrace' },
  );
  return messages;
}

export async function sizeOf(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** Writes a zip; entries are buffers or files on disk. */
export async function writeZip(
  zipPath: string,
  entries: ReadonlyArray<{ name: string; data?: Buffer; file?: string; compress?: boolean }>,
): Promise<void> {
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    const options = { compress: e.compress ?? true, mtime: new Date(Date.UTC(2024, 9, 16)) };
    if (e.file) zip.addFile(e.file, e.name, options);
    else zip.addBuffer(e.data ?? Buffer.alloc(0), e.name, options);
  }
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'finish');
}

/** Zips `textPath` as an iOS-style export (`_chat.txt` next to a fake photo). */
export async function writeZipOf(textPath: string, zipPath: string): Promise<void> {
  await writeZip(zipPath, [
    {
      name: '00000035-PHOTO-2022-03-27-21-41-55.jpg',
      data: Buffer.alloc(512 * 1024, 0x5a),
      compress: false,
    },
    { name: '_chat.txt', file: textPath },
  ]);
}

/** Deletes older generator versions of `path` (`name-v1.txt` when writing `name-v2.txt`). */
export async function removeStaleVersions(path: string): Promise<void> {
  const dir = dirname(path);
  const match = /^(.*)-v(\d+)(\.[^.]*)?$/.exec(basename(path));
  if (!match) return;
  const [, stem, version, ext = ''] = match;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^(.*)-v(\d+)(\.[^.]*)?(\.partial)?$/.exec(name);
    if (m && m[1] === stem && (m[3] ?? '') === ext && (m[2] !== version || m[4])) {
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The batch: many small exports of every kind

export interface BatchManifest {
  generatorVersion: number;
  files: number;
  /** Bytes of chat text (inside zips: the `_chat.txt` entry). */
  textBytes: number;
  /** Bytes on disk. */
  fileBytes: number;
  messages: number;
  byKind: Record<string, number>;
}

/**
 * `count` exports into `dir`: ~50 % WhatsApp Android `.txt`, ~20 % iOS-style `.zip` (`_chat.txt`
 * and a photo), ~30 % WeChat MemoTrace CSVs; ~40 % groups. Chat text sizes 5–300 KB, skewed
 * small (median ~30 KB, mean ~55 KB: ~105 MB for 2,000 files).
 */
export async function writeBatch(dir: string, count: number): Promise<BatchManifest> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const r = new Rng(2000);
  const manifest: BatchManifest = {
    generatorVersion: GENERATOR_VERSION,
    files: count,
    textBytes: 0,
    fileBytes: 0,
    messages: 0,
    byKind: { 'whatsapp-android': 0, 'whatsapp-ios-zip': 0, 'wechat-memotrace': 0 },
  };
  for (let i = 0; i < count; i++) {
    const bytes = Math.round(5 * 1024 * Math.pow(60, Math.pow(r.next(), 1.5)));
    const roll = r.next();
    const layout: Layout =
      roll < 0.5 ? 'whatsapp-android' : roll < 0.7 ? 'whatsapp-ios' : 'wechat-memotrace';
    const group = r.chance(0.4);
    const options: ExportOptions = {
      seed: 10_000 + i,
      layout,
      group,
      people: group ? r.range(3, 12) : 2,
      start: Date.UTC(r.range(2017, 2024), r.int(12), r.range(1, 28), 8),
      // Small exports span weeks to a couple of years.
      meanGapSeconds: (r.range(20, 700) * 86400) / (bytes / 70),
    };
    const { text, messages } = exportText({ bytes }, options);
    const data = Buffer.from(text);
    const n = String(i).padStart(4, '0');
    const chat = new ChatGenerator(options); // same seed: the same title
    let path: string;
    if (layout === 'whatsapp-android') {
      path = join(dir, `WhatsApp Chat mit ${chat.title} ${n}.txt`);
      await writeFile(path, data);
      manifest.byKind['whatsapp-android']!++;
    } else if (layout === 'whatsapp-ios') {
      path = join(dir, `WhatsApp Chat - ${chat.title} ${n}.zip`);
      await writeZip(path, [
        { name: '_chat.txt', data },
        {
          name: `00000002-PHOTO-2024-05-13-09-12-04.jpg`,
          data: Buffer.alloc(r.range(8, 64) * 1024, 0x5a),
          compress: false,
        },
      ]);
      manifest.byKind['whatsapp-ios-zip']!++;
    } else {
      path = join(dir, `${chat.title}_${n}.csv`);
      await writeFile(path, data);
      manifest.byKind['wechat-memotrace']!++;
    }
    manifest.textBytes += data.length;
    manifest.fileBytes += await sizeOf(path);
    manifest.messages += messages;
  }
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// The old dense generator (v1): ~30 fixed strings, one message in five carries the same sensitive
// values. Kept for comparison with the figures in docs/performance.md (`--only dense`).

const DENSE_SENDERS = [
  'Anna Müller',
  'Jonas Becker',
  'Leonie Schmitz',
  '~ Carolina',
  'Wei Zhang',
  'Tom O’Brien',
];
// prettier-ignore
const DENSE_SMALL_TALK = [
  'Guten Morgen zusammen ☀️', 'ok 👍', 'Bin in 10 Minuten da', 'Danke dir!',
  'Wer kommt heute mit zum Mittagessen?', 'Haha 😂😂 das glaube ich nicht',
  'Schönes Wochenende euch allen', 'Kannst du mich kurz zurückrufen?', 'See you tomorrow at 9',
  'Thanks, that works for me', 'Running a bit late, sorry', 'Did you see the game yesterday? 3:1!',
  '好的，收到', '明天见', '辛苦了 🙏', '我到了，在门口等你', 'Der Zug hat wieder Verspätung 🙄',
  'Alles klar, bis später', 'Happy birthday!! 🎉', 'Wie war der Urlaub?',
];
const DENSE_TEXTS = [
  'Guten Morgen zusammen, der Termin mit dem Kunden ist um 14 Uhr.',
  'Kannst du mir die Rechnung schicken? Die IBAN ist DE89 3704 0044 0532 0130 00',
  'ok 👍',
  'Das Angebot für die Firma Beispiel GmbH liegt bei 12.400 € netto, Zahlungsziel 30 Tage.',
  '明天下午三点开会，请准备好报价单。',
  'Ruf mich an: +49 30 901820 17',
  'See you at the station, the train leaves at 9:41 from platform 7.',
  'Haha 😂😂 das glaube ich nicht',
  'Meine neue Adresse: Musterstraße 12, 10115 Berlin',
  'Passwort für das WLAN ist Sommer2024!',
];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** v1 dense WhatsApp Android export of about `megabytes` MB (the 100 MB case of session 1). */
export async function writeDenseWhatsAppExport(path: string, megabytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const random = lcg(42);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let messages = 0;
  let time = Date.UTC(2021, 0, 1, 8, 0);
  let batch: string[] = [];
  const header = (t: number): string => `${ddmmyy(t)}, ${hhmm(t)} - `;
  batch.push(`${header(time)}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.\n`);
  while (written < target) {
    time += Math.floor(random() * 600_000);
    const sender = DENSE_SENDERS[Math.floor(random() * DENSE_SENDERS.length)]!;
    const roll = random();
    let line: string;
    if (roll < 0.05) line = `${header(time)}${sender}: <Medien ausgeschlossen>\n`;
    else if (roll < 0.07) line = `${header(time)}${sender.replace('~ ', '')} ist beigetreten\n`;
    else if (roll < 0.15) {
      line = `${header(time)}${sender}: ${DENSE_TEXTS[Math.floor(random() * DENSE_TEXTS.length)]}\nzweite Zeile\n\ndritte Zeile nach Leerzeile\n`;
    } else if (roll < 0.25) {
      line = `${header(time)}${sender}: ${DENSE_TEXTS[Math.floor(random() * DENSE_TEXTS.length)]}\n`;
    } else
      line = `${header(time)}${sender}: ${DENSE_SMALL_TALK[Math.floor(random() * DENSE_SMALL_TALK.length)]}\n`;
    batch.push(line);
    written += Buffer.byteLength(line);
    messages++;
    if (batch.length >= 2000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
  return messages;
}

/** v1 dense WeChat MemoTrace 2.x 1:1 CSV of about `megabytes` MB. */
export async function writeDenseWeChatCsv(path: string, megabytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const random = lcg(7);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let id = 0;
  let time = 1_700_000_000;
  let batch: string[] = [
    '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n',
  ];
  const who = [
    ['张伟', 'Zhang Wei', 'wxid_k3j2h1g0f9e8'],
    ['', '小明', 'wxid_me1234567890'],
  ] as const;
  while (written < target) {
    id++;
    time += Math.floor(random() * 300);
    const strTime = cst((time + 8 * 3600) * 1000);
    const self = random() < 0.5 ? 1 : 0;
    const [remark, nick, wxid] = who[self];
    const roll = random();
    let content: string;
    let type = 1;
    if (roll < 0.05) {
      type = 3;
      content = '"<?xml version=""1.0""?>\r\n<msg><img aeskey=""abc"" length=""102400"" /></msg>"';
    } else if (roll < 0.15) content = '"好的，收到\r\n我会通知其他人"';
    else if (roll < 0.25)
      content = DENSE_TEXTS[Math.floor(random() * DENSE_TEXTS.length)]!.replace(/,/g, '，');
    else
      content = DENSE_SMALL_TALK[Math.floor(random() * DENSE_SMALL_TALK.length)]!.replace(
        /,/g,
        '，',
      );
    const line = `${id},7,${type},0,${self},${time},2,${content},${strTime},${remark},${nick},${wxid}\r\n`;
    batch.push(line);
    written += Buffer.byteLength(line);
    if (batch.length >= 2000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
  return id;
}
