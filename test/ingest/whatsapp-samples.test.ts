import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/ingest/file-source.js';
import { memorySource, textInputFor } from '../../src/ingest/text-input.js';
import { readZip } from '../../src/ingest/zip.js';
import { whatsappParser } from '../../src/ingest/whatsapp/index.js';
import { toJsonlRecord } from '../../src/model/jsonl.js';
import { parseToRecords } from '../helpers/parse.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Sample {
  golden: string;
  path: string;
  title: string;
  format: string;
  isGroup: boolean;
  messages: number;
  participants: string[];
}

const SAMPLES: Sample[] = [
  {
    golden: 'whatsapp-android-de-group',
    path: 'samples/whatsapp/WhatsApp Chat mit Vertrieb Süd.txt',
    title: 'Vertrieb Süd',
    format: 'whatsapp-android',
    isGroup: true,
    messages: 48,
    participants: ['Anna Müller', 'Jonas Weber', 'Sabine Koch', '+49 30 90182017', 'Mehmet Yılmaz'],
  },
  {
    golden: 'whatsapp-android-en-us-1to1',
    path: 'samples/whatsapp/WhatsApp Chat with Jordan Lee.txt',
    title: 'Jordan Lee',
    format: 'whatsapp-android',
    isGroup: false,
    messages: 36,
    participants: ['Jordan Lee', 'Sam Rivera'],
  },
  {
    golden: 'whatsapp-ios-group',
    path: 'samples/whatsapp/WhatsApp Chat - Acme Procurement.zip',
    title: 'Acme Procurement',
    format: 'whatsapp-ios',
    isGroup: true,
    messages: 36,
    participants: ['Priya Shah', 'Oliver Grant', 'Mei Chen', 'Tom Baker', 'Daniel Novak'],
  },
  {
    golden: 'whatsapp-android-zh-1to1',
    path: 'samples/whatsapp/与王芳的 WhatsApp 聊天.txt',
    title: '王芳',
    format: 'whatsapp-android',
    isGroup: false,
    messages: 27,
    participants: ['王芳', '李明'],
  },
  {
    golden: 'whatsapp-legacy-ios-2016',
    path: 'samples/whatsapp/WhatsApp Chat with Sophia Hart.txt',
    title: 'Sophia Hart',
    format: 'whatsapp-legacy',
    isGroup: false,
    messages: 20,
    participants: ['Ethan Cole', 'Sophia H.'],
  },
];

/** The chat bytes of a sample: the file itself, or `_chat.txt` inside an iOS export zip. */
async function loadSample(path: string): Promise<{ bytes: Buffer; entry?: string }> {
  if (!path.endsWith('.zip')) return { bytes: await readFile(path) };
  const zip = await readZip(path);
  try {
    const source = zip.sources.find((s) => s.entry === '_chat.txt')!;
    const chunks: Uint8Array[] = [];
    for await (const chunk of await source.openBytes()) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks), entry: '_chat.txt' };
  } finally {
    zip.close();
  }
}

describe('WhatsApp samples match their golden JSONL', () => {
  it.each(SAMPLES)('$path', async (sample) => {
    const lines: string[] = [];
    const { bytes, entry } = await loadSample(root + sample.path);
    const source = entry
      ? memorySource(root + sample.path, bytes, { entry })
      : fileSource(root + sample.path);
    const [meta, ...more] = await whatsappParser.parse(textInputFor(source), (c, m) => {
      lines.push(JSON.stringify(toJsonlRecord(c.id, m)));
    });
    expect(more).toEqual([]);
    const golden = await readFile(`${root}test/fixtures/golden/${sample.golden}.jsonl`, 'utf8');
    expect(lines.join('\n') + '\n').toBe(golden);
    expect(meta).toMatchObject({
      title: sample.title,
      isGroup: sample.isGroup,
      source: { format: sample.format, encoding: 'utf-8' },
      coverage: { messages: sample.messages, unparsedLines: 0, warnings: [] },
    });
    expect(meta!.participants.map((p) => p.name)).toEqual(sample.participants);
    // Sniffing recognizes every sample from its head.
    const head = bytes.toString('utf8').slice(0, 4096);
    expect(whatsappParser.sniff(head, source)).toBe(true);
  });

  it.each(SAMPLES)('$path: identical for chunk sizes 1 and 7', async (sample) => {
    const { bytes, entry } = await loadSample(root + sample.path);
    const golden = await readFile(`${root}test/fixtures/golden/${sample.golden}.jsonl`, 'utf8');
    for (const chunkSize of [1, 7]) {
      const { conversations, messages } = await parseToRecords(
        whatsappParser,
        root + sample.path,
        bytes,
        entry ? { chunkSize, entry } : { chunkSize },
      );
      const id = conversations[0]!.id;
      expect(messages.map((m) => JSON.stringify(toJsonlRecord(id, m))).join('\n') + '\n').toBe(
        golden,
      );
    }
  });
});
