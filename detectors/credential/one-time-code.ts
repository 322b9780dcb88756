import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import {
  globalKeywords,
  isWholeMessage,
  keywordAfter,
  keywordBefore,
  keywordInBefore,
  SENTENCE_BREAK,
} from '../pii/_nearby.js';

// 4-8 digits (or 3+3 / 4+4 groups), not part of a date, time, amount, phone number or longer token,
// not followed by a currency, unit or counted noun.
const CANDIDATE =
  /(?<![\p{Lu}\p{Ll}\p{N}]|\d[-.,:/ ]|[€$£¥#+]\s?)(\d{4}[ -]\d{4}|\d{3}[ -]\d{3}|\d{4,8})(?![\p{Lu}\p{Ll}\p{N}]|[-.:/]\d|,\d{1,3}(?!\p{Lo})|[ -]\d{2}|\s?(?:€|eur(?:o|os)?(?![\p{L}])|usd|\$|元|块|rmb|chf|%|km|kg|m(?![\p{L}])|kb|mb|gb|uhr|h(?![\p{L}])|min|sek|stück|stk|pcs|x(?![\p{L}])|mal|times|jahre|years|tage|days|stunden|hours|zeilen|lines|leute|people|seiten|pages|wörter|words|zeichen|characters|chars|个|人|天|次|页|行))/giu;
// Words that name a one-time code by themselves.
const STRONG = globalKeywords([
  'bestätigungscode',
  'bestaetigungscode',
  'verifizierungscode',
  'verifikationscode',
  'sicherheitscode',
  'einmalcode',
  'einmalpasswort',
  'einmal passwort',
  'einmalkennwort',
  'anmeldecode',
  'logincode',
  'login code',
  'aktivierungscode',
  'freischaltcode',
  'authentifizierungscode',
  'sms code',
  'smscode',
  'sms tan',
  'smstan',
  'tan',
  'mtan',
  'pushtan',
  'chiptan',
  'itan',
  'tan nummer',
  'tan code',
  'verification code',
  'verification pin',
  'confirmation code',
  'security code',
  'sign in code',
  'signin code',
  'auth code',
  'authentication code',
  'activation code',
  'one time code',
  'one time password',
  'one time pin',
  'one time passcode',
  'otp',
  '2fa code',
  '2fa',
  'two factor code',
  '验证码',
  '校验码',
  '动态码',
  '动态密码',
  '确认码',
  '短信码',
  '安全码',
]);
// Plain "Code" counts only right before the number ("Ihr Code lautet 483920", "your code: 4839").
const GENERIC = /(?<![\p{Lu}\p{Ll}\p{N}])(?:code|kode)(?![\p{Lu}\p{Ll}\p{N}])/giu;
// "zip code", "promo code", "Rabatt-Code", "QR code": codes, but not one-time codes.
const OTHER_CODE =
  /(?:zip|post|postal|area|country|promo|promotion|discount|coupon|voucher|gift|rabatt|gutschein|aktions|dress|source|quell|qr|bar|error|fehler|status|html|iso|product|produkt|artikel|item|tracking|sendungs|farb|color|colour|zeichen|morse|program|programm)[\s-]?$/iu;
const GENERIC_FILLER =
  /^[\s:：=#-]*(?:(?:ist|is|lautet|heißt|was|war|für|for|the|der|die|das|den|dein|deine|ihr|ihre|your|de|vom|von|zur|zum|login|anmeldung|einloggen)[\s:：=#-]*){0,3}$/iu;
// An account, card or order number between a keyword and a number: that number is not the code.
const NOT_THE_CODE =
  /konto|account|karte|card|kunde|customer|bestell|order|rechnung|invoice|betrag|amount|endet|ending|nummer|number|preis|price|phone|handy|telefon|sent to|send to|an die|发到|发给|发送到|发送至|发至|手机|号码/iu;
const YEAR = /^(?:19|20)\d\d$/;
const POSTCODE_CITY = /^\s[A-ZÄÖÜ][\p{Ll}]/u;

function strongBefore(text: string, start: number): string | undefined {
  const near = keywordBefore(STRONG, text, start, 60);
  if (!near) return undefined;
  // Only the text after the last other number counts: "Code für Konto 1234 lautet 483920".
  const lastNumber = near.gap.search(/\d[^\d]*$/u);
  const gap = lastNumber === -1 ? near.gap : near.gap.slice(lastNumber + 1);
  if (SENTENCE_BREAK.test(near.gap) || NOT_THE_CODE.test(gap)) return undefined;
  return near.word;
}

// The number is announced: "…: 775 104", "it's 5521", "是372910".
const ANNOUNCED = /(?:[:=]|(?<![\p{Lu}\p{Ll}])(?:ist|is|it's|its|lautet|heißt|wäre)|是|为)\s*$/iu;
const LAST_SENTENCE = /(?:[!?。！？\n]|\.\s)(?![\s\S]*(?:[!?。！？\n]|\.\s))/u;

function otherCodeBefore(text: string, keywordStart: number): boolean {
  return OTHER_CODE.test(text.slice(Math.max(0, keywordStart - 12), keywordStart));
}

/** Why the number at [start, end) is a one-time code, as [confidence, explanation]. */
function why(
  text: string,
  context: { readonly before: string },
  start: number,
  end: number,
): [number, string] | undefined {
  const strong = strongBefore(text, start);
  if (strong) return [0.85, `keyword '${strong}' before`];
  const after = keywordAfter(STRONG, text, end, 40);
  if (after && !SENTENCE_BREAK.test(after.gap) && !/\d/.test(after.gap)) {
    return [0.8, `keyword '${after.word}' after`];
  }
  const generic = keywordBefore(GENERIC, text, start, 25);
  if (
    generic &&
    GENERIC_FILLER.test(generic.gap) &&
    !otherCodeBefore(text, start - generic.gap.length - generic.word.length)
  ) {
    return [0.7, `'${generic.word}' right before`];
  }
  // Question and answer in one message: "den Bestätigungscode vorlesen? kam per SMS: 775 104".
  if (ANNOUNCED.test(text.slice(Math.max(0, start - 12), start))) {
    const far = keywordBefore(STRONG, text, start, 120) ?? keywordBefore(GENERIC, text, start, 120);
    if (far && !/\d/.test(far.gap)) {
      const last = LAST_SENTENCE.exec(far.gap);
      const tail = last ? far.gap.slice(last.index + last[0].length) : far.gap;
      const keywordStart = start - far.gap.length - far.word.length;
      const generic = /^(?:code|kode)$/i.test(far.word);
      if (!NOT_THE_CODE.test(tail) && !(generic && otherCodeBefore(text, keywordStart))) {
        return [
          generic ? 0.6 : 0.65,
          `keyword '${far.word}' earlier in the message, number announced`,
        ];
      }
    }
  }
  // The code alone, or announced in a short answer ("yes: 903 617"), after a message asking for it.
  const announcedAnswer =
    text.trim().length <= 30 &&
    ANNOUNCED.test(text.slice(Math.max(0, start - 12), start)) &&
    /^[\s.!,;)]*$/u.test(text.slice(end));
  if (isWholeMessage(text, start, end) || announcedAnswer) {
    const previous = keywordInBefore(STRONG, context.before, 100);
    if (previous) return [0.6, `keyword '${previous}' in the message before`];
  }
  return undefined;
}

export default defineDetector({
  id: 'credential/one-time-code',
  category: 'credential',
  type: 'one-time-code',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'A 4-8 digit one-time code (SMS code, TAN, OTP, 验证码) next to a code keyword; prices, years, times, postcodes and account numbers are not codes.',
  prefilter: /\d{4}|\d{3}[ -]\d{3}/,
  requires: (stats) => stats.maxDigitRun >= 3,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const m of execAll(CANDIDATE, text)) {
      const digits = m[0].replace(/\D/g, '');
      if (YEAR.test(m[0])) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (digits.length === 5 && POSTCODE_CITY.test(text.slice(end, end + 3))) continue;
      const reason = why(text, context, start, end);
      if (!reason) continue;
      const [confidence, explanation] = reason;
      hits.push({
        start,
        end,
        value: digits,
        confidence,
        explanation: `${digits.length}-digit number; ${explanation}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Ihr Code lautet [[483920]]',
      'Dein Bestätigungscode: [[739 102]]. Nicht weitergeben!',
      'TAN für die Überweisung: [[93817264]]',
      'Your verification code is [[5821]]',
      '[[482913]] is your Example login code',
      '【示例】您的验证码是[[372910]]，5分钟内有效',
      {
        text: '[[650213]]',
        before: 'Schick mir mal schnell den SMS-Code',
        note: 'bare code after a request',
      },
    ],
    noMatch: [
      { text: 'Der Code kostet 1500 €', note: 'an amount' },
      { text: 'Rabattcode 1234 gilt bis Freitag', note: 'a discount code is no one-time code' },
      { text: 'zip code 10115', note: 'a postcode' },
      { text: 'Bestätigungscode kam nicht, Termin 2024 verschoben', note: 'a year' },
      { text: 'Code für Konto 4711 kommt per SMS', note: 'account number after the keyword' },
      { text: 'Treffen um 1830 am Bahnhof, Zimmer 4012', note: 'numbers without a code keyword' },
      { text: '验证码发到10086了吗', note: 'the number the code was sent to' },
    ],
  },
});
