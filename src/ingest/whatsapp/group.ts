import type { SystemEvent } from './system-messages.js';

/**
 * Group vs 1:1 (chat-formats §1.9). The file has no flag, so signals are collected while the
 * messages stream past and weighed at the end, strongest first:
 * 1. a group-only system event; 2. the old encryption-notice wording; 3. an iOS encryption notice
 * authored by someone who never writes while two others do (the group name); 4. `~ Name`
 * non-contact authors; 5. more than two distinct human authors.
 */
export class GroupSignals {
  /** Group-only system events, in the order first seen. */
  readonly groupEvents: string[] = [];
  noticeWording: 'group' | 'chat' | null = null;
  /** Authors of iOS encryption notices. */
  readonly noticeAuthors = new Set<string>();
  /** Authors of iOS system lines (encryption notice, `G: Boris added you`, …). */
  readonly systemAuthors = new Set<string>();
  readonly nonContacts = new Set<string>();

  recordSystem(event: SystemEvent | null, author: string | null): void {
    if (author !== null) this.systemAuthors.add(author);
    if (event === null) return;
    if (event.groupOnly && !this.groupEvents.includes(event.tag)) this.groupEvents.push(event.tag);
    if (event.tag === 'encryption notice') {
      if (author !== null) this.noticeAuthors.add(author);
      if (event.notice !== null && this.noticeWording === null) this.noticeWording = event.notice;
    }
  }

  /** A name that authors only system lines is not a person (the group name, or a silent contact). */
  isPseudoAuthor(name: string, senders: ReadonlyMap<string, number>): boolean {
    return this.systemAuthors.has(name) && !senders.has(name);
  }
}

export interface GroupVerdict {
  isGroup: boolean;
  evidence: string[];
  /** Names that authored only system lines; not participants. */
  pseudoAuthors: Set<string>;
}

const MAX_EVENTS_LISTED = 3;

export function decideGroup(
  signals: GroupSignals,
  senders: ReadonlyMap<string, number>,
): GroupVerdict {
  const pseudoAuthors = new Set([...signals.systemAuthors].filter((n) => !senders.has(n)));
  const humans = [...senders.keys()].filter((n) => !pseudoAuthors.has(n));
  const silentNoticeAuthor = [...signals.noticeAuthors].find((n) => pseudoAuthors.has(n));
  const speakingNoticeAuthor = [...signals.noticeAuthors].find((n) => senders.has(n));

  const groupEvidence: string[] = [];
  const directEvidence: string[] = [];
  for (const tag of signals.groupEvents.slice(0, MAX_EVENTS_LISTED))
    groupEvidence.push(`system event: ${tag}`);
  if (signals.noticeWording === 'group') groupEvidence.push('encryption notice: group wording');
  if (signals.noticeWording === 'chat') directEvidence.push('encryption notice: 1:1 wording');
  if (silentNoticeAuthor !== undefined) {
    if (humans.length >= 2) {
      groupEvidence.push(`encryption notice authored by non-participant "${silentNoticeAuthor}"`);
    } else {
      directEvidence.push(
        `encryption notice authored by "${silentNoticeAuthor}", who never writes`,
      );
    }
  } else if (speakingNoticeAuthor !== undefined) {
    directEvidence.push(`encryption notice authored by participant "${speakingNoticeAuthor}"`);
  }
  if (signals.nonContacts.size > 0) groupEvidence.push('non-contact author (~)');
  const authors = `${humans.length} distinct author${humans.length === 1 ? '' : 's'}`;
  if (humans.length > 2) groupEvidence.push(authors);
  else directEvidence.push(authors);

  // The strongest signal decides: group events beat the old 1:1 wording, which beats the rest.
  let isGroup: boolean;
  if (signals.groupEvents.length > 0) isGroup = true;
  else if (signals.noticeWording !== null) isGroup = signals.noticeWording === 'group';
  else isGroup = groupEvidence.length > 0;

  if (isGroup) return { isGroup, evidence: groupEvidence.concat(directEvidence), pseudoAuthors };
  if (signals.groupEvents.length === 0) directEvidence.unshift('no group-only system event');
  return { isGroup, evidence: directEvidence.concat(groupEvidence), pseudoAuthors };
}
