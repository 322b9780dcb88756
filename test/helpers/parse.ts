import type { ConversationMeta, Message } from '../../src/model/conversation.js';
import { memorySource, textInputFor } from '../../src/ingest/text-input.js';
import type { ChatParser } from '../../src/ingest/types.js';

/** One `chatleak parse --jsonl` record (report contract). */
export interface JsonlRecord {
  conversationId: string;
  index: number;
  line: number;
  timestamp: string;
  sender: string | null;
  kind: string;
  text: string;
}

export interface ParseToRecordsOptions {
  /** Bytes per chunk the in-memory source yields (default 64 KiB); use 1 or 7 to test chunk boundaries. */
  chunkSize?: number;
  /** Zip entry name, when the content stands for an entry of a zip called `name`. */
  entry?: string;
}

export interface ParsedRecords {
  conversations: ConversationMeta[];
  records: JsonlRecord[];
  messages: Message[];
}

/** Parses `content` as if it were the file `name` and collects everything the parser streams out. */
export async function parseToRecords(
  parser: ChatParser,
  name: string,
  content: string | Uint8Array,
  opts: ParseToRecordsOptions = {},
): Promise<ParsedRecords> {
  const source = memorySource(name, content, opts);
  const records: JsonlRecord[] = [];
  const messages: Message[] = [];
  const conversations = await parser.parse(textInputFor(source), (conversation, message) => {
    messages.push(message);
    records.push({
      conversationId: conversation.id,
      index: message.index,
      line: message.line,
      timestamp: message.timestamp,
      sender: message.sender,
      kind: message.kind,
      text: message.text,
    });
  });
  return { conversations, records, messages };
}
