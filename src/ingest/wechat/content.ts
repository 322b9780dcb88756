import type { MessageKind } from '../../model/conversation.js';
import {
  kindForType,
  parseChatlogPlaceholder,
  TYPE_APP,
  TYPE_CALL,
  TYPE_CARD,
  TYPE_FRIEND_REQUEST,
  TYPE_IMAGE,
  TYPE_LOCATION,
  TYPE_STICKER,
  TYPE_SYSTEM,
  TYPE_SYSTEM_XML,
  TYPE_TEXT,
  TYPE_VIDEO,
  TYPE_VOICE,
  type TypeCode,
} from './message-types.js';

/**
 * Decodes the layers WeChat exporters wrap message content in: JSON in a cell (PyWxDump 3.0),
 * `wxid_xxx:\n` group-sender prefixes, XML for media and app messages (with `&lt;` escaping and
 * CDATA), PyWxDump's HTML anchors and chatlog's markdown placeholders.
 */

export interface ContentOptions {
  /** The cell may hold `{"src": …, "msg": …}` (PyWxDump 3.0). */
  json?: boolean;
  /** Links may be HTML anchors (PyWxDump). */
  anchors?: boolean;
  /** Content may start with `<sender id>:\n` (raw group rows); `any` also accepts ids without `wxid_`. */
  prefix?: 'none' | 'wxid' | 'any';
  /** Content uses chatlog's markdown placeholders. */
  chatlog?: boolean;
}

export interface DecodedContent {
  kind: MessageKind;
  text: string;
  /** File name of a shared document. */
  attachment?: string;
  /** Sender id split off a `wxid:\n` prefix. */
  prefixSender?: string;
  /** `src` carried inside a JSON cell. */
  src?: string;
  /** The type the content turned out to be (from XML), when the type column said nothing. */
  code?: TypeCode;
}

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Removes bidi control marks (as the report contract asks) and NUL characters from raw dumps. */
export function cleanText(text: string): string {
  let clean = HAS_BIDI.test(text) ? text.replace(BIDI, '') : text;
  if (clean.indexOf('\0') >= 0) clean = clean.replaceAll('\0', '');
  return clean;
}

/** CRLF and lone CR inside quoted fields become LF, as continuation lines are joined elsewhere. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes XML/HTML character references (`&lt;`, `&amp;`, `&#x20;`, `&#39;`). */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const PREFIX_WXID = /^(wxid_[A-Za-z0-9_-]{2,64}):\n/;
const PREFIX_ANY = /^([A-Za-z][A-Za-z0-9_-]{2,64}(?:@(?:chatroom|openim))?):\n/;

/** Splits `wxid_lisi001:\n周五聚餐谁去？` into sender id and text. */
export function splitGroupPrefix(
  content: string,
  mode: 'wxid' | 'any',
): { senderId: string; rest: string } | null {
  const colon = content.indexOf(':\n');
  if (colon < 3 || colon > 72) return null;
  const m = (mode === 'wxid' ? PREFIX_WXID : PREFIX_ANY).exec(content);
  return m ? { senderId: m[1]!, rest: content.slice(m[0].length) } : null;
}

/** PyWxDump 3.0 writes `{"src": "", "msg": "明天见"}` into its `content` column. */
export function unwrapJsonCell(content: string): { msg: string; src: string } | null {
  const s = content.trim();
  if (s.length < 2 || s.charCodeAt(0) !== 123 || s.charCodeAt(s.length - 1) !== 125) return null;
  try {
    const value: unknown = JSON.parse(s);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const record = value as Record<string, unknown>;
    if (!('msg' in record)) return null;
    const msg = typeof record.msg === 'string' ? record.msg : JSON.stringify(record.msg ?? '');
    const src = typeof record.src === 'string' ? record.src : '';
    return { msg, src };
  } catch {
    return null;
  }
}

const ANCHOR = /<a\s+[^>]*?href\s*=\s*"([^"]*)"[^>]*>[\s\S]*?<\/a>/gi;

/** PyWxDump renders links as `<a href="url" target="_blank">点击查看详情</a>`: keep the URL. */
export function replaceAnchors(text: string): string {
  if (text.indexOf('<a') < 0 && text.indexOf('<A') < 0) return text;
  return text.replace(ANCHOR, (_whole, url: string) => decodeEntities(url));
}

const XML_START =
  /^\s*(?:<\?xml[^>]*\?>\s*)?<(msg|sysmsg|voipmsg|appmsg|voipinvitemsg|img|emoji|location|videomsg|voicemsg)[\s>/]/;
const ESCAPED_XML_START = /^\s*&lt;(?:\?xml|msg|sysmsg|voipmsg|appmsg)/;

/** True when a cell holds WeChat message XML (possibly `&lt;`-escaped). */
export function looksLikeXml(content: string): boolean {
  const c = content.charCodeAt(0);
  if (c !== 60 && c !== 38 && c !== 32 && c !== 10 && c !== 9) return false;
  return XML_START.test(content) || ESCAPED_XML_START.test(content);
}

function elementText(xml: string, tag: string): string {
  const open = xml.indexOf(`<${tag}>`);
  let start: number;
  if (open >= 0) start = open + tag.length + 2;
  else {
    const withAttrs = xml.indexOf(`<${tag} `);
    if (withAttrs < 0) return '';
    const close = xml.indexOf('>', withAttrs);
    if (close < 0 || xml.charCodeAt(close - 1) === 47) return '';
    start = close + 1;
  }
  const end = xml.indexOf(`</${tag}>`, start);
  if (end < 0) return '';
  return xmlValue(xml.slice(start, end));
}

function xmlValue(raw: string): string {
  const s = raw.trim();
  if (s.startsWith('<![CDATA[')) {
    const end = s.indexOf(']]>');
    return (end < 0 ? s.slice(9) : s.slice(9, end)).trim();
  }
  if (s.indexOf('<') >= 0) return decodeEntities(stripTags(s)).trim();
  return decodeEntities(s).trim();
}

const ATTRIBUTE_CACHE = new Map<string, RegExp>();
function attribute(xml: string, name: string): string {
  let re = ATTRIBUTE_CACHE.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`);
    ATTRIBUTE_CACHE.set(name, re);
  }
  const m = re.exec(xml);
  return m ? decodeEntities(m[1]!).trim() : '';
}

const TAG = /<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]*>/g;

/** Text of all nodes of an XML or HTML fragment, CDATA kept. */
export function stripTags(text: string): string {
  return text.replace(TAG, (_whole, cdata?: string) => cdata ?? '').replace(/[ \t]*\n\s*/g, '\n');
}

const PLACEHOLDER: Record<number, string> = {
  [TYPE_IMAGE]: '[图片]',
  [TYPE_VOICE]: '[语音]',
  [TYPE_VIDEO]: '[视频]',
  62: '[视频]',
  [TYPE_STICKER]: '[动画表情]',
  [TYPE_CARD]: '[名片]',
  [TYPE_LOCATION]: '[位置]',
  [TYPE_CALL]: '[通话]',
};

const APP_PLACEHOLDER: Record<number, string> = {
  6: '[文件]',
  74: '[文件]',
  8: '[GIF表情]',
  17: '[位置共享]',
  2000: '[转账]',
  2001: '[红包]',
  2003: '[红包封面]',
};

/** Short text for a message whose content the export left out (media, compressed XML). */
function placeholderFor(code: TypeCode): string {
  if (code.type === TYPE_APP) return APP_PLACEHOLDER[code.subType] ?? '[分享]';
  return PLACEHOLDER[code.type] ?? '[媒体]';
}

/** iOS (12425/wechat-exporter) writes these tokens as the content of calls. */
const CALL_TOKENS: Record<string, string> = {
  voip_content_voice: '[语音通话]',
  voip_content_video: '[视频通话]',
};

function joinLines(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n');
}

/** Reads a WeChat message XML: a placeholder for media, the words a person can read for the rest. */
export function decodeXml(raw: string, given: TypeCode | null): DecodedContent {
  let xml = raw.trim();
  if (xml.startsWith('&lt;')) xml = decodeEntities(xml);
  const root = XML_START.exec(xml)?.[1] ?? '';
  let code: TypeCode | null = given;
  if (!code || code.type === TYPE_TEXT) code = codeFromXml(xml, root);
  if (code.type === TYPE_APP && xml.indexOf('<appmsg') >= 0) {
    const sub = /<appmsg[\s\S]*?<type>\s*(\d+)\s*<\/type>/.exec(xml);
    if (sub) code = { type: TYPE_APP, subType: Number(sub[1]) };
  }
  const kind = kindForType(code);
  switch (code.type) {
    case TYPE_APP:
      return { ...decodeAppMessage(xml, code), code };
    case TYPE_LOCATION: {
      const text = joinLines(attribute(xml, 'poiname'), attribute(xml, 'label'));
      return { kind, text: text || '[位置]', code };
    }
    case TYPE_CARD: {
      const nickname = attribute(xml, 'nickname');
      const alias = attribute(xml, 'alias') || attribute(xml, 'username');
      const text = nickname && alias ? `${nickname} (${alias})` : nickname || alias;
      return { kind, text: text || '[名片]', code };
    }
    case TYPE_FRIEND_REQUEST: {
      const who = attribute(xml, 'fromnickname');
      const words = attribute(xml, 'content');
      return { kind, text: joinLines(who, words) || '[好友请求]', code };
    }
    case TYPE_CALL:
      return { kind, text: elementText(xml, 'msg') || '[通话]', code };
    case TYPE_SYSTEM:
    case TYPE_SYSTEM_XML: {
      const text =
        elementText(xml, 'replacemsg') ||
        elementText(xml, 'template') ||
        elementText(xml, 'content') ||
        decodeEntities(stripTags(xml)).trim();
      return { kind: 'system', text, code };
    }
    default:
      return { kind: kind === 'text' ? 'media' : kind, text: placeholderFor(code), code };
  }
}

function codeFromXml(xml: string, root: string): TypeCode {
  if (root === 'sysmsg') return { type: TYPE_SYSTEM_XML, subType: 0 };
  if (root === 'voipmsg' || root === 'voipinvitemsg') return { type: TYPE_CALL, subType: 0 };
  if (xml.indexOf('<appmsg') >= 0) return { type: TYPE_APP, subType: 0 };
  if (xml.indexOf('<img') >= 0) return { type: TYPE_IMAGE, subType: 0 };
  if (xml.indexOf('<emoji') >= 0) return { type: TYPE_STICKER, subType: 0 };
  if (xml.indexOf('<videomsg') >= 0) return { type: TYPE_VIDEO, subType: 0 };
  if (xml.indexOf('<voicemsg') >= 0) return { type: TYPE_VOICE, subType: 0 };
  if (xml.indexOf('<location') >= 0) return { type: TYPE_LOCATION, subType: 0 };
  if (/<msg\s[^>]*\susername="/.test(xml)) return { type: TYPE_CARD, subType: 0 };
  return { type: 0, subType: 0 };
}

function decodeAppMessage(xml: string, code: TypeCode): DecodedContent {
  const kind = kindForType(code);
  const title = elementText(xml, 'title');
  const des = elementText(xml, 'des');
  const url = elementText(xml, 'url');
  switch (code.subType) {
    case 6:
    case 74:
      return title ? { kind, text: '[文件]', attachment: title } : { kind, text: '[文件]' };
    case 8:
      return { kind, text: '[GIF表情]' };
    case 57:
    case 1:
      return { kind, text: title };
    case 19:
    case 24:
    case 40:
    case 53:
      return { kind, text: joinLines(title, des) };
    case 87:
      return { kind, text: elementText(xml, 'textannouncement') || joinLines(title, des) };
    case 2000: {
      const fee = elementText(xml, 'feedesc');
      const memo = elementText(xml, 'pay_memo');
      return { kind, text: joinLines(fee ? `转账 ${fee}` : title, memo) };
    }
    case 2001:
      return { kind, text: title || '[红包]' };
    case 2003:
      return { kind, text: '[红包封面]' };
    case 62:
      return { kind, text: title || elementText(xml, 'template') };
    default:
      return { kind, text: joinLines(title, url) || '[分享]' };
  }
}

const SYSTEM_TEXT = [
  /^(?:"[^"\n]{1,64}"|你|我)\s?撤回了一条消息/,
  /^(?:"[^"\n]{1,64}"|你|我)\s?拍了拍/,
  /^(?:"[^"\n]{1,64}"|你)\s?(?:邀请|通过扫描)[^\n]{0,400}加入了群聊/,
  /^"[^"\n]{1,64}"\s?(?:通过[^\n]{0,80})?加入了群聊/,
  /^(?:"[^"\n]{1,64}"|你)\s?(?:修改群名为|将"[^"\n]{1,64}"移出了群聊)/,
  /^你已添加了[^\n]{1,64}，现在可以开始聊天了/,
  /^以上是打招呼的内容$/,
  /开启了朋友验证，你还不是他（她）朋友/,
  /^你被"[^"\n]{1,64}"移出群聊/,
];
const INVITATION = /^(?:"[^"\n]{1,64}"|你)\s?(?:邀请|通过扫描)[^\n]{0,400}加入了群聊/;

/** True for system notices exporters render as plain text (recalls, pats, invitations, joins). */
export function isSystemText(text: string): boolean {
  const c = text.charCodeAt(0);
  // Every pattern starts with a quote, 你, 我 or 以, except the friend-verification notice.
  if (c !== 34 && c !== 0x4f60 && c !== 0x6211 && c !== 0x4ee5 && text.indexOf('朋友验证') < 0) {
    return false;
  }
  return SYSTEM_TEXT.some((re) => re.test(text));
}

/** An invitation notice (`"王五"邀请"赵六"加入了群聊`): evidence of a group chat. */
export function isInvitation(text: string): boolean {
  return INVITATION.test(text);
}

const BYTES_EXTRA_SENDER =
  /\\x08\\x01\\x12(?:\\x[0-9a-fA-F]{2}|\\[nrt'"\\]|[ -[\]-~])((?:wxid_)?[A-Za-z][A-Za-z0-9_-]{3,63})/;

/**
 * The group sender in PC 3.x `BytesExtra`, as MemoTrace 1.0 wrote it: a Python bytes literal
 * (`b'\n\x04…\x08\x01\x12\x0cwxid_lisi001…'`) in which field 1 of a type-1 entry is the sender.
 */
export function senderFromBytesExtra(cell: string): string | null {
  if (cell.length < 8) return null;
  return BYTES_EXTRA_SENDER.exec(cell)?.[1] ?? null;
}

/** Decodes one content cell given what the type column said (`code`, null when nothing). */
export function decodeContent(
  raw: string,
  code: TypeCode | null,
  options: ContentOptions,
): DecodedContent {
  let content = normalizeNewlines(raw);
  let src: string | undefined;
  if (options.json) {
    const cell = unwrapJsonCell(content);
    if (cell) {
      content = normalizeNewlines(cell.msg);
      src = cell.src;
    }
  }
  let prefixSender: string | undefined;
  if (options.prefix && options.prefix !== 'none') {
    const split = splitGroupPrefix(content, options.prefix);
    if (split) {
      prefixSender = split.senderId;
      content = split.rest;
    }
  }
  const result = decodeBody(content, code, options);
  if (prefixSender !== undefined) result.prefixSender = prefixSender;
  if (src !== undefined) result.src = src;
  return result;
}

function decodeBody(
  content: string,
  code: TypeCode | null,
  options: ContentOptions,
): DecodedContent {
  if (options.chatlog) {
    const placeholder = parseChatlogPlaceholder(content);
    if (placeholder) return { ...placeholder };
  }
  if (content.length > 0 && looksLikeXml(content)) return decodeXml(content, code);
  const kind: MessageKind = code ? kindForType(code) : 'text';
  let text = content;
  if (options.anchors) text = replaceAnchors(text);
  if (kind === 'system') {
    if (text.indexOf('<') >= 0) text = decodeEntities(stripTags(text)).trim();
    return { kind, text };
  }
  if (kind !== 'text' && code && text.trim() === '') return { kind, text: placeholderFor(code) };
  if (kind === 'call') return { kind, text: CALL_TOKENS[text.trim()] ?? text };
  if (kind === 'text' && isSystemText(text)) return { kind: 'system', text };
  return { kind, text };
}
