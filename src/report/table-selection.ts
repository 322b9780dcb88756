/**
 * Which findings the PDF's table shows: all of them when there are few; otherwise, per type, the
 * best occurrence of up to `TOP_PER_TYPE` distinct values (most severe and confident first),
 * topped up with repeats in message order when a type has fewer distinct values. Chosen one
 * finding at a time in memory bounded by the number of types, so the findings of a huge
 * conversation never need to be held at once.
 */
import { compareFindings } from '../findings/order.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';

/** Above this many findings the table shows the top findings of each type. */
export const FULL_TABLE_LIMIT = 200;
export const TOP_PER_TYPE = 10;

export interface TableSelection {
  rows: Finding[];
  omitted: Array<{ type: string; total: number; shown: number }>;
}

function rank(f: Finding): number {
  return SEVERITIES.indexOf(f.severity) * 10 + f.confidence;
}

interface Ranked {
  finding: Finding;
  rank: number;
  seq: number;
}

function inReportOrder(a: Ranked, b: Ranked): number {
  return compareFindings(a.finding, b.finding) || a.seq - b.seq;
}

class TypeSelection {
  total = 0;
  /** The best occurrence of the best distinct values so far. */
  readonly best: Ranked[] = [];
  /** The first findings of the type, to top up with repeats. */
  readonly first: Ranked[] = [];

  add(finding: Finding, seq: number): void {
    this.total++;
    const entry = { finding, rank: rank(finding), seq };
    if (this.first.length < TOP_PER_TYPE) this.first.push(entry);
    this.offerBest(entry);
  }

  private offerBest(entry: Ranked): void {
    const finding = entry.finding;
    const same = this.best.findIndex((b) => b.finding.id === finding.id);
    if (same !== -1) {
      const kept = this.best[same]!;
      if (entry.rank > kept.rank || (entry.rank === kept.rank && inReportOrder(entry, kept) < 0))
        this.best[same] = entry;
      return;
    }
    if (this.best.length < TOP_PER_TYPE) {
      this.best.push(entry);
      return;
    }
    let worst = 0;
    for (let i = 1; i < this.best.length; i++) {
      const b = this.best[i]!;
      const w = this.best[worst]!;
      if (b.rank < w.rank || (b.rank === w.rank && inReportOrder(b, w) > 0)) worst = i;
    }
    const w = this.best[worst]!;
    if (entry.rank > w.rank || (entry.rank === w.rank && inReportOrder(entry, w) < 0))
      this.best[worst] = entry;
  }

  /** Takes over another selection of the same type (its `seq`s already made unique). */
  merge(other: TypeSelection): void {
    this.total += other.total;
    const first = [...this.first, ...other.first].sort(inReportOrder);
    this.first.splice(0, this.first.length, ...first.slice(0, TOP_PER_TYPE));
    for (const entry of other.best) this.offerBest(entry);
  }

  chosen(): Ranked[] {
    const chosen = [...this.best].sort((a, b) => b.rank - a.rank || inReportOrder(a, b));
    const taken = new Set(chosen.map((c) => c.seq));
    for (const f of this.first) {
      if (chosen.length >= TOP_PER_TYPE) break;
      if (!taken.has(f.seq)) chosen.push(f);
    }
    return chosen;
  }
}

export class TableSelector {
  private seq = 0;
  private readonly types = new Map<string, TypeSelection>();
  /** The first findings in message order, for the full table of a small conversation. */
  private readonly head: Finding[] = [];

  /** Findings must come in message order. */
  add(finding: Finding): void {
    if (this.head.length <= FULL_TABLE_LIMIT) this.head.push(finding);
    let type = this.types.get(finding.type);
    if (!type) {
      type = new TypeSelection();
      this.types.set(finding.type, type);
    }
    type.add(finding, this.seq++);
  }

  /** Takes over the findings of another selector (another part of a split scan). */
  merge(other: TableSelector): void {
    const offset = this.seq;
    for (const [type, theirs] of other.types) {
      // `best` and `first` share entries: shift each once.
      for (const entry of new Set([...theirs.best, ...theirs.first])) entry.seq += offset;
      const ours = this.types.get(type);
      if (ours) ours.merge(theirs);
      else this.types.set(type, theirs);
    }
    this.seq += other.seq;
    const head = [...this.head, ...other.head].sort(compareFindings);
    this.head.splice(0, this.head.length, ...head.slice(0, FULL_TABLE_LIMIT + 1));
  }

  result(): TableSelection {
    if (this.seq <= FULL_TABLE_LIMIT) return { rows: [...this.head], omitted: [] };
    const chosen: Ranked[] = [];
    const omitted: TableSelection['omitted'] = [];
    for (const [type, selection] of this.types) {
      const rows = selection.chosen();
      chosen.push(...rows);
      if (selection.total > rows.length)
        omitted.push({ type, total: selection.total, shown: rows.length });
    }
    chosen.sort(inReportOrder);
    return {
      rows: chosen.map((c) => c.finding),
      omitted: omitted.sort((a, b) => b.total - a.total),
    };
  }
}

export interface TableSelectorState {
  seq: number;
  types: Map<string, TypeSelection>;
  head: Finding[];
}

/** Revives a selector that crossed a thread boundary as plain data. */
export function reviveTableSelector(data: TableSelector): TableSelector {
  const selector = Object.assign(Object.create(TableSelector.prototype) as TableSelector, data);
  for (const [type, selection] of (selector as unknown as TableSelectorState).types) {
    (selector as unknown as TableSelectorState).types.set(
      type,
      Object.assign(Object.create(TypeSelection.prototype) as TypeSelection, selection),
    );
  }
  return selector;
}

export function selectForTable(findings: Iterable<Finding>): TableSelection {
  const selector = new TableSelector();
  for (const finding of findings) selector.add(finding);
  return selector.result();
}
