import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder with package.json): two folders up from `src/work/` when run from
 * source (vitest), three from `dist/src/work/` when compiled. `data/` lives there.
 */
export function packageRoot(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return dirname(fileURLToPath(url));
  }
  throw new Error('package.json not found next to chatleak');
}
