/**
 * Everything the reports need to know about a conversation's findings except the findings
 * themselves: counts, the risk score's inputs, the PDF table's rows, the timeline and the work
 * summary. Gathered one finding at a time, so it does not matter whether the findings fit in
 * memory (`FindingStore`). Group-only types (work talk) are counted separately per type and left
 * out at the end when the conversation turns out not to be a group.
 */
import type { Category, Finding, Severity } from '../model/finding.js';
import { CATEGORIES, SEVERITIES } from '../model/finding.js';
import { compareFindings } from './order.js';
import {
  reviveTableSelector,
  TableSelector,
  type TableSelection,
} from '../report/table-selection.js';
import { DayCounter, type Buckets } from '../report/timeline.js';
import type { ReportSummary } from '../report/types.js';
import { RiskTally } from '../risk/score.js';
import { WORK_TYPE, WorkTally, type WorkCounts } from '../work/summary.js';

interface TypeCounts {
  category: Category;
  /** The type's first finding: `byType` lists types in the order they first appear. */
  first: Finding;
  findings: number;
  bySeverity: Record<Severity, number>;
}

export interface DigestResult {
  /** Whether findings of a type stay in the reports. */
  keep: (type: string) => boolean;
  /** Findings that stay. */
  findings: number;
  /** Group-only findings left out because the conversation is not a group. */
  dropped: number;
  summary: ReportSummary;
  table: TableSelection;
  /** Findings over time, keyed by category. */
  timeline: Buckets;
  categoryOf: ReadonlyMap<string, Category>;
  work: WorkCounts;
  risk: RiskTally;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

const NO_WORK: WorkCounts = { workMessages: 0, confidenceSum: 0, senders: new Map() };

export class FindingDigest {
  readonly risk: RiskTally;
  private readonly types = new Map<string, TypeCounts>();
  /** Two tables: with all types for a group, without group-only types for a 1:1 chat. */
  private readonly tableAll = new TableSelector();
  private readonly tableIndividual = new TableSelector();
  private readonly timeline = new DayCounter();
  private readonly work = new WorkTally();

  constructor(
    asOf: Date,
    private readonly groupOnlyTypes: ReadonlySet<string>,
  ) {
    this.risk = new RiskTally(asOf);
  }

  /** Findings must come in message order. */
  add(finding: Finding): void {
    let counts = this.types.get(finding.type);
    if (!counts) {
      counts = {
        category: finding.category,
        first: finding,
        findings: 0,
        bySeverity: zeroCounts(SEVERITIES),
      };
      this.types.set(finding.type, counts);
    }
    counts.findings++;
    counts.bySeverity[finding.severity]++;
    this.risk.add(finding);
    this.tableAll.add(finding);
    if (!this.groupOnlyTypes.has(finding.type)) this.tableIndividual.add(finding);
    this.timeline.add(finding.message.timestamp, finding.type);
    this.work.add(finding);
  }

  /**
   * Adds the findings of another digest of the same conversation: another part of a scan split
   * by detector, so the two hold different finding types.
   */
  merge(other: FindingDigest): void {
    for (const [type, theirs] of other.types) {
      const ours = this.types.get(type);
      if (!ours) {
        this.types.set(type, theirs);
        continue;
      }
      ours.findings += theirs.findings;
      if (compareFindings(theirs.first, ours.first) < 0) ours.first = theirs.first;
      for (const severity of SEVERITIES) ours.bySeverity[severity] += theirs.bySeverity[severity];
    }
    this.risk.merge(other.risk);
    this.tableAll.merge(other.tableAll);
    this.tableIndividual.merge(other.tableIndividual);
    this.timeline.merge(other.timeline);
    this.work.merge(other.work);
  }

  /** A digest that crossed a thread boundary as plain data (structured clone), revived. */
  static revive(data: FindingDigest): FindingDigest {
    const digest = Object.assign(Object.create(FindingDigest.prototype) as FindingDigest, data);
    const fields = digest as unknown as {
      risk: RiskTally;
      tableAll: TableSelector;
      tableIndividual: TableSelector;
      timeline: DayCounter;
      work: WorkTally;
    };
    fields.risk = RiskTally.revive(fields.risk);
    fields.tableAll = reviveTableSelector(fields.tableAll);
    fields.tableIndividual = reviveTableSelector(fields.tableIndividual);
    fields.timeline = DayCounter.revive(fields.timeline);
    fields.work = WorkTally.revive(fields.work);
    return digest;
  }

  /** Findings that would be dropped for a 1:1 chat (for progress and exit-code counts). */
  groupOnlyFindings(): number {
    let n = 0;
    for (const [type, counts] of this.types)
      if (this.groupOnlyTypes.has(type)) n += counts.findings;
    return n;
  }

  finish(isGroup: boolean): DigestResult {
    const keep = (type: string): boolean => isGroup || !this.groupOnlyTypes.has(type);
    const byCategory = zeroCounts<Category>(CATEGORIES);
    const bySeverity = zeroCounts<Severity>(SEVERITIES);
    const byType: Record<string, number> = {};
    const categoryOf = new Map<string, Category>();
    let findings = 0;
    let dropped = 0;
    const inOrder = [...this.types].sort(([, a], [, b]) => compareFindings(a.first, b.first));
    for (const [type, counts] of inOrder) {
      if (!keep(type)) {
        dropped += counts.findings;
        continue;
      }
      findings += counts.findings;
      byCategory[counts.category] += counts.findings;
      byType[type] = counts.findings;
      categoryOf.set(type, counts.category);
      for (const severity of SEVERITIES) bySeverity[severity] += counts.bySeverity[severity];
    }
    let distinct = 0;
    for (const n of this.risk.distinctByType(keep).values()) distinct += n;
    return {
      keep,
      findings,
      dropped,
      summary: { findings, distinct, byCategory, byType, bySeverity },
      table: (isGroup ? this.tableAll : this.tableIndividual).result(),
      timeline: this.timeline.buckets(keep, (type) => categoryOf.get(type) ?? 'pii'),
      categoryOf,
      work: keep(WORK_TYPE) ? this.work : NO_WORK,
      risk: this.risk,
    };
  }
}
