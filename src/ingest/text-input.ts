import { decodeStream } from './decode.js';
import type { InputSource, TextInput } from './types.js';

export function textInputFor(source: InputSource): TextInput {
  return {
    source,
    async open() {
      return decodeStream(await source.openBytes());
    },
  };
}

/** An in-memory source, for tests and for callers that already hold the bytes. */
export function memorySource(
  name: string,
  content: string | Uint8Array,
  options: { entry?: string; chunkSize?: number } = {},
): InputSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const chunkSize = options.chunkSize ?? 64 * 1024;
  return {
    path: name,
    ...(options.entry !== undefined ? { entry: options.entry } : {}),
    titleHint: options.entry && !options.entry.startsWith('_chat') ? options.entry : name,
    openBytes() {
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < bytes.length; i += chunkSize) {
          yield await Promise.resolve(bytes.subarray(i, i + chunkSize));
        }
      }
      return Promise.resolve(chunks());
    },
  };
}
