/**
 * The per-value part of the risk tally: for every distinct fingerprint, its type, its best points
 * (dated and undated) and how often it was seen. A gigabyte chat has hundreds of thousands of
 * distinct values; as one object per value in a Map they took ~230 bytes each on the heap (and
 * every one of them was marked by each GC). Here they are columns of typed arrays, ~60 bytes per
 * value, outside the collected heap, and they cross threads as a few buffers.
 *
 * Fingerprints are 16 hex digits (`fingerprint()` in src/detect/findings.ts) and are kept as two
 * 32-bit numbers in an open-addressing index. Any other id (tests build findings by hand) goes to
 * a plain Map, so no two ids can ever collide. Values keep the order they were first seen in:
 * sums over them come out the same on every run.
 */

const HEX_ID = /^[0-9a-f]{16}$/;
const INITIAL_CAPACITY = 64;

export class ValueTable {
  /** Values so far; entries 0 … size-1 of the columns. */
  size = 0;
  private capacity = INITIAL_CAPACITY;
  private hi = new Uint32Array(INITIAL_CAPACITY);
  private lo = new Uint32Array(INITIAL_CAPACITY);
  private types = new Uint16Array(INITIAL_CAPACITY);
  private counts = new Uint32Array(INITIAL_CAPACITY);
  private dated = new Float64Array(INITIAL_CAPACITY);
  private undated = new Float64Array(INITIAL_CAPACITY);
  /** Open addressing over hex ids: entry + 1 per slot, 0 when free; kept at most half full. */
  private slots = new Int32Array(INITIAL_CAPACITY * 2);
  /** Entries of ids that are not 16 hex digits. */
  private others = new Map<string, number>();

  /** Counts one finding of value `id` (type number `type`) with its points. */
  add(id: string, type: number, dated: number, undated: number): void {
    this.combine(this.entryFor(id, type), 1, dated, undated);
  }

  /** Adds another table's values (`typeMap[t]`: our type number of its type t), in its order. */
  merge(other: ValueTable, typeMap: readonly number[]): void {
    const otherIds = other.idsByEntry();
    for (let i = 0; i < other.size; i++) {
      const type = typeMap[other.types[i]!]!;
      const id = otherIds[i];
      const entry =
        id === undefined
          ? this.entryForHex(other.hi[i]!, other.lo[i]!, type)
          : this.entryFor(id, type);
      this.combine(entry, other.counts[i]!, other.dated[i]!, other.undated[i]!);
    }
  }

  type(entry: number): number {
    return this.types[entry]!;
  }

  count(entry: number): number {
    return this.counts[entry]!;
  }

  datedPoints(entry: number): number {
    return this.dated[entry]!;
  }

  undatedBase(entry: number): number {
    return this.undated[entry]!;
  }

  /** A table that crossed a thread boundary as plain data, with its methods back. */
  static revive(data: ValueTable): ValueTable {
    return Object.assign(Object.create(ValueTable.prototype) as ValueTable, data);
  }

  private combine(entry: number, count: number, dated: number, undated: number): void {
    if (this.counts[entry] === 0) {
      this.dated[entry] = dated;
      this.undated[entry] = undated;
    } else {
      this.dated[entry] = Math.max(this.dated[entry]!, dated);
      this.undated[entry] = Math.max(this.undated[entry]!, undated);
    }
    this.counts[entry]! += count;
  }

  /** The entry of `id`, new (count 0) if it was not seen yet. */
  private entryFor(id: string, type: number): number {
    if (!HEX_ID.test(id)) {
      let entry = this.others.get(id);
      if (entry === undefined) {
        entry = this.append(0, 0, type);
        this.others.set(id, entry);
      }
      return entry;
    }
    return this.entryForHex(parseInt(id.slice(0, 8), 16), parseInt(id.slice(8), 16), type);
  }

  private entryForHex(hi: number, lo: number, type: number): number {
    const mask = this.slots.length - 1;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]!;
      if (found === 0) {
        const entry = this.append(hi, lo, type);
        // `append` may have grown the index: place the new entry in the current one.
        this.place(entry);
        return entry;
      }
      // Only hex ids are in the index, so an entry found here is never one of `others`.
      if (this.lo[found - 1] === lo && this.hi[found - 1] === hi) return found - 1;
    }
  }

  private append(hi: number, lo: number, type: number): number {
    if (this.size === this.capacity) this.grow();
    const entry = this.size++;
    this.hi[entry] = hi;
    this.lo[entry] = lo;
    this.types[entry] = type;
    this.counts[entry] = 0;
    return entry;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = this.lo[entry]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = <T extends Uint32Array | Uint16Array | Float64Array>(
      from: T,
      make: (n: number) => T,
    ): T => {
      const to = make(capacity);
      to.set(from);
      return to;
    };
    this.hi = widen(this.hi, (n) => new Uint32Array(n));
    this.lo = widen(this.lo, (n) => new Uint32Array(n));
    this.types = widen(this.types, (n) => new Uint16Array(n));
    this.counts = widen(this.counts, (n) => new Uint32Array(n));
    this.dated = widen(this.dated, (n) => new Float64Array(n));
    this.undated = widen(this.undated, (n) => new Float64Array(n));
    this.capacity = capacity;
    this.slots = new Int32Array(capacity * 2);
    const others = new Set(this.others.values());
    for (let entry = 0; entry < this.size; entry++) if (!others.has(entry)) this.place(entry);
  }

  /** The ids of the entries kept in `others`, by entry. */
  private idsByEntry(): Array<string | undefined> {
    const ids: Array<string | undefined> = [];
    for (const [id, entry] of this.others) ids[entry] = id;
    return ids;
  }
}
