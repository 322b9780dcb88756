/**
 * Reports are written atomically: into a temporary file in the target folder (so the rename
 * cannot cross file systems), readable by the owner only, then renamed over the target. A reader
 * sees the old report or the new one, never half of one; a failed write leaves no temp file.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
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
let aborting = false;
let settled: (() => void) | undefined;

/**
 * Stops report writing for an interrupted run: no new write starts, writes in progress remove
 * their temp file instead of renaming it, and temp files already on disk are removed now. Resolves
 * when no write is in progress any more (or after `timeoutMs`), so the caller can exit without a
 * temp file being created behind its back by an `open` still running in the thread pool.
 */
export function abortWrites(timeoutMs = 2_000): Promise<void> {
  aborting = true;
  for (const temp of inFlight) unlinkSyncQuietly(temp);
  if (inFlight.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
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
  if (aborting) throw new Error(`not written: the run was interrupted (${path})`);
  const temp = tempPathFor(path);
  inFlight.add(temp);
  let handle;
  try {
    handle = await open(temp, 'wx', REPORT_MODE);
    await handle.writeFile(data);
    // The mode given to open() is reduced by the umask; a report is never readable by others,
    // but never less than owner read/write either.
    await handle.chmod(REPORT_MODE);
    await handle.close();
    handle = undefined;
    if (aborting) throw new Error(`not written: the run was interrupted (${path})`);
    await rename(temp, path);
    // rename keeps the temp file's mode; make sure the target has it even on odd file systems.
    await chmod(path, REPORT_MODE).catch(() => undefined);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temp);
    if (aborting && inFlight.size === 0) settled?.();
  }
}
