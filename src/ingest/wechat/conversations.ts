import { ConversationBuilder, conversationId } from '../conversation-builder.js';
import type { InputSource, MessageSink } from '../types.js';

/** A conversation being streamed, plus what tells a group chat from a 1:1 chat. */
export class ConversationState {
  readonly builder: ConversationBuilder;
  /** A `…@chatroom` id seen for this conversation. */
  chatroomId: string | null = null;
  prefixMessages = 0;
  invitation: string | null = null;
  /** MemoTrace "export all": a sender that is not the conversation itself. */
  foreignSender: string | null = null;

  constructor(
    readonly key: string,
    readonly title: string,
    source: InputSource,
    sink: MessageSink,
  ) {
    this.builder = new ConversationBuilder(
      { id: conversationId('wechat', source, key), title, platform: 'wechat' },
      sink,
    );
  }

  /** Known to be a group before the end of the file (used to word unknown senders). */
  get knownGroup(): boolean {
    return this.chatroomId !== null || this.prefixMessages > 0 || this.invitation !== null;
  }

  /** Evidence for `isGroup`, strongest first; empty for a 1:1 chat. */
  groupEvidence(): string[] {
    const evidence: string[] = [];
    if (this.chatroomId !== null) {
      evidence.push(`conversation id "${this.chatroomId}" is a group id (@chatroom)`);
    }
    if (this.prefixMessages > 0) {
      evidence.push(`${this.prefixMessages} messages carry a group sender prefix (wxid:\\n)`);
    }
    if (this.invitation !== null) evidence.push(this.invitation);
    if (this.foreignSender !== null) evidence.push(this.foreignSender);
    const senders = this.builder.senders.size;
    if (senders > 2) evidence.push(`${senders} distinct senders`);
    return evidence;
  }
}

/** `张三_utf8.csv` → `张三`, `wxid_abc_0_5000.csv` → `wxid_abc`, `dir/李娜.csv.bz2` → `李娜`. */
export function titleFromFileName(hint: string): string {
  const parts = hint.split(/[\\/]/);
  let name = parts[parts.length - 1] ?? hint;
  name = name.replace(/\.(?:csv|tsv|txt)(?:\.(?:bz2|gz))?$/i, '');
  name = name.replace(/_utf8$/i, '');
  name = name.replace(/_\d+_\d+$/, '');
  name = name.trim();
  return name || 'WeChat chat';
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
