import { createHash } from 'node:crypto';
import type {
  ConversationMeta,
  Coverage,
  Message,
  Participant,
  Platform,
  SourceInfo,
} from '../model/conversation.js';
import type { ConversationHeader, InputSource, MessageSink } from './types.js';
import type { DecodedStats } from './decode.js';

/** Warnings kept per conversation; the rest are counted, so a broken file cannot exhaust memory. */
export const MAX_WARNINGS = 50;

/** Stable id: the same export scanned from another folder or machine keeps its id. */
export function conversationId(platform: Platform, source: InputSource, key: string): string {
  const name = source.entry ? `${basename(source.path)}!${source.entry}` : basename(source.path);
  return createHash('sha256').update(`${platform}\0${name}\0${key}`).digest('hex').slice(0, 16);
}

function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * Accumulates what a conversation's metadata needs (participants, coverage, period) while its
 * messages stream past, and assigns message indexes.
 */
export class ConversationBuilder {
  readonly header: ConversationHeader;
  private readonly participants = new Map<string, number>();
  private nextIndex = 0;
  private first: string | null = null;
  private last: string | null = null;
  private readonly warnings: string[] = [];
  private droppedWarnings = 0;
  readonly coverage: Omit<Coverage, 'warnings'> = {
    lines: 0,
    messages: 0,
    system: 0,
    media: 0,
    unparsedLines: 0,
  };

  constructor(
    header: ConversationHeader,
    private readonly sink: MessageSink,
  ) {
    this.header = header;
  }

  get messageCount(): number {
    return this.nextIndex;
  }

  /** Sender names seen so far with their message counts. */
  get senders(): ReadonlyMap<string, number> {
    return this.participants;
  }

  /** Takes ownership of `message` and sets its index (no copy: this runs once per message). */
  add(message: Omit<Message, 'index'>): Message {
    const full = message as Message;
    full.index = this.nextIndex++;
    this.coverage.messages++;
    if (full.kind === 'system') this.coverage.system++;
    if (full.kind === 'media') this.coverage.media++;
    if (full.sender !== null) {
      this.participants.set(full.sender, (this.participants.get(full.sender) ?? 0) + 1);
    }
    if (full.timestamp) {
      // Exports are not always in time order, so first/last are the extremes, not the ends.
      if (this.first === null || full.timestamp < this.first) this.first = full.timestamp;
      if (this.last === null || full.timestamp > this.last) this.last = full.timestamp;
    }
    this.sink(this.header, full);
    return full;
  }

  warn(text: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(text);
    else this.droppedWarnings++;
  }

  finish(details: {
    isGroup: boolean;
    groupEvidence: string[];
    source: Omit<SourceInfo, 'encoding' | 'sha256' | 'bytes'>;
    decoded: DecodedStats;
    lines: number;
    /** Names that are not people (e.g. the group name authoring iOS system lines). */
    excludeParticipants?: ReadonlySet<string>;
  }): ConversationMeta {
    const warnings = [...details.decoded.warnings, ...this.warnings];
    if (this.droppedWarnings > 0) warnings.push(`${this.droppedWarnings} more warnings not listed`);
    const participants: Participant[] = [...this.participants]
      .filter(([name]) => !details.excludeParticipants?.has(name))
      .map(([name, messages]) => ({ name, messages }))
      .sort((a, b) => b.messages - a.messages || a.name.localeCompare(b.name));
    return {
      id: this.header.id,
      title: this.header.title,
      platform: this.header.platform,
      isGroup: details.isGroup,
      groupEvidence: details.groupEvidence,
      participants,
      source: {
        ...details.source,
        encoding: details.decoded.encoding,
        sha256: details.decoded.sha256,
        bytes: details.decoded.bytes,
      },
      firstMessageAt: this.first,
      lastMessageAt: this.last,
      coverage: { ...this.coverage, lines: details.lines, warnings },
    };
  }
}
