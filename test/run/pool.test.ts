import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import type { RenderOptions } from '../../src/report/render-file.js';
import type * as ScanPoolModule from '../../src/run/scan-pool.js';
import type * as SplitScanModule from '../../src/run/split-scan.js';

/** The compiled modules: only they find the compiled worker (npm test builds first). */
const DIST = join(import.meta.dirname, '..', '..', 'dist', 'src', 'run');

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

/** Every report of a run folder, with the run's time taken out. */
async function reportsIn(dir: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.json')) continue;
    const text = (await readFile(join(dir, name), 'utf8')).replace(
      /"generatedAt": "[^"]*"/g,
      '"generatedAt": "…"',
    );
    out.set(name, JSON.parse(text));
  }
  return out;
}

describe('scanning on worker threads', () => {
  // The built CLI (npm test builds first): worker threads run the compiled worker.
  it('writes the same reports under the same names as a run in one thread', async () => {
    const parallel = await mkdtemp(join(tmpdir(), 'chatleak-pool-'));
    const single = await mkdtemp(join(tmpdir(), 'chatleak-single-'));
    const child = spawnSync(
      process.execPath,
      ['bin/chatleak.js', 'scan', SAMPLES, '--out', parallel, '--concurrency', '2', '--quiet'],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    const code = await run(
      ['scan', SAMPLES, '--out', single, '--concurrency', '1', '--quiet'],
      memoryIo(),
    );
    expect(code).toBe(1);
    const a = await reportsIn(parallel);
    const b = await reportsIn(single);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(20);
    for (const [name, report] of a) expect(report, name).toEqual(b.get(name));
    expect((await readdir(parallel)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('a file split over the worker pool', () => {
  it('moves the parts to the merging worker and writes the reports of a whole-file task', async () => {
    const { createScanPool } = (await import(join(DIST, 'scan-pool.js'))) as typeof ScanPoolModule;
    const { runSplitScanTask } = (await import(
      join(DIST, 'split-scan.js')
    )) as typeof SplitScanModule;
    const dir = await mkdtemp(join(tmpdir(), 'chatleak-pool-split-'));
    const render: RenderOptions = {
      outDir: dir,
      formats: ['json'],
      reveal: false,
      generatedAt: '2026-11-23T10:00:00Z',
      version: '0.0.0-test',
    };
    const path = join(SAMPLES, 'whatsapp', 'WhatsApp Chat mit Vertrieb Süd.txt');
    const pool = createScanPool(2);
    expect(pool).not.toBeNull();
    try {
      const whole = await pool!.run({ path, render });
      const split = await runSplitScanTask(
        { path, render },
        2,
        (part) => pool!.runPart(part),
        (merge) => pool!.runMerge(merge),
      );
      const jsonOf = (result: typeof whole): Promise<string[]> =>
        Promise.all(result.rendered.conversations.map((c) => readFile(c.json!, 'utf8')));
      expect(split.rendered.conversations.length).toBeGreaterThan(0);
      expect(split.findings).toBe(whole.findings);
      expect(split.findings).toBeGreaterThan(0);
      expect(await jsonOf(split)).toEqual(await jsonOf(whole));
      // Only the two runs' temp reports are left: no part's spill file.
      expect((await readdir(dir)).filter((n) => !n.endsWith('.tmp'))).toEqual([]);
    } finally {
      await pool!.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
