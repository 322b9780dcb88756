/**
 * The risk score of one conversation (0–100) and its level, with plain-language reasons. Pure:
 * no I/O, no clock (the caller passes `asOf`). The formula is documented in `docs/risk-score.md`;
 * keep the two in step.
 */
import type { Platform } from '../model/conversation.js';
import type { Category, Finding, Severity } from '../model/finding.js';
import { CATEGORIES } from '../model/finding.js';
import { countedType, joinAnd, typeName } from './labels.js';
import { ValueTable } from './value-table.js';

export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'critical';
export const RISK_LEVELS: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical'];

/** Lowest score of each level; `none` is exactly 0. */
export const LEVEL_THRESHOLDS: Readonly<Record<Exclude<RiskLevel, 'none'>, number>> = {
  low: 1,
  medium: 30,
  high: 60,
  critical: 85,
};

/** Points of one finding at confidence 1, before age and conversation factors. */
export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = {
  low: 3,
  medium: 8,
  high: 15,
  critical: 30,
};

/** Each repeat of the same fingerprint adds this share of its points… */
export const REPEAT_SHARE = 0.1;
/** …for at most this many repeats. */
export const MAX_COUNTED_REPEATS = 5;
/** All work-talk findings of a conversation together count at most this (one confident high finding). */
export const WORK_POINTS_CAP = 15;
/** Saturation constant: `score = 100 × (1 − e^(−points × exposure / K))`. */
export const SATURATION = 60;
/** Age after which a finding's weight has dropped half-way to its floor of 0.5. */
export const AGE_HALF_LIFE_DAYS = 365;
/** A finding with at least this confidence lifts the score to its severity's floor. */
export const FLOOR_CONFIDENCE = 0.8;
export const SEVERITY_FLOOR: Readonly<Record<Severity, number>> = {
  low: 1,
  medium: 1,
  high: LEVEL_THRESHOLDS.medium,
  critical: LEVEL_THRESHOLDS.high,
};
export const PLATFORM_FACTOR: Readonly<Record<Platform, number>> = { whatsapp: 1, wechat: 1.2 };
export const GROUP_FACTOR = 1.25;
/** Per participant beyond two… */
export const PARTICIPANT_STEP = 0.02;
/** …up to this much extra. */
export const PARTICIPANT_CAP = 0.5;
/** Findings newer than this (days before `asOf`) are called recent in the reasons. */
export const RECENT_DAYS = 90;
const OLD_DAYS = 730;

/** What the score needs to know about the conversation. */
export interface RiskConversation {
  platform: Platform;
  isGroup: boolean;
  /** Number of participants (people who wrote at least one message). */
  participants: number;
  /** Fallback time for findings whose message has no timestamp. */
  lastMessageAt?: string | null;
}

/**
 * A conversation-level reason computed elsewhere (e.g. `conversationWorkReason` from `src/work/`):
 * its sentence is listed among the reasons and its points count like findings' points.
 */
export interface ExtraRiskReason {
  reason: string;
  /** Points before conversation factors; a confident high-severity finding is worth 15. */
  points: number;
  category?: Category;
}

export interface RiskOptions {
  /** The time the report is made; finding ages are measured from it. */
  asOf: Date;
  extraReasons?: readonly ExtraRiskReason[];
}

export interface RiskFactors {
  /** Sum of finding points after repeats and age, plus extra reasons' points. */
  points: number;
  /** platform × group × participants. */
  exposure: number;
  platform: number;
  group: number;
  participants: number;
  /** Minimum score set by the most severe confident finding. */
  floor: number;
  /** Distinct fingerprints. */
  distinct: number;
  /** Findings that repeat an earlier fingerprint. */
  repeats: number;
}

export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  reasons: string[];
  factors: RiskFactors;
}

export function levelFor(score: number): RiskLevel {
  if (score >= LEVEL_THRESHOLDS.critical) return 'critical';
  if (score >= LEVEL_THRESHOLDS.high) return 'high';
  if (score >= LEVEL_THRESHOLDS.medium) return 'medium';
  if (score >= LEVEL_THRESHOLDS.low) return 'low';
  return 'none';
}

/** Weight of a finding by its age: 1 when new, 0.75 after a year, approaching 0.5. */
export function ageWeight(ageDays: number): number {
  return 0.5 + 0.5 * 2 ** (-Math.max(0, ageDays) / AGE_HALF_LIFE_DAYS);
}

/** `YYYY-MM-DDTHH:MM:SS` (no zone, read as UTC) → epoch ms, or null. */
function parseTime(timestamp: string | null | undefined): number | null {
  if (!timestamp) return null;
  const ms = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(timestamp) ? timestamp : `${timestamp}Z`);
  return Number.isNaN(ms) ? null : ms;
}

export function exposureOf(conversation: RiskConversation): {
  platform: number;
  group: number;
  participants: number;
  exposure: number;
} {
  const platform = PLATFORM_FACTOR[conversation.platform] ?? 1;
  const group = conversation.isGroup ? GROUP_FACTOR : 1;
  const participants =
    1 + Math.min(PARTICIPANT_CAP, PARTICIPANT_STEP * Math.max(0, conversation.participants - 2));
  return { platform, group, participants, exposure: platform * group * participants };
}

/** What the tally keeps per finding type (so group-only types can be left out at the end). */
interface TypeTally {
  category: Category;
  findings: number;
  /** Minimum score set by this type's most severe confident finding. */
  floor: number;
  newest: number | null;
  oldest: number | null;
  undated: number;
  /** Work findings are not grouped by value (below): their points and count. */
  datedPoints: number;
  undatedBase: number;
}

const DAY_MS = 86_400_000;

/**
 * The risk score's inputs, gathered one finding at a time in constant memory per distinct value,
 * so a conversation's findings need not be held at once. Work findings are not grouped by value:
 * every work message is its own finding (a gigabyte group chat has millions of them, and their
 * points are capped anyway). Findings without a timestamp take the conversation's last message
 * time, known only at the end.
 */
export class RiskTally {
  private readonly types = new Map<string, TypeTally>();
  /** Type names by their number in `values`. */
  private readonly typeNames: string[] = [];
  /** Per fingerprint: its best points, dated (age known) and undated (age unknown yet). */
  private values = new ValueTable();
  private readonly asOf: number;

  constructor(asOf: Date) {
    this.asOf = asOf.getTime();
  }

  add(finding: Finding): void {
    let type = this.types.get(finding.type);
    if (!type) {
      type = {
        category: finding.category,
        findings: 0,
        floor: 0,
        newest: null,
        oldest: null,
        undated: 0,
        datedPoints: 0,
        undatedBase: 0,
      };
      this.types.set(finding.type, type);
    }
    type.findings++;
    type.floor = Math.max(
      type.floor,
      finding.confidence >= FLOOR_CONFIDENCE ? SEVERITY_FLOOR[finding.severity] : 1,
    );
    const base = SEVERITY_POINTS[finding.severity] * finding.confidence;
    const time = parseTime(finding.message.timestamp);
    let dated = 0;
    let undatedBase = 0;
    if (time === null) {
      type.undated++;
      undatedBase = base;
    } else {
      type.newest = type.newest === null ? time : Math.max(type.newest, time);
      type.oldest = type.oldest === null ? time : Math.min(type.oldest, time);
      dated = base * ageWeight((this.asOf - time) / DAY_MS);
    }
    if (finding.category === 'work') {
      type.datedPoints += dated;
      type.undatedBase += undatedBase;
      return;
    }
    this.values.add(finding.id, this.typeNumber(finding.type), dated, undatedBase);
  }

  private typeNumber(name: string): number {
    const known = this.typeNames.indexOf(name);
    if (known >= 0) return known;
    this.typeNames.push(name);
    return this.typeNames.length - 1;
  }

  /** Adds another tally's findings (e.g. from another part of a split scan), taking them over. */
  merge(other: RiskTally): void {
    for (const [name, theirs] of other.types) {
      const ours = this.types.get(name);
      if (!ours) {
        this.types.set(name, theirs);
        continue;
      }
      ours.findings += theirs.findings;
      ours.floor = Math.max(ours.floor, theirs.floor);
      ours.undated += theirs.undated;
      ours.datedPoints += theirs.datedPoints;
      ours.undatedBase += theirs.undatedBase;
      for (const time of [theirs.newest, theirs.oldest]) {
        if (time === null) continue;
        ours.newest = ours.newest === null ? time : Math.max(ours.newest, time);
        ours.oldest = ours.oldest === null ? time : Math.min(ours.oldest, time);
      }
    }
    this.values.merge(
      other.values,
      other.typeNames.map((name) => this.typeNumber(name)),
    );
  }

  /** A tally that crossed a thread boundary as plain data, with its methods back. */
  static revive(data: RiskTally): RiskTally {
    const tally = Object.assign(Object.create(RiskTally.prototype) as RiskTally, data);
    tally.values = ValueTable.revive(tally.values);
    return tally;
  }

  /** Distinct values per type: fingerprints, and every work finding on its own. */
  distinctByType(keep: (type: string) => boolean = () => true): Map<string, number> {
    const out = new Map<string, number>();
    for (const [name, type] of this.types) {
      if (keep(name)) out.set(name, type.category === 'work' ? type.findings : 0);
    }
    const { values } = this;
    for (let entry = 0; entry < values.size; entry++) {
      const name = this.typeNames[values.type(entry)]!;
      const n = out.get(name);
      if (n !== undefined) out.set(name, n + 1);
    }
    return out;
  }

  /** Scores the conversation from the findings of the types `keep` accepts. */
  assess(
    conversation: RiskConversation,
    options: Omit<RiskOptions, 'asOf'>,
    keep: (type: string) => boolean = () => true,
  ): RiskAssessment {
    const asOf = this.asOf;
    const fallbackTime = parseTime(conversation.lastMessageAt);
    const fallbackWeight =
      fallbackTime === null
        ? ageWeight(AGE_HALF_LIFE_DAYS)
        : ageWeight((asOf - fallbackTime) / DAY_MS);
    const extras = [...(options.extraReasons ?? [])].sort((a, b) => b.points - a.points);

    const byCategory = new Map<Category, Map<string, { distinct: number; points: number }>>();
    const entryFor = (name: string, type: TypeTally): { distinct: number; points: number } => {
      const types =
        byCategory.get(type.category) ?? new Map<string, { distinct: number; points: number }>();
      byCategory.set(type.category, types);
      const entry = types.get(name) ?? { distinct: 0, points: 0 };
      types.set(name, entry);
      return entry;
    };

    let findings = 0;
    let floor = 0;
    let newest: number | null = null;
    let oldest: number | null = null;
    let points = 0;
    let workPoints = 0;
    let distinct = 0;
    for (const [name, type] of this.types) {
      if (!keep(name)) continue;
      findings += type.findings;
      floor = Math.max(floor, type.floor);
      const undatedTime = type.undated > 0 ? fallbackTime : null;
      for (const time of [type.newest, type.oldest, undatedTime]) {
        if (time === null) continue;
        newest = newest === null ? time : Math.max(newest, time);
        oldest = oldest === null ? time : Math.min(oldest, time);
      }
      if (type.category === 'work') {
        const typePoints = type.datedPoints + type.undatedBase * fallbackWeight;
        workPoints += typePoints;
        distinct += type.findings;
        const entry = entryFor(name, type);
        entry.distinct += type.findings;
        entry.points += typePoints;
      }
    }
    const { values } = this;
    const keptTypes = this.typeNames.map((name) => keep(name));
    for (let value = 0; value < values.size; value++) {
      const typeNumber = values.type(value);
      if (!keptTypes[typeNumber]) continue;
      distinct++;
      const best = Math.max(values.datedPoints(value), values.undatedBase(value) * fallbackWeight);
      const repeats = Math.min(MAX_COUNTED_REPEATS, values.count(value) - 1);
      const groupPoints = best * (1 + REPEAT_SHARE * repeats);
      points += groupPoints;
      const name = this.typeNames[typeNumber]!;
      const entry = entryFor(name, this.types.get(name)!);
      entry.distinct++;
      entry.points += groupPoints;
    }
    // Work talk is a property of the conversation, not one leak per message.
    points += Math.min(WORK_POINTS_CAP, workPoints);
    for (const extra of extras) {
      points += Math.max(0, extra.points);
      if (extra.points > 0) floor = Math.max(floor, 1);
    }

    const factors = exposureOf(conversation);
    let score = Math.round(100 * (1 - Math.exp((-points * factors.exposure) / SATURATION)));
    score = Math.min(100, Math.max(score, floor));
    const level = levelFor(score);

    const reasons = buildReasons({
      byCategory,
      conversation,
      extras,
      findings,
      repeats: findings - distinct,
      newestAgeDays: newest === null ? null : (asOf - newest) / DAY_MS,
      oldestAgeDays: oldest === null ? null : (asOf - oldest) / DAY_MS,
    });

    return {
      score,
      level,
      reasons,
      factors: {
        points: Math.round(points * 100) / 100,
        exposure: Math.round(factors.exposure * 1000) / 1000,
        platform: factors.platform,
        group: factors.group,
        participants: Math.round(factors.participants * 1000) / 1000,
        floor,
        distinct,
        repeats: findings - distinct,
      },
    };
  }
}

/** Scores one conversation. `findings` must already be filtered (group-only types, confidence). */
export function assessRisk(
  findings: Iterable<Finding>,
  conversation: RiskConversation,
  options: RiskOptions,
): RiskAssessment {
  const tally = new RiskTally(options.asOf);
  for (const finding of findings) tally.add(finding);
  return tally.assess(conversation, options);
}

/** "a WeChat group, which Tencent can read server-side" */
export function wherePhrase(conversation: RiskConversation): string {
  if (conversation.platform === 'wechat') {
    return `a WeChat ${conversation.isGroup ? 'group' : 'chat'}, which Tencent can read server-side`;
  }
  return conversation.isGroup
    ? `a WhatsApp group with ${conversation.participants} participants`
    : 'a WhatsApp chat';
}

interface ReasonInput {
  byCategory: Map<Category, Map<string, { distinct: number; points: number }>>;
  conversation: RiskConversation;
  extras: readonly ExtraRiskReason[];
  findings: number;
  repeats: number;
  newestAgeDays: number | null;
  oldestAgeDays: number | null;
}

const MAX_TYPES_IN_REASON = 4;

function buildReasons(input: ReasonInput): string[] {
  const { byCategory, conversation, extras } = input;
  if (input.findings === 0 && extras.length === 0) {
    return ['No customer data, contract terms, credentials or work talk found'];
  }
  const where = wherePhrase(conversation);
  const ranked: Array<{ points: number; text: string }> = [];
  const hasWorkExtra = extras.some((e) => e.category === 'work');
  for (const category of CATEGORIES) {
    const types = byCategory.get(category);
    if (!types) continue;
    const sorted = [...types.entries()].sort(
      (a, b) => b[1].points - a[1].points || (a[0] < b[0] ? -1 : 1),
    );
    const sum = sorted.reduce((n, [, t]) => n + t.points, 0);
    const total = category === 'work' ? Math.min(WORK_POINTS_CAP, sum) : sum;
    const shown = sorted.slice(0, MAX_TYPES_IN_REASON);
    const rest = sorted.slice(MAX_TYPES_IN_REASON).reduce((n, [, t]) => n + t.distinct, 0);
    const counted = shown.map(([type, t]) => countedType(type, t.distinct));
    if (rest > 0) counted.push(`${rest} more item${rest === 1 ? '' : 's'}`);
    switch (category) {
      case 'pii':
        ranked.push({ points: total, text: `${joinAnd(counted)} shared` });
        break;
      case 'contract': {
        const names = shown.map(([type]) => typeName(type, 2));
        if (rest > 0) names.push('more');
        ranked.push({
          points: total,
          text: `Contract terms (${joinAnd(names)}) discussed in ${where}`,
        });
        break;
      }
      case 'credential':
        ranked.push({
          points: total,
          text: `Credentials shared: ${joinAnd(counted)}; anyone in the chat can use them`,
        });
        break;
      case 'work': {
        if (hasWorkExtra) break;
        const messages = sorted.reduce((n, [, t]) => n + t.distinct, 0);
        ranked.push({
          points: total,
          text: `Work discussed in ${where} (${messages} message${messages === 1 ? '' : 's'})`,
        });
        break;
      }
    }
  }
  for (const extra of extras) {
    const own = extra.category ? byCategory.get(extra.category) : undefined;
    let categoryPoints = own ? [...own.values()].reduce((n, t) => n + t.points, 0) : 0;
    if (extra.category === 'work') categoryPoints = Math.min(WORK_POINTS_CAP, categoryPoints);
    ranked.push({ points: Math.max(extra.points, categoryPoints), text: extra.reason });
  }
  ranked.sort((a, b) => b.points - a.points);
  const reasons = ranked.map((r) => r.text);

  if (input.findings > 0) {
    const mentioned = reasons.join(' ');
    if (conversation.platform === 'wechat' && !mentioned.includes('Tencent')) {
      reasons.push(
        'WeChat has no end-to-end encryption: Tencent can read these messages server-side',
      );
    }
    if (conversation.isGroup && !mentioned.includes('participants')) {
      reasons.push(
        `Shared in a group: everything reached all ${conversation.participants} participants`,
      );
    }
    if (input.repeats >= 3) {
      reasons.push(`The same values were shared again ${input.repeats} times`);
    }
    if (input.newestAgeDays !== null && input.newestAgeDays <= RECENT_DAYS) {
      reasons.push(`Recent: the latest leak is from the last ${RECENT_DAYS} days`);
    } else if (input.oldestAgeDays !== null && input.newestAgeDays !== null) {
      if (input.newestAgeDays >= OLD_DAYS) {
        reasons.push('All findings are more than 2 years old, which lowers the score');
      }
    }
  }
  return reasons;
}
