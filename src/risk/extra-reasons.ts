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
import { summarizeWork } from '../work/summary.js';
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
export const workReason: ExtraReasonSource = ({ conversation, findings }, { reveal }) => {
  const name = (n: string | null): string | null => (n === null || reveal ? n : maskTitle(n));
  const summary = summarizeWork(
    {
      isGroup: conversation.isGroup,
      messageCount: conversation.coverage.messages,
      participants: conversation.participants.map((p) => ({
        name: name(p.name) ?? p.name,
        messages: p.messages,
      })),
    },
    findings.map((f) => ({ ...f, message: { ...f.message, sender: name(f.message.sender) } })),
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
