import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';

/**
 * Turns a byte stream into text without ever holding the whole input: sniffs the encoding from the
 * first bytes, decodes chunk by chunk and hashes the raw bytes on the way.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedStats {
  encoding: TextEncodingName;
  bomStripped: boolean;
  sha256: string;
  bytes: number;
  warnings: string[];
}

export interface DecodedText {
  chunks: AsyncIterable<string>;
  /** Valid once `chunks` has been fully consumed. */
  stats(): DecodedStats;
}

const SNIFF_BYTES = 64 * 1024;

/** Guesses the encoding of the first bytes of a file: BOM, then UTF-16 NUL pattern, then strict UTF-8, else GB18030. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const pairs = sample.length / 2;
  if (pairs >= 4 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05)
    return { encoding: 'utf-16le', bom: 0 };
  if (pairs >= 4 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05)
    return { encoding: 'utf-16be', bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

/** Share of bytes in the head that no text file has (NUL and C0 controls other than tab/CR/LF/FF/ESC). */
export function binaryShare(head: Uint8Array, encoding: TextEncodingName): number {
  if (encoding.startsWith('utf-16') || head.length === 0) return 0;
  let bad = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) bad++;
  }
  return bad / n;
}

/**
 * Decodes `bytes` as text. Invalid UTF-8 after the sniffed head does not abort the read: the rest
 * is decoded with U+FFFD replacement and a warning names the byte offset.
 */
export function decodeStream(bytes: AsyncIterable<Uint8Array>): DecodedText {
  const hash = createHash('sha256');
  let total = 0;
  let stats: DecodedStats | undefined;

  async function* generate(): AsyncGenerator<string> {
    const warnings: string[] = [];
    const pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let decoder: TextDecoder | undefined;
    let encoding: TextEncodingName = 'utf-8';
    let bomStripped = false;
    let fatal = false;

    const start = (head: Uint8Array): void => {
      const sniffed = sniffEncoding(head);
      encoding = sniffed.encoding;
      bomStripped = sniffed.bom > 0;
      fatal = encoding === 'utf-8';
      // ignoreBOM: false makes TextDecoder drop a leading BOM of its own encoding.
      decoder = new TextDecoder(encoding, { fatal, ignoreBOM: false });
    };

    const decode = (chunk: Uint8Array, offset: number): string => {
      try {
        return decoder!.decode(chunk, { stream: true });
      } catch {
        warnings.push(
          `invalid UTF-8 bytes near byte ${offset}; the rest of the file is decoded with replacement characters`,
        );
        fatal = false;
        decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
        return decoder.decode(chunk, { stream: true });
      }
    };

    for await (const raw of bytes) {
      const chunk = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
      hash.update(chunk);
      total += chunk.length;
      if (!decoder) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < SNIFF_BYTES) continue;
        const head = Buffer.concat(pending);
        pending.length = 0;
        start(head);
        const text = decode(head, 0);
        if (text) yield text;
        continue;
      }
      const text = decode(chunk, total - chunk.length);
      if (text) yield text;
    }
    if (!decoder) {
      const head = Buffer.concat(pending);
      start(head);
      const text = decode(head, 0);
      if (text) yield text;
    }
    let tail = '';
    try {
      tail = decoder!.decode();
    } catch {
      warnings.push('the file ends in the middle of a character');
    }
    if (tail) yield tail;
    stats = { encoding, bomStripped, sha256: hash.digest('hex'), bytes: total, warnings };
  }

  return {
    chunks: generate(),
    stats() {
      if (!stats) throw new Error('decodeStream: stats() called before the stream was consumed');
      return stats;
    },
  };
}
