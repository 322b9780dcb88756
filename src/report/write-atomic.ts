/**
 * Reports are written atomically: into a temporary file in the target folder (so the rename
 * cannot cross file systems), readable by the owner only, then renamed over the target. A reader
 * sees the old report or the new one, never half of one; a failed write leaves no temp file.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { chmod, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const REPORT_MODE = 0o600;

/** Temp files start with `.` (folder walks skip them) and end in `.tmp`. */
export function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** Temp files being written right now, so an interrupted run can remove them. */
const inFlight = new Set<string>();
/** Other temp files of the run (findings spilled to disk), removed by an interrupted run too. */
const tracked = new Set<string>();

export function trackTempFile(path: string): void {
  tracked.add(path);
}

export function forgetTempFile(path: string): void {
  tracked.delete(path);
}

/**
 * Folders where worker threads of this process write temp files. Workers cannot be asked to
 * clean up when the process is interrupted, so their temp files are found by name: they all carry
 * this process's id (`tempPathFor`, spilled findings).
 */
const tempFolders = new Set<string>();
/** Called first by `abortWrites` (e.g. to stop the worker threads). */
const abortHooks: Array<() => Promise<void>> = [];

export function registerTempFolder(dir: string): void {
  tempFolders.add(dir);
}

export function onAbort(hook: () => Promise<void>): void {
  abortHooks.push(hook);
}

/** `.<anything>.<pid>.<hex>.tmp` or `.jsonl`: the temp files this process makes. */
function isOwnTempFile(name: string): boolean {
  const parts = name.split('.');
  return (
    name.startsWith('.') &&
    parts.length >= 4 &&
    (parts.at(-1) === 'tmp' || parts.at(-1) === 'jsonl') &&
    parts.at(-3) === String(process.pid) &&
    /^[0-9a-f]+$/.test(parts.at(-2) ?? '')
  );
}

function sweepTempFolders(): void {
  for (const dir of tempFolders) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (isOwnTempFile(name)) unlinkSyncQuietly(join(dir, name));
  }
}
let aborting = false;
let settled: (() => void) | undefined;

/**
 * Stops report writing for an interrupted run: no new write starts, writes in progress remove
 * their temp file instead of renaming it, and temp files already on disk are removed now. Resolves
 * when no write is in progress any more (or after `timeoutMs`), so the caller can exit without a
 * temp file being created behind its back by an `open` still running in the thread pool.
 */
export async function abortWrites(timeoutMs = 2_000): Promise<void> {
  aborting = true;
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([Promise.allSettled(abortHooks.map((hook) => hook())), deadline]);
  for (const temp of inFlight) unlinkSyncQuietly(temp);
  for (const temp of tracked) unlinkSyncQuietly(temp);
  sweepTempFolders();
  if (inFlight.size === 0) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    settled = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

function unlinkSyncQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not created yet, or already renamed.
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomicWith(path, (write) => write(data));
}

/** A sink for a report written in pieces; resolves when the piece is handed to the file. */
export type WriteChunk = (data: string | Uint8Array) => Promise<void>;

/**
 * Like `writeFileAtomic`, for reports too large to build in one string: `produce` writes the
 * content piece by piece, and the target appears only when it returns.
 */
export async function writeFileAtomicWith(
  path: string,
  produce: (write: WriteChunk) => Promise<void>,
  options: { rename?: boolean } = {},
): Promise<string> {
  if (aborting) throw new Error(`not written: the run was interrupted (${path})`);
  // Without rename, `path` is itself a temp name and the caller moves the file later.
  const temp = options.rename === false ? path : tempPathFor(path);
  inFlight.add(temp);
  let handle;
  try {
    handle = await open(temp, 'wx', REPORT_MODE);
    const file = handle;
    await produce(async (data) => {
      if (aborting) throw new Error(`not written: the run was interrupted (${path})`);
      // writeFile continues at the current position and loops until every byte is written.
      await file.writeFile(data);
    });
    // The mode given to open() is reduced by the umask; a report is never readable by others,
    // but never less than owner read/write either.
    await handle.chmod(REPORT_MODE);
    await handle.close();
    handle = undefined;
    if (aborting) throw new Error(`not written: the run was interrupted (${path})`);
    if (options.rename === false) return temp;
    await rename(temp, path);
    // rename keeps the temp file's mode; make sure the target has it even on odd file systems.
    await chmod(path, REPORT_MODE).catch(() => undefined);
    return path;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
    if (aborting && inFlight.size === 0) settled?.();
  }
}

/**
 * Writes a complete file under a temp name in `dir` and returns that name, for a report whose
 * final name is given out later (by the main thread, in input order): `commitTempFile` moves it
 * into place. Until then an interrupted run removes it like any temp file.
 */
export async function writeTempFile(
  dir: string,
  produce: (write: WriteChunk) => Promise<void>,
): Promise<string> {
  const temp = tempPathFor(join(dir, 'chatleak-report'));
  const ready = await writeFileAtomicWith(temp, produce, { rename: false });
  tracked.add(ready);
  return ready;
}

/** Moves a file made by `writeTempFile` to its final name (replacing an older report). */
export async function commitTempFile(temp: string, path: string): Promise<void> {
  try {
    if (aborting) throw new Error(`not written: the run was interrupted (${path})`);
    await rename(temp, path);
    await chmod(path, REPORT_MODE).catch(() => undefined);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    tracked.delete(temp);
  }
}

/** Removes a file made by `writeTempFile` that will not be committed. */
export async function discardTempFile(temp: string): Promise<void> {
  await unlink(temp).catch(() => undefined);
  tracked.delete(temp);
}
