/**
 * A report folder that cannot be written: one line naming it, exit code 2, no crash and no temp
 * file left behind. A full disk (ENOSPC) takes the same path as the failures simulated here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import type { FindingRecord } from '../../src/findings/record.js';
import { renderFile, type RenderOptions } from '../../src/report/render-file.js';
import { OutputError, ReportWriter } from '../../src/report/write-reports.js';
import { disposeScannedFile, scanFile, type ScannedFile } from '../../src/scan.js';
import type { FindingSource } from '../../src/findings/store.js';
import { makeZip } from '../helpers/zip.js';
import {
  STACK_LINE,
  WHATSAPP_ANNA,
  WHATSAPP_JORDAN,
  folderWith,
  leftoverTempFiles,
  scan,
  tempDir,
  removeTempDirs,
} from './util.js';

afterAll(removeTempDirs);

const isRoot = process.getuid?.() === 0;

async function inputs(): Promise<{ dir: string; files: string[] }> {
  const dir = await folderWith('output-in', {
    'WhatsApp Chat mit Anna.txt': WHATSAPP_ANNA,
    'WhatsApp Chat with Jordan Lee.txt': WHATSAPP_JORDAN,
  });
  return {
    dir,
    files: [
      join(dir, 'WhatsApp Chat mit Anna.txt'),
      join(dir, 'WhatsApp Chat with Jordan Lee.txt'),
    ],
  };
}

describe('--out that cannot be created', () => {
  it('names an --out that is an existing regular file, and writes nothing', async () => {
    const { dir } = await inputs();
    const out = join(await tempDir('output-file'), 'reports');
    await writeFile(out, 'not a folder\n');
    const result = await scan([dir, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      new RegExp(
        `^chatleak: ${out}: (is not a folder|cannot create the report folder \\(\\w+\\))\\n$`,
      ),
    );
  });

  it.each(['/dev/full/chatleak-reports', '/proc/version/x'])(
    'names --out %s (under a device or a proc file)',
    async (out) => {
      const { dir } = await inputs();
      const result = await scan([dir, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.err).toBe(`chatleak: ${out}: cannot create the report folder (ENOTDIR)\n`);
      expect(existsSync(out)).toBe(false);
    },
  );
});

describe('--out that exists but cannot be written', () => {
  // Nobody, not even root, can create files in /proc: the run meets the error when writing, as it
  // would on a read-only mount or a full disk.
  it.skipIf(!existsSync('/proc/self'))(
    'gives one line per file and for the summary, exit 2, no crash',
    async () => {
      const { files } = await inputs();
      const result = await scan([...files, '--out', '/proc']);
      expect(result.code).toBe(2);
      expect(result.err).not.toMatch(STACK_LINE);
      const lines = result.err.trim().split('\n');
      expect(lines).toEqual([
        `chatleak: /proc: cannot write the reports of ${files[0]} (${lines[0]!.match(/\(([A-Z]+)\)$/)?.[1]})`,
        `chatleak: /proc: cannot write the reports of ${files[1]} (${lines[1]!.match(/\(([A-Z]+)\)$/)?.[1]})`,
        expect.stringMatching(/^chatleak: \/proc\/summary\.json: cannot write report \([A-Z]+\)$/),
      ]);
      expect(lines[0]).toMatch(/\((EACCES|ENOENT|EPERM|EROFS)\)$/);
    },
  );

  it.skipIf(isRoot)('names a read-only report folder (chmod 500)', async () => {
    const { files } = await inputs();
    const out = join(await tempDir('output-ro'), 'reports');
    await mkdir(out, { mode: 0o500 });
    await chmod(out, 0o500);
    try {
      const result = await scan([...files, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.err.trim().split('\n')).toEqual([
        `chatleak: ${out}: cannot write the reports of ${files[0]} (EACCES)`,
        `chatleak: ${out}: cannot write the reports of ${files[1]} (EACCES)`,
        `chatleak: ${join(out, 'summary.json')}: cannot write report (EACCES)`,
      ]);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await chmod(out, 0o700);
    }
  });
});

describe('renderFile and ReportWriter when the folder goes away or fills up', () => {
  const options = (outDir: string): RenderOptions => ({
    outDir,
    formats: ['json', 'pdf'],
    reveal: false,
    generatedAt: '2024-03-12T10:00:00Z',
    version: '0.0.0-test',
  });

  async function scanned(): Promise<ScannedFile> {
    const { files } = await inputs();
    return scanFile(files[0]!, detectors, { reveal: false });
  }

  it('returns writeError with the error code when outDir does not exist, leaving nothing', async () => {
    const parent = await tempDir('render-missing');
    const file = await scanned();
    try {
      const rendered = await renderFile(file, options(join(parent, 'reports')));
      expect(rendered.writeError).toBe(`cannot write the reports of ${file.path} (ENOENT)`);
      expect(rendered.conversations).toEqual([]);
      expect(await readdir(parent)).toEqual([]);
    } finally {
      disposeScannedFile(file);
    }
  });

  it('makes commitFile throw an OutputError naming the folder when it was removed after prepare', async () => {
    const { files } = await inputs();
    const out = join(await tempDir('render-removed'), 'reports');
    const writer = new ReportWriter({
      outDir: out,
      formats: new Set(['json', 'pdf']),
      reveal: false,
      generatedAt: '2024-03-12T10:00:00Z',
      version: '0.0.0-test',
    });
    await writer.prepare(files);
    await rm(out, { recursive: true });
    const file = await scanFile(files[0]!, detectors, { reveal: false });
    try {
      const rendered = await renderFile(file, writer.renderOptions());
      const message = `cannot write the reports of ${files[0]} (ENOENT)`;
      expect(rendered.writeError).toBe(message);
      const error = await writer.commitFile(rendered).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).path).toBe(out);
      expect((error as OutputError).format()).toBe(`${out}: ${message}`);
      // writeFile (render and commit in one thread) fails the same way.
      await expect(writer.writeFile(file)).rejects.toThrow(OutputError);
      expect(existsSync(out)).toBe(false);
    } finally {
      disposeScannedFile(file);
    }
  });

  it('removes every temp file of the file when a write fails half-way (ENOSPC)', async () => {
    const dir = await tempDir('render-enospc');
    const zip = join(dir, 'Team.zip');
    await writeFile(
      zip,
      await makeZip([
        { name: 'WhatsApp Chat mit Anna.txt', data: WHATSAPP_ANNA },
        { name: 'WhatsApp Chat mit Anna (2).txt', data: WHATSAPP_ANNA },
      ]),
    );
    const out = join(dir, 'reports');
    await mkdir(out);
    const file = await scanFile(zip, detectors, { reveal: false });
    expect(file.conversations).toHaveLength(2);
    // The second conversation's findings run out of disk while its JSON report is being written,
    // after the first conversation's JSON and PDF temp files are complete.
    const second = file.conversations[1]!;
    const real = second.findings;
    expect(real.count).toBeGreaterThan(0);
    let onDiskAtFailure: string[] = [];
    const failing: FindingSource = {
      count: real.count,
      spilled: real.spilled,
      *records(keepType?: (type: string) => boolean): Iterable<FindingRecord> {
        for (const record of real.records(keepType)) {
          yield record;
          onDiskAtFailure = readdirSync(out);
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC',
          });
        }
      },
      read: (keep) => real.read(keep),
      toArray: (keep) => real.toArray(keep),
      dispose: () => real.dispose(),
    };
    second.findings = failing;
    try {
      const rendered = await renderFile(file, options(out));
      expect(rendered.writeError).toBe(`cannot write the reports of ${file.path} (ENOSPC)`);
      expect(rendered.conversations).toEqual([]);
      // JSON and PDF of the first conversation, and the half-written JSON of the second.
      expect(onDiskAtFailure).toHaveLength(3);
      expect(onDiskAtFailure.every((n) => n.endsWith('.tmp'))).toBe(true);
      expect(await readdir(out)).toEqual([]);
      expect(await leftoverTempFiles(out)).toEqual([]);
    } finally {
      disposeScannedFile(file);
    }
  });
});
