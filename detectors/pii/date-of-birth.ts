import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { execIfPossible } from '../../src/detect/may-match.js';
import { ageOn, findDates, referenceDay, type FoundDate } from './_dates.js';
import {
  isWholeMessage,
  keywordAfter,
  keywordBefore,
  keywordInBefore,
  SENTENCE_BREAK,
} from './_nearby.js';

// Words that make the date next to them a date of birth. `geb.` keeps its dot (and may be glued
// to the date: `geb.14.03.1985`); `Geburtstag:` with a colon is a form field.
const STRONG = new RegExp(
  [
    String.raw`(?<![\p{Lu}\p{Ll}\p{N}])(?:geb\.(?:\s?-?\s?dat(?:um|\.)?)?|geb(?=\s\d)|geboren|geburtsdatums?|geburtstag(?=\s?:)|dob|d\.o\.b\.?|date\s?of\s?birth|birth\s?date|birthdate|born(?:\son)?)(?![\p{Lu}\p{Ll}\p{N}])`,
    String.raw`(?<![\p{Lu}\p{Ll}\p{N}])(?:geb\.|d\.o\.b\.)`,
    '出生日期|出生年月日?|出生于|出生在|生于|出生',
  ].join('|'),
  'giu',
);
// A birthday is a date of birth only when the full date follows it directly ("Geburtstag ist der
// 14.03.1985"); "Geburtstagsparty am Samstag" is a compound and never matches.
const WEAK =
  /(?<![\p{Lu}\p{Ll}\p{N}])(?:geburtstag|birthday|bday|b-day)(?![\p{Lu}\p{Ll}\p{N}])|生日/giu;
const STRONG_AFTER = /(?<![\p{Lu}\p{Ll}\p{N}])(?:geboren|born)(?![\p{Lu}\p{Ll}\p{N}])|出生/giu;
const ENGLISH = /^(?:dob|d\.o\.b|date|birth|born|birthday|bday|b-day)/i;
// Between a weak keyword and the date only filler is allowed.
const WEAK_FILLER =
  /^[\s:：=,-]*(?:(?:ist|is|was|war|am|on|der|den|the|of|是|在|为|：)[\s:：=,-]*){0,3}$/iu;
// A date introduced by these is an appointment or a deadline, whatever keyword came before.
const OTHER_EVENT =
  /termin|appointment|meeting|treffen|frist|deadline|bis|until|liefer|deliver|party|feier|einladung|invit|聚会|会议|派对|预约|截止/iu;
const DIGIT = /\d/;
// Every keyword above contains one of these: a cheap test before the real ones.
const HINT = /geb|born|dob|d\.o\.b|birth|bday|b-day|出生|生于|生日/i;
// The genealogical birth star: `*12.07.2016`. Not when the date is *bold* (WhatsApp markup).
const STAR_HINT = /\*\s?\d/;
// A footnote star on a price or deadline is no birth star.
const STAR_NOT_BIRTH =
  /preis|price|angebot|offer|rabatt|gültig|valid|frist|termin|(?<![\p{Lu}\p{Ll}])(?:bis|until|ab|from|stand)(?![\p{Lu}\p{Ll}])/iu;
const STRONG_ONE = new RegExp(STRONG.source, 'iu');
const WEAK_ONE = new RegExp(WEAK.source, 'iu');
const STAR_BEFORE = /(?<![*\p{Lu}\p{Ll}\p{N}])\*\s?$/u;

function gapOk(gap: string, limit: number): boolean {
  return (
    gap.length <= limit && !DIGIT.test(gap) && !SENTENCE_BREAK.test(gap) && !OTHER_EVENT.test(gap)
  );
}

export default defineDetector({
  id: 'pii/date-of-birth',
  category: 'pii',
  type: 'date-of-birth',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A date of birth: a valid calendar date (not in the future, age 0-120) right after or before a birth keyword (geb., Geburtsdatum, DOB, date of birth, born on, 出生日期, 生日 ...).',
  // A birth keyword, or a short message with a digit (a bare date answering the message before).
  prefilter:
    /geb|born|dob|d\.o\.b|birth|bday|b-day|出生|生于|生日|\*\s?\d|^(?=[\s\S]{6,30}$)\D{0,20}\d/i,
  // The bare-date alternative: a short message with a digit.
  gate: (stats) => stats.length >= 6 && stats.length <= 30 && stats.digits >= 1,
  // A date has digits (`detect` returns nothing without).
  requires: (stats) => stats.digits >= 1,
  detect(context) {
    const { text, message } = context;
    if (!DIGIT.test(text)) return [];
    const first = execIfPossible(STRONG_ONE, text) ?? execIfPossible(WEAK_ONE, text);
    let previous: string | undefined;
    if (!first && !STAR_HINT.test(text)) {
      if (text.length > 30) return [];
      const { before } = context;
      if (!HINT.test(before.slice(-80))) return [];
      previous = keywordInBefore(STRONG, before, 80) ?? keywordInBefore(WEAK, before, 80);
      if (!previous) return [];
    }
    const ref = referenceDay(message.timestamp);
    const monthFirst = ENGLISH.test(first?.[0] ?? previous ?? '');
    const hits: Hit[] = [];
    for (const date of findDates(text, ref, monthFirst)) {
      const age = ageOn(date, ref);
      if (age < 0 || age > 120) continue;
      const reason = why(text, date, previous);
      if (!reason) continue;
      hits.push({
        start: date.start,
        end: date.end,
        value: date.iso,
        confidence: reason.confidence,
        explanation: `valid calendar date (age ${age}${date.ambiguous ? ', day/month order guessed' : ''}); ${reason.text}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Kundin Erika Muster, geb. [[14.03.1985]], wohnhaft in Köln',
      'Neukunde: Geburtsdatum [[1985-03-14]], bitte im CRM anlegen',
      'er ist am [[14.3.85]] geboren',
      'Patient DOB: [[03/14/1985]]',
      "Mr Smith's date of birth is [[March 14, 1985]]",
      'Sie ist am [[14. März 1985]] geboren',
      '客户出生日期：[[1985年3月14日]]，请核对',
      '我的生日是[[1990年5月20日]]',
      {
        text: '[[14.03.1985]]',
        before: 'Wie ist das Geburtsdatum des Kunden?',
        note: 'the question is in the message before',
      },
    ],
    noMatch: [
      { text: 'Termin am 14.03.2023 um 10:30', note: 'an appointment, no birth keyword' },
      {
        text: 'Geburtstagsparty am Samstag, 14.10.2023!',
        note: '"Geburtstagsparty" is not a birth keyword',
      },
      { text: 'geb. 31.02.1985', note: 'no such calendar date' },
      { text: 'DOB 14.03.2030', note: 'in the future relative to the message' },
      { text: 'born on 14.03.1850', note: 'age over 120' },
      {
        text: 'Meeting on March 14, 2023 to discuss the birthday plans',
        note: 'date not next to the keyword',
      },
      { text: '生日聚会定在2023年10月14日', note: 'a party date, not a date of birth' },
      {
        text: 'Geburtsdatum habe ich geschickt. Termin ist der 14.03.2023',
        note: 'keyword in another sentence',
      },
    ],
  },
});

function why(
  text: string,
  date: FoundDate,
  previous: string | undefined,
): { confidence: number; text: string } | undefined {
  if (previous !== undefined) {
    if (!isWholeMessage(text, date.start, date.end)) return undefined;
    const strong = STRONG_ONE.test(previous);
    return { confidence: strong ? 0.7 : 0.6, text: `keyword '${previous}' in the message before` };
  }
  const strong = keywordBefore(STRONG, text, date.start, 40);
  if (strong && gapOk(strong.gap, 30)) {
    return {
      confidence: 0.85,
      text: `keyword '${strong.word}' ${strong.gap.length} characters before`,
    };
  }
  const weak = keywordBefore(WEAK, text, date.start, 30);
  if (weak && WEAK_FILLER.test(weak.gap)) {
    return { confidence: 0.7, text: `keyword '${weak.word}' right before` };
  }
  if (
    STAR_BEFORE.test(text.slice(Math.max(0, date.start - 3), date.start)) &&
    text[date.end] !== '*' &&
    !STAR_NOT_BIRTH.test(text.slice(Math.max(0, date.start - 30), date.start))
  ) {
    return { confidence: 0.7, text: "birth star '*' right before" };
  }
  const after = keywordAfter(STRONG_AFTER, text, date.end, 20);
  if (after && gapOk(after.gap, 15)) {
    return { confidence: 0.8, text: `keyword '${after.word}' right after` };
  }
  return undefined;
}
