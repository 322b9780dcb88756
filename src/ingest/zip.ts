import { TextDecoder } from 'node:util';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { InputError } from '../errors.js';
import type { InputSource } from './types.js';

/**
 * Reads chat files out of export zips without extracting anything to disk: only the chat entries
 * are ever inflated, media are skipped by name.
 */

/** An entry larger than this when inflated is refused (a chat text is MBs, a WeChat dump GBs at most). */
export const MAX_ENTRY_BYTES = 4 * 1024 ** 3;
/** Deflate cannot beat ~1032:1; text compresses ~5-20:1. Far above that is a bomb. */
const MAX_RATIO = 400;
const RATIO_MIN_BYTES = 16 * 1024 * 1024;

const CHAT_ENTRY = /\.(txt|csv|tsv)$/i;

export interface ZipContents {
  sources: InputSource[];
  /** Entries that were not read, with why (media, unsafe names, encrypted, too large). */
  skipped: { entry: string; reason: string; media: boolean }[];
  /** Entries that look like chats but cannot be read safely; each is an error for the user. */
  errors: InputError[];
  close(): void;
}

export function decodeEntryName(entry: Entry): string {
  const raw = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer);
  for (const field of entry.extraFields ?? []) {
    // Info-ZIP Unicode Path: a UTF-8 copy of the name, trusted only as far as yauzl would.
    if (field.id === 0x7075 && field.data.length >= 6 && field.data[0] === 1) {
      return new TextDecoder('utf-8').decode(field.data.subarray(5));
    }
  }
  if ((entry.generalPurposeBitFlag & 0x800) !== 0) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    // Chinese Windows zip tools write GBK names without the UTF-8 flag.
    return new TextDecoder('gb18030').decode(raw);
  }
}

function isSymlink(entry: Entry): boolean {
  const unixMode = (entry.externalFileAttributes >>> 16) & 0o170000;
  return unixMode === 0o120000;
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) reject(new InputError(`not a readable zip file (${error.message})`, path));
        else resolve(zip);
      },
    );
  });
}

function listEntries(zip: ZipFile, path: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) =>
      reject(new InputError(`damaged zip file (${error.message})`, path)),
    );
    zip.readEntry();
  });
}

function entryStream(zip: ZipFile, entry: Entry, path: string, name: string) {
  return new Promise<AsyncIterable<Uint8Array>>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) reject(new InputError(`cannot read zip entry "${name}" (${error.message})`, path));
      else {
        // Stream errors (CRC mismatch, size mismatch, truncation) surface while iterating.
        resolve(wrapErrors(stream, path, name));
      }
    });
  });
}

async function* wrapErrors(
  stream: AsyncIterable<Uint8Array>,
  path: string,
  name: string,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`zip entry "${name}" is damaged (${reason})`, path);
  }
}

/** The title hint for an entry: iOS names the entry `_chat.txt` and puts the chat name on the zip. */
function titleHintFor(zipPath: string, entryName: string): string {
  const base = entryName.split('/').pop() ?? entryName;
  if (/^_chat\.txt$/i.test(base)) return zipPath.split(/[\\/]/).pop() ?? zipPath;
  return base;
}

export async function readZip(path: string): Promise<ZipContents> {
  const zip = await openZip(path);
  let entries: Entry[];
  try {
    entries = await listEntries(zip, path);
  } catch (error) {
    zip.close();
    throw error;
  }
  const sources: InputSource[] = [];
  const skipped: ZipContents['skipped'] = [];
  const errors: InputError[] = [];
  for (const entry of entries) {
    const name = decodeEntryName(entry);
    if (name.endsWith('/')) continue;
    const base = name.split('/').pop() ?? name;
    if (name.startsWith('__MACOSX/') || base.startsWith('._')) {
      skipped.push({ entry: name, reason: 'macOS resource fork', media: false });
      continue;
    }
    if (!CHAT_ENTRY.test(name)) {
      skipped.push({ entry: name, reason: 'media or other attachment', media: true });
      continue;
    }
    const unsafe = yauzl.validateFileName(name.replace(/\\/g, '/'));
    if (unsafe !== null || name.includes('\\')) {
      errors.push(new InputError(`zip entry "${name}" has an unsafe path; not read`, path));
      continue;
    }
    if (isSymlink(entry)) {
      errors.push(new InputError(`zip entry "${name}" is a symbolic link; not read`, path));
      continue;
    }
    if (entry.isEncrypted()) {
      errors.push(new InputError(`zip entry "${name}" is encrypted; not read`, path));
      continue;
    }
    if (!entry.canDecodeFileData()) {
      errors.push(
        new InputError(
          `zip entry "${name}" uses an unsupported compression method (${entry.compressionMethod})`,
          path,
        ),
      );
      continue;
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (
      entry.uncompressedSize > MAX_ENTRY_BYTES ||
      (entry.uncompressedSize > RATIO_MIN_BYTES && ratio > MAX_RATIO)
    ) {
      errors.push(
        new InputError(
          `zip entry "${name}" would inflate to ${entry.uncompressedSize} bytes (ratio ${Math.round(ratio)}:1); refused as a possible zip bomb`,
          path,
        ),
      );
      continue;
    }
    sources.push({
      path,
      entry: name,
      titleHint: titleHintFor(path, name),
      openBytes: () => entryStream(zip, entry, path, name),
    });
  }
  return { sources, skipped, errors, close: () => zip.close() };
}
