import type { DateOrder, HeaderFields } from './header.js';

/**
 * Day/month order of one header layout, inferred from all dates of a file (a single `1/4/23`
 * cannot tell). Evidence, strongest first:
 * 1. a first component above 12 means day first, a second component above 12 means month first;
 * 2. the component that changes more often between consecutive dates is the day;
 * 3. fallback for files where both are tied: month first only for the en-US shape (slash
 *    separator, 2-digit year, capital `AM`/`PM`, no zero-padded day or month), day first otherwise.
 */
export class DateOrderEvidence {
  private firstOver12 = 0;
  private secondOver12 = 0;
  private changesFirst = 0;
  private changesSecond = 0;
  private prevFirst = -1;
  private prevSecond = -1;
  private slashes = 0;
  private twoDigitYears = 0;
  private upperMeridiem = 0;
  private zeroPadded = 0;
  private dates = 0;
  /** The layout needs no inference (year first, or month names). */
  private fixed = false;

  add(f: HeaderFields): void {
    if (f.yearFirst || f.monthName > 0) {
      this.fixed = true;
      return;
    }
    const a = f.first;
    const b = f.second;
    this.dates++;
    if (a > 12) this.firstOver12++;
    if (b > 12) this.secondOver12++;
    if (this.prevFirst >= 0 && (a !== this.prevFirst || b !== this.prevSecond)) {
      if (a !== this.prevFirst) this.changesFirst++;
      if (b !== this.prevSecond) this.changesSecond++;
    }
    this.prevFirst = a;
    this.prevSecond = b;
    if (f.sep === '/') this.slashes++;
    if (f.yearDigits === 2) this.twoDigitYears++;
    if (f.upperMeridiem) this.upperMeridiem++;
    if (f.padded) this.zeroPadded++;
  }

  /** True once a component above 12 has been seen (or no inference is needed). */
  get settled(): boolean {
    return this.fixed || this.firstOver12 > 0 || this.secondOver12 > 0;
  }

  resolve(): { order: DateOrder; reason: string; fallback: boolean } {
    if (this.fixed) return { order: 'dmy', reason: 'year first', fallback: false };
    if (this.firstOver12 > 0 || this.secondOver12 > 0) {
      if (this.firstOver12 >= this.secondOver12) {
        return { order: 'dmy', reason: 'a first date component above 12', fallback: false };
      }
      return { order: 'mdy', reason: 'a second date component above 12', fallback: false };
    }
    if (this.changesFirst > this.changesSecond) {
      return {
        order: 'dmy',
        reason: 'the first date component changes more often',
        fallback: false,
      };
    }
    if (this.changesSecond > this.changesFirst) {
      return {
        order: 'mdy',
        reason: 'the second date component changes more often',
        fallback: false,
      };
    }
    const enUs =
      this.dates > 0 &&
      this.slashes === this.dates &&
      this.twoDigitYears === this.dates &&
      this.upperMeridiem === this.dates &&
      this.zeroPadded === 0;
    return enUs
      ? {
          order: 'mdy',
          reason: 'ambiguous dates; en-US layout assumed month first',
          fallback: true,
        }
      : { order: 'dmy', reason: 'ambiguous dates; day first assumed', fallback: true };
  }
}
