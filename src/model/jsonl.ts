import type { Message } from './conversation.js';

/** The `parse --jsonl` record of the report contract, plus `attachment` where a message has one. */
export interface JsonlRecord {
  conversationId: string;
  index: number;
  line: number;
  timestamp: string;
  sender: string | null;
  kind: string;
  text: string;
  attachment?: string;
}

export function toJsonlRecord(conversationId: string, message: Message): JsonlRecord {
  const record: JsonlRecord = {
    conversationId,
    index: message.index,
    line: message.line,
    timestamp: message.timestamp,
    sender: message.sender,
    kind: message.kind,
    text: message.text,
  };
  if (message.attachment !== undefined) record.attachment = message.attachment;
  return record;
}
