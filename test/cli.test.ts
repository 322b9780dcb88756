import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { run } from '../src/cli/program.js';
import { makeZip } from './helpers/zip.js';

const ANDROID = [
  '29.01.18, 12:24 - Mallory Schmidt: Hey! :)',
  'zweite Zeile',
  '29.01.18, 12:25 - Ben Wagner: Die IBAN ist DE89 3704 0044 0532 0130 00',
  '',
].join('\n');

const MEMOTRACE = [
  '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
  '101,7,1,0,0,1700012345,2,明天的会议改到下午三点,2023-11-15 09:39:05,张三,Zhang San,wxid_k3j2h1g0f9e8',
  '102,7,1,0,1,1700012400,2,"好的，收到',
  '我会通知其他人",2023-11-15 09:40:00,,小明,wxid_me1234567890',
  '',
].join('\r\n');

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chatleak-cli-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('chatleak parse --jsonl', () => {
  it('prints one contract record per message, with the start line of multi-line messages', async () => {
    const dir = await folder({ 'WhatsApp Chat mit Ben.txt': ANDROID });
    const io = memoryIo();
    const code = await run(['parse', join(dir, 'WhatsApp Chat mit Ben.txt'), '--jsonl'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const records = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map(({ conversationId: _id, ...rest }) => rest)).toEqual([
      {
        index: 0,
        line: 1,
        timestamp: '2018-01-29T12:24:00',
        sender: 'Mallory Schmidt',
        kind: 'text',
        text: 'Hey! :)\nzweite Zeile',
      },
      {
        index: 1,
        line: 3,
        timestamp: '2018-01-29T12:25:00',
        sender: 'Ben Wagner',
        kind: 'text',
        text: 'Die IBAN ist DE89 3704 0044 0532 0130 00',
      },
    ]);
    expect(Object.keys(records[0]!)).toEqual([
      'conversationId',
      'index',
      'line',
      'timestamp',
      'sender',
      'kind',
      'text',
    ]);
    expect(new Set(records.map((r) => r.conversationId)).size).toBe(1);
  });

  it('reads a WeChat CSV with a BOM, CRLF and a quoted multi-line field', async () => {
    const dir = await folder({ '张三_utf8.csv': MEMOTRACE });
    const io = memoryIo();
    expect(await run(['parse', join(dir, '张三_utf8.csv'), '--jsonl'], io)).toBe(0);
    const records = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.line, r.timestamp, r.kind, r.text])).toEqual([
      [2, '2023-11-15T09:39:05', 'text', '明天的会议改到下午三点'],
      [3, '2023-11-15T09:40:00', 'text', '好的，收到\n我会通知其他人'],
    ]);
  });
});

describe('bad input', () => {
  it('names each bad input in one line, exits 2, and still parses the good ones', async () => {
    const zip = await makeZip([{ name: '../evil.txt', data: ANDROID }]);
    const dir = await folder({
      'a-empty.txt': '',
      'b-binary.txt': Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9, 0, 0, 0]),
      'c-notes.txt': 'Einkaufsliste\nMilch\nBrot\n',
      'd-good.txt': ANDROID,
      'e-evil.zip': zip,
      'f-cut.zip': zip.subarray(0, 40),
    });
    const io = memoryIo();
    const out = await mkdtemp(join(tmpdir(), 'chatleak-cli-out-'));
    const code = await run(['scan', dir, '--out', out], io);
    expect(code).toBe(2);
    const errors = io
      .err()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('chatleak: /'));
    expect(errors).toEqual([
      `chatleak: ${join(dir, 'a-empty.txt')}: empty file`,
      `chatleak: ${join(dir, 'b-binary.txt')}: binary data, not a chat export`,
      expect.stringMatching(
        /c-notes\.txt: not a WhatsApp chat export \(\.txt\) or a WeChat backup CSV/,
      ),
      `chatleak: ${join(dir, 'e-evil.zip')}: zip entry "../evil.txt" has an unsafe path; not read`,
      expect.stringMatching(/f-cut\.zip: not a readable zip file/),
    ]);
    // The good input is still scanned and reported; stdout stays empty.
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/chatleak: 6 files, 1 conversation, 2 messages, /);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      conversations: Array<{ source: { path: string }; conversation: { messageCount: number } }>;
      failed: Array<{ path: string; error: string }>;
    };
    expect(summary.conversations.map((c) => [c.source.path, c.conversation.messageCount])).toEqual([
      [join(dir, 'd-good.txt'), 2],
    ]);
    expect(summary.failed).toHaveLength(5);
    expect(io.err()).not.toMatch(/\n\s+at /); // no stack traces
  });

  it('exits 2 with a one-line error for a missing input', async () => {
    const io = memoryIo();
    expect(await run(['scan', '/nonexistent/chat.txt'], io)).toBe(2);
    expect(io.err().split('\n')[0]).toBe('chatleak: /nonexistent/chat.txt: no such file or folder');
    const quiet = memoryIo();
    expect(await run(['scan', '--quiet', '/nonexistent/chat.txt'], quiet)).toBe(2);
    expect(quiet.err()).toBe('chatleak: /nonexistent/chat.txt: no such file or folder\n');
  });

  it('exits 2 on a usage error and 0 on --help', async () => {
    expect(await run(['frobnicate'], memoryIo())).toBe(2);
    const io = memoryIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('scan');
  });
});

describe('chatleak detectors', () => {
  it('lists every detector with category and severity', async () => {
    const io = memoryIo();
    expect(await run(['detectors', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out()) as Array<{ id: string; category: string; severity: string }>;
    expect(rows.find((r) => r.id === 'pii/iban')).toMatchObject({
      category: 'pii',
      severity: 'high',
    });
  });
});

describe('--fail-on-incomplete', () => {
  it('exits 2 when a zip entry was not examined, and says so', async () => {
    const out = await mkdtemp(join(tmpdir(), 'chatleak-incomplete-'));
    const zip = 'samples/whatsapp/WhatsApp Chat - Acme Procurement.zip';
    const plain = memoryIo();
    expect(await run(['scan', zip, '--out', out, '--quiet'], plain)).toBe(1);
    const strict = memoryIo();
    expect(await run(['scan', zip, '--out', out, '--quiet', '--fail-on-incomplete'], strict)).toBe(
      2,
    );
    expect(strict.err()).toMatch(/incomplete: 0 unparsed lines, 3 zip entries not examined/);
  });
});
