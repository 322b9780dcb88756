import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';

/** Extensions picked up when walking a folder; a file named explicitly is always tried. */
const CHAT_FILE = /\.(txt|csv|tsv|zip)$/i;

export interface DiscoveredFiles {
  files: string[];
  errors: InputError[];
}

/**
 * Expands the user's inputs into files: folders recursively (symlink loops are visited once),
 * in a stable sorted order so runs are reproducible.
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
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      errors.push(new InputError(`cannot list folder (${codeOf(error)})`, dir));
      return;
    }
    names.sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        errors.push(new InputError(`cannot read (${codeOf(error)})`, path));
        continue;
      }
      if (info.isDirectory()) await walk(path);
      else if (info.isFile() && CHAT_FILE.test(name)) await addFile(path);
    }
  };

  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      errors.push(
        new InputError(
          codeOf(error) === 'ENOENT' ? 'no such file or folder' : `cannot read (${codeOf(error)})`,
          input,
        ),
      );
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
