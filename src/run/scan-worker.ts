/** The worker thread's entry: one input file per task (see `scan-task.ts`). */
import { runScanTask, type ScanTask, type ScanTaskResult } from './scan-task.js';

export default function scanInWorker(task: ScanTask): Promise<ScanTaskResult> {
  return runScanTask(task);
}
