/** The worker thread's entry: one input file, or one part of a large one, per task. */
import { runScanTask, type ScanTask, type ScanTaskResult } from './scan-task.js';
import { scanPart, type PartResult, type PartTask } from './split-scan.js';

export default function scanInWorker(
  task: ScanTask | PartTask,
): Promise<ScanTaskResult | PartResult> {
  return 'kind' in task && task.kind === 'part' ? scanPart(task) : runScanTask(task);
}
