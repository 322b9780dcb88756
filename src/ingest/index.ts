import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { ConversationMeta } from '../model/conversation.js';
import { binaryShare, decodeStream, sniffEncoding } from './decode.js';
import { fileSource } from './file-source.js';
import { textInputFor } from './text-input.js';
import type { ChatParser, InputSource, MessageSink } from './types.js';
import { wechatCsvParser } from './wechat/index.js';
import { whatsappParser } from './whatsapp/index.js';
import { readZip } from './zip.js';

/** Tried in order; sniffing is by content, never by file extension alone. */
export const parsers: readonly ChatParser[] = [wechatCsvParser, whatsappParser];

const HEAD_CHARS = 16 * 1024;

export interface FileResult {
  path: string;
  conversations: ConversationMeta[];
  /** Inputs (the file, or entries of a zip) that could not be read or parsed at all. */
  errors: InputError[];
  /** Zip entries not examined (media, resource forks). */
  skippedEntries: number;
}

async function isZip(path: string): Promise<boolean> {
  if (/\.zip$/i.test(path)) return true;
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    return magic.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

async function readHead(source: InputSource): Promise<{ text: string; bytes: Uint8Array }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of await source.openBytes()) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= HEAD_CHARS * 4) break;
  }
  const bytes = Buffer.concat(chunks);
  let text = '';
  const decoded = decodeStream(
    (async function* one() {
      yield await Promise.resolve(bytes);
    })(),
  );
  for await (const piece of decoded.chunks) {
    text += piece;
    if (text.length >= HEAD_CHARS) break;
  }
  return { text: text.slice(0, HEAD_CHARS), bytes };
}

/** Picks the parser for one source, or explains in one line why none fits. */
export async function chooseParser(source: InputSource): Promise<ChatParser> {
  const { text, bytes } = await readHead(source);
  const where = source.entry ? `zip entry "${source.entry}": ` : '';
  if (bytes.length === 0) throw new InputError(`${where}empty file`, source.path);
  const { encoding } = sniffEncoding(bytes);
  if (binaryShare(bytes, encoding) > 0.05) {
    throw new InputError(`${where}binary data, not a chat export`, source.path);
  }
  if (text.trim() === '') throw new InputError(`${where}file holds only blank lines`, source.path);
  for (const parser of parsers) if (parser.sniff(text, source)) return parser;
  throw new InputError(
    `${where}not a WhatsApp chat export (.txt) or a WeChat backup CSV: no message header or known CSV header found`,
    source.path,
  );
}

export async function parseSource(
  source: InputSource,
  sink: MessageSink,
): Promise<ConversationMeta[]> {
  const parser = await chooseParser(source);
  return parser.parse(textInputFor(source), sink);
}

/**
 * Parses one file (plain or zip) and streams its messages to `sink`. Never throws for bad input:
 * problems come back as `errors`, so a batch goes on with the other files.
 */
export interface ParseFileOptions {
  /** Awaited before each chunk of input is read: lets a slow consumer of the sink apply backpressure. */
  beforeChunk?: () => Promise<void>;
}

function throttled(source: InputSource, beforeChunk?: () => Promise<void>): InputSource {
  if (!beforeChunk) return source;
  return {
    ...source,
    async openBytes() {
      const bytes = await source.openBytes();
      return (async function* paced() {
        for await (const chunk of bytes) {
          await beforeChunk();
          yield chunk;
        }
      })();
    },
  };
}

export async function parseFile(
  path: string,
  sink: MessageSink,
  options: ParseFileOptions = {},
): Promise<FileResult> {
  const result: FileResult = { path, conversations: [], errors: [], skippedEntries: 0 };
  const record = (error: unknown): void => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (error instanceof InputError) result.errors.push(error);
    else if (typeof code === 'string')
      result.errors.push(new InputError(`cannot read (${code})`, path));
    else {
      const reason = error instanceof Error ? error.message : String(error);
      result.errors.push(new InputError(`internal error while parsing (${reason})`, path));
    }
  };
  let zipped: boolean;
  try {
    zipped = await isZip(path);
  } catch (error) {
    record(error);
    return result;
  }
  if (!zipped) {
    try {
      result.conversations.push(
        ...(await parseSource(throttled(fileSource(path), options.beforeChunk), sink)),
      );
    } catch (error) {
      record(error);
    }
    return result;
  }
  let zip;
  try {
    zip = await readZip(path);
  } catch (error) {
    record(error);
    return result;
  }
  try {
    result.errors.push(...zip.errors);
    result.skippedEntries = zip.skipped.length;
    if (zip.sources.length === 0 && zip.errors.length === 0) {
      record(new InputError('zip holds no chat text or CSV file', path));
    }
    for (const source of zip.sources) {
      try {
        result.conversations.push(
          ...(await parseSource(throttled(source, options.beforeChunk), sink)),
        );
      } catch (error) {
        record(error);
      }
    }
  } finally {
    zip.close();
  }
  return result;
}
