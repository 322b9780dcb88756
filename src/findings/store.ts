/**
 * The findings of one conversation, in message order, with bounded memory: the first few
 * thousand stay in memory (most conversations never leave it); past that, all of them go to a
 * spill file next to the reports (`spillLine` records) and are read back once, in order, when
 * the JSON report is written. A group chat of a gigabyte has millions of work-talk findings, which no
 * array could hold.
 *
 * The spill file holds exactly what the report will hold (values masked unless `--reveal`), is
 * readable by the owner only, starts with `.` so folder walks skip it, and is removed by
 * `dispose()` or, for an interrupted run, by `abortWrites()`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../model/finding.js';
import { forgetTempFile, REPORT_MODE, trackTempFile } from '../report/write-atomic.js';
import { fromRecord, parseSpillLine, spillLine, toRecord, type FindingRecord } from './record.js';

/** Findings kept in memory before the store spills to disk. */
export const DEFAULT_MEMORY_FINDINGS = 5_000;
/** Spilled lines are buffered up to this many characters before one write. */
const WRITE_BUFFER_CHARS = 1 << 20;
const READ_CHUNK_BYTES = 1 << 20;

export interface FindingStoreOptions {
  /** Folder for the spill file (default: the OS temp folder). */
  spillDir?: string;
  memoryFindings?: number;
}

/** A store as plain data, to hand it to another thread (`detach`, `FindingStore.attach`). */
export interface FindingStoreState {
  memory: FindingRecord[];
  spillPath: string | null;
  total: number;
}

/** Findings in report order, however they are kept. */
export interface FindingSource {
  readonly count: number;
  /** Whether some findings wait on disk. */
  readonly spilled: boolean;
  /** The records of the types `keepType` accepts, in report order. */
  records(keepType?: (type: string) => boolean): Iterable<FindingRecord>;
  read(keep?: (finding: Finding) => boolean): Iterable<Finding>;
  toArray(keep?: (finding: Finding) => boolean): Finding[];
  dispose(): void;
}

/** Findings parsed back from records: for tests and small conversations. */
export function* findingsIn(
  source: FindingSource,
  keep?: (finding: Finding) => boolean,
): Generator<Finding> {
  for (const record of source.records()) {
    const finding = fromRecord(record);
    if (!keep || keep(finding)) yield finding;
  }
}

export class FindingStore implements FindingSource {
  private memory: FindingRecord[] = [];
  private spillPath: string | null = null;
  private fd: number | null = null;
  private buffer: string[] = [];
  private bufferChars = 0;
  private total = 0;
  private readonly limit: number;

  constructor(private readonly options: FindingStoreOptions = {}) {
    this.limit = Math.max(0, options.memoryFindings ?? DEFAULT_MEMORY_FINDINGS);
  }

  get count(): number {
    return this.total;
  }

  /** Whether the findings went to disk (for tests and diagnostics). */
  get spilled(): boolean {
    return this.spillPath !== null;
  }

  add(finding: Finding): void {
    this.total++;
    const record = toRecord(finding);
    if (this.spillPath === null) {
      this.memory.push(record);
      if (this.memory.length > this.limit) this.startSpill();
      return;
    }
    this.append(record);
  }

  private startSpill(): void {
    const dir = this.options.spillDir ?? tmpdir();
    const path = join(
      dir,
      `.chatleak-findings.${process.pid}.${randomBytes(6).toString('hex')}.jsonl`,
    );
    trackTempFile(path);
    this.fd = openSync(path, 'wx', REPORT_MODE);
    this.spillPath = path;
    for (const record of this.memory) this.append(record);
    this.memory = [];
  }

  private append(record: FindingRecord): void {
    const line = spillLine(record);
    this.buffer.push(line);
    this.bufferChars += line.length;
    if (this.bufferChars >= WRITE_BUFFER_CHARS) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.buffer.length === 0) return;
    const data = Buffer.from(this.buffer.join(''), 'utf8');
    let offset = 0;
    while (offset < data.length) offset += writeSync(this.fd, data, offset);
    this.buffer = [];
    this.bufferChars = 0;
  }

  *records(keepType?: (type: string) => boolean): Generator<FindingRecord> {
    if (this.spillPath === null) {
      for (const record of this.memory) if (!keepType || keepType(record.type)) yield record;
      return;
    }
    this.flush();
    const fd = openSync(this.spillPath, 'r');
    try {
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      let rest = Buffer.alloc(0);
      let position = 0;
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, position);
        if (n === 0) break;
        position += n;
        const data =
          rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        let start = 0;
        for (let end = data.indexOf(0, start); end !== -1; end = data.indexOf(0, start)) {
          const record = parseSpillLine(data.toString('utf8', start, end));
          start = end + 1;
          if (!keepType || keepType(record.type)) yield record;
        }
        // Copy the unfinished record: `chunk` is overwritten by the next read.
        rest = Buffer.from(data.subarray(start));
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Every finding in the order added, optionally only those `keep` accepts. */
  read(keep?: (finding: Finding) => boolean): Generator<Finding> {
    return findingsIn(this, keep);
  }

  /** All findings as an array: for small conversations and tests only. */
  toArray(keep?: (finding: Finding) => boolean): Finding[] {
    return [...this.read(keep)];
  }

  /**
   * Hands the findings over (e.g. from a worker thread to the main thread): the spill file is
   * complete and closed, and this store forgets it without removing it.
   */
  detach(): FindingStoreState {
    this.flush();
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (this.spillPath !== null) forgetTempFile(this.spillPath);
    const state = { memory: this.memory, spillPath: this.spillPath, total: this.total };
    this.memory = [];
    this.spillPath = null;
    this.total = 0;
    return state;
  }

  /** A read-only store over detached findings; `dispose()` removes their spill file. */
  static attach(state: FindingStoreState): FindingStore {
    const store = new FindingStore();
    store.memory = state.memory;
    store.spillPath = state.spillPath;
    store.total = state.total;
    if (state.spillPath !== null) trackTempFile(state.spillPath);
    return store;
  }

  /** Removes the spill file; the store is empty afterwards. */
  dispose(): void {
    this.memory = [];
    this.buffer = [];
    this.bufferChars = 0;
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (this.spillPath !== null) {
      try {
        unlinkSync(this.spillPath);
      } catch {
        // Already removed by an interrupted run's cleanup.
      }
      forgetTempFile(this.spillPath);
      this.spillPath = null;
    }
    this.total = 0;
  }
}
