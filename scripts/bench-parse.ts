import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../src/ingest/index.js';
import { sizeOf, writeWeChatCsv, writeWhatsAppExport } from './bench-data.js';

/**
 * `npm run bench`: parse throughput and peak memory on generated exports. Each case runs in its own
 * process so its peak RSS is its own.
 */

const DATA = 'bench-data';
const CASES = [
  { name: 'WhatsApp Android .txt, 100 MB', path: `${DATA}/whatsapp-100mb.txt`, make: (p: string) => writeWhatsAppExport(p, 100) },
  { name: 'WeChat MemoTrace CSV, 100 MB', path: `${DATA}/wechat-100mb.csv`, make: (p: string) => writeWeChatCsv(p, 100) },
];

interface Measurement {
  seconds: number;
  messages: number;
  maxRssMb: number;
  errors: string[];
}

async function measure(path: string): Promise<Measurement> {
  let messages = 0;
  const start = process.hrtime.bigint();
  const result = await parseFile(path, () => {
    messages++;
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    seconds,
    messages,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    errors: result.errors.map((e) => e.format()),
  };
}

function inChild(path: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--measure', path], { stdio: 'inherit' });
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
    const m = await measure(process.argv[measureIndex + 1]!);
    process.send!(m);
    return;
  }
  console.log(`chatleak parse benchmark — ${new Date().toISOString()}, node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
  for (const c of CASES) {
    if (!existsSync(c.path)) {
      process.stderr.write(`generating ${c.path} …\n`);
      await c.make(c.path);
    }
    const bytes = await sizeOf(c.path);
    const m = await inChild(c.path);
    const mb = bytes / 1024 / 1024;
    console.log(
      `${c.name}: ${mb.toFixed(0)} MB, ${m.messages} messages in ${m.seconds.toFixed(2)} s → ` +
        `${(mb / m.seconds).toFixed(1)} MB/s, ${Math.round(m.messages / m.seconds).toLocaleString('en')} messages/s, ` +
        `peak RSS ${m.maxRssMb.toFixed(0)} MB${m.errors.length ? `, errors: ${m.errors.join('; ')}` : ''}`,
    );
  }
}

await main();
