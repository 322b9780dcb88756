/**
 * The CSV layouts WeChat exporters write, recognized by header names (case-insensitive, `_` and
 * spaces ignored, known aliases accepted) rather than by column position.
 */

export type FormatId =
  | 'wechat-memotrace-0.2'
  | 'wechat-memotrace-1.0'
  | 'wechat-memotrace-2'
  | 'wechat-memotrace-all'
  | 'wechat-pywxdump-3.0'
  | 'wechat-pywxdump-3.1'
  | 'wechat-chatlog'
  | 'wechat-exporter-12425'
  | 'wechat-weflow'
  | 'wechat-android-dump'
  | 'wechat-pc-dump'
  | 'wechat-pc4-dump';

/** What a column means, whatever the exporter called it. */
export type Role =
  | 'localId'
  | 'talkerId'
  | 'msgSvrId'
  | 'type'
  | 'subType'
  | 'typeName'
  | 'isSender'
  | 'status'
  | 'createTime'
  | 'strTime'
  | 'content'
  | 'remark'
  | 'nickName'
  | 'sender'
  | 'senderName'
  | 'senderWxid'
  | 'alias'
  | 'talker'
  | 'talkerName'
  | 'roomName'
  | 'src'
  | 'bytesExtra';

/** Layouts that read rows the same way. */
export type Family =
  'memotrace' | 'pywxdump' | 'weflow' | 'chatlog' | 'exporter-12425' | 'android' | 'pc' | 'pc4';

interface LayoutSpec {
  format: FormatId;
  family: Family;
  /** Header names (normalized) each role may have, preferred first. */
  roles: Partial<Record<Role, readonly string[]>>;
  /** Roles that must all be present; an inner array means "one of". */
  required: readonly (Role | readonly Role[])[];
  /** Roles whose presence rules the layout out. */
  absent?: readonly Role[];
  /** The first header cell is empty (pandas' unnamed index column). */
  unnamedFirst?: boolean;
  /** Names of the fields rows carry beyond the header (MemoTrace 1.0 writes 12 fields under 9 names). */
  extraNames?: readonly string[];
  /** Shape of the first column's values, for resynchronizing after a stray quote. */
  firstColumn: 'int' | 'datetime';
}

export interface Layout {
  format: FormatId;
  family: Family;
  /** Column index per role; -1 when the file has no such column. */
  index: Readonly<Record<Role, number>>;
  /** Header names as written (BOM and surrounding spaces removed). */
  names: readonly string[];
  /** Named columns (trailing empty header cells from Excel not counted). */
  columns: number;
  /** Fields a row is expected to have (more than `columns` for MemoTrace 1.0). */
  expectedFields: number;
  extraNames: readonly string[];
  firstColumn: 'int' | 'datetime';
}

const CONTENT = ['strcontent', 'content', 'msg', '内容', 'messagecontent', '消息内容', 'message'];
const MEMOTRACE_ROLES = {
  localId: ['localid'],
  talkerId: ['talkerid'],
  msgSvrId: ['msgsvrid'],
  type: ['type'],
  subType: ['subtype'],
  isSender: ['issender'],
  createTime: ['createtime'],
  status: ['status'],
  strTime: ['strtime', 'time', '时间', '时刻'],
  content: CONTENT,
  remark: ['remark'],
  nickName: ['nickname'],
  sender: ['sender'],
  bytesExtra: ['bytesextra'],
} as const satisfies LayoutSpec['roles'];

const PYWXDUMP_ROLES = {
  localId: ['id'],
  msgSvrId: ['msgsvrid'],
  typeName: ['typename', '消息类型'],
  isSender: ['issender'],
  talker: ['talker'],
  roomName: ['roomname'],
  src: ['src'],
  strTime: ['createtime', 'strtime', 'time', '时间'],
} as const satisfies LayoutSpec['roles'];

/** Most specific first: the first layout whose requirements hold wins. */
const SPECS: readonly LayoutSpec[] = [
  {
    format: 'wechat-memotrace-0.2',
    family: 'memotrace',
    unnamedFirst: true,
    roles: MEMOTRACE_ROLES,
    required: ['type', 'content', ['strTime', 'createTime'], ['talkerId', 'localId']],
    firstColumn: 'int',
  },
  {
    format: 'wechat-pc-dump',
    family: 'pc',
    roles: { ...MEMOTRACE_ROLES, talker: ['strtalker'], content: ['strcontent'] },
    required: ['type', 'talker', 'content', 'createTime'],
    absent: ['strTime'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-memotrace-2',
    family: 'memotrace',
    roles: MEMOTRACE_ROLES,
    required: ['type', 'content', 'strTime', 'talkerId', ['remark', 'nickName', 'sender']],
    firstColumn: 'int',
  },
  {
    format: 'wechat-memotrace-1.0',
    family: 'memotrace',
    roles: MEMOTRACE_ROLES,
    required: ['type', 'content', 'strTime', 'talkerId'],
    absent: ['remark', 'nickName', 'sender'],
    extraNames: ['MsgSvrID', 'BytesExtra', 'CompressContent'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-pc4-dump',
    family: 'pc4',
    roles: {
      localId: ['localid'],
      msgSvrId: ['serverid'],
      type: ['localtype'],
      createTime: ['createtime'],
      status: ['status'],
      content: ['messagecontent', 'content'],
    },
    required: ['type', 'content', 'createTime'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-android-dump',
    family: 'android',
    roles: {
      localId: ['msgid'],
      msgSvrId: ['msgsvrid'],
      type: ['type'],
      isSender: ['issend'],
      status: ['status'],
      createTime: ['createtime'],
      talker: ['talker'],
      content: ['content'],
      src: ['imgpath'],
    },
    required: ['type', 'isSender', 'createTime', 'talker', 'content'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-pywxdump-3.1',
    family: 'pywxdump',
    roles: { ...PYWXDUMP_ROLES, content: ['msg', '内容'] },
    required: ['typeName', 'isSender', 'talker', 'roomName', 'content', 'strTime'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-pywxdump-3.0',
    family: 'pywxdump',
    roles: { ...PYWXDUMP_ROLES, content: ['content'] },
    required: ['typeName', 'isSender', 'talker', 'roomName', 'content', 'strTime'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-weflow',
    family: 'weflow',
    roles: { ...PYWXDUMP_ROLES, content: ['msg', 'content', '内容'] },
    required: ['typeName', 'isSender', 'talker', 'content', 'strTime'],
    absent: ['roomName'],
    firstColumn: 'int',
  },
  {
    format: 'wechat-chatlog',
    family: 'chatlog',
    roles: {
      strTime: ['time', '时间'],
      senderName: ['sendername'],
      sender: ['sender'],
      talkerName: ['talkername'],
      talker: ['talker'],
      content: ['content', '内容'],
    },
    required: ['strTime', 'talker', 'content', ['sender', 'senderName']],
    firstColumn: 'datetime',
  },
  {
    format: 'wechat-exporter-12425',
    family: 'exporter-12425',
    roles: {
      strTime: ['时刻', '时间'],
      typeName: ['消息类型'],
      isSender: ['消息方向'],
      senderWxid: ['id'],
      alias: ['微信号'],
      nickName: ['昵称'],
      remark: ['备注名', '显示名称', '备注'],
      content: ['内容'],
    },
    required: ['strTime', 'isSender', 'content'],
    firstColumn: 'datetime',
  },
];

const ALL_ROLES: readonly Role[] = [
  'localId',
  'talkerId',
  'msgSvrId',
  'type',
  'subType',
  'typeName',
  'isSender',
  'status',
  'createTime',
  'strTime',
  'content',
  'remark',
  'nickName',
  'sender',
  'senderName',
  'senderWxid',
  'alias',
  'talker',
  'talkerName',
  'roomName',
  'src',
  'bytesExtra',
];

/** `\uFEFFStrContent ` → `strcontent`, `is_sender` → `issender`, `"Type"` → `type`. */
export function normalizeHeaderName(name: string): string {
  let s = name.replace(/^\uFEFF/, '').trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  return s.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Recognizes a header row; null when it is not a layout this parser knows. */
export function detectLayout(header: readonly string[]): Layout | null {
  const names = header.map((name) => name.replace(/^\uFEFF/, '').trim());
  let columns = names.length;
  while (columns > 0 && names[columns - 1] === '') columns--;
  const normalized = names.slice(0, columns).map(normalizeHeaderName);
  if (columns < 3) return null;
  for (const spec of SPECS) {
    if (spec.unnamedFirst ? normalized[0] !== '' : normalized[0] === '') continue;
    const index = resolveRoles(spec, normalized, spec.unnamedFirst ? 1 : 0);
    const present = (role: Role): boolean => index[role] >= 0;
    const ok = spec.required.every((req) =>
      typeof req === 'string' ? present(req) : req.some((role) => present(role)),
    );
    if (!ok || spec.absent?.some(present)) continue;
    const extraNames = spec.extraNames ?? [];
    for (let i = 0; i < extraNames.length; i++) {
      const role = roleOf(spec, normalizeHeaderName(extraNames[i]!));
      if (role && index[role] < 0) index[role] = columns + i;
    }
    return {
      format: spec.format,
      family: spec.family,
      index,
      names: names.slice(0, columns),
      columns,
      expectedFields: columns + extraNames.length,
      extraNames,
      firstColumn: spec.firstColumn,
    };
  }
  return null;
}

function resolveRoles(
  spec: LayoutSpec,
  names: readonly string[],
  from: number,
): Record<Role, number> {
  const index = {} as Record<Role, number>;
  for (const role of ALL_ROLES) {
    index[role] = -1;
    for (const alias of spec.roles[role] ?? []) {
      const at = names.indexOf(alias, from);
      if (at >= 0) {
        index[role] = at;
        break;
      }
    }
  }
  return index;
}

function roleOf(spec: LayoutSpec, name: string): Role | null {
  for (const role of ALL_ROLES) if (spec.roles[role]?.includes(name)) return role;
  return null;
}

/** Splits a header line for sniffing (quotes around names removed; no multi-line headers). */
export function splitHeaderLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) => {
    const s = cell.trim();
    return s.length >= 2 && s.startsWith('"') && s.endsWith('"')
      ? s.slice(1, -1).replaceAll('""', '"')
      : s;
  });
}
