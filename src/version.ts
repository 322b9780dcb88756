import { existsSync, readFileSync } from 'node:fs';

/** The package.json is one folder up from src/ and two from dist/src/. */
function findPackageJson(): URL {
  for (const candidate of ['../package.json', '../../package.json']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('package.json not found next to chatleak');
}

/** Read once from package.json so the CLI and the reports never disagree about the version. */
export const VERSION: string = (
  JSON.parse(readFileSync(findPackageJson(), 'utf8')) as { version: string }
).version;
