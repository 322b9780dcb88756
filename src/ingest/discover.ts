import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { TextDecoder } from 'node:util';
import { InputError } from '../errors.js';

/** Extensions picked up when walking a folder; a file named explicitly is always tried. */
const CHAT_FILE = /\.(txt|csv|tsv|zip)$/i;

export interface DiscoveredFiles {
  files: string[];
  errors: InputError[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A file name that is not valid UTF-8 (Latin-1, GBK, … written by an old tool), for messages:
 * valid sequences as text, every other byte as `\xNN`, so the user can find the file.
 */
export function displayFileName(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    let taken = 0;
    for (let n = 1; n <= 4 && i + n <= bytes.length && taken === 0; n++) {
      const text = utf8(bytes.subarray(i, i + n));
      if (text !== null) {
        out += text;
        taken = n;
      }
    }
    if (taken === 0) {
      out += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** Why `path` could not be looked at: a broken symlink is said as such, not as a missing file. */
async function statFailure(error: unknown, path: string, missing: string): Promise<InputError> {
  const code = codeOf(error);
  if (code === 'ENOENT') {
    const link = await lstat(path).catch(() => null);
    if (link?.isSymbolicLink()) {
      return new InputError('broken symbolic link (its target does not exist)', path);
    }
    return new InputError(missing, path);
  }
  return new InputError(`cannot read (${code})`, path);
}

/**
 * Expands the user's inputs into files: folders recursively (symlink loops are visited once),
 * in a stable sorted order so runs are reproducible. Nothing that may be a chat is skipped
 * silently: an unreadable entry, a FIFO or device named like a chat, and a name that is not
 * valid UTF-8 (which the rest of the pipeline cannot open by a string path) are each an error.
 */
export async function discoverInputs(inputs: string[]): Promise<DiscoveredFiles> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = async (path: string): Promise<void> => {
    const real = await realpath(path).catch(() => path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  /** An entry whose name is not UTF-8: found by its raw bytes, reported under an escaped name. */
  const badName = async (dir: string, raw: Buffer, shown: string): Promise<void> => {
    const path = join(dir, shown);
    const prefix = Buffer.from(dir.endsWith(sep) ? dir : dir + sep);
    let info;
    try {
      info = await stat(Buffer.concat([prefix, raw]));
    } catch (error) {
      errors.push(new InputError(`cannot read (${codeOf(error)})`, path));
      return;
    }
    const what = info.isDirectory() ? 'folder' : CHAT_FILE.test(shown) ? 'file' : null;
    if (what === null) return;
    errors.push(
      new InputError(`${what} name is not valid UTF-8; not scanned (rename it to scan it)`, path),
    );
  };

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      errors.push(new InputError(`cannot open folder (${codeOf(error)})`, dir));
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let raw: Buffer[];
    try {
      raw = await readdir(dir, { encoding: 'buffer' });
    } catch (error) {
      errors.push(new InputError(`cannot list folder (${codeOf(error)})`, dir));
      return;
    }
    const names = raw.map((bytes) => {
      const name = utf8(bytes);
      return { bytes, name: name ?? displayFileName(bytes), valid: name !== null };
    });
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { bytes, name, valid } of names) {
      if (name.startsWith('.')) continue;
      if (!valid) {
        await badName(dir, bytes, name);
        continue;
      }
      const path = join(dir, name);
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        errors.push(await statFailure(error, path, `cannot read (${codeOf(error)})`));
        continue;
      }
      if (info.isDirectory()) await walk(path);
      else if (!CHAT_FILE.test(name)) continue;
      else if (info.isFile()) await addFile(path);
      // A FIFO would block the run, a device never ends: named, never opened.
      else errors.push(new InputError('not a regular file; not read', path));
    }
  };

  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      errors.push(await statFailure(error, input, 'no such file or folder'));
      continue;
    }
    if (info.isDirectory()) await walk(input);
    else if (info.isFile()) await addFile(input);
    else errors.push(new InputError('not a regular file or folder', input));
  }
  return { files, errors };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}
