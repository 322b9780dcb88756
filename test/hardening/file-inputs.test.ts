/**
 * Files that cannot be read, folders that loop, names that are not UTF-8: each is one line on
 * stderr naming it, never a crash and never a silent skip, and the good inputs are still reported.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverInputs } from '../../src/ingest/discover.js';
import { parseFile } from '../../src/ingest/index.js';
import {
  STACK_LINE,
  WECHAT_MEMOTRACE,
  WHATSAPP_ANNA,
  WHATSAPP_JORDAN,
  folderWith,
  readSummary,
  scan,
  tempDir,
  removeTempDirs,
} from './util.js';

afterAll(removeTempDirs);

const isRoot = process.getuid?.() === 0;

describe('inputs that cannot be opened', () => {
  it('names a self-referencing symlink, a dangling symlink and a FIFO; the good inputs are reported', async () => {
    const dir = await folderWith('unreadable', {
      'a-WhatsApp Chat mit Anna.txt': WHATSAPP_ANNA,
      'z-messages.csv': WECHAT_MEMOTRACE,
    });
    await symlink('b-loop.txt', join(dir, 'b-loop.txt'));
    await symlink(join(dir, 'gone', 'chat.txt'), join(dir, 'c-dangling.txt'));
    execFileSync('mkfifo', [join(dir, 'd-pipe.txt')]);
    const out = join(await tempDir('unreadable-out'), 'reports');

    // Once walking the folder, once naming each file.
    for (const inputs of [
      [dir],
      ['b-loop.txt', 'c-dangling.txt', 'd-pipe.txt', 'a-WhatsApp Chat mit Anna.txt'].map((n) =>
        join(dir, n),
      ),
    ]) {
      const result = await scan([...inputs, '--out', out, '--format', 'json']);
      expect(result.code).toBe(2);
      expect(result.errorLines).toEqual([
        `chatleak: ${join(dir, 'b-loop.txt')}: cannot read (ELOOP)`,
        `chatleak: ${join(dir, 'c-dangling.txt')}: broken symbolic link (its target does not exist)`,
        expect.stringMatching(/d-pipe\.txt: not a regular file/),
      ]);
      expect(result.err).not.toMatch(STACK_LINE);
      const summary = await readSummary(out);
      expect(summary.failed.map((f) => f.path)).toEqual(
        ['b-loop.txt', 'c-dangling.txt', 'd-pipe.txt'].map((n) => join(dir, n)),
      );
      expect(summary.conversations.map((c) => c.source.path).sort()).toEqual(
        inputs.length === 1
          ? [join(dir, 'a-WhatsApp Chat mit Anna.txt'), join(dir, 'z-messages.csv')]
          : [join(dir, 'a-WhatsApp Chat mit Anna.txt')],
      );
    }
  });

  it('treats a folder named like a chat as a folder, and a file that became a folder as unreadable', async () => {
    const dir = await folderWith('dir-txt', { 'WhatsApp Chat mit Anna.txt': WHATSAPP_ANNA });
    const folder = join(dir, 'WhatsApp Chat mit Jordan.txt');
    await mkdir(folder);
    await writeFile(join(folder, 'WhatsApp Chat with Jordan Lee.txt'), WHATSAPP_JORDAN);
    const out = join(await tempDir('dir-txt-out'), 'reports');
    const result = await scan([folder, join(dir, 'WhatsApp Chat mit Anna.txt'), '--out', out]);
    expect(result.errorLines).toEqual([]);
    expect((await readSummary(out)).conversations).toHaveLength(2);

    // Between discovery and scanning a file may be replaced by a folder: parseFile names it.
    const parsed = await parseFile(folder, () => undefined);
    expect(parsed.conversations).toEqual([]);
    expect(parsed.errors.map((e) => e.format())).toEqual([`${folder}: cannot read (EISDIR)`]);
  });

  it.skipIf(isRoot)('names a file without read permission (chmod 000)', async () => {
    const dir = await folderWith('chmod', {
      'a-WhatsApp Chat mit Anna.txt': WHATSAPP_ANNA,
      'b-locked.txt': WHATSAPP_JORDAN,
    });
    await chmod(join(dir, 'b-locked.txt'), 0o000);
    const out = join(await tempDir('chmod-out'), 'reports');
    const result = await scan([dir, '--out', out, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.errorLines).toEqual([
      `chatleak: ${join(dir, 'b-locked.txt')}: cannot read (EACCES)`,
    ]);
    const summary = await readSummary(out);
    expect(summary.conversations.map((c) => c.source.path)).toEqual([
      join(dir, 'a-WhatsApp Chat mit Anna.txt'),
    ]);
  });
});

describe('a folder with a symlink loop', () => {
  it('finishes and scans the chat once', async () => {
    const root = await tempDir('loop');
    await mkdir(join(root, 'exports', 'whatsapp'), { recursive: true });
    await writeFile(join(root, 'exports', 'whatsapp', 'WhatsApp Chat mit Anna.txt'), WHATSAPP_ANNA);
    await symlink('..', join(root, 'exports', 'whatsapp', 'parent'));
    await symlink(root, join(root, 'exports', 'root'));
    const out = join(await tempDir('loop-out'), 'reports');
    const result = await scan([root, join(root, 'exports'), '--out', out, '--format', 'json']);
    expect(result.errorLines).toEqual([]);
    expect(result.code).toBe(1);
    const summary = await readSummary(out);
    expect(summary.totals.files).toBe(1);
    expect(summary.conversations.map((c) => c.source.path)).toEqual([
      join(root, 'exports', 'whatsapp', 'WhatsApp Chat mit Anna.txt'),
    ]);
    expect(summary.failed).toEqual([]);
  });
});

describe('file names that are not UTF-8', () => {
  it('names each in one line (invalid bytes escaped) instead of failing to open a mangled name', async () => {
    const dir = await folderWith('names', { 'a-WhatsApp Chat mit Anna.txt': WHATSAPP_ANNA });
    const raw = (...parts: Buffer[]): Buffer => Buffer.concat([Buffer.from(`${dir}/`), ...parts]);
    // Invalid bytes, a Latin-1 file name (Müller) and a Latin-1 folder name (Büro) with a chat in it.
    await writeFile(
      raw(Buffer.from([0x43, 0x68, 0x61, 0x74, 0xff, 0xfe]), Buffer.from('.txt')),
      WHATSAPP_JORDAN,
    );
    await writeFile(raw(Buffer.from('WhatsApp Chat mit Müller.txt', 'latin1')), WHATSAPP_ANNA);
    await mkdir(raw(Buffer.from('Büro', 'latin1')));
    await writeFile(raw(Buffer.from('Büro/chat.txt', 'latin1')), WHATSAPP_ANNA);
    // A non-UTF-8 name that is not a chat is skipped like any photo.
    await writeFile(raw(Buffer.from('Foto Müller.jpg', 'latin1')), Buffer.alloc(64));
    expect(await readdir(dir)).toHaveLength(5);

    const discovered = await discoverInputs([dir]);
    expect(discovered.files).toEqual([join(dir, 'a-WhatsApp Chat mit Anna.txt')]);
    expect(discovered.errors.map((e) => e.format())).toEqual([
      `${dir}/B\\xfcro: folder name is not valid UTF-8; not scanned (rename it to scan it)`,
      `${dir}/Chat\\xff\\xfe.txt: file name is not valid UTF-8; not scanned (rename it to scan it)`,
      `${dir}/WhatsApp Chat mit M\\xfcller.txt: file name is not valid UTF-8; not scanned (rename it to scan it)`,
    ]);

    const out = join(await tempDir('names-out'), 'reports');
    const result = await scan([dir, '--out', out, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.errorLines).toHaveLength(3);
    expect(result.errorLines.every((l) => !l.includes('\ufffd'))).toBe(true);
    const summary = await readSummary(out);
    expect(summary.failed).toHaveLength(3);
    expect(summary.conversations.map((c) => c.source.path)).toEqual([
      join(dir, 'a-WhatsApp Chat mit Anna.txt'),
    ]);
  });
});
