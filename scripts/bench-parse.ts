import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { detectors } from '../detectors/index.js';
import { parseFile } from '../src/ingest/index.js';
import { scanFile } from '../src/scan.js';
import { sizeOf, writeWeChatCsv, writeWhatsAppExport, writeZipOf } from './bench-data.js';

/**
 * `npm run bench`: parse throughput and peak memory on generated exports. Each case runs in its own
 * process so its peak RSS is its own.
 */

const DATA = 'bench-data';
const CASES: Array<{
  mode?: 'parse' | 'scan';
  name: string;
  path: string;
  textPath?: string;
  make: (p: string) => Promise<unknown>;
}> = [
  {
    name: 'WhatsApp Android .txt, 100 MB',
    path: `${DATA}/whatsapp-100mb.txt`,
    make: (p: string) => writeWhatsAppExport(p, 100),
  },
  {
    name: 'WhatsApp iOS-style .zip of the same 100 MB',
    path: `${DATA}/whatsapp-100mb.zip`,
    textPath: `${DATA}/whatsapp-100mb.txt`,
    make: async (p: string) => {
      if (!existsSync(`${DATA}/whatsapp-100mb.txt`))
        await writeWhatsAppExport(`${DATA}/whatsapp-100mb.txt`, 100);
      await writeZipOf(`${DATA}/whatsapp-100mb.txt`, p);
    },
  },
  {
    name: 'WeChat MemoTrace CSV, 100 MB',
    path: `${DATA}/wechat-100mb.csv`,
    make: (p: string) => writeWeChatCsv(p, 100),
  },
  {
    mode: 'scan',
    name: 'Scan (parse + all detectors), WhatsApp .txt, 100 MB',
    path: `${DATA}/whatsapp-100mb.txt`,
    make: (p: string) => writeWhatsAppExport(p, 100),
  },
  {
    mode: 'scan',
    name: 'Scan (parse + all detectors), WeChat CSV, 100 MB',
    path: `${DATA}/wechat-100mb.csv`,
    make: (p: string) => writeWeChatCsv(p, 100),
  },
];

interface Measurement {
  seconds: number;
  messages: number;
  maxRssMb: number;
  errors: string[];
}

async function measure(path: string, mode: string): Promise<Measurement> {
  let messages = 0;
  const start = process.hrtime.bigint();
  let errors: string[];
  if (mode === 'scan') {
    const result = await scanFile(path, detectors, { reveal: false });
    messages = result.conversations.reduce((n, c) => n + c.conversation.coverage.messages, 0);
    errors = result.errors.map((e) => e.format());
  } else {
    const result = await parseFile(path, () => {
      messages++;
    });
    errors = result.errors.map((e) => e.format());
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, messages, maxRssMb: process.resourceUsage().maxRSS / 1024, errors };
}

function inChild(path: string, mode: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--measure', path, mode], {
      stdio: 'inherit',
    });
    child.once('message', (m) => resolve(m as Measurement));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`benchmark child exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const measureIndex = process.argv.indexOf('--measure');
  if (measureIndex !== -1) {
    const m = await measure(process.argv[measureIndex + 1]!, process.argv[measureIndex + 2]!);
    process.send!(m);
    return;
  }
  console.log(
    `chatleak parse benchmark — ${new Date().toISOString()}, node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`,
  );
  for (const c of CASES) {
    if (!existsSync(c.path)) {
      process.stderr.write(`generating ${c.path} …\n`);
      await c.make(c.path);
    }
    // Throughput is counted on the chat text, also when it is read out of a zip.
    const bytes = await sizeOf(c.textPath ?? c.path);
    const m = await inChild(c.path, c.mode ?? 'parse');
    const mb = bytes / 1024 / 1024;
    console.log(
      `${c.name}: ${mb.toFixed(0)} MB, ${m.messages} messages in ${m.seconds.toFixed(2)} s → ` +
        `${(mb / m.seconds).toFixed(1)} MB/s, ${Math.round(m.messages / m.seconds).toLocaleString('en')} messages/s, ` +
        `peak RSS ${m.maxRssMb.toFixed(0)} MB${m.errors.length ? `, errors: ${m.errors.join('; ')}` : ''}`,
    );
  }
}

await main();
