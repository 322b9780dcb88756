import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

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
