/** Buckets dated items by day, week, month or year (whichever keeps the chart readable). Pure. */

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export interface Dated {
  /** `YYYY-MM-DD…`; items without a date are not bucketed. */
  timestamp: string;
  key: string;
}

export interface Buckets {
  unit: TimeUnit;
  buckets: Array<{ label: string; counts: Record<string, number> }>;
  undated: number;
}

const DAY = 86_400_000;

function dayOf(timestamp: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms;
}

function startOf(unit: TimeUnit, ms: number): number {
  const d = new Date(ms);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'day') return ms;
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  return ms - weekday * DAY;
}

function next(unit: TimeUnit, ms: number): number {
  const d = new Date(ms);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return ms + (unit === 'day' ? 1 : 7) * DAY;
}

function previous(unit: TimeUnit, ms: number): number {
  const d = new Date(ms);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear() - 1, 0, 1);
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  return ms - (unit === 'day' ? 1 : 7) * DAY;
}

/** Short periods get empty buckets on both sides, so a single bar does not fill the chart. */
const MIN_BUCKETS = 7;

function label(unit: TimeUnit, ms: number): string {
  const iso = new Date(ms).toISOString();
  if (unit === 'year') return iso.slice(0, 4);
  if (unit === 'month') return iso.slice(0, 7);
  return iso.slice(0, 10);
}

export function unitFor(spanDays: number): TimeUnit {
  if (spanDays <= 31) return 'day';
  if (spanDays <= 16 * 7) return 'week';
  if (spanDays <= 5 * 366) return 'month';
  return 'year';
}

/** Items counted per day: `day` is the UTC midnight (ms) of `dayOf(timestamp)`. */
export interface DayCount {
  day: number;
  key: string;
  count: number;
}

export function bucketByTime(items: readonly Dated[]): Buckets {
  const counts = new DayCounter();
  for (const item of items) counts.add(item.timestamp, item.key);
  return counts.buckets();
}

/** Counts dated items per day and key as they stream past (memory: days × keys). */
export class DayCounter {
  private readonly days = new Map<string, DayCount>();
  private readonly undated = new Map<string, number>();

  add(timestamp: string, key: string): void {
    const day = dayOf(timestamp);
    if (day === null) {
      this.undated.set(key, (this.undated.get(key) ?? 0) + 1);
      return;
    }
    const id = `${day} ${key}`;
    const entry = this.days.get(id);
    if (entry) entry.count++;
    else this.days.set(id, { day, key, count: 1 });
  }

  /** Adds another counter's counts. */
  merge(other: DayCounter): void {
    for (const [id, theirs] of other.days) {
      const ours = this.days.get(id);
      if (ours) ours.count += theirs.count;
      else this.days.set(id, { ...theirs });
    }
    for (const [key, n] of other.undated) this.undated.set(key, (this.undated.get(key) ?? 0) + n);
  }

  static revive(data: DayCounter): DayCounter {
    return Object.assign(Object.create(DayCounter.prototype) as DayCounter, data);
  }

  /** The counts without the keys `keep` rejects, with each key renamed by `rename`. */
  buckets(
    keep: (key: string) => boolean = () => true,
    rename: (key: string) => string = (key) => key,
  ): Buckets {
    const days: DayCount[] = [];
    for (const d of this.days.values()) {
      if (keep(d.key)) days.push({ day: d.day, key: rename(d.key), count: d.count });
    }
    let undated = 0;
    for (const [key, n] of this.undated) if (keep(key)) undated += n;
    return bucketDayCounts(days, undated);
  }
}

export function bucketDayCounts(days: readonly DayCount[], undated: number): Buckets {
  if (days.length === 0) return { unit: 'month', buckets: [], undated };
  // A loop, not Math.min(...days): spreading a huge array overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const { day } of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const unit = unitFor((last - first) / DAY);
  const index = new Map<number, Record<string, number>>();
  const buckets: Buckets['buckets'] = [];
  let from = startOf(unit, first);
  let to = startOf(unit, last);
  let count = 1;
  for (let t = from; t < to; t = next(unit, t)) count++;
  for (let i = 0; count < MIN_BUCKETS; i++, count++) {
    if (i % 2 === 0) to = next(unit, to);
    else from = previous(unit, from);
  }
  for (let t = from; t <= to; t = next(unit, t)) {
    const counts: Record<string, number> = {};
    index.set(t, counts);
    buckets.push({ label: label(unit, t), counts });
  }
  for (const { day, key, count: n } of days) {
    const counts = index.get(startOf(unit, day));
    if (counts) counts[key] = (counts[key] ?? 0) + n;
  }
  return { unit, buckets, undated };
}
