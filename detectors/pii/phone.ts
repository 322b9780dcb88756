import { execAll } from '../../src/detect/exec-all.js';
import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import {
  BUSINESS_NUMBER_WORDS,
  longestFirst,
  closestBefore,
  digitsOf,
  global,
  hasCjk,
  isAlnumChar,
} from './_digits.js';

// A run of digits with the separators people type in phone numbers: one to three of space, hyphen,
// dot, slash; parentheses around an area code; the German trunk "(0)" after a country code.
// Never starts right after a letter, a digit, or a digit plus one separator, so it cannot begin
// inside an IBAN, an amount or another number. Every separator alternative is digit-free except
// "(0)", and repetition is bounded: linear time.
const SEP = '(?:[ \\-./]{1,3}|\\s?\\(0\\)\\s?|\\s?\\(|\\)[ \\-]?)';
const CANDIDATE = new RegExp(
  `(?<![\\p{N}\\p{Lu}\\p{Ll}+#@_%])(?<!\\p{N}[ .,/\\-:]?)(?:\\+\\s?|\\(\\s?)?\\d(?:${SEP}?\\d){5,40}`,
  'gu',
);

// Keywords that make a number a phone number, and keywords that make it something else.
const PHONE_WORDS = keywords(
  longestFirst([
    'tel',
    'tel.',
    'telefon*',
    '*telefon',
    'telefonisch',
    'fon',
    'handy*',
    '*handy',
    'mobil*',
    'mobile',
    'mob',
    'nummer',
    'nummern',
    'number',
    'numbers',
    'rufnummer',
    'durchwahl',
    'festnetz*',
    'fax',
    'ruf',
    'rufe',
    'ruft',
    'anruf*',
    'anrufen',
    'rückruf*',
    'zurückrufen',
    'erreichbar',
    'phone',
    'telephone',
    'cell',
    'cellphone',
    'call',
    'calls',
    'text me',
    'ring',
    'reach me',
    'dial',
    'whatsapp',
    'whats app',
    'signal',
    'telegram',
    'sms',
    'hotline',
    'contact',
    'kontakt*',
    '电话',
    '手机',
    '座机',
    '联系',
    '打给',
    '打我',
    '致电',
    '拨打',
    '来电',
    '热线',
    '传真',
    '微信',
  ]),
);
const PHONE_WORDS_G = global(PHONE_WORDS);
const OTHER_NUMBER_WORDS = global(
  keywords(
    longestFirst([
      ...BUSINESS_NUMBER_WORDS,
      'plz',
      'postleitzahl',
      'raum',
      'zimmer',
      'steuer id*',
      'steuerid*',
      'steuernummer',
      'steuer nr',
      'identifikationsnummer',
      'steueridentifikationsnummer',
      'idnr',
      'ust id*',
      'ustid*',
      'ust nr',
      'iban',
      'bic',
      'blz',
      'konto',
      'kontonummer',
      'konto nr',
      'version',
      'ver',
      'build',
      'pin',
      'puk',
      'tan',
      'code',
      'otp',
      'account',
      'account no',
      'account number',
      'acct',
      'zip',
      'zip code',
      'postcode',
      'room',
      'tax id',
      'vat',
      'tin',
      'card number',
      'credit card',
      'kreditkarte',
      'kartennummer',
      'ausweis*',
      'personalausweis*',
      'passport',
      'reisepass*',
      '身份证',
      '税号',
      '账号',
      '帐号',
      '卡号',
      '银行卡',
      '邮编',
      '房间',
      '工号',
      '学号',
      '版本',
      '验证码',
      '密码',
      '金额',
      '价格',
      '护照',
    ]),
  ),
);

// Shapes that are dates, times or amounts, never phone numbers.
const DATE_START = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
const THOUSANDS = /^\d{1,3}(?:[.,' ]\d{3})+$/;
const DECIMAL = /^[^.]*\.\d{1,2}$/;
const CURRENCY_BEFORE = /(?:[€$£¥]|EUR|USD|CHF|GBP|RMB|CNY)\s?$/i;
const CURRENCY_AFTER = /^\s?(?:[€$£¥%]|EUR|Euro|USD|CHF|GBP|RMB|CNY|元|块|万|km|kg|m²|Stk)/i;
const URL_BEFORE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s]*$/i;
const DIAL_LINK = /(?:wa\.me\/|tel:|callto:|whatsapp\.com\/send\?phone=)$/i;
// NANP written as a phone: (202) 555-0143, 202-555-0143, 202.555.0143, 1-202-555-0143.
const NANP_FORMATTED = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const NANP_DIGITS = /^1?[2-9]\d{2}[2-9]\d{6}$/;
const CN_MOBILE = /^1[3-9]\d{9}$/;
const GERMAN_HINT =
  /[äöüß]|(?<![a-z])(?:und|ich|du|ist|nicht|mit|bitte|mir|mich|dich|meine?|deine?|unter|morgen|heute|danke|gerne?)(?![a-z])/i;

type Lang = 'de' | 'en' | 'zh';
const NATIONAL_REGIONS: Record<Lang, readonly CountryCode[]> = {
  de: ['DE', 'AT', 'CH', 'GB'],
  en: ['GB', 'DE', 'AT', 'CH'],
  zh: ['CN', 'DE', 'GB', 'AT', 'CH'],
};

function language(text: string, context: { readonly before: string }): Lang {
  if (hasCjk(text)) return 'zh';
  if (GERMAN_HINT.test(text)) return 'de';
  const { before } = context;
  if (hasCjk(before)) return 'zh';
  return GERMAN_HINT.test(before) ? 'de' : 'en';
}

function tryParse(value: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(value, region);
  } catch {
    return undefined;
  }
}

interface Reading {
  number: PhoneNumber;
  base: number;
  why: string;
}

/** Reads a candidate as a phone number and gives it a base score from its shape alone. */
function read(raw: string, digits: string, lang: Lang, dialLink: boolean): Reading | undefined {
  const formatted = /[ \-./()]/.test(raw);
  // International: +CC, 00CC, or the digits of a wa.me / tel: link.
  if (raw.startsWith('+') || /^00[1-9]/.test(digits) || dialLink) {
    const international = `+${digits.replace(/^00/, '')}`;
    const number = tryParse(raw.startsWith('+') ? raw : international);
    if (!number) return undefined;
    if (number.isValid()) {
      return { number, base: 0.75, why: `valid +${number.countryCallingCode} number` };
    }
    // The Ofcom and similar "drama" ranges (+44 7700 900…) are possible but never assigned.
    if (number.isPossible() && raw.startsWith('+') && formatted) {
      return { number, base: 0.55, why: `+${number.countryCallingCode} number of possible length` };
    }
    return undefined;
  }
  // Chinese mobile: 11 digits 1[3-9]…, with or without 3-4-4 grouping.
  if (CN_MOBILE.test(digits)) {
    const number = tryParse(digits, 'CN');
    if (!number?.isValid()) return undefined;
    const grouped = /^\d{3}[ -]\d{4}[ -]\d{4}$/.test(raw);
    const base = lang === 'zh' ? 0.6 : grouped ? 0.55 : 0.4;
    return { number, base, why: 'valid Chinese mobile number' };
  }
  // National with trunk prefix 0 (DE, AT, CH, UK; CN landlines in Chinese text).
  if (/^0[1-9]/.test(digits)) {
    // "07 12 19 23 28 33": pairs of digits are lottery numbers, scores, dates, not a number plan.
    const groups = raw.split(/[ \-./()]+/).filter(Boolean);
    if (groups.length >= 4 && groups[0]!.length <= 2) return undefined;
    // UK mobiles in English text, including the never-assigned drama range 07700 900xxx.
    if (lang === 'en' && /^07\d{9}$/.test(digits)) {
      const number = tryParse(raw, 'GB');
      if (number?.isPossible()) {
        const valid = number.isValid();
        const base = (formatted ? 0.6 : 0.55) - (valid ? 0 : 0.1);
        return { number, base, why: `${valid ? 'valid' : 'possible'} UK mobile number` };
      }
    }
    for (const region of NATIONAL_REGIONS[lang]) {
      const number = tryParse(raw, region);
      if (!number?.isValid()) continue;
      const type = number.getType();
      const mobile = type === 'MOBILE';
      const base = formatted ? 0.6 : mobile ? 0.55 : 0.4;
      return {
        number,
        base,
        why: `valid ${region} ${mobile ? 'mobile' : 'landline'} number${formatted ? ', phone formatting' : ''}`,
      };
    }
    return undefined;
  }
  // North American numbers need their usual formatting (or a keyword) to count.
  if (NANP_DIGITS.test(digits)) {
    const number = tryParse(digits.length === 11 ? `+${digits}` : digits, 'US');
    if (!number?.isValid()) return undefined;
    const shaped = NANP_FORMATTED.test(raw);
    return {
      number,
      base: shaped ? 0.55 : 0.3,
      why: `valid ${number.country ?? 'NANP'} number${shaped ? ', phone formatting' : ''}`,
    };
  }
  return undefined;
}

// A number sent in pieces: the previous message ends with its start ("+49 178", "电话 177"), this
// one starts with the rest ("99 50 369").
const HEAD_END =
  /(?:(?:\+|(?<!\d)00)[1-9](?:[ \-/()]{0,2}\d){1,10}|(?<![\p{N}\p{Lu}\p{Ll}])(?:0[1-9]|1[3-9])(?:[ \-/]?\d){1,8})[ \-/]{0,2}$/u;
const TAIL_START = /^\s{0,3}(\d(?:[ \-/.]?\d){2,12})(?![\p{N}\p{Lu}\p{Ll}])/u;

function continuedNumber(text: string, before: string): Hit | undefined {
  const tail = TAIL_START.exec(text);
  if (!tail) return undefined;
  const previous = before.slice(before.lastIndexOf('\n') + 1).trimEnd();
  const head = HEAD_END.exec(previous);
  if (!head) return undefined;
  const raw = `${head[0].trim()} ${tail[1]!}`;
  const digits = digitsOf(raw);
  if (digits.length < 7 || digits.length > 15) return undefined;
  const reading = read(raw, digits, language(text, { before }), false);
  if (!reading || reading.base < 0.55) return undefined;
  const word = contextWord(PHONE_WORDS, previous, previous.length, previous.length, {
    window: 120,
  });
  const international = head[0].startsWith('+') || head[0].startsWith('00');
  if (!word && !international) return undefined;
  const start = tail[0].length - tail[1]!.length;
  return {
    start,
    end: tail[0].length,
    value: reading.number.number,
    confidence: Math.min(0.95, reading.base + (word ? 0.3 : 0.1)),
    explanation: `${reading.why}; continues '${head[0].trim()}' from the previous message${word ? `; keyword '${word}' there` : ''}`,
  };
}

// Separators wide enough to stand between two numbers rather than inside one.
const WIDE_SEPARATOR = /\s[/-]\s|\s{2,}/;

interface Scan {
  text: string;
  /** The detector context, for `before` (read only when needed). */
  context: { readonly before: string };
  lang: Lang | undefined;
}

/** Scores the candidate `raw` at `start`; undefined when it is not a phone number. */
function consider(state: Scan, raw: string, start: number): Hit | undefined {
  const { text, context } = state;
  const end = start + raw.length;
  // Glued to a letter or a further digit, or a decimal part: something else.
  if (isAlnumChar(text[end]) || /^[.,]\d/.test(text.slice(end, end + 2))) return undefined;
  const digits = digitsOf(raw);
  if (digits.length < 7 || digits.length > 17) return undefined;
  const bare = raw.replace(/^\(\s?/, '');
  if (DATE_START.test(bare) || THOUSANDS.test(bare) || DECIMAL.test(bare)) return undefined;
  const head = text.slice(Math.max(0, start - 120), start);
  if (CURRENCY_BEFORE.test(head) || CURRENCY_AFTER.test(text.slice(end, end + 6))) return undefined;
  const dialLink = DIAL_LINK.test(head);
  if (!dialLink && URL_BEFORE.test(head)) return undefined;
  state.lang ??= language(text, context);
  const reading = read(raw, digits, state.lang, dialLink);
  if (!reading) return undefined;
  // The keyword standing closest before decides between "Tel." and "Kundennummer".
  const closest = closestBefore(PHONE_WORDS_G, OTHER_NUMBER_WORDS, text, start, 30);
  if (closest?.side === 'negative') return undefined;
  let confidence = reading.base;
  let why = reading.why;
  if (dialLink) {
    confidence = Math.max(confidence, 0.85);
    why += '; in a chat/dial link';
  }
  if (closest?.side === 'positive') {
    confidence += 0.3;
    why += `; keyword '${closest.word}' before it`;
  } else {
    const word = contextWord(PHONE_WORDS, text, start, end, { before: context, window: 120 });
    if (word) {
      confidence += 0.15;
      why += `; keyword '${word}' nearby`;
    }
  }
  return {
    start,
    end,
    value: reading.number.number,
    confidence: Math.min(0.95, confidence),
    explanation: why,
  };
}

export default defineDetector({
  id: 'pii/phone',
  category: 'pii',
  type: 'phone',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'A telephone number (DE, AT, CH, CN, US, UK and any +CC form) that libphonenumber validates, with phone formatting or a phone keyword; dates, amounts, order and tax numbers excluded.',
  prefilter: /\d(?:[ \-./()]{0,3}\d){6}/,
  requires: (stats) => stats.digits >= 7,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    const state: Scan = { text, context, lang: undefined };
    // A number continued from the message before starts this one (checked first: `before` costs).
    const split =
      TAIL_START.test(text) && context.before ? continuedNumber(text, context.before) : undefined;
    if (split) hits.push(split);
    for (const match of execAll(CANDIDATE, text)) {
      if (split && match.index < split.end) continue;
      const hit = consider(state, match[0], match.index);
      if (hit) {
        hits.push(hit);
        continue;
      }
      // "030 1234567 / 0151 23456789": two numbers joined by a wide separator; try each part.
      let offset = 0;
      for (const part of match[0].split(WIDE_SEPARATOR)) {
        const at = match[0].indexOf(part, offset);
        offset = at + part.length;
        if (part.length === match[0].length || !/^[+(\d]/.test(part)) continue;
        const partHit = consider(state, part, match.index + at);
        if (partHit) hits.push(partHit);
      }
    }
    return hits;
  },
  examples: {
    match: [
      'Meine Handynummer: [[+49 (0) 151 2345 6789]], ruf gern an',
      'Ruf mich unter [[0151/23456789]] an oder unter [[0049 151 23456789]]',
      'Tel. [[0151-234 56 789]] (Frau Schmidt)',
      'call me at [[+1 202-555-0143]] or [[+44 7700 900123]]',
      '客户手机[[13812345678]]，明天联系',
      '电话：[[１３８１２３４５６７８]]',
      'whatsapp: https://wa.me/[[4915123456789]]',
      {
        text: '[[030 12345678]]',
        before: 'Welche Nummer hat das Büro?',
        note: 'keyword in the message before',
      },
      {
        text: '[[99 50 369]] schreib ihm am besten per WhatsApp',
        before: 'Handy vom Bauleiter: +49 178',
        note: 'number sent in two messages',
      },
    ],
    noMatch: [
      { text: '彩票号码 07 12 19 23 28 33 + 09，没中', note: 'lottery numbers in pairs' },
      { text: 'Meeting 10:30-11:45, danach Mittag', note: 'times' },
      { text: 'Termin am 12.03.2024 um 14 Uhr', note: 'date' },
      { text: 'Summe 1.234.567,89 EUR inkl. MwSt', note: 'amount' },
      {
        text: 'Auftrag 4711-2024 ist raus, Rechnungsnr. 2024031412',
        note: 'order and invoice numbers',
      },
      { text: 'Kundennummer 10023456, Steuer-ID 86095742719', note: 'customer number and tax id' },
      { text: 'IBAN DE89 3704 0044 0532 0130 00', note: 'IBAN digits' },
      {
        text: '订单号 13812345678 已发货',
        note: 'Chinese order number with the shape of a mobile',
      },
      { text: 'Update auf Version 10.0.19045 hat geklappt', note: 'version number' },
      { text: 'Link: https://example.com/item/0151234567890 ansehen', note: 'digits inside a URL' },
      { text: 'Order 2024/3/12 shipped to 10115 Berlin', note: 'date and postcode' },
    ],
  },
});
