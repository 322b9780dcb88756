/**
 * The conversation-level view of work talk: how much of a group chat is work, and who carries it.
 * Pure: the report builder passes the conversation's metadata and its findings and puts `reason`
 * into `risk.reasons` (when not null) and the figures wherever it likes.
 */

export interface WorkConversationMeta {
  isGroup: boolean;
  /** Messages the share is taken of (the report's `conversation.messageCount`). */
  messageCount: number;
  /** Per-sender message counts (the report's `conversation.participants`), for senders' shares. */
  participants?: ReadonlyArray<{ name: string; messages: number }>;
}

/** The parts of a finding (report contract) this summary reads; other categories are ignored. */
export interface WorkFindingLike {
  type: string;
  confidence: number;
  location: { messageIndex: number };
  message: { sender: string | null };
}

export interface WorkSender {
  name: string;
  /** Work messages of this sender. */
  workMessages: number;
  /** Share of this sender's own messages that are work (when participants are known). */
  shareOfOwn?: number;
}

export interface WorkSummary {
  /** Distinct messages with a work-discussion finding. */
  workMessages: number;
  messages: number;
  /** workMessages / messages, 0..1. */
  share: number;
  /** Mean confidence of the work findings (0 when none). */
  meanConfidence: number;
  /** Busiest work senders first (ties by name), at most `topSenders`. */
  senders: WorkSender[];
  /** The `risk.reasons` line, or null when the chat is not a group or carries too little work. */
  reason: string | null;
}

export interface WorkSummaryOptions {
  /** A reason needs at least this many work messages … */
  minMessages?: number;
  /** … or at least this share of the conversation (a short group chat that is mostly work). */
  minShare?: number;
  topSenders?: number;
}

export const WORK_TYPE = 'work-discussion';
const UNKNOWN_SENDER = '(unknown sender)';

function percent(share: number): string {
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}

function listNames(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/** Work findings of a conversation, counted one message at a time (see `WorkTally.add`). */
export interface WorkCounts {
  /** Messages with a work-discussion finding. */
  workMessages: number;
  /** Sum over those messages of their best work confidence. */
  confidenceSum: number;
  /** Work messages per sender name (`null` senders under one key). */
  senders: ReadonlyMap<string, number>;
}

/** Counts work findings as they stream past; findings must come in message order. */
export class WorkTally implements WorkCounts {
  workMessages = 0;
  confidenceSum = 0;
  readonly senders = new Map<string, number>();
  private lastIndex = -1;
  private lastConfidence = 0;

  /** Adds the counts of another part of the same conversation (different messages). */
  merge(other: WorkTally): void {
    this.workMessages += other.workMessages;
    this.confidenceSum += other.confidenceSum;
    for (const [name, n] of other.senders)
      this.senders.set(name, (this.senders.get(name) ?? 0) + n);
  }

  static revive(data: WorkTally): WorkTally {
    return Object.assign(Object.create(WorkTally.prototype) as WorkTally, data);
  }

  add(f: WorkFindingLike): void {
    if (f.type !== WORK_TYPE) return;
    if (f.location.messageIndex === this.lastIndex) {
      if (f.confidence > this.lastConfidence) {
        this.confidenceSum += f.confidence - this.lastConfidence;
        this.lastConfidence = f.confidence;
      }
      return;
    }
    this.lastIndex = f.location.messageIndex;
    this.lastConfidence = f.confidence;
    this.workMessages++;
    this.confidenceSum += f.confidence;
    const name = f.message.sender ?? UNKNOWN_SENDER;
    this.senders.set(name, (this.senders.get(name) ?? 0) + 1);
  }
}

export function summarizeWork(
  meta: WorkConversationMeta,
  findings: readonly WorkFindingLike[],
  options: WorkSummaryOptions = {},
): WorkSummary {
  // Findings may come in any order here; the tally needs them by message.
  const byMessage = new Map<number, WorkFindingLike>();
  for (const f of findings) {
    if (f.type !== WORK_TYPE) continue;
    const seen = byMessage.get(f.location.messageIndex);
    if (!seen || f.confidence > seen.confidence) byMessage.set(f.location.messageIndex, f);
  }
  const tally = new WorkTally();
  for (const f of byMessage.values()) tally.add(f);
  return summarizeWorkCounts(meta, tally, options);
}

export function summarizeWorkCounts(
  meta: WorkConversationMeta,
  counts: WorkCounts,
  options: WorkSummaryOptions = {},
): WorkSummary {
  const { minMessages = 3, minShare = 0.05, topSenders = 3 } = options;
  const work = counts.workMessages;
  const messages = Math.max(meta.messageCount, work);
  const share = messages === 0 ? 0 : work / messages;
  const meanConfidence = work === 0 ? 0 : counts.confidenceSum / work;

  const own = new Map((meta.participants ?? []).map((p) => [p.name, p.messages]));
  const senders: WorkSender[] = [...counts.senders]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, topSenders)
    .map(([name, workMessages]) => {
      const total = own.get(name);
      return total !== undefined && total > 0
        ? { name, workMessages, shareOfOwn: Math.min(1, workMessages / total) }
        : { name, workMessages };
    });

  const enough = work > 0 && (work >= minMessages || share >= minShare);
  const reason =
    meta.isGroup && enough
      ? `Work discussed in a group chat: ${work} of ${messages} messages (${percent(share)}) ` +
        `are work talk, mostly from ${listNames(senders.map((s) => `${s.name} (${s.workMessages})`))}`
      : null;
  return { workMessages: work, messages, share, meanConfidence, senders, reason };
}
