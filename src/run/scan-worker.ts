/** The worker thread's entry: one input file, or one part of a large one, per task. */
import Tinypool from 'tinypool';
import { runScanTask, type ScanTask } from './scan-task.js';
import { mergeAndRender, packPart, scanPart, type MergeTask, type PartTask } from './split-scan.js';

export default async function scanInWorker(
  task: ScanTask | PartTask | MergeTask,
): Promise<unknown> {
  // A part's result leaves as bytes moved to the main thread, not as a clone (see PackedPart).
  if ('kind' in task && task.kind === 'part') return Tinypool.move(packPart(await scanPart(task)));
  if ('kind' in task && task.kind === 'merge') return mergeAndRender(task);
  return runScanTask(task);
}
