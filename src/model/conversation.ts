/**
 * The normalized conversation model. Every parser produces it; detectors and reports only ever see
 * it, never raw files.
 */

export type Platform = 'whatsapp' | 'wechat';

/**
 * `text` is what a person typed. `location` and `poll` are typed by WhatsApp itself but still carry
 * text a detector must read; `media` covers attachments and omitted-media placeholders.
 */
export type MessageKind =
  | 'text'
  | 'media'
  | 'system'
  | 'deleted'
  | 'call'
  | 'location'
  | 'poll'
  | 'contact'
  | 'transfer'
  | 'link';

export interface Message {
  /** 0-based position within its conversation, in file order. */
  index: number;
  /** 1-based physical line of the input (lines counted by line terminator) where the message starts. */
  line: number;
  /** Wall-clock time as exported, `YYYY-MM-DDTHH:MM:SS`, no zone; `''` when the export has none. */
  timestamp: string;
  /** Display name as exported (no `~ ` prefix, no bidi marks); `null` for system messages. */
  sender: string | null;
  kind: MessageKind;
  /** Message text with bidi control marks removed, continuation lines joined with `\n`. */
  text: string;
  /** File name of an attachment or shared document, where the export names one. */
  attachment?: string;
  /** The message carries an "edited" marker (removed from `text`). */
  edited?: boolean;
  /** WhatsApp `~ Name`: the author is not in the exporter's address book (groups only). */
  nonContact?: boolean;
  /** Platform account id of the sender where the export has one (WeChat wxid). */
  senderId?: string;
  /** The export owner sent this message (WeChat `IsSender`, `我`, `发送`). */
  fromSelf?: boolean;
}

export interface Participant {
  name: string;
  messages: number;
}

export interface SourceInfo {
  /** Path of the input file as the user gave it (the zip for zip inputs). */
  path: string;
  /** Entry inside a zip, when the conversation came from one. */
  entry?: string;
  /** Layout id, e.g. `whatsapp-android`, `whatsapp-ios`, `wechat-memotrace-2`. */
  format: string;
  encoding: string;
  /** sha256 of the bytes of the file (or the zip entry) the conversation was read from. */
  sha256: string;
  bytes: number;
}

export interface Coverage {
  /** Physical lines of the input. */
  lines: number;
  messages: number;
  system: number;
  media: number;
  /** Lines that could not be attributed to any message (e.g. text before the first header). */
  unparsedLines: number;
  warnings: string[];
}

export interface ConversationMeta {
  id: string;
  title: string;
  platform: Platform;
  isGroup: boolean;
  /** Why `isGroup` was decided as it was, strongest signal first. */
  groupEvidence: string[];
  participants: Participant[];
  source: SourceInfo;
  firstMessageAt: string | null;
  lastMessageAt: string | null;
  coverage: Coverage;
}

export interface Conversation extends ConversationMeta {
  messages: Message[];
}
