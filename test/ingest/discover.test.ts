import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs } from '../../src/ingest/discover.js';

describe('discoverInputs', () => {
  it('walks folders recursively in sorted order, picking chat files only', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chatleak-discover-'));
    await mkdir(join(root, 'b', 'deep'), { recursive: true });
    await writeFile(join(root, 'b', 'deep', 'WhatsApp Chat mit Anna.txt'), 'x');
    await writeFile(join(root, 'a.csv'), 'x');
    await writeFile(join(root, 'export.ZIP'), 'x');
    await writeFile(join(root, 'photo.jpg'), 'x');
    await writeFile(join(root, '.hidden.txt'), 'x');
    const { files, errors } = await discoverInputs([root]);
    expect(errors).toEqual([]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual([
      'a.csv',
      join('b', 'deep', 'WhatsApp Chat mit Anna.txt'),
      'export.ZIP',
    ]);
  });

  it('survives a symlink loop and visits each file once', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chatleak-discover-'));
    await mkdir(join(root, 'chats'));
    await writeFile(join(root, 'chats', 'chat.txt'), 'x');
    await symlink(root, join(root, 'chats', 'loop'));
    const { files, errors } = await discoverInputs([root, join(root, 'chats', 'chat.txt')]);
    expect(errors).toEqual([]);
    expect(files).toEqual([join(root, 'chats', 'chat.txt')]);
  });

  it('names a missing input in a one-line error and keeps the others', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chatleak-discover-'));
    await writeFile(join(root, 'chat.txt'), 'x');
    const missing = join(root, 'nope.txt');
    const { files, errors } = await discoverInputs([missing, join(root, 'chat.txt')]);
    expect(files).toEqual([join(root, 'chat.txt')]);
    expect(errors.map((e) => e.format())).toEqual([`${missing}: no such file or folder`]);
  });

  it('takes an explicitly named file whatever its extension', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chatleak-discover-'));
    await writeFile(join(root, 'chat.export'), 'x');
    expect((await discoverInputs([join(root, 'chat.export')])).files).toEqual([
      join(root, 'chat.export'),
    ]);
  });
});
