import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { InputSource } from './types.js';

export function fileSource(path: string): InputSource {
  return {
    path,
    titleHint: basename(path),
    openBytes() {
      return Promise.resolve(createReadStream(path, { highWaterMark: 256 * 1024 }));
    },
  };
}
