import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GENERATOR_VERSION,
  removeStaleVersions,
  sizeOf,
  writeBatch,
  writeDenseWeChatCsv,
  writeDenseWhatsAppExport,
  writeExport,
  type BatchManifest,
} from './bench-data.js';
import type { PdfTiming } from './bench-pdf.js';

/**
 * `npm run bench [-- --only 50mb,batch]`: the performance issue's benchmark, in one run.
 *
 * Cases (ids for `--only`; default: all but `dense`):
 * - `50mb`, `200mb`, `1gb`: full scan of a generated WhatsApp Android group export through the
 *   real CLI code path (`run(['scan', …, '--format', 'json'])`: parse, every detector, JSON
 *   report); `50mb` also has a parse-only reference line;
 * - `wcp`: whatsapp-chat-parser's `parseString` on the same files (read + parse), right after the
 *   chatleak scan of that file, for the ratio. With size ids it runs on those sizes only
 *   (`--only 50mb,wcp`), alone on all three;
 * - `wechat200`: full scan of a 200 MB WeChat MemoTrace CSV;
 * - `batch`: 2,000 small exports (`bench-data/batch-2000/`) scanned with `--concurrency 1` and
 *   `--concurrency <os.availableParallelism()>`;
 * - `pdf`: rendering the PDF of a 500-message group conversation (`bench-pdf.ts`);
 * - `dense` (opt-in): the v1 dense 100 MB exports of docs/performance.md, parse and scan.
 *
 * Every measurement runs in its own child process, so its peak RSS (`maxRSS`) is its own; data is
 * generated (in a child too, to show the generator's memory) into `bench-data/` when missing.
 * Throughput counts the chat text's bytes, also when it is read out of a zip; MB = 2^20 bytes.
 * Results also go to `bench-data/results.json` (overwritten by every run).
 *
 * Hidden knob for quick checks: BENCH_BATCH_FILES=200 (a smaller batch in `bench-data/batch-200/`).
 */

const DATA = 'bench-data';
const V = GENERATOR_VERSION;
const MB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);

const CASE_IDS = ['50mb', '200mb', '1gb', 'wechat200', 'batch', 'pdf', 'wcp', 'dense'] as const;
type CaseId = (typeof CASE_IDS)[number];
const DEFAULT_CASES: readonly CaseId[] = CASE_IDS.filter((id) => id !== 'dense');

// ---------------------------------------------------------------------------------------------
// Data files

const FILES = {
  wa50: { path: `${DATA}/whatsapp-50mb-v${V}.txt`, mb: 50, seed: 50, layout: 'whatsapp-android' },
  wa200: {
    path: `${DATA}/whatsapp-200mb-v${V}.txt`,
    mb: 200,
    seed: 200,
    layout: 'whatsapp-android',
  },
  wa1g: {
    path: `${DATA}/whatsapp-1gb-v${V}.txt`,
    mb: 1024,
    seed: 1024,
    layout: 'whatsapp-android',
  },
  wc200: {
    path: `${DATA}/wechat-200mb-v${V}.csv`,
    mb: 200,
    seed: 7200,
    layout: 'wechat-memotrace',
  },
  denseWa: { path: `${DATA}/whatsapp-100mb.txt`, mb: 100, seed: 0, layout: 'dense-whatsapp' },
  denseWc: { path: `${DATA}/wechat-100mb.csv`, mb: 100, seed: 0, layout: 'dense-wechat' },
} as const;
type FileKey = keyof typeof FILES;

/** Runs in the generator child. */
async function generate(key: FileKey): Promise<number> {
  const f = FILES[key];
  if (f.layout === 'dense-whatsapp') return writeDenseWhatsAppExport(f.path, f.mb);
  if (f.layout === 'dense-wechat') return writeDenseWeChatCsv(f.path, f.mb);
  await removeStaleVersions(f.path);
  // Group chats: 8 people in the WhatsApp group, 9 in the WeChat group.
  const { messages } = await writeExport(
    f.path,
    { bytes: f.mb * MB },
    {
      seed: f.seed,
      layout: f.layout,
      group: true,
      people: f.layout === 'whatsapp-android' ? 8 : 9,
    },
  );
  return messages;
}

async function ensureFile(key: FileKey): Promise<string> {
  const f = FILES[key];
  if (!existsSync(f.path)) {
    process.stderr.write(`generating ${f.path} …\n`);
    const m = await inChild({ kind: 'generate', file: key });
    if (m.error) throw new Error(`generating ${f.path} failed: ${m.error}`);
    process.stderr.write(
      `generated ${f.path}: ${f.mb.toFixed(0)} MB, ${int(m.messages ?? 0)} messages in ` +
        `${m.seconds.toFixed(1)} s (generator peak RSS ${mbOf(m.maxRssKb)})\n`,
    );
  }
  return f.path;
}

function batchPaths(): { dir: string; manifest: string; files: number } {
  const files = Number(process.env.BENCH_BATCH_FILES ?? 2000);
  if (!Number.isInteger(files) || files < 1) throw new Error('BENCH_BATCH_FILES: whole number ≥ 1');
  return { dir: `${DATA}/batch-${files}`, manifest: `${DATA}/batch-${files}-v${V}.json`, files };
}

async function ensureBatch(): Promise<{ dir: string; manifest: BatchManifest }> {
  const { dir, manifest: manifestPath, files } = batchPaths();
  if (existsSync(manifestPath) && existsSync(dir)) {
    return { dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as BatchManifest };
  }
  process.stderr.write(`generating ${dir}/ (${files} exports) …\n`);
  await removeStaleVersions(manifestPath);
  const start = process.hrtime.bigint();
  const manifest = await writeBatch(dir, files);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(
    `generated ${dir}/: ${int(manifest.files)} files (${Object.entries(manifest.byKind)
      .map(([k, n]) => `${int(n)} ${k}`)
      .join(', ')}), ${(manifest.textBytes / MB).toFixed(1)} MB of chat text, ` +
      `${(manifest.fileBytes / MB).toFixed(1)} MB on disk in ${seconds(start).toFixed(1)} s\n`,
  );
  return { dir, manifest };
}

// ---------------------------------------------------------------------------------------------
// Child processes

type Task =
  | { kind: 'generate'; file: FileKey }
  | { kind: 'scan'; input: string; out: string; extra: string[] }
  | { kind: 'parse'; input: string }
  | { kind: 'wcp'; input: string }
  | { kind: 'pdf' };

interface ChildResult {
  seconds: number;
  maxRssKb: number;
  /** user + system CPU seconds of the whole process (all threads) during the measurement. */
  cpuSeconds: number;
  messages?: number;
  findings?: number;
  files?: number;
  exitCode?: number;
  error?: string;
  pdf?: PdfTiming;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Measures `body` in this (child) process. Module loading happens before, untimed. */
async function timed(
  body: () => Partial<ChildResult> | Promise<Partial<ChildResult>>,
): Promise<ChildResult> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await body();
  const wall = seconds(start);
  const used = process.cpuUsage(cpu);
  return {
    seconds: wall,
    cpuSeconds: (used.user + used.system) / 1e6,
    maxRssKb: process.resourceUsage().maxRSS,
    ...result,
  };
}

async function runTask(task: Task): Promise<ChildResult> {
  switch (task.kind) {
    case 'generate':
      return timed(async () => ({ messages: await generate(task.file) }));
    case 'scan': {
      // The real CLI code path, with a quiet in-memory io.
      const { run } = await import('../src/cli/program.js');
      const { memoryIo } = await import('../src/cli/io.js');
      const io = memoryIo();
      const argv = [
        'scan',
        task.input,
        '--out',
        task.out,
        '--format',
        'json',
        '--quiet',
        ...task.extra,
      ];
      const result = await timed(async () => ({ exitCode: await run(argv, io) }));
      // Exit 1 means findings: a successful run. 2 is a failure.
      if (result.exitCode !== 0 && result.exitCode !== 1) {
        result.error = `exit ${result.exitCode}: ${io.err().trim().split('\n').slice(0, 5).join(' | ')}`;
      }
      try {
        const summary = JSON.parse(await readFile(join(task.out, 'summary.json'), 'utf8')) as {
          totals: { messages: number; findings: number; files: number };
        };
        result.messages = summary.totals.messages;
        result.findings = summary.totals.findings;
        result.files = summary.totals.files;
      } catch (error) {
        result.error ??= `no summary.json (${String(error)})`;
      }
      return result;
    }
    case 'parse': {
      const { parseFile } = await import('../src/ingest/index.js');
      return timed(async () => {
        let messages = 0;
        const parsed = await parseFile(task.input, () => {
          messages++;
        });
        const errors = parsed.errors.map((e) => e.format());
        return { messages, ...(errors.length > 0 ? { error: errors.join('; ') } : {}) };
      });
    }
    case 'wcp': {
      const { parseString } = await import('whatsapp-chat-parser');
      return timed(() => {
        try {
          // Reading is part of the job: whatsapp-chat-parser needs the whole export as a string.
          return { messages: parseString(readFileSync(task.input, 'utf8')).length };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      });
    }
    case 'pdf': {
      const { ensurePdfSample, timeConversationPdf } = await import('./bench-pdf.js');
      await ensurePdfSample();
      let pdf: ChildResult['pdf'];
      const result = await timed(async () => {
        pdf = await timeConversationPdf();
        return {};
      });
      return { ...result, ...(pdf ? { pdf, messages: pdf.messages, findings: pdf.findings } : {}) };
    }
  }
}

/** Runs `task` in a fresh process; a crash (e.g. out of memory) becomes an error result. */
function inChild(task: Task, execArgv: string[] = []): Promise<ChildResult> {
  // Progress for the long cases (the result line follows on stdout).
  if (task.kind === 'scan')
    process.stderr.write(`… chatleak scan ${[task.input, ...task.extra].join(' ')}\n`);
  else if (task.kind === 'parse') process.stderr.write(`… parse only ${task.input}\n`);
  else if (task.kind === 'wcp') process.stderr.write(`… whatsapp-chat-parser ${task.input}\n`);
  else if (task.kind === 'pdf') process.stderr.write('… PDF timing\n');
  return new Promise((resolve) => {
    let result: ChildResult | undefined;
    const child = fork(SELF, ['--child', JSON.stringify(task)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv,
    });
    // Stopping the benchmark stops the measurement too.
    const stop = (signal: NodeJS.Signals): void => {
      child.kill(signal);
      process.exit(130);
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.on('message', (m) => {
      result = m as ChildResult;
    });
    child.once('error', (error) => {
      result ??= { seconds: 0, maxRssKb: 0, cpuSeconds: 0, error: error.message };
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(
        result ?? {
          seconds: 0,
          maxRssKb: 0,
          cpuSeconds: 0,
          error: `child process ended without a result (${signal ?? `exit code ${code}`})`,
        },
      );
    });
  });
}

async function childMain(task: Task): Promise<void> {
  // The benchmark went away (killed): stop measuring.
  process.once('disconnect', () => process.exit(1));
  let result: ChildResult;
  try {
    result = await runTask(task);
  } catch (error) {
    result = {
      seconds: 0,
      cpuSeconds: 0,
      maxRssKb: process.resourceUsage().maxRSS,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  // Exit right away: nothing (timers, worker threads) may keep a finished measurement alive.
  process.send!(result, undefined, undefined, () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Results

interface Row {
  case: CaseId;
  label: string;
  tool: 'chatleak scan' | 'chatleak parse' | 'whatsapp-chat-parser' | 'chatleak pdf';
  input: string;
  bytes: number;
  seconds: number;
  messages: number | null;
  findings: number | null;
  files: number | null;
  mbPerSec: number | null;
  messagesPerSec: number | null;
  maxRssMb: number;
  cpuCores: number | null;
  exitCode: number | null;
  error: string | null;
  /** chatleak scan MB/s ÷ whatsapp-chat-parser MB/s on the same file. */
  vsWcp: number | null;
  /** Batch: throughput ÷ one-worker throughput. */
  speedup: number | null;
  concurrency: number | null;
  pdf: PdfTiming | null;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const mbOf = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

function toRow(
  base: Pick<Row, 'case' | 'label' | 'tool' | 'input' | 'bytes'> & Partial<Row>,
  m: ChildResult,
): Row {
  const ok = !m.error;
  return {
    findings: m.findings ?? null,
    files: m.files ?? null,
    exitCode: m.exitCode ?? null,
    vsWcp: null,
    speedup: null,
    concurrency: null,
    pdf: m.pdf ?? null,
    ...base,
    seconds: m.seconds,
    messages: m.messages ?? null,
    mbPerSec: ok && m.seconds > 0 ? base.bytes / MB / m.seconds : null,
    messagesPerSec: ok && m.messages && m.seconds > 0 ? m.messages / m.seconds : null,
    maxRssMb: m.maxRssKb / 1024,
    cpuCores: m.seconds > 0 ? m.cpuSeconds / m.seconds : null,
    error: m.error ?? null,
  };
}

function describe(row: Row): string {
  if (row.pdf) {
    const p = row.pdf;
    return (
      `${row.label}: ${int(p.messages)} messages, ${int(p.findings)} findings, ${(p.pdfBytes / 1024).toFixed(0)} KB PDF; ` +
      `median ${p.medianMs.toFixed(0)} ms, max ${p.maxMs.toFixed(0)} ms over ${p.timesMs.length} renders ` +
      `(first render ${p.warmupMs.toFixed(0)} ms), peak RSS ${row.maxRssMb.toFixed(0)} MB`
    );
  }
  const parts = [
    `${row.label}: ${(row.bytes / MB).toFixed(row.bytes < 10 * MB ? 1 : 0)} MB`,
    row.messages !== null ? `${int(row.messages)} messages` : null,
    `in ${row.seconds.toFixed(2)} s`,
  ].filter(Boolean);
  let s = parts.join(', ');
  if (row.mbPerSec !== null) s += ` → ${row.mbPerSec.toFixed(1)} MB/s`;
  if (row.messagesPerSec !== null) s += `, ${int(row.messagesPerSec)} messages/s`;
  if (row.files !== null && row.tool === 'chatleak scan' && row.case === 'batch')
    s += `, ${(row.files / row.seconds).toFixed(1)} files/s`;
  s += `, peak RSS ${row.maxRssMb.toFixed(0)} MB`;
  if (row.cpuCores !== null) s += `, ${row.cpuCores.toFixed(2)} CPU cores busy`;
  if (row.findings !== null) s += `, ${int(row.findings)} findings`;
  if (row.exitCode !== null) s += `, exit ${row.exitCode}`;
  if (row.speedup !== null) s += `, ${row.speedup.toFixed(2)}× one worker`;
  if (row.vsWcp !== null) s += `, ${row.vsWcp.toFixed(2)}× whatsapp-chat-parser`;
  if (row.error) s += ` — ERROR: ${row.error}`;
  return s;
}

function tableRow(row: Row): string {
  const cells = row.pdf
    ? [
        row.label,
        `${(row.pdf.pdfBytes / 1024).toFixed(0)} KB PDF`,
        int(row.pdf.messages),
        `median ${row.pdf.medianMs.toFixed(0)} ms (max ${row.pdf.maxMs.toFixed(0)}, first ${row.pdf.warmupMs.toFixed(0)})`,
        '—',
        '—',
        `${row.maxRssMb.toFixed(0)} MB`,
        '—',
      ]
    : [
        row.label,
        `${(row.bytes / MB).toFixed(row.bytes < 10 * MB ? 1 : 0)} MB${row.case === 'batch' && row.files !== null ? ` (${int(row.files)} files)` : ''}`,
        row.messages !== null ? int(row.messages) : '—',
        `${row.seconds.toFixed(2)} s`,
        row.mbPerSec !== null ? row.mbPerSec.toFixed(1) : '—',
        row.messagesPerSec !== null ? int(row.messagesPerSec) : '—',
        `${row.maxRssMb.toFixed(0)} MB`,
        row.error
          ? `error: ${row.error.replace(/\|/g, '/').slice(0, 80)}`
          : row.vsWcp !== null
            ? `${row.vsWcp.toFixed(2)}×`
            : row.speedup !== null
              ? `(${row.speedup.toFixed(2)}× one worker)`
              : '—',
      ];
  return `| ${cells.join(' | ')} |`;
}

interface Target {
  target: string;
  status: 'pass' | 'fail' | 'not measured';
  detail: string;
}

function evaluateTargets(rows: readonly Row[], workers: number): Target[] {
  const find = (c: CaseId, tool: Row['tool'], pred: (r: Row) => boolean = () => true) =>
    rows.find((r) => r.case === c && r.tool === tool && pred(r));
  const targets: Target[] = [];

  const scan50 = find('50mb', 'chatleak scan');
  const wcp50 = rows.find((r) => r.tool === 'whatsapp-chat-parser' && r.input === FILES.wa50.path);
  targets.push(
    scan50?.mbPerSec != null && wcp50?.mbPerSec != null
      ? {
          target:
            'full scan of the 50 MB export at least as fast as whatsapp-chat-parser parsing it',
          status: scan50.mbPerSec >= wcp50.mbPerSec ? 'pass' : 'fail',
          detail: `${scan50.mbPerSec.toFixed(1)} MB/s vs ${wcp50.mbPerSec.toFixed(1)} MB/s (${(scan50.mbPerSec / wcp50.mbPerSec).toFixed(2)}×)`,
        }
      : {
          target:
            'full scan of the 50 MB export at least as fast as whatsapp-chat-parser parsing it',
          status: 'not measured',
          detail: 'needs 50mb and wcp (e.g. --only 50mb,wcp)',
        },
  );

  const rss = [find('200mb', 'chatleak scan'), find('1gb', 'chatleak scan')];
  const measured = rss.filter((r): r is Row => r !== undefined && !r.error);
  const rssDetail = (['200 MB', '1 GB'] as const)
    .map((name, i) => {
      const r = rss[i];
      if (!r) return `${name}: not measured`;
      if (r.error) return `${name}: failed (${r.error.slice(0, 60)})`;
      return `${name}: ${r.maxRssMb.toFixed(0)} MB`;
    })
    .join(', ');
  targets.push({
    target: 'peak RSS ≤ 300 MB scanning the 200 MB and 1 GB exports',
    status: measured.some((r) => r.maxRssMb > 300)
      ? 'fail'
      : rss.some((r) => r?.error)
        ? 'fail'
        : measured.length === 2
          ? 'pass'
          : 'not measured',
    detail: rssDetail,
  });

  const one = find('batch', 'chatleak scan', (r) => r.concurrency === 1);
  const many = find('batch', 'chatleak scan', (r) => r.concurrency === workers && workers > 1);
  targets.push(
    one?.mbPerSec != null && many?.mbPerSec != null
      ? {
          target: `batch uses all ${workers} cores with ≥ 1.6× the one-worker throughput`,
          status: many.mbPerSec / one.mbPerSec >= 1.6 ? 'pass' : 'fail',
          detail: `${(many.mbPerSec / one.mbPerSec).toFixed(2)}× (${one.mbPerSec.toFixed(1)} → ${many.mbPerSec.toFixed(1)} MB/s; ${many.cpuCores?.toFixed(2)} CPU cores busy with --concurrency ${workers})`,
        }
      : {
          target: `batch uses all cores with ≥ 1.6× the one-worker throughput`,
          status: 'not measured',
          detail: workers < 2 ? 'only one core available' : 'needs batch',
        },
  );

  const pdf = rows.find((r) => r.pdf);
  targets.push(
    pdf?.pdf
      ? {
          target: 'PDF of a 500-message conversation in ≤ 200 ms (median of 10 warm renders)',
          status: pdf.pdf.medianMs <= 200 ? 'pass' : 'fail',
          detail: `median ${pdf.pdf.medianMs.toFixed(0)} ms, max ${pdf.pdf.maxMs.toFixed(0)} ms, first ${pdf.pdf.warmupMs.toFixed(0)} ms`,
        }
      : {
          target: 'PDF of a 500-message conversation in ≤ 200 ms',
          status: 'not measured',
          detail: pdf?.error ?? 'needs pdf',
        },
  );
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Main

function parseOnly(argv: readonly string[]): CaseId[] {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i === -1) return [...DEFAULT_CASES];
  const arg = argv[i]!;
  const value = arg.startsWith('--only=') ? arg.slice(7) : (argv[i + 1] ?? '');
  const ids = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(CASE_IDS as readonly string[]).includes(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new Error(`--only: expected a comma-separated list of ${CASE_IDS.join(', ')}`);
  }
  return ids as CaseId[];
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex !== -1) {
    await childMain(JSON.parse(process.argv[childIndex + 1]!) as Task);
    return;
  }
  let only: CaseId[];
  try {
    only = parseOnly(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const has = (id: CaseId): boolean => only.includes(id);
  const sizeIds = (['50mb', '200mb', '1gb'] as const).filter(has);
  const wcpFor = new Set<string>(
    has('wcp') ? (sizeIds.length > 0 ? sizeIds : ['50mb', '200mb', '1gb']) : [],
  );
  const workers = os.availableParallelism();
  const cpus = os.cpus();
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus[0]?.model.trim() ?? 'cpu'} × ${cpus.length}`,
    availableParallelism: workers,
    totalRamGb: os.totalmem() / 1024 ** 3,
    loadavg: os.loadavg(),
  };
  const machineLine = `${machine.date} · Node ${machine.node} · ${machine.cpu} · ${machine.totalRamGb.toFixed(1)} GB RAM · load ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`;
  console.log(`chatleak bench (generator v${V}) — ${machineLine}`);
  console.log(`cases: ${only.join(', ')}\n`);
  await mkdir(DATA, { recursive: true });

  const rows: Row[] = [];
  const add = (row: Row): Row => {
    rows.push(row);
    console.log(describe(row));
    return row;
  };
  const scan = async (input: string, extra: string[] = []): Promise<ChildResult> => {
    const out = await mkdtemp(join(os.tmpdir(), 'chatleak-bench-'));
    try {
      return await inChild({ kind: 'scan', input, out, extra });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  };

  // WhatsApp exports: scan, then whatsapp-chat-parser on the same file right after.
  const whatsapp: Array<[CaseId, FileKey, string]> = [
    ['50mb', 'wa50', '50 MB'],
    ['200mb', 'wa200', '200 MB'],
    ['1gb', 'wa1g', '1 GB'],
  ];
  for (const [id, key, name] of whatsapp) {
    if (!has(id) && !wcpFor.has(id)) continue;
    const path = await ensureFile(key);
    const bytes = await sizeOf(path);
    const base = { case: id, input: path, bytes };
    if (id === '50mb' && has(id)) {
      add(
        toRow(
          { ...base, label: `parse only, WhatsApp .txt ${name}`, tool: 'chatleak parse' },
          await inChild({ kind: 'parse', input: path }),
        ),
      );
    }
    let scanRow: Row | undefined;
    if (has(id)) {
      scanRow = add(
        toRow(
          { ...base, label: `scan, WhatsApp .txt ${name}`, tool: 'chatleak scan' },
          await scan(path),
        ),
      );
    }
    if (wcpFor.has(id)) {
      // More heap than the default so a big export fails on V8's string limit, not the heap.
      const m = await inChild({ kind: 'wcp', input: path }, ['--max-old-space-size=8192']);
      const wcpRow = toRow(
        {
          ...base,
          case: 'wcp',
          label: `whatsapp-chat-parser, WhatsApp .txt ${name}`,
          tool: 'whatsapp-chat-parser',
        },
        m,
      );
      add(wcpRow);
      if (scanRow?.mbPerSec != null && wcpRow.mbPerSec != null) {
        scanRow.vsWcp = scanRow.mbPerSec / wcpRow.mbPerSec;
        console.log(
          `  → ratio on ${name}: chatleak scan ${scanRow.mbPerSec.toFixed(1)} MB/s ÷ whatsapp-chat-parser ${wcpRow.mbPerSec.toFixed(1)} MB/s = ${scanRow.vsWcp.toFixed(2)}×`,
        );
      } else if (scanRow) {
        console.log(
          `  → ratio on ${name}: n/a (${wcpRow.error ?? scanRow.error ?? 'no throughput'})`,
        );
      }
    }
  }

  if (has('wechat200')) {
    const path = await ensureFile('wc200');
    add(
      toRow(
        {
          case: 'wechat200',
          input: path,
          bytes: await sizeOf(path),
          label: 'scan, WeChat MemoTrace CSV 200 MB',
          tool: 'chatleak scan',
        },
        await scan(path),
      ),
    );
  }

  if (has('batch')) {
    const { dir, manifest } = await ensureBatch();
    const base = {
      case: 'batch' as const,
      input: dir,
      bytes: manifest.textBytes,
      tool: 'chatleak scan' as const,
    };
    const one = add(
      toRow(
        { ...base, label: `batch ${int(manifest.files)} files, --concurrency 1`, concurrency: 1 },
        await scan(dir, ['--concurrency', '1']),
      ),
    );
    if (workers > 1) {
      const many = toRow(
        {
          ...base,
          label: `batch ${int(manifest.files)} files, --concurrency ${workers}`,
          concurrency: workers,
        },
        await scan(dir, ['--concurrency', String(workers)]),
      );
      if (one.mbPerSec != null && many.mbPerSec != null)
        many.speedup = many.mbPerSec / one.mbPerSec;
      add(many);
    }
  }

  if (has('pdf')) {
    add(
      toRow(
        {
          case: 'pdf',
          input: 'bench-data/pdf-*',
          bytes: 0,
          label: 'PDF, 500-message group conversation',
          tool: 'chatleak pdf',
        },
        await inChild({ kind: 'pdf' }),
      ),
    );
  }

  if (has('dense')) {
    for (const [key, name] of [
      ['denseWa', 'WhatsApp .txt'],
      ['denseWc', 'WeChat CSV'],
    ] as const) {
      const path = await ensureFile(key);
      const base = { case: 'dense' as const, input: path, bytes: await sizeOf(path) };
      add(
        toRow(
          { ...base, label: `parse only, dense v1 ${name} 100 MB`, tool: 'chatleak parse' },
          await inChild({ kind: 'parse', input: path }),
        ),
      );
      add(
        toRow(
          { ...base, label: `scan, dense v1 ${name} 100 MB`, tool: 'chatleak scan' },
          await scan(path),
        ),
      );
    }
  }

  const targets = evaluateTargets(rows, workers);
  console.log('');
  console.log(
    '| case | size | messages | time | MB/s | messages/s | peak RSS | vs whatsapp-chat-parser |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(tableRow(row));
  console.log('');
  console.log(`Machine: ${machineLine}`);
  console.log('');
  for (const t of targets) {
    console.log(
      `${t.status === 'pass' ? 'PASS' : t.status === 'fail' ? 'FAIL' : 'N/A '}  ${t.target}: ${t.detail}`,
    );
  }
  await writeFile(
    `${DATA}/results.json`,
    `${JSON.stringify({ generatorVersion: V, machine, cases: only, rows, targets }, null, 2)}\n`,
  );
  console.log(`\nresults written to ${DATA}/results.json`);
}

await main();
