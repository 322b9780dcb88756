import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI and interrupts it after `afterMs`; resolves with the exit code. */
function scanAndInterrupt(
  out: string,
  signal: NodeJS.Signals,
  afterMs: number,
  extraArgs: readonly string[] = [],
): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/chatleak.js', 'scan', 'samples', '--out', out, '--quiet', ...extraArgs],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.once('error', reject);
    child.once('exit', (code, killedBy) => {
      clearTimeout(timer);
      resolve(code ?? killedBy ?? -1);
    });
  });
}

async function assertNoPartialReports(out: string): Promise<void> {
  for (const name of await readdir(out)) {
    expect(name, 'temp file left behind').not.toMatch(/\.(tmp|jsonl)$/);
    const bytes = await readFile(join(out, name));
    if (name.endsWith('.json'))
      expect(() => JSON.parse(bytes.toString('utf8')) as unknown, name).not.toThrow();
    if (name.endsWith('.pdf')) {
      expect(bytes.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
      expect(bytes.subarray(-8).toString('latin1'), name).toContain('%%EOF');
    }
  }
}

describe('interrupted runs', () => {
  // Whenever the signal lands, every report in the folder is complete and no temp file is left;
  // the delays put it before, during and after the report writing of the bundled samples.
  it.each([
    ['SIGINT', 300],
    ['SIGINT', 1_500],
    ['SIGTERM', 2_500],
  ] as const)('%s after %i ms leaves no partial report', async (signal, afterMs) => {
    const out = await mkdtemp(join(tmpdir(), 'chatleak-interrupt-'));
    const code = await scanAndInterrupt(out, signal, afterMs);
    // 130/143: interrupted; 1: the run finished first (the samples have high findings); the
    // signal's name: it arrived while modules were still loading, before any handler or output.
    expect([130, 143, 1, signal]).toContain(code);
    await assertNoPartialReports(out);
  });

  // Worker threads write reports under temp names for the main thread to commit; an interrupt
  // stops them and removes their temp files too.
  it.each([
    ['SIGINT', 1_000],
    ['SIGTERM', 2_500],
    ['SIGINT', 4_000],
  ] as const)(
    '%s after %i ms with worker threads leaves no partial report',
    async (signal, afterMs) => {
      const out = await mkdtemp(join(tmpdir(), 'chatleak-interrupt-'));
      const code = await scanAndInterrupt(out, signal, afterMs, ['--concurrency', '2']);
      expect([130, 143, 1, signal]).toContain(code);
      await assertNoPartialReports(out);
    },
  );
});
