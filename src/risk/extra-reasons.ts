/**
 * The hook for conversation-level risk reasons that do not come from single findings.
 *
 * Each source gets a scanned conversation and returns reasons `{ reason, points, category }`:
 * the sentence appears in `risk.reasons` (a `work` one replaces the generic "Work discussed in …"
 * line) and its points count towards the score (see `docs/risk-score.md`). The work summary from
 * `src/work/summary.ts` is the first source; its points are 0 because the work findings already
 * count (capped, as a conversation-level factor).
 */
import { maskTitle } from '../cli/conversation-line.js';
import type { ScannedConversation } from '../scan.js';
import { summarizeWorkCounts } from '../work/summary.js';
import type { ExtraRiskReason } from './score.js';

export interface ExtraReasonContext {
  /** Names in reasons are masked like everywhere else unless `--reveal`. */
  reveal: boolean;
}

export type ExtraReasonSource = (
  scanned: ScannedConversation,
  context: ExtraReasonContext,
) => ExtraRiskReason[];

/** Work talk in a group chat: the work engineer's summary sentence. */
export const workReason: ExtraReasonSource = ({ conversation, digest }, { reveal }) => {
  // The findings' senders are already masked like this (see scanFile).
  const summary = summarizeWorkCounts(
    {
      isGroup: conversation.isGroup,
      messageCount: conversation.coverage.messages,
      participants: conversation.participants.map((p) => ({
        name: reveal ? p.name : maskTitle(p.name),
        messages: p.messages,
      })),
    },
    digest.work,
  );
  return summary.reason ? [{ reason: summary.reason, points: 0, category: 'work' }] : [];
};

/** Sources consulted for every conversation, in order. */
export const EXTRA_REASON_SOURCES: readonly ExtraReasonSource[] = [workReason];

export function conversationExtraReasons(
  scanned: ScannedConversation,
  context: ExtraReasonContext,
): ExtraRiskReason[] {
  return EXTRA_REASON_SOURCES.flatMap((source) => source(scanned, context));
}
