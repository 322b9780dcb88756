import { expect } from 'vitest';
import type { ConversationMeta, Message } from '../../src/model/conversation.js';
import { whatsappParser } from '../../src/ingest/whatsapp/index.js';
import { parseToRecords, type ParseToRecordsOptions } from '../helpers/parse.js';

/** Invisible characters, named as in chat-formats.md. */
export const LRM = '\u200e';
export const RLM = '\u200f';
export const NNBSP = '\u202f';
export const NBSP = '\u00a0';
export const BOM = '\ufeff';
export const LRE = '\u202a';
export const PDF = '\u202c';
export const FSI = '\u2068';
export const PDI = '\u2069';

/** The parts of a message the checklist tests compare. */
export interface Row {
  line: number;
  timestamp: string;
  sender: string | null;
  kind: string;
  text: string;
}

export function row(
  line: number,
  timestamp: string,
  sender: string | null,
  kind: string,
  text: string,
): Row {
  return { line, timestamp, sender, kind, text };
}

export interface Parsed {
  rows: Row[];
  messages: Message[];
  conversation: ConversationMeta;
}

/** Parses `content` as a WhatsApp export called `name` (default: an Android 1:1 file name). */
export async function wa(
  content: string,
  name = 'WhatsApp Chat with Test.txt',
  opts: ParseToRecordsOptions = {},
): Promise<Parsed> {
  const { conversations, records, messages } = await parseToRecords(
    whatsappParser,
    name,
    content,
    opts,
  );
  expect(conversations).toHaveLength(1);
  const rows = records.map(({ line, timestamp, sender, kind, text }) => ({
    line,
    timestamp,
    sender,
    kind,
    text,
  }));
  return { rows, messages, conversation: conversations[0]! };
}

/** Joins lines with LF (the tests' default line end). */
export function lines(...text: string[]): string {
  return text.join('\n');
}
