import type { ConversationMeta, Message, Platform } from '../model/conversation.js';
import type { DecodedText } from './decode.js';

/** One readable input: a plain file or one entry of a zip. */
export interface InputSource {
  /** Path of the file as the user gave it (the zip itself for zip entries). */
  path: string;
  /** Entry name inside the zip (decoded), for zip entries. */
  entry?: string;
  /**
   * Name the export tool gave the chat file: the file name, or for a zip entry called `_chat.txt`
   * the zip's name (iOS puts the chat title only there).
   */
  titleHint: string;
  /** Opens the bytes afresh; two-pass parsers call it twice. */
  openBytes(): Promise<AsyncIterable<Uint8Array>>;
}

/** What a parser reads: the source plus a way to get its decoded text, as often as it needs. */
export interface TextInput {
  source: InputSource;
  open(): Promise<DecodedText>;
}

/** The identity of a conversation that messages are streamed under. */
export interface ConversationHeader {
  id: string;
  title: string;
  platform: Platform;
}

/**
 * Receives every message as soon as it is parsed, so callers never need all messages in memory.
 * Synchronous on purpose: it runs in the parser's hot loop.
 */
export type MessageSink = (conversation: ConversationHeader, message: Message) => void;

export interface ChatParser {
  /** Parser id used in errors and `source.format` prefixes. */
  id: 'whatsapp' | 'wechat-csv';
  /** True when the decoded first part of a file looks like this parser's format. */
  sniff(head: string, source: InputSource): boolean;
  /**
   * Streams the messages of every conversation in `input` to `sink` and returns the conversations'
   * metadata once the input is exhausted. Throws `InputError` when the input is not parseable at all.
   */
  parse(input: TextInput, sink: MessageSink): Promise<ConversationMeta[]>;
}
