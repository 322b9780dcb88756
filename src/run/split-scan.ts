/**
 * One large file on several cores: each part parses the whole file and keeps every message as
 * context, but runs the detectors only on its own blocks of messages (part k of n takes blocks
 * k, k + n, …). The main thread merges the parts' findings into the order one scan would have
 * given. Parsing is the cheap part of a scan (see docs/performance.md), so running it once per
 * part costs less than the detection it spreads over the cores. Works for every format (zips
 * and CSVs included) because no parser needs to start in the middle of a file, and every
 * detector still sees all findings of a message, which masking needs (a work message's excerpt
 * hides the e-mail address another detector found in it).
 */
import { Deserializer, Serializer } from 'node:v8';
import { FindingDigest } from '../findings/digest.js';
import { MergedFindings } from '../findings/merged.js';
import { FindingStore, type FindingStoreState } from '../findings/store.js';
import type { ConversationMeta } from '../model/conversation.js';
import {
  fromInputErrorData,
  toInputErrorData,
  type InputErrorData,
  type RenderOptions,
} from '../report/render-file.js';
import { finishConversation, scanConversations, type ScannedFile } from '../scan.js';
import { loadDetectors, renderScanned, type ScanTask, type ScanTaskResult } from './scan-task.js';

/** Messages per block: long runs keep the work classifier's memory of recent messages warm. */
export const SPLIT_BLOCK = 512;

export interface PartTask {
  kind: 'part';
  path: string;
  /** This part's number (0-based) and the number of parts. */
  part: number;
  parts: number;
  render: RenderOptions;
  /** Messages per block (default `SPLIT_BLOCK`; tests use small blocks). */
  block?: number;
}

export function ownsMessage(index: number, task: PartTask): boolean {
  return Math.floor(index / (task.block ?? SPLIT_BLOCK)) % task.parts === task.part;
}

export interface PartResult {
  conversations: Array<{
    conversation: ConversationMeta;
    store: FindingStoreState;
    /** A `FindingDigest` as plain data (revived by `mergeParts`). */
    digest: FindingDigest;
    languages: string[];
  }>;
  errors: InputErrorData[];
  skippedEntries: number;
}

export async function scanPart(task: PartTask): Promise<PartResult> {
  const scan = await scanConversations(task.path, await loadDetectors(), {
    reveal: task.render.reveal,
    asOf: new Date(task.render.generatedAt),
    spillDir: task.render.outDir,
    owns: (index) => ownsMessage(index, task),
  });
  return {
    conversations: scan.conversations.map((c) => ({
      conversation: c.conversation,
      store: c.store.detach(),
      digest: c.digest,
      languages: c.languages,
    })),
    errors: scan.errors.map(toInputErrorData),
    skippedEntries: scan.skippedEntries,
  };
}

/**
 * A part's result as bytes. A worker hands these to the main thread and the main thread on to
 * the merging worker without copying (transferred, not cloned): the parts' digests of a big chat
 * would otherwise be rebuilt as objects on the main thread's heap only to be cloned again. The
 * part's spill files come first, so the main thread can remove them after a failure without
 * reading the rest.
 */
export type PackedPart = Uint8Array<ArrayBuffer>;

export function packPart(part: PartResult): PackedPart {
  const serializer = new Serializer();
  serializer.writeHeader();
  serializer.writeValue(part.conversations.flatMap((c) => c.store.spillPath ?? []));
  serializer.writeValue(part);
  const bytes = serializer.releaseBuffer();
  // Moving a view moves its whole ArrayBuffer: it must not be one shared with other Buffers.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

function reader(packed: PackedPart): Deserializer {
  const deserializer = new Deserializer(packed);
  deserializer.readHeader();
  return deserializer;
}

export function unpackPart(packed: PackedPart): PartResult {
  const deserializer = reader(packed);
  deserializer.readValue();
  return deserializer.readValue() as PartResult;
}

/** The spill files a packed part refers to. */
export function spillFilesOf(packed: PackedPart): string[] {
  return reader(packed).readValue() as string[];
}

/**
 * One scanned file from its parts. The parts parsed the same bytes, so they hold the same
 * conversations in the same order; the first part's parse results (errors, metadata, languages)
 * stand for all.
 */
export function mergeParts(path: string, parts: readonly PartResult[]): ScannedFile {
  const [first] = parts;
  if (!first) throw new Error('a split scan needs at least one part');
  return {
    path,
    errors: first.errors.map(fromInputErrorData),
    skippedEntries: first.skippedEntries,
    conversations: first.conversations.map((c, i) => {
      const digest = FindingDigest.revive(c.digest);
      const stores = [FindingStore.attach(c.store)];
      for (const part of parts.slice(1)) {
        const other = part.conversations[i];
        if (!other || other.conversation.id !== c.conversation.id) {
          throw new Error('the parts of a split scan saw different conversations');
        }
        digest.merge(FindingDigest.revive(other.digest));
        stores.push(FindingStore.attach(other.store));
      }
      return finishConversation(c.conversation, new MergedFindings(stores), digest, c.languages);
    }),
  };
}

/** Removes the spill files of parts that will not be merged (a part or the merge failed). */
export function discardParts(spillFiles: readonly string[]): void {
  for (const path of spillFiles) {
    FindingStore.attach({ memory: [], spillPath: path, total: 0 }).dispose();
  }
}

/** The last step of a split scan: merge the parts and write the reports (in a worker). */
export interface MergeTask {
  kind: 'merge';
  path: string;
  parts: PackedPart[];
  render: RenderOptions;
}

export async function mergeAndRender(task: MergeTask): Promise<ScanTaskResult> {
  const parts = task.parts.map(unpackPart);
  // The bytes are not needed once unpacked; let them go before the reports are written.
  task.parts = [];
  return renderScanned(mergeParts(task.path, parts), task.render);
}

/**
 * Scans one file in `partCount` parts with `runPart`, then merges them and writes the reports
 * under temp names with `runMerge`, like `runScanTask` does for a whole file. Both run on worker
 * threads, whose heaps are capped: writing a report of a million findings makes much garbage,
 * and the main thread's heap is not.
 */
export async function runSplitScanTask(
  task: ScanTask,
  partCount: number,
  runPart: (part: PartTask) => Promise<PackedPart>,
  runMerge: (merge: MergeTask) => Promise<ScanTaskResult> = mergeAndRender,
): Promise<ScanTaskResult> {
  const settled = await Promise.allSettled(
    Array.from({ length: partCount }, (_, part) =>
      runPart({ kind: 'part', path: task.path, part, parts: partCount, render: task.render }),
    ),
  );
  const parts = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  // Read now: the parts' bytes are moved to the merging thread.
  const spillFiles = parts.flatMap(spillFilesOf);
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) {
    discardParts(spillFiles);
    throw failure.reason;
  }
  try {
    return await runMerge({ kind: 'merge', path: task.path, parts, render: task.render });
  } catch (error) {
    discardParts(spillFiles);
    throw error;
  }
}
