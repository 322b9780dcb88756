import type { ContentOptions } from './content.js';
import { senderFromBytesExtra } from './content.js';
import type { Family, FormatId, Layout, Role } from './layouts.js';
import { decodeTypeCode, typeFromLabel, type TypeCode } from './message-types.js';

/**
 * What one CSV row says, read the way its exporter meant it (columns mean different things in
 * different tools: PyWxDump's `talker` is the sender, Android's the conversation).
 */
export interface RowData {
  /** Time cells, most trusted first (e.g. MemoTrace `StrTime`, then Unix `CreateTime`). */
  times: string[];
  code: TypeCode | null;
  content: string;
  contentOptions: ContentOptions;
  fromSelf?: boolean;
  /** Display name, already chosen (remark > nickname > id). */
  senderName?: string;
  senderId?: string;
  /** The sender column names a system pseudo-sender (`系统消息`, `系统`). */
  systemSender?: boolean;
  /** Conversation key in files that hold several conversations; `''` otherwise. */
  convKey: string;
  /** Conversation display name, where the row carries one. */
  convTitle?: string;
  /** Conversation id (`…@chatroom`, wxid), where the row carries one. */
  convId?: string;
  src?: string;
}

/** MemoTrace's per-contact and "export all" files share a header; rows differ in meaning. */
export type MemotraceScope = 'contact' | 'all';

const ID_LIKE =
  /^(?:wxid_[A-Za-z0-9_-]+|[A-Za-z][A-Za-z0-9_-]{5,19}|\d+@chatroom|gh_[0-9a-fA-F]+|[\w-]+@openim)$/;

const ID_CACHE = new Map<string, boolean>();

/** Looks like a WeChat account id rather than a display name. */
export function isIdLike(value: string): boolean {
  const cached = ID_CACHE.get(value);
  if (cached !== undefined) return cached;
  const result = ID_LIKE.test(value);
  if (ID_CACHE.size < 4096) ID_CACHE.set(value, result);
  return result;
}

/** Reads `IsSender`/`is_sender`/`isSend`/`消息方向` cells. */
export function parseIsSender(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (s === '1' || s === 'true' || s === '发送' || s === '1.0' || s === 'yes') return true;
  if (s === '0' || s === 'false' || s === '接收' || s === '0.0' || s === 'no') return false;
  return undefined;
}

export class RowReader {
  private readonly i: Readonly<Record<Role, number>>;
  readonly family: Family;

  constructor(
    private readonly layout: Layout,
    private scope: MemotraceScope = 'contact',
  ) {
    this.i = layout.index;
    this.family = layout.family;
  }

  setScope(scope: MemotraceScope): void {
    this.scope = scope;
  }

  get format(): FormatId {
    if (this.family === 'memotrace' && this.layout.format === 'wechat-memotrace-2') {
      return this.scope === 'all' ? 'wechat-memotrace-all' : 'wechat-memotrace-2';
    }
    return this.layout.format;
  }

  /** True when conversations are told apart by a column rather than one per file. */
  get multiConversation(): boolean {
    return (
      (this.family === 'memotrace' && this.scope === 'all') ||
      this.family === 'chatlog' ||
      this.family === 'android' ||
      this.family === 'pc'
    );
  }

  cell(fields: readonly string[], role: Role): string {
    const at = this.i[role];
    return at >= 0 ? (fields[at] ?? '') : '';
  }

  read(fields: readonly string[]): RowData {
    switch (this.family) {
      case 'memotrace':
        return this.scope === 'all' ? this.memotraceAll(fields) : this.memotrace(fields);
      case 'pywxdump':
      case 'weflow':
        return this.pywxdump(fields);
      case 'chatlog':
        return this.chatlog(fields);
      case 'exporter-12425':
        return this.exporter12425(fields);
      case 'android':
        return this.android(fields);
      case 'pc':
        return this.pc(fields);
      case 'pc4':
        return this.pc4(fields);
    }
  }

  private typeCode(fields: readonly string[]): TypeCode | null {
    return decodeTypeCode(this.cell(fields, 'type'), this.cell(fields, 'subType'));
  }

  private memotrace(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const remark = c('remark');
    const nick = c('nickName');
    const sender = c('sender');
    const row: RowData = {
      times: [c('strTime'), c('createTime')],
      code: this.typeCode(fields),
      content: this.cell(fields, 'content'),
      contentOptions: { prefix: 'wxid' },
      convKey: '',
    };
    const fromSelf = parseIsSender(c('isSender'));
    if (fromSelf !== undefined) row.fromSelf = fromSelf;
    const name = remark || nick || sender;
    if (name) row.senderName = name;
    if (sender && isIdLike(sender)) row.senderId = sender;
    else {
      const extra = c('bytesExtra');
      const id = extra ? senderFromBytesExtra(extra) : null;
      if (id) {
        row.senderId = id;
        if (!name) row.senderName = id;
      }
    }
    return row;
  }

  private memotraceAll(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const remark = c('remark');
    const nick = c('nickName');
    const talkerId = c('talkerId');
    const sender = c('sender');
    const row: RowData = {
      times: [c('strTime'), c('createTime')],
      code: this.typeCode(fields),
      content: this.cell(fields, 'content'),
      contentOptions: { prefix: 'wxid' },
      convKey: talkerId || nick || remark,
    };
    const title = remark || nick || (talkerId ? `TalkerId ${talkerId}` : '');
    if (title) row.convTitle = title;
    let fromSelf = parseIsSender(c('isSender'));
    if (sender === '我') fromSelf = true;
    if (fromSelf !== undefined) row.fromSelf = fromSelf;
    if (sender) row.senderName = sender;
    return row;
  }

  private pywxdump(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const talker = c('talker');
    const room = c('roomName');
    const row: RowData = {
      times: [c('strTime')],
      code: typeFromLabel(c('typeName')),
      content: this.cell(fields, 'content'),
      contentOptions: {
        json: this.layout.format === 'wechat-pywxdump-3.0',
        anchors: true,
        prefix: 'none',
      },
      convKey: '',
    };
    if (room) row.convId = room;
    const src = c('src');
    if (src) row.src = src;
    let fromSelf = parseIsSender(c('isSender'));
    if (talker === '我') fromSelf = true;
    if (fromSelf !== undefined) row.fromSelf = fromSelf;
    if (talker === '系统') row.systemSender = true;
    else if (talker && talker !== '未知') {
      row.senderName = talker;
      if (isIdLike(talker)) row.senderId = talker;
    }
    return row;
  }

  private chatlog(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const sender = c('sender');
    const senderName = c('senderName');
    const talker = c('talker');
    const talkerName = c('talkerName');
    const row: RowData = {
      times: [c('strTime')],
      code: null,
      content: this.cell(fields, 'content'),
      contentOptions: { chatlog: true, prefix: 'none' },
      convKey: talker || talkerName,
    };
    if (talker) row.convId = talker;
    const title = talkerName || talker;
    if (title) row.convTitle = title;
    if (sender === '系统消息') row.systemSender = true;
    else {
      const name = senderName || sender;
      if (name) row.senderName = name;
      if (sender && isIdLike(sender)) row.senderId = sender;
      if (sender === '我' || senderName === '我') row.fromSelf = true;
    }
    return row;
  }

  private exporter12425(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const row: RowData = {
      times: [c('strTime')],
      code: typeFromLabel(c('typeName')),
      content: this.cell(fields, 'content'),
      contentOptions: { prefix: 'none' },
      convKey: '',
    };
    const fromSelf = parseIsSender(c('isSender'));
    if (fromSelf !== undefined) row.fromSelf = fromSelf;
    // Without a group prefix the sender columns repeat the conversation, so for own messages
    // they say nothing about the sender.
    if (fromSelf !== true) {
      const id = c('senderWxid');
      const name = c('remark') || c('nickName') || c('alias') || id;
      if (name) row.senderName = name;
      if (id && isIdLike(id)) row.senderId = id;
    }
    return row;
  }

  private android(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const talker = c('talker');
    const group = talker.endsWith('@chatroom');
    const row: RowData = {
      times: [c('createTime')],
      code: this.typeCode(fields),
      content: this.cell(fields, 'content'),
      contentOptions: { prefix: group ? 'any' : 'wxid' },
      convKey: talker,
    };
    if (talker) {
      row.convId = talker;
      row.convTitle = talker;
    }
    const fromSelf = parseIsSender(c('isSender'));
    if (fromSelf !== undefined) row.fromSelf = fromSelf;
    if (!group && fromSelf === false && talker) {
      row.senderName = talker;
      row.senderId = talker;
    }
    const src = c('src');
    if (src) row.src = src;
    return row;
  }

  private pc(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const talker = c('talker');
    const group = talker.endsWith('@chatroom');
    const row: RowData = {
      times: [c('strTime'), c('createTime')],
      code: this.typeCode(fields),
      content: this.cell(fields, 'content'),
      contentOptions: { prefix: 'wxid' },
      convKey: talker,
    };
    if (talker) {
      row.convId = talker;
      row.convTitle = talker;
    }
    const fromSelf = parseIsSender(c('isSender'));
    if (fromSelf !== undefined) row.fromSelf = fromSelf;
    if (fromSelf === false) {
      const id = group ? senderFromBytesExtra(c('bytesExtra')) : talker;
      if (id) {
        row.senderName = id;
        row.senderId = id;
      }
    }
    return row;
  }

  private pc4(fields: readonly string[]): RowData {
    const c = (role: Role): string => this.cell(fields, role).trim();
    const row: RowData = {
      times: [c('createTime')],
      code: this.typeCode(fields),
      content: this.cell(fields, 'content'),
      contentOptions: { prefix: 'wxid' },
      convKey: '',
    };
    // WeChat 4.x: status 2 = sent, 4 = received (chatlog reads it the same way).
    const status = c('status');
    if (status === '2') row.fromSelf = true;
    else if (status === '4') row.fromSelf = false;
    return row;
  }
}
