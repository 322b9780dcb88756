/** Shared inputs and helpers of the hardening tests: fictitious people, example.com addresses. */
import { lstat, mkdtemp, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import type { RunSummary } from '../../src/report/types.js';

/** An Android export (German locale) of a 1:1 chat with an e-mail address and an IBAN. */
export const WHATSAPP_ANNA = [
  '12.03.24, 09:14 - Anna Weber: Guten Morgen! Schickst du mir das Angebot?',
  '12.03.24, 09:16 - Tom Berger: Klar, geht an anna.weber@example.com',
  '12.03.24, 09:17 - Anna Weber: Danke. Die IBAN ist DE89 3704 0044 0532 0130 00',
  '',
].join('\n');

/** An iOS export (English locale) of a 1:1 chat. */
export const WHATSAPP_JORDAN = [
  '[3/27/22, 21:41:35] Jordan Lee: Can you send the invoice to billing@example.org?',
  '[3/27/22, 21:42:10] Sam Price: Sure, tomorrow morning.',
  '',
].join('\r\n');

/** A MemoTrace WeChat CSV: one conversation, a multi-line quoted field. */
export const WECHAT_MEMOTRACE = [
  '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
  '101,7,1,0,0,1700012345,2,明天的会议改到下午三点,2023-11-15 09:39:05,张三,Zhang San,wxid_k3j2h1g0f9e8',
  '102,7,1,0,1,1700012400,2,"好的，收到',
  '我会通知其他人",2023-11-15 09:40:00,,小明,wxid_me1234567890',
  '',
].join('\r\n');

const created: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `chatleak-hardening-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes by raw bytes, so names that are not UTF-8 go too (`fs.rm` cannot open those). */
async function removeTree(path: Buffer): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) {
    await unlink(path);
    return;
  }
  for (const name of await readdir(path, { encoding: 'buffer' })) {
    await removeTree(Buffer.concat([path, Buffer.from('/'), name]));
  }
  await rmdir(path);
}

/** For `afterAll`: removes every folder `tempDir` made in this test file (10 MB inputs among them). */
export async function removeTempDirs(): Promise<void> {
  for (const dir of created.splice(0)) await removeTree(Buffer.from(dir));
}

/** Creates `dir` with the given files (names relative to it) and returns it. */
export async function folderWith(
  prefix: string,
  files: Record<string, string | Buffer>,
): Promise<string> {
  const dir = await tempDir(prefix);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

export interface ScanResult {
  code: number;
  err: string;
  /** Lines of stderr that name a path (the one-line errors). */
  errorLines: string[];
}

/** Runs `chatleak scan <args> --quiet` in-process. */
export async function scan(args: string[]): Promise<ScanResult> {
  const io = memoryIo();
  const code = await run(['scan', ...args, '--quiet'], io);
  const err = io.err();
  return {
    code,
    err,
    errorLines: err.split('\n').filter((l) => l.startsWith('chatleak: /')),
  };
}

export async function readSummary(out: string): Promise<RunSummary> {
  return JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as RunSummary;
}

/** Temp files a run might have left: reports are written under `.<name>.<pid>.<hex>.tmp`. */
export async function leftoverTempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith('.') || n.endsWith('.tmp'));
}

/** A stack trace line: errors must be one line, never a trace. */
export const STACK_LINE = /\n\s+at /;

/**
 * Sets general purpose bit 0 (traditional PKWARE encryption) on the entry named `name` in both
 * its local and its central directory header. yazl cannot encrypt, so this is how a test gets an
 * "encrypted" entry; the data is left as is (a reader must refuse it before looking at it).
 */
export function markEncrypted(zip: Buffer, name: string): Buffer {
  const bytes = Buffer.from(zip);
  const wanted = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const signature = bytes.readUInt32LE(at);
    // Local file header: flags at +6, name length at +26, name at +30.
    // Central directory header: flags at +8, name length at +28, name at +46.
    const layout =
      signature === 0x04034b50
        ? { flags: 6, nameLength: 26, name: 30 }
        : signature === 0x02014b50
          ? { flags: 8, nameLength: 28, name: 46 }
          : null;
    if (layout === null || at + layout.name > bytes.length) continue;
    const length = bytes.readUInt16LE(at + layout.nameLength);
    const start = at + layout.name;
    if (length !== wanted.length || !bytes.subarray(start, start + length).equals(wanted)) continue;
    bytes.writeUInt16LE(bytes.readUInt16LE(at + layout.flags) | 0x1, at + layout.flags);
    patched++;
  }
  if (patched !== 2) throw new Error(`expected a local and a central header for ${name}`);
  return bytes;
}
