/**
 * Calendar dates as people write them in German, English and Chinese chat text, with validation
 * (real calendar date, not after a reference day, plausible age). Not a detector.
 */
import { execAll } from '../../src/detect/exec-all.js';

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  march: 3,
  mär: 3,
  mrz: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};

// Longest names first so "Juni" is not read as "Jun" + "i".
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

/**
 * One alternation per layout (groups numbered left to right):
 *  1-4  D.M.Y, D-M-Y, D/M/Y (or M/D/Y)      `14.03.1985`, `14.3.85`, `03/14/1985`
 *  5-8  Y-M-D, Y/M/D, Y.M.D                 `1985-03-14`
 *  9-11 D. Month Y                           `14. März 1985`, `14th of March 1985`
 *  12-14 Month D, Y                          `March 14, 1985`
 *  15-17 Y年M月D日                            `1985年3月14日`
 */
export const DATE_PATTERN = new RegExp(
  [
    String.raw`(?<![\p{Lu}\p{Ll}\p{N}]|\d[.,/\-])(\d{1,2})([./\-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\p{Lu}\p{Ll}\p{N}]|[.,:/\-]\d)`,
    String.raw`(?<![\p{Lu}\p{Ll}\p{N}]|\d[.,/\-])(\d{4})([./\-])(\d{1,2})\6(\d{1,2})(?![\p{Lu}\p{Ll}\p{N}]|[.,:/\-]\d)`,
    String.raw`(?<![\p{Lu}\p{Ll}\p{N}]|\d[.,/\-])(\d{1,2})(?:st|nd|rd|th|\.)?\s?(?:of\s)?${MONTH}\s?(\d{4})(?![\p{Lu}\p{Ll}\p{N}])`,
    String.raw`(?<![\p{Lu}\p{Ll}\p{N}])${MONTH}\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})(?![\p{Lu}\p{Ll}\p{N}])`,
    String.raw`(?<![\p{N}])(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]?`,
  ].join('|'),
  'giu',
);

export interface FoundDate {
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  /** `YYYY-MM-DD` */
  iso: string;
  /** Day and month order was a guess (`05/06/1985`). */
  ambiguous: boolean;
}

export interface Reference {
  year: number;
  month: number;
  day: number;
}

/** The reference day: the message's own date where the export has one, else today. */
export function referenceDay(timestamp: string): Reference {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Two-digit years: the most recent year not after the reference year. */
function fullYear(raw: string, ref: Reference): number {
  const n = Number(raw);
  if (raw.length === 4) return n;
  return 2000 + n <= ref.year ? 2000 + n : 1900 + n;
}

/** Age in whole years on the reference day; negative for dates after it. */
export function ageOn(date: { year: number; month: number; day: number }, ref: Reference): number {
  let age = ref.year - date.year;
  if (ref.month < date.month || (ref.month === date.month && ref.day < date.day)) age--;
  return age;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Every calendar date in `text`. `monthFirst` decides `05/06/1985` (US order when true); an
 * unambiguous `03/14/1985` is read month-first whatever it says.
 */
export function findDates(text: string, ref: Reference, monthFirst = false): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of execAll(DATE_PATTERN, text)) {
    let year: number;
    let month: number;
    let day: number;
    let ambiguous = false;
    if (m[1] !== undefined) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      year = fullYear(m[4]!, ref);
      if (m[2] === '/' && (b > 12 || (monthFirst && a <= 12))) {
        [month, day] = [a, b];
        ambiguous = b <= 12 && a !== b;
      } else {
        [day, month] = [a, b];
        ambiguous = m[2] === '/' && a <= 12 && a !== b;
      }
    } else if (m[5] !== undefined) {
      year = Number(m[5]);
      month = Number(m[7]);
      day = Number(m[8]);
    } else if (m[9] !== undefined) {
      day = Number(m[9]);
      month = MONTHS[m[10]!.toLowerCase()]!;
      year = Number(m[11]);
    } else if (m[12] !== undefined) {
      month = MONTHS[m[12].toLowerCase()]!;
      day = Number(m[13]);
      year = Number(m[14]);
    } else {
      year = Number(m[15]);
      month = Number(m[16]);
      day = Number(m[17]);
    }
    if (!isCalendarDate(year, month, day)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      year,
      month,
      day,
      iso: `${year}-${pad(month)}-${pad(day)}`,
      ambiguous,
    });
  }
  return found;
}
