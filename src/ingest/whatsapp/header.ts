import { HEAD_NEEDS_NORMALIZING, mayStartHeader, normalizeHead, originalOffset } from './chars.js';

/**
 * The message-header grammar: one precompiled, anchored regex per header shape (every quantifier
 * bounded, so a match never reads more than a few dozen characters of a line, however long), an
 * allocation-free scanner for the common ASCII forms, and the timestamp normalization.
 */

/** Headers are short: normalization (bidi marks, Arabic digits) only looks at this much of a line. */
const HEAD_MAX = 120;

export type ShapeId =
  'android' | 'ios' | 'ios-time-first' | 'legacy-colon' | 'legacy-time-first' | 'legacy-space';

export type Family = 'android' | 'ios' | 'legacy';

export interface HeaderShape {
  id: ShapeId;
  family: Family;
  /** `source.format` of a file written in this shape. */
  format: 'whatsapp-android' | 'whatsapp-ios' | 'whatsapp-legacy';
  /** Whether system lines of this shape can carry an author (iOS and old iOS do). */
  authoredSystemLines: boolean;
  /** How the header ends, for the ASCII fast path (`TAIL_NONE`: regex only). */
  tail: number;
  re: RegExp;
  decode(m: RegExpExecArray): HeaderFields;
}

export type Meridiem = 'am' | 'pm' | 'noon' | null;

/** What a header says, as numbers (so that the hot path allocates no substrings). */
export interface HeaderFields {
  /** First and second date components as written (year-first layouts: month and day). */
  first: number;
  second: number;
  /** Gregorian year (2-digit → 20xx, Buddhist − 543, Japanese era resolved); NaN if impossible. */
  year: number;
  /** Digits the year was written with (2 or 4; 0 for an era year). */
  yearDigits: number;
  /** The day or month was written with a leading zero (`01/04/23`). */
  padded: boolean;
  /** Date separator (`/`, `.`, `-`) or `'M'` for a month name. */
  sep: string;
  yearFirst: boolean;
  /** Month from a month name (time-first legacy shape), else 0. */
  monthName: number;
  hour: number;
  minute: number;
  /** Seconds, or -1 when the header has none. */
  seconds: number;
  meridiem: Meridiem;
  /** The clock used a Latin `AM`/`PM` marker written in capitals. */
  upperMeridiem: boolean;
}

export interface HeaderMatch {
  shape: HeaderShape;
  fields: HeaderFields;
  /** Index in the original line where the text after the header starts. */
  end: number;
}

const TAIL_NONE = 0;
const TAIL_DASH = 1;
const TAIL_BRACKET = 2;
const TAIL_COLON = 3;

const MARKERS = '上午|下午|午前|午後|오전|오후|凌晨|早上|清晨|中午|晚上|傍晚|深夜';
const date = (sepGroup: number): string =>
  String.raw`(\d{1,4})([./-]) ?(\d{1,2})` +
  `\\${sepGroup}` +
  String.raw` ?(\d{1,4}|[MTSHR]\d{1,2})( ?B\.? ?E\.?)?\.?`;
const DT_SEP = String.raw`(?:, ?| )(?:klo |à |kl\. )?`;
const PRE = String.raw`(?:(${MARKERS}) ?)?`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?`;
const POST = String.raw`(?: ?([AaPp])\.? ?[Mm]\.?| ?(${MARKERS}|ص|م))?`;
const DATE_TIME = date(2) + DT_SEP + PRE + TIME + POST;
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';

function meridiemOf(latin: string | undefined, marker: string | undefined): Meridiem {
  if (latin !== undefined) return latin === 'a' || latin === 'A' ? 'am' : 'pm';
  if (marker === undefined) return null;
  switch (marker) {
    case '上午':
    case '午前':
    case '오전':
    case '凌晨':
    case '早上':
    case '清晨':
    case 'ص':
      return 'am';
    case '中午':
      return 'noon';
    default:
      return 'pm';
  }
}

const ERA_BASE: Record<string, number> = { M: 1867, T: 1911, S: 1925, H: 1988, R: 2018 };

/** Gregorian year from a written year: 2-digit → 20xx, Buddhist (`BE` or ≥ 2400) − 543, Japanese era. */
function normalizeYear(written: string, be: boolean): number {
  const c = written.charCodeAt(0);
  if (c > 57) return (ERA_BASE[written[0]!] ?? NaN) + Number(written.slice(1));
  const y = Number(written);
  if (written.length <= 2) return 2000 + y;
  if (be || y >= 2400) return y - 543;
  return y;
}

function isPadded(component: string): boolean {
  return component.length === 2 && component.charCodeAt(0) === 48;
}

function dateFields(
  c1: string,
  sep: string,
  c2: string,
  c3: string,
  be: boolean,
  hour: string,
  minute: string,
  second: string | undefined,
  latin: string | undefined,
  marker: string | undefined,
): HeaderFields {
  const yearFirst = c1.length > 2;
  const first = yearFirst ? c2 : c1;
  const secondComponent = yearFirst ? c3 : c2;
  const year = yearFirst ? c1 : c3;
  return {
    first: Number(first),
    second: Number(secondComponent),
    year: normalizeYear(year, be),
    yearDigits: year.charCodeAt(0) > 57 ? 0 : year.length,
    padded: isPadded(first) || isPadded(secondComponent),
    sep,
    yearFirst,
    monthName: 0,
    hour: Number(hour),
    minute: Number(minute),
    seconds: second === undefined ? -1 : Number(second),
    meridiem: meridiemOf(latin, marker),
    upperMeridiem: latin === 'A' || latin === 'P',
  };
}

/** Groups: 1 first, 2 sep, 3 second, 4 year, 5 BE, 6 pre-marker, 7 h, 8 min, 9 s, 10 a/p, 11 post-marker. */
function decodeDateFirst(m: RegExpExecArray): HeaderFields {
  return dateFields(
    m[1]!,
    m[2]!,
    m[3]!,
    m[4]!,
    m[5] !== undefined,
    m[7]!,
    m[8]!,
    m[9],
    m[10],
    m[11] ?? m[6],
  );
}

/** Groups: 1 pre-marker, 2 h, 3 min, 4 s, 5 a/p, 6 post-marker, 7 first, 8 sep, 9 second, 10 year, 11 BE. */
function decodeTimeFirst(m: RegExpExecArray): HeaderFields {
  return dateFields(
    m[7]!,
    m[8]!,
    m[9]!,
    m[10]!,
    m[11] !== undefined,
    m[2]!,
    m[3]!,
    m[4],
    m[5],
    m[6] ?? m[1],
  );
}

/** Groups: 1 h, 2 min, 3 a/p, 4 day, 5 month name, 6 year. */
function decodeMonthName(m: RegExpExecArray): HeaderFields {
  const latin = m[3];
  return {
    first: Number(m[4]),
    second: 0,
    year: Number(m[6]),
    yearDigits: 4,
    padded: false,
    sep: 'M',
    yearFirst: false,
    monthName: MONTHS.split('|').indexOf(m[5]!.slice(0, 3).toLowerCase()) + 1,
    hour: Number(m[1]),
    minute: Number(m[2]),
    seconds: -1,
    meridiem: meridiemOf(latin, undefined),
    upperMeridiem: latin === 'A' || latin === 'P',
  };
}

/** All shapes, in the order a line is tried against them. */
export const SHAPES: readonly HeaderShape[] = [
  {
    id: 'android',
    family: 'android',
    format: 'whatsapp-android',
    authoredSystemLines: false,
    tail: TAIL_DASH,
    re: new RegExp(`^${DATE_TIME} - `),
    decode: decodeDateFirst,
  },
  {
    id: 'ios',
    family: 'ios',
    format: 'whatsapp-ios',
    authoredSystemLines: true,
    tail: TAIL_BRACKET,
    re: new RegExp(`^\\[${DATE_TIME}\\] ?`),
    decode: decodeDateFirst,
  },
  {
    id: 'ios-time-first',
    family: 'ios',
    format: 'whatsapp-ios',
    authoredSystemLines: true,
    tail: TAIL_NONE,
    re: new RegExp(`^\\[${PRE}${TIME}${POST}, ?${date(8)}\\] ?`),
    decode: decodeTimeFirst,
  },
  {
    id: 'legacy-colon',
    family: 'legacy',
    format: 'whatsapp-legacy',
    authoredSystemLines: true,
    tail: TAIL_COLON,
    re: new RegExp(`^${DATE_TIME}: `),
    decode: decodeDateFirst,
  },
  {
    id: 'legacy-time-first',
    family: 'legacy',
    format: 'whatsapp-legacy',
    authoredSystemLines: false,
    tail: TAIL_NONE,
    re: new RegExp(
      String.raw`^(\d{1,2}):(\d{2})(?: ?([AaPp])\.? ?[Mm]\.?)?, (\d{1,2}) ((?:${MONTHS})[a-z]{0,6})\.? (\d{4}) - `,
      'i',
    ),
    decode: decodeMonthName,
  },
  {
    id: 'legacy-space',
    family: 'legacy',
    format: 'whatsapp-legacy',
    authoredSystemLines: true,
    tail: TAIL_NONE,
    re: new RegExp(`^${DATE_TIME} (?=[^\\s:-])`),
    decode: decodeDateFirst,
  },
];

export function shapeById(id: ShapeId): HeaderShape {
  return SHAPES.find((s) => s.id === id)!;
}

function separatorOf(code: number): string | undefined {
  switch (code) {
    case 47:
      return '/';
    case 46:
      return '.';
    case 45:
      return '-';
    default:
      return undefined;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Allocation-free fast path for the common date-first headers written in plain ASCII
 * (`23/03/2022, 13:31 - `, `[3/27/22, 9:41:35 PM] `, `09/12/2012 17:03:48: `). It accepts a
 * strict subset of what the shape's regex accepts, with the same result; anything else (markers,
 * `klo`, eras, `BE`, `p. m.`, non-ASCII) fails and is left to the regex. Split in two so that
 * `ShapeMatcher` can skip the date of a line that repeats the previous header's date.
 */

/**
 * The date and the date-time separator: 1-4 digits, separator, optional space, 1-2 digits, the
 * same separator, optional space, 1-4 digits, optional '.', then ', ', ',' or ' '. Writes the date
 * fields into `f` and returns the index where the time starts, or -1.
 */
function scanDatePart(line: string, tail: number, f: HeaderFields): number {
  const n = line.length;
  let i = 0;
  if (tail === TAIL_BRACKET) {
    if (line.charCodeAt(0) !== 91) return -1;
    i = 1;
  }
  const d1 = i;
  let v1 = 0;
  while (i < n && isDigit(line.charCodeAt(i))) v1 = v1 * 10 + line.charCodeAt(i++) - 48;
  const len1 = i - d1;
  if (len1 < 1 || len1 > 4) return -1;
  const sepCode = line.charCodeAt(i);
  const sep = separatorOf(sepCode);
  if (sep === undefined) return -1;
  i++;
  if (line.charCodeAt(i) === 32) i++;
  const d2 = i;
  let v2 = 0;
  while (i < n && isDigit(line.charCodeAt(i))) v2 = v2 * 10 + line.charCodeAt(i++) - 48;
  const len2 = i - d2;
  if (len2 < 1 || len2 > 2 || line.charCodeAt(i) !== sepCode) return -1;
  i++;
  if (line.charCodeAt(i) === 32) i++;
  const d3 = i;
  let v3 = 0;
  while (i < n && isDigit(line.charCodeAt(i))) v3 = v3 * 10 + line.charCodeAt(i++) - 48;
  const len3 = i - d3;
  if (len3 < 1 || len3 > 4) return -1;
  if (line.charCodeAt(i) === 46) i++;
  if (line.charCodeAt(i) === 44) {
    i++;
    if (line.charCodeAt(i) === 32) i++;
  } else if (line.charCodeAt(i) === 32) {
    i++;
  } else {
    return -1;
  }
  const yearFirst = len1 > 2;
  const yearValue = yearFirst ? v1 : v3;
  const yearLen = yearFirst ? len1 : len3;
  const firstLen = yearFirst ? len2 : len1;
  const firstCode = line.charCodeAt(yearFirst ? d2 : d1);
  const secondLen = yearFirst ? len3 : len2;
  const secondCode = line.charCodeAt(yearFirst ? d3 : d2);
  f.first = yearFirst ? v2 : v1;
  f.second = yearFirst ? v3 : v2;
  f.year = yearLen <= 2 ? 2000 + yearValue : yearValue >= 2400 ? yearValue - 543 : yearValue;
  f.yearDigits = yearLen;
  f.padded = (firstLen === 2 && firstCode === 48) || (secondLen === 2 && secondCode === 48);
  f.sep = sep;
  f.yearFirst = yearFirst;
  f.monthName = 0;
  return i;
}

/**
 * The time from `i`: 1-2 digits, ':' or '.', 2 digits, optionally ':'/'.' and 2 more digits, an
 * optional plain AM/PM, then the shape's tail. Writes the time fields into `f` and returns the
 * index where the header ends, or -1.
 */
function scanTimePart(line: string, start: number, tail: number, f: HeaderFields): number {
  const n = line.length;
  let i = start;
  let hour = 0;
  while (i < n && isDigit(line.charCodeAt(i))) hour = hour * 10 + line.charCodeAt(i++) - 48;
  if (i - start < 1 || i - start > 2) return -1;
  let c = line.charCodeAt(i);
  if (c !== 58 && c !== 46) return -1;
  if (
    !isDigit(line.charCodeAt(i + 1)) ||
    !isDigit(line.charCodeAt(i + 2)) ||
    isDigit(line.charCodeAt(i + 3))
  ) {
    return -1;
  }
  const minute = (line.charCodeAt(i + 1) - 48) * 10 + line.charCodeAt(i + 2) - 48;
  i += 3;
  let second = -1;
  c = line.charCodeAt(i);
  if (
    (c === 58 || c === 46) &&
    isDigit(line.charCodeAt(i + 1)) &&
    isDigit(line.charCodeAt(i + 2))
  ) {
    if (isDigit(line.charCodeAt(i + 3))) return -1;
    second = (line.charCodeAt(i + 1) - 48) * 10 + line.charCodeAt(i + 2) - 48;
    i += 3;
  }
  // Optional AM/PM written plainly: ` AM`, ` pm`, `AM`.
  let meridiem: Meridiem = null;
  let upper = false;
  let j = line.charCodeAt(i) === 32 ? i + 1 : i;
  c = line.charCodeAt(j);
  if (c === 65 || c === 80 || c === 97 || c === 112) {
    const m = line.charCodeAt(j + 1);
    if (m !== 77 && m !== 109) return -1;
    meridiem = c === 65 || c === 97 ? 'am' : 'pm';
    upper = c === 65 || c === 80;
    j += 2;
    if (line.charCodeAt(j) === 46) return -1;
    i = j;
  }
  if (tail === TAIL_DASH) {
    if (
      line.charCodeAt(i) !== 32 ||
      line.charCodeAt(i + 1) !== 45 ||
      line.charCodeAt(i + 2) !== 32
    ) {
      return -1;
    }
    i += 3;
  } else if (tail === TAIL_BRACKET) {
    if (line.charCodeAt(i) !== 93) return -1;
    i++;
    if (line.charCodeAt(i) === 32) i++;
  } else {
    if (line.charCodeAt(i) !== 58 || line.charCodeAt(i + 1) !== 32) return -1;
    i += 2;
  }
  f.hour = hour;
  f.minute = minute;
  f.seconds = second;
  f.meridiem = meridiem;
  f.upperMeridiem = upper;
  return i;
}

function emptyFields(): HeaderFields {
  return {
    first: 0,
    second: 0,
    year: 0,
    yearDigits: 0,
    padded: false,
    sep: '',
    yearFirst: false,
    monthName: 0,
    hour: 0,
    minute: 0,
    seconds: -1,
    meridiem: null,
    upperMeridiem: false,
  };
}

function copyDate(from: HeaderFields, to: HeaderFields): void {
  to.first = from.first;
  to.second = from.second;
  to.year = from.year;
  to.yearDigits = from.yearDigits;
  to.padded = from.padded;
  to.sep = from.sep;
  to.yearFirst = from.yearFirst;
  to.monthName = from.monthName;
}

const SCAN_SCRATCH = emptyFields();

/** The fast path in one go; a fresh match object, or null. */
function scanDateFirst(line: string, shape: HeaderShape): HeaderMatch | null {
  const f = SCAN_SCRATCH;
  const timeStart = scanDatePart(line, shape.tail, f);
  if (timeStart < 0) return null;
  const end = scanTimePart(line, timeStart, shape.tail, f);
  if (end < 0) return null;
  return { shape, end, fields: { ...f } };
}

/**
 * Matches lines against one shape for the message pass. It reuses one result object (a match is
 * only valid until the next call) and remembers the date part of the last fast-path header: a
 * line that starts with the same characters has the same date, so only its time is scanned.
 */
export class ShapeMatcher {
  private readonly scratch: HeaderMatch;
  /** Characters of the last scanned date part, up to where its time starts. */
  private datePrefix = '';
  private readonly dateFields = emptyFields();

  constructor(readonly shape: HeaderShape) {
    this.scratch = { shape, end: 0, fields: emptyFields() };
  }

  match(line: string): HeaderMatch | null {
    if (line.length === 0 || !mayStartHeader(line.charCodeAt(0))) return null;
    const tail = this.shape.tail;
    if (tail !== TAIL_NONE) {
      const f = this.scratch.fields;
      let timeStart: number;
      if (this.datePrefix !== '' && line.startsWith(this.datePrefix)) {
        copyDate(this.dateFields, f);
        timeStart = this.datePrefix.length;
      } else {
        timeStart = scanDatePart(line, tail, f);
        if (timeStart >= 0) {
          this.datePrefix = line.slice(0, timeStart);
          copyDate(f, this.dateFields);
        }
      }
      if (timeStart >= 0) {
        const end = scanTimePart(line, timeStart, tail, f);
        if (end >= 0) {
          this.scratch.end = end;
          return this.scratch;
        }
      }
    }
    return matchShapeWithRegex(line, this.shape);
  }
}

/**
 * Matches the head of `line` against one shape: the ASCII fast path first, then the raw head
 * against the regex, then the normalized head (only when it contains characters normalization
 * would change).
 */
export function matchShape(line: string, shape: HeaderShape): HeaderMatch | null {
  if (line.length === 0 || !mayStartHeader(line.charCodeAt(0))) return null;
  if (shape.tail !== TAIL_NONE) {
    const fast = scanDateFirst(line, shape);
    if (fast !== null) return fast;
  }
  return matchShapeWithRegex(line, shape);
}

/** The regex path alone: raw line first, then the normalized head. */
export function matchShapeWithRegex(line: string, shape: HeaderShape): HeaderMatch | null {
  // Every quantifier in the shape regexes is bounded, so they never read far into a line.
  let m = shape.re.exec(line);
  if (m !== null) return { shape, fields: shape.decode(m), end: m[0].length };
  const head = line.length > HEAD_MAX ? line.slice(0, HEAD_MAX) : line;
  if (!HEAD_NEEDS_NORMALIZING.test(head)) return null;
  m = shape.re.exec(normalizeHead(head));
  if (m === null) return null;
  return { shape, fields: shape.decode(m), end: originalOffset(head, m[0].length) };
}

/** Matches `line` against every shape in priority order. */
export function matchAnyShape(
  line: string,
  shapes: readonly HeaderShape[] = SHAPES,
): HeaderMatch | null {
  if (line.length === 0 || !mayStartHeader(line.charCodeAt(0))) return null;
  for (const shape of shapes) {
    const hit = matchShape(line, shape);
    if (hit !== null) return hit;
  }
  return null;
}

/** Identifies the header layout of a line: shape, date separator and year position. */
export function signatureOf(hit: HeaderMatch): string {
  return `${hit.shape.id}|${hit.fields.sep}|${hit.fields.yearFirst ? 'Y' : 'y'}`;
}

export type DateOrder = 'dmy' | 'mdy';

function to24Hour(hour: number, meridiem: Meridiem): number {
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  if (meridiem === 'pm') return hour < 12 ? hour + 12 : hour;
  if (meridiem === 'noon') return hour < 11 ? hour + 12 : hour;
  return hour;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) =>
  n < 10 ? `0${n}` : String(n),
);

interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Day and month had to be swapped against the file's order to form a valid date. */
  swapped: boolean;
}

/** Calendar date of a header under the file's day/month order (`null` when impossible). */
function resolveDate(f: HeaderFields, order: DateOrder): DateParts | null {
  let day: number;
  let month: number;
  if (f.monthName > 0) {
    day = f.first;
    month = f.monthName;
  } else if (f.yearFirst || order === 'mdy') {
    month = f.first;
    day = f.second;
  } else {
    day = f.first;
    month = f.second;
  }
  let swapped = false;
  if (month > 12 && day <= 12 && !f.yearFirst && f.monthName === 0) {
    [day, month] = [month, day];
    swapped = true;
  }
  const year = f.year;
  if (!(year >= 1000 && year <= 9999) || month < 1 || month > 12 || day < 1 || day > 31)
    return null;
  return { year, month, day, swapped };
}

/**
 * Builds `YYYY-MM-DDTHH:MM:SS` timestamps under the file's day/month order. Consecutive messages
 * mostly share their date, so the date half is cached. After `build`, `swapped` tells whether day
 * and month had to be swapped for that header.
 */
export class TimestampBuilder {
  private lastFirst = -1;
  private lastSecond = -1;
  private lastYear = -1;
  private lastMonthName = -1;
  /** `YYYY-MM-DDT`, or `''` for an impossible date. */
  private lastDate = '';
  private lastHour = -1;
  private lastMinute = -1;
  private lastSec = -1;
  /** The last full timestamp; `''` after the date changed. */
  private lastTimestamp = '';
  swapped = false;

  constructor(private readonly order: DateOrder) {}

  /** The timestamp, or `''` when the date or time is impossible. */
  build(f: HeaderFields): string {
    if (
      f.first !== this.lastFirst ||
      f.second !== this.lastSecond ||
      f.year !== this.lastYear ||
      f.monthName !== this.lastMonthName
    ) {
      this.lastFirst = f.first;
      this.lastSecond = f.second;
      this.lastYear = f.year;
      this.lastMonthName = f.monthName;
      const d = resolveDate(f, this.order);
      this.swapped = d !== null && d.swapped;
      this.lastDate = d === null ? '' : `${d.year}-${TWO_DIGITS[d.month]!}-${TWO_DIGITS[d.day]!}T`;
      this.lastTimestamp = '';
    }
    if (this.lastDate === '') return '';
    const hour = to24Hour(f.hour, f.meridiem);
    if (
      hour > 23 ||
      f.minute > 59 ||
      f.seconds > 59 ||
      (f.meridiem !== null && f.meridiem !== 'noon' && f.hour > 12)
    ) {
      return '';
    }
    const second = f.seconds < 0 ? 0 : f.seconds;
    if (
      this.lastTimestamp === '' ||
      hour !== this.lastHour ||
      f.minute !== this.lastMinute ||
      second !== this.lastSec
    ) {
      this.lastHour = hour;
      this.lastMinute = f.minute;
      this.lastSec = second;
      this.lastTimestamp = `${this.lastDate}${TWO_DIGITS[hour]!}:${TWO_DIGITS[f.minute]!}:${TWO_DIGITS[second]!}`;
    }
    return this.lastTimestamp;
  }
}
