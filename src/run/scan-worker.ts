/** The worker thread's entry: one input file, or one part of a large one, per task. */
import { runScanTask, type ScanTask, type ScanTaskResult } from './scan-task.js';
import {
  mergeAndRender,
  scanPart,
  type MergeTask,
  type PartResult,
  type PartTask,
} from './split-scan.js';

export default function scanInWorker(
  task: ScanTask | PartTask | MergeTask,
): Promise<ScanTaskResult | PartResult> {
  if ('kind' in task && task.kind === 'part') return scanPart(task);
  if ('kind' in task && task.kind === 'merge') return mergeAndRender(task);
  return runScanTask(task);
}
