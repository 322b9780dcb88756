import type { MessageKind } from '../../model/conversation.js';

/**
 * WeChat message types: numeric codes (PC 3.x `Type`/`SubType`, WeChat 4.x packed `local_type`,
 * Android composite codes), the labels exporters write instead (PyWxDump's Chinese `type_name`,
 * WeFlow's English ones, 12425's `消息类型`), and chatlog's markdown placeholders.
 */

export interface TypeCode {
  type: number;
  /** 0 when unknown; for type 49 the app-message subtype. */
  subType: number;
}

export const TYPE_TEXT = 1;
export const TYPE_IMAGE = 3;
export const TYPE_VOICE = 34;
export const TYPE_FRIEND_REQUEST = 37;
export const TYPE_CARD = 42;
export const TYPE_VIDEO = 43;
export const TYPE_STICKER = 47;
export const TYPE_LOCATION = 48;
export const TYPE_APP = 49;
export const TYPE_CALL = 50;
export const TYPE_SYSTEM = 10000;
export const TYPE_SYSTEM_XML = 10002;

const TWO_POW_32 = 4_294_967_296;

/** Android's composite `type` values, which fold an app-message subtype into the code. */
const ANDROID_COMPOSITE = new Map<number, TypeCode>([
  [1048625, { type: TYPE_STICKER, subType: 0 }],
  [16777265, { type: TYPE_APP, subType: 5 }],
  [419430449, { type: TYPE_APP, subType: 2000 }],
  [436207665, { type: TYPE_APP, subType: 2001 }],
  [822083633, { type: TYPE_APP, subType: 57 }],
  [1090519089, { type: TYPE_APP, subType: 6 }],
  [1040187441, { type: TYPE_APP, subType: 3 }],
  [-1879048186, { type: TYPE_APP, subType: 17 }],
  [-1879048185, { type: TYPE_APP, subType: 17 }],
  [-1879048183, { type: TYPE_APP, subType: 17 }],
]);

/** Base codes an unknown Android composite code can fold (its low 16 bits). */
const BASE_TYPES = new Set([1, 3, 34, 37, 42, 43, 47, 48, 49, 50, 62, 10000, 10002]);

/**
 * Reads a numeric type cell. WeChat 4.x packs `(SubType << 32) | Type` into `local_type`
 * (244813135921 ⇒ 49/57); Android uses composite codes; everything else is a plain code.
 * Returns null for cells that are not integers (Excel-rounded values included).
 */
export function decodeTypeCode(raw: string, subTypeRaw = ''): TypeCode | null {
  const key = subTypeRaw === '' ? raw : `${raw}/${subTypeRaw}`;
  const cached = TYPE_CACHE.get(key);
  if (cached !== undefined) return cached;
  const code = decodeTypeCodeUncached(raw, subTypeRaw);
  if (TYPE_CACHE.size < 512) TYPE_CACHE.set(key, code);
  return code;
}

/** Type cells repeat endlessly (`1`, `3`, `10000`…): decoded once each. */
const TYPE_CACHE = new Map<string, TypeCode | null>();

function decodeTypeCodeUncached(raw: string, subTypeRaw: string): TypeCode | null {
  const s = raw.trim();
  if (s.length === 0 || !/^-?\d+$/.test(s)) return null;
  const value = Number(s);
  if (!Number.isSafeInteger(value)) return null;
  const composite = ANDROID_COMPOSITE.get(value);
  if (composite) return composite;
  const sub = /^\d+$/.test(subTypeRaw.trim()) ? Number(subTypeRaw.trim()) : 0;
  if (value >= TWO_POW_32) {
    return { type: value % TWO_POW_32, subType: Math.floor(value / TWO_POW_32) };
  }
  if (value > 0xffff || value < 0) {
    const low = (value >>> 0) & 0xffff;
    if (BASE_TYPES.has(low)) return { type: low, subType: 0 };
  }
  return { type: value, subType: sub };
}

/** Labels exporters write in a type column, lower-cased, mapped to codes. */
const LABELS = new Map<string, TypeCode>();
function label(names: string[], type: number, subType = 0): void {
  for (const name of names) LABELS.set(name.toLowerCase(), { type, subType });
}
// PyWxDump (type_converter) and 12425/wechat-exporter.
label(['文本', '粘贴的文本'], TYPE_TEXT);
label(['图片'], TYPE_IMAGE);
label(['语音'], TYPE_VOICE);
label(['添加好友', '好友请求'], TYPE_FRIEND_REQUEST);
label(['推荐公众号', '名片'], TYPE_CARD);
label(['视频'], TYPE_VIDEO);
label(['动画表情', '表情'], TYPE_STICKER);
label(['位置'], TYPE_LOCATION);
label(['文件', '文件(猜)'], TYPE_APP, 6);
label(['(分享)音乐'], TYPE_APP, 3);
label(['(分享)卡片式链接', '链接'], TYPE_APP, 5);
label(['游戏相关'], TYPE_APP, 7);
label(['用户上传的gif表情'], TYPE_APP, 8);
label(['位置共享'], TYPE_APP, 17);
label(['合并转发的聊天记录', '聊天记录'], TYPE_APP, 19);
label(['(分享)笔记'], TYPE_APP, 24);
label(['(分享)小程序'], TYPE_APP, 33);
label(['(分享)收藏夹'], TYPE_APP, 40);
label(['(分享)视频号名片'], TYPE_APP, 50);
label(['(分享)视频号视频'], TYPE_APP, 51);
label(['接龙'], TYPE_APP, 53);
label(['引用回复'], TYPE_APP, 57);
label(['视频号直播或直播回放', '视频号直播或直播回放等'], TYPE_APP, 63);
label(['群公告'], TYPE_APP, 87);
label(['转账'], TYPE_APP, 2000);
label(['红包'], TYPE_APP, 2001);
label(['赠送红包封面'], TYPE_APP, 2003);
label(['语音通话', '视频通话', '通话'], TYPE_CALL);
label(['邮件'], 35);
label(['系统通知', '系统消息', '邀请加群'], TYPE_SYSTEM);
label(['拍一拍'], TYPE_SYSTEM, 4);
label(['消息撤回1'], TYPE_SYSTEM, 1);
label(
  ['消息撤回5', '消息撤回6', '消息撤回33', '消息撤回36', '消息撤回57', '撤回'],
  TYPE_SYSTEM,
  57,
);
label(['企业微信打招呼(猜)', '企业微信添加好友(猜)'], TYPE_SYSTEM);
// WeFlow's WeClone CSV and Excel-translated PyWxDump files (English).
label(['text'], TYPE_TEXT);
label(['image', 'picture', 'photo'], TYPE_IMAGE);
label(['voice', 'audio'], TYPE_VOICE);
label(['video'], TYPE_VIDEO);
label(['sticker', 'emoji', 'emoticon', 'animated emoji'], TYPE_STICKER);
label(['location'], TYPE_LOCATION);
label(['file'], TYPE_APP, 6);
label(['link', 'share', 'app'], TYPE_APP, 5);
label(['quote', 'reply'], TYPE_APP, 57);
label(['transfer'], TYPE_APP, 2000);
label(['red packet', 'red_packet', 'redpacket', 'hongbao'], TYPE_APP, 2001);
label(['call', 'voip', 'voice call', 'video call'], TYPE_CALL);
label(['contact', 'card', 'business card'], TYPE_CARD);
label(['system', 'sys', 'notice'], TYPE_SYSTEM);
label(['pat'], TYPE_SYSTEM, 4);
label(['recall', 'revoke'], TYPE_SYSTEM, 57);

/** Reads a type label (`文本`, `图片`, `text`, `Image`, or a bare number 12425 writes for unknown types). */
export function typeFromLabel(raw: string): TypeCode | null {
  const s = raw.trim();
  if (s.length === 0) return null;
  const known = LABELS.get(s.toLowerCase());
  if (known) return known;
  if (/^-?\d+$/.test(s)) return decodeTypeCode(s);
  return null;
}

/** The message kind a type code stands for. */
export function kindForType(code: TypeCode): MessageKind {
  switch (code.type) {
    case TYPE_TEXT:
      return 'text';
    case TYPE_IMAGE:
    case TYPE_VOICE:
    case TYPE_VIDEO:
    case 62:
    case 44:
    case TYPE_STICKER:
      return 'media';
    case TYPE_CARD:
    case 66:
      return 'contact';
    case TYPE_LOCATION:
      return 'location';
    case TYPE_CALL:
      return 'call';
    case TYPE_FRIEND_REQUEST:
    case 65:
    case TYPE_SYSTEM:
    case TYPE_SYSTEM_XML:
    case 10001:
    case 11000:
      return 'system';
    case TYPE_APP:
      return kindForAppSubType(code.subType);
    default:
      return 'text';
  }
}

function kindForAppSubType(subType: number): MessageKind {
  switch (subType) {
    case 1:
    case 19:
    case 24:
    case 40:
    case 53:
    case 57:
    case 87:
      return 'text';
    case 6:
    case 8:
    case 74:
    case 2003:
      return 'media';
    case 17:
      return 'location';
    case 62:
      return 'system';
    case 2000:
    case 2001:
      return 'transfer';
    default:
      return 'link';
  }
}

/** What a chatlog `Content` cell stands for when it is one of chatlog's placeholders. */
export interface Placeholder {
  kind: MessageKind;
  text: string;
  attachment?: string;
}

const CHATLOG_MEDIA = /^!\[(图片|视频)\]\([^)\s]*\)$/;
const CHATLOG_VOICE = /^\[语音\](?:\([^)\s]*\))?$/;
const CHATLOG_FILE = /^\[文件\|([^\]\n]*)\]\([^)\s]*\)$/;
const CHATLOG_LINK = /^\[(链接|分享|小程序|视频号)\|([^\]]*)\]\(([^)\s]*)\)$/;
const CHATLOG_LOCATION = /^\[位置\|([^\]]*)\]$/;
const CHATLOG_TRANSFER = /^\[转账\|([^\]]*)\](.*)$/s;
const CHATLOG_SIMPLE = new Map<string, MessageKind>([
  ['[名片]', 'contact'],
  ['[动画表情]', 'media'],
  ['[GIF表情]', 'media'],
  ['[图片]', 'media'],
  ['[视频]', 'media'],
  ['[语音]', 'media'],
  ['[文件]', 'media'],
  ['[红包]', 'transfer'],
  ['[红包封面]', 'media'],
  ['[转账]', 'transfer'],
  ['[语音通话]', 'call'],
  ['[视频通话]', 'call'],
  ['[小程序]', 'link'],
  ['[视频号]', 'link'],
  ['[分享]', 'link'],
  ['[链接]', 'link'],
  ['[位置]', 'location'],
  ['[群公告]', 'text'],
  ['[合并转发]', 'text'],
  ['[引用]', 'text'],
]);

/**
 * Recognizes chatlog's rendering of non-text messages: `![图片](…)`, `[语音](…)`, `[文件|name](…)`
 * (file name kept as the attachment), `[链接|title](url)` (title and url kept as text),
 * `[位置|label|city|x|y]`, `[转账|发送 ￥100.00](memo)`, `[名片]`, `[动画表情]`…
 * Returns null for ordinary text.
 */
export function parseChatlogPlaceholder(content: string): Placeholder | null {
  if (content.length < 3 || (content.charCodeAt(0) !== 91 && content.charCodeAt(0) !== 33)) {
    return null;
  }
  const simple = CHATLOG_SIMPLE.get(content);
  if (simple) return { kind: simple, text: content };
  let m = CHATLOG_MEDIA.exec(content);
  if (m) return { kind: 'media', text: `[${m[1]}]` };
  if (CHATLOG_VOICE.test(content)) return { kind: 'media', text: '[语音]' };
  m = CHATLOG_FILE.exec(content);
  if (m) {
    const name = m[1]!.trim();
    return name
      ? { kind: 'media', text: '[文件]', attachment: name }
      : { kind: 'media', text: '[文件]' };
  }
  m = CHATLOG_LINK.exec(content);
  if (m) {
    const parts = m[2]!.split('|').filter((part) => part.trim() !== '');
    const url = m[3]!;
    return { kind: 'link', text: [...parts, url].filter((part) => part !== '').join('\n') };
  }
  m = CHATLOG_LOCATION.exec(content);
  if (m) {
    const [label = '', city = ''] = m[1]!.split('|');
    return { kind: 'location', text: [label, city].filter((part) => part !== '').join(' ') };
  }
  m = CHATLOG_TRANSFER.exec(content);
  if (m) return { kind: 'transfer', text: `${m[1]!}${m[2] ? ` ${m[2]}` : ''}`.trim() };
  return null;
}
