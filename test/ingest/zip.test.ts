import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readZip } from '../../src/ingest/zip.js';
import { makeZip, type ZipEntrySpec } from '../helpers/zip.js';

async function zipOnDisk(entries: ZipEntrySpec[], name = 'export.zip'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chatleak-zip-'));
  const path = join(dir, name);
  await writeFile(path, await makeZip(entries));
  return path;
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const CHAT = '[3/27/22, 21:41:35] Dmitry S: Hello World\r\n';

describe('readZip', () => {
  it('#44 finds _chat.txt among media and takes the title from the zip name', async () => {
    const path = await zipOnDisk(
      [
        { name: '00000035-PHOTO-2022-03-27-21-41-55.jpg', data: Buffer.alloc(2048, 7) },
        { name: '_chat.txt', data: CHAT },
        { name: '__MACOSX/._chat.txt', data: 'x' },
      ],
      'WhatsApp Chat - Vertrieb Süd.zip',
    );
    const zip = await readZip(path);
    try {
      expect(zip.sources.map((s) => s.entry)).toEqual(['_chat.txt']);
      expect(zip.sources[0]!.titleHint).toBe('WhatsApp Chat - Vertrieb Süd.zip');
      expect(zip.skipped.filter((s) => s.media).map((s) => s.entry)).toEqual([
        '00000035-PHOTO-2022-03-27-21-41-55.jpg',
      ]);
      expect(await readAll(await zip.sources[0]!.openBytes())).toBe(CHAT);
      // Two-pass parsers open an entry twice.
      expect(await readAll(await zip.sources[0]!.openBytes())).toBe(CHAT);
    } finally {
      zip.close();
    }
  });

  it('#44 reads an Android chat with a non-ASCII NBSP name, and a GBK name without the UTF-8 flag', async () => {
    const gbkName = Buffer.from([
      0xc1, 0xc4, 0xcc, 0xec, 0xbc, 0xc7, 0xc2, 0xbc, 0x2e, 0x63, 0x73, 0x76,
    ]);
    const path = await zipOnDisk([
      { name: 'WhatsApp Chat mit Zoë\u00a0Weber.txt', data: CHAT },
      { name: gbkName, data: 'a,b\n' },
    ]);
    const zip = await readZip(path);
    try {
      expect(zip.sources.map((s) => s.entry)).toEqual([
        'WhatsApp Chat mit Zoë\u00a0Weber.txt',
        '聊天记录.csv',
      ]);
      expect(zip.sources[0]!.titleHint).toBe('WhatsApp Chat mit Zoë\u00a0Weber.txt');
    } finally {
      zip.close();
    }
  });

  it('refuses entries with ../ or absolute paths, and symlinks, naming each', async () => {
    const path = await zipOnDisk([
      { name: '../../etc/evil.txt', data: CHAT },
      { name: '/abs/chat.txt', data: CHAT },
      { name: 'link.txt', data: '/etc/passwd', mode: 0o120777 },
      { name: 'ok/_chat.txt', data: CHAT },
    ]);
    const zip = await readZip(path);
    try {
      expect(zip.sources.map((s) => s.entry)).toEqual(['ok/_chat.txt']);
      expect(zip.errors.map((e) => e.message)).toEqual([
        'zip entry "../../etc/evil.txt" has an unsafe path; not read',
        'zip entry "/abs/chat.txt" has an unsafe path; not read',
        'zip entry "link.txt" is a symbolic link; not read',
      ]);
      expect(zip.errors.every((e) => e.file === path)).toBe(true);
    } finally {
      zip.close();
    }
  });

  it('refuses an entry that inflates far beyond any text (zip bomb)', async () => {
    const path = await zipOnDisk([{ name: 'bomb.txt', data: Buffer.alloc(64 * 1024 * 1024) }]);
    const zip = await readZip(path);
    try {
      expect(zip.sources).toEqual([]);
      expect(zip.errors[0]!.message).toMatch(/would inflate to 67108864 bytes .*zip bomb/);
    } finally {
      zip.close();
    }
  });

  it('reports a truncated zip as one InputError naming the file', async () => {
    const bytes = await makeZip([{ name: '_chat.txt', data: CHAT.repeat(100) }]);
    const dir = await mkdtemp(join(tmpdir(), 'chatleak-zip-'));
    const path = join(dir, 'cut.zip');
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await readZip(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toMatch(/cut\.zip: not a readable zip file/);
  });
});
