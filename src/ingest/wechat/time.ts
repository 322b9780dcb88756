/**
 * Times as WeChat exporters write them, turned into `YYYY-MM-DDTHH:MM:SS` wall-clock strings.
 * Nothing here depends on the machine's time zone.
 */

/** How a time was read; the parser warns once per file for the kinds that need explaining. */
export type TimeKind =
  /** `YYYY-MM-DD HH:MM:SS` and friends: the exporting machine's local wall clock. */
  | 'wall'
  /** A wall clock with lost seconds or a locale date order (Excel re-save). */
  | 'excel'
  /** Unix seconds or milliseconds, rendered in China Standard Time (UTC+8). */
  | 'unix'
  /** ISO 8601 with `Z`/`+00:00`: the UTC wall clock is kept. */
  | 'utc'
  /** ISO 8601 with another offset: the wall clock as written is kept. */
  | 'offset'
  /** A number in Excel's serial-day notation or rounded scientific notation. */
  | 'imprecise';

export interface ParsedTime {
  timestamp: string;
  kind: TimeKind;
  /** Day and month order was guessed (a `1/4/2024` style date). */
  ambiguous?: boolean;
}

/** China Standard Time, what WeChat users' exports show; used for bare Unix times. */
export const UNIX_OFFSET_HOURS = 8;

const GENERAL =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(?:(上午|下午|AM|PM|am|pm)\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?:\s*(AM|PM|am|pm|上午|下午))?(Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_LAST =
  /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]+(?:(上午|下午)\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*(AM|PM|am|pm|上午|下午))?)?$/;
const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+]?\d+)?$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function to24(hour: number, marker: string | undefined): number {
  if (!marker) return hour;
  const pm = marker === '下午' || marker.toLowerCase() === 'pm';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/** Renders Unix milliseconds as the wall clock at `offsetHours` east of UTC. */
export function formatUnixMs(ms: number, offsetHours = UNIX_OFFSET_HOURS): string | null {
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms + offsetHours * 3_600_000);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 19);
}

function digits2(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DD HH:MM:SS`, the common case, checked without a regex or allocation.
 * Returns the ISO form, null when the text has that shape but an impossible value, undefined
 * when it does not have that shape.
 */
function plainDateTime(s: string): string | null | undefined {
  if (s.length !== 19) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const century = digits2(s, 0);
  const yy = digits2(s, 2);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  if ((century | yy | month | day | hour | minute | second) < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > 28 && day > daysInMonth(century * 100 + yy, month)) return null;
  return `${s.slice(0, 10)}T${s.slice(11)}`;
}

/**
 * Reads one time cell. Accepts `YYYY-MM-DD HH:MM:SS` (optional fraction), Excel's `2024/10/4 11:42`,
 * year-last dates (`4.10.2024 11:42`, `10/4/2024 11:42 AM`), `上午/下午` markers, ISO 8601 with zone,
 * Unix seconds / milliseconds, Excel serial days and rounded scientific notation (`1.70001E+09`).
 */
export function parseTime(raw: string): ParsedTime | null {
  let plain = plainDateTime(raw);
  if (plain !== undefined) return plain === null ? null : { timestamp: plain, kind: 'wall' };
  const s = raw.trim();
  if (s.length === 0) return null;
  if (s.length !== raw.length) {
    plain = plainDateTime(s);
    if (plain !== undefined) return plain === null ? null : { timestamp: plain, kind: 'wall' };
  }
  const c0 = s.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return null;
  if (INTEGER.test(s)) return parseUnix(Number(s), s.length);
  let m = GENERAL.exec(s);
  if (m) {
    const [, y, mo, d, pre, h, mi, se, post, zone] = m;
    const hour = h === undefined ? 0 : to24(Number(h), pre ?? post);
    const ts = build(Number(y), Number(mo), Number(d), hour, Number(mi ?? 0), Number(se ?? 0));
    if (ts === null) return null;
    if (zone !== undefined) {
      const utc = zone === 'Z' || /^[+-]00:?00$/.test(zone);
      return { timestamp: ts, kind: utc ? 'utc' : 'offset' };
    }
    const plain = h !== undefined && se !== undefined && mo!.length === 2 && d!.length === 2;
    return { timestamp: ts, kind: plain && !pre && !post ? 'wall' : 'excel' };
  }
  m = YEAR_LAST.exec(s);
  if (m) {
    const [, a, sep, b, y, pre, h, mi, se, post] = m;
    let day = Number(a);
    let month = Number(b);
    let ambiguous = false;
    if (sep === '/') {
      // Slash with the year last: US Excel writes month first; a first part above 12 is a day.
      if (day <= 12 && month <= 12) {
        ambiguous = day !== month;
        [day, month] = [month, day];
      } else if (day <= 12) {
        [day, month] = [month, day];
      }
    }
    const hour = h === undefined ? 0 : to24(Number(h), pre ?? post);
    const ts = build(Number(y), month, day, hour, Number(mi ?? 0), Number(se ?? 0));
    if (ts === null) return null;
    return ambiguous
      ? { timestamp: ts, kind: 'excel', ambiguous }
      : { timestamp: ts, kind: 'excel' };
  }
  if (DECIMAL.test(s)) {
    const value = Number(s);
    if (value >= 20_000 && value < 80_000) {
      // Excel serial days (1900 date system): day 25569 is 1970-01-01.
      const ts = formatUnixMs(Math.round((value - 25_569) * 86_400) * 1000, 0);
      return ts ? { timestamp: ts, kind: 'imprecise' } : null;
    }
    const parsed = parseUnix(Math.round(value), String(Math.round(value)).length);
    return parsed ? { timestamp: parsed.timestamp, kind: 'imprecise' } : null;
  }
  return null;
}

function parseUnix(value: number, digits: number): ParsedTime | null {
  let ms: number;
  if (digits >= 9 && digits <= 10) ms = value * 1000;
  else if (digits >= 12 && digits <= 13) ms = value;
  else return null;
  const ts = formatUnixMs(ms);
  return ts ? { timestamp: ts, kind: 'unix' } : null;
}
