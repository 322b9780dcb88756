import type { ConversationMeta } from '../model/conversation.js';

/** Masks digits in a title that is a phone number (1:1 chats with unsaved contacts are named so). */
export function maskTitle(title: string): string {
  const digits = title.replace(/\D/g, '');
  if (digits.length < 7 || digits.length < title.replace(/\s/g, '').length * 0.6) return title;
  let seen = 0;
  return title.replace(/\d/g, (d) => {
    seen++;
    return seen <= 3 || seen > digits.length - 2 ? d : '*';
  });
}

/** One human-readable block per conversation: what the parser saw. */
export function describeConversation(conversation: ConversationMeta): string {
  const { source, coverage } = conversation;
  const where = source.entry ? `${source.path} › ${source.entry}` : source.path;
  const period =
    conversation.firstMessageAt && conversation.lastMessageAt
      ? `${conversation.firstMessageAt.slice(0, 10)} – ${conversation.lastMessageAt.slice(0, 10)}`
      : 'no dated messages';
  const lines = [
    `${where}`,
    `  ${conversation.platform} ${conversation.isGroup ? 'group' : '1:1'} "${maskTitle(conversation.title)}"  [${source.format}, ${source.encoding}]`,
    `  ${coverage.messages} messages (${coverage.system} system, ${coverage.media} media) from ${conversation.participants.length} participants, ${period}`,
    `  ${coverage.lines} lines, ${coverage.unparsedLines} unparsed`,
  ];
  if (conversation.groupEvidence.length > 0) {
    lines.push(`  group evidence: ${conversation.groupEvidence.join('; ')}`);
  }
  for (const warning of coverage.warnings.slice(0, 5)) lines.push(`  warning: ${warning}`);
  if (coverage.warnings.length > 5) lines.push(`  … ${coverage.warnings.length - 5} more warnings`);
  return lines.join('\n');
}
