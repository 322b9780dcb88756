/**
 * Scans input files on several cores: a pool of worker threads (tinypool), one file per task.
 * p-limit alone would only overlap I/O; parsing and detection are CPU work, and a batch of
 * thousands of exports should use every core.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { onAbort } from '../report/write-atomic.js';
import type { ScanTask, ScanTaskResult } from './scan-task.js';
import type { MergeTask, PackedPart, PartTask } from './split-scan.js';

/**
 * A worker's live heap is ~35 MB and does not grow with the file (the per-value risk tally lives
 * in typed arrays outside it). The cap is headroom, not a target: a cap near the live size makes
 * a worker collect constantly or run out of memory (and then the file is scanned again in the
 * main thread), and 128 MB gave the same peak as 256 on the 200 MB benchmark.
 */
const WORKER_OLD_GENERATION_MB = 256;
/**
 * Each worker's nursery. 16 MB instead of 32 saved ~48 MB of peak memory on the 50 MB benchmark
 * (two workers) at no measurable cost in time (docs/performance.md).
 */
const WORKER_YOUNG_GENERATION_MB = 16;

/** The error of a task whose worker hit its memory limit (the worker is replaced). */
export function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

export interface ScanPool {
  run(task: ScanTask): Promise<ScanTaskResult>;
  runPart(task: PartTask): Promise<PackedPart>;
  runMerge(task: MergeTask): Promise<ScanTaskResult>;
  destroy(): Promise<void>;
}

/**
 * The compiled worker next to this module. When chatleak runs from its TypeScript sources (the
 * test runner), there is none, and files are scanned in the main thread instead.
 */
function workerFile(): string | null {
  const path = fileURLToPath(new URL('./scan-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

/** A pool of `threads` workers, or null when worker threads cannot be used. */
export function createScanPool(threads: number): ScanPool | null {
  const filename = workerFile();
  if (filename === null || threads < 2) return null;
  const pool = new Tinypool({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // Workers keep their warm detectors and fonts from one file to the next.
    isolateWorkers: false,
    // A scan's live data is small (findings spill to disk), but V8 lets a heap grow far beyond
    // it before collecting; the limits keep the run's peak memory near what it needs. A file
    // that truly needs more is scanned again in the main thread (`isOutOfMemory`).
    resourceLimits: {
      maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
    },
  });
  let destroyed = false;
  const destroy = async (): Promise<void> => {
    if (destroyed) return;
    destroyed = true;
    await pool.destroy();
  };
  // An interrupted run stops the workers before their temp files are removed.
  onAbort(destroy);
  return {
    run: (task) => pool.run(task) as Promise<ScanTaskResult>,
    runPart: (task) => pool.run(task) as Promise<PackedPart>,
    runMerge: async (task) => {
      // The parts' workers are idle now and keep the heaps the scan grew (~90 MB each); fresh
      // workers bring the merge's peak down. Workers busy with other files are replaced when
      // their file is done.
      await pool.recycleWorkers();
      const transferList = task.parts.map((part) => part.buffer);
      return (await pool.run(task, { transferList })) as ScanTaskResult;
    },
    destroy,
  };
}
