import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { buildConversationReport, writeConversationJson } from '../../src/report/json.js';
import type { RenderOptions } from '../../src/report/render-file.js';
import {
  mergeParts,
  packPart,
  scanPart,
  spillFilesOf,
  unpackPart,
  type PartResult,
} from '../../src/run/split-scan.js';
import { disposeScannedFile, scanFile, type ScannedFile } from '../../src/scan.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const INPUTS = [
  join(SAMPLES, 'whatsapp', 'WhatsApp Chat mit Vertrieb Süd.txt'),
  join(SAMPLES, 'whatsapp', 'WhatsApp Chat with Jordan Lee.txt'),
  join(SAMPLES, 'wechat', 'chatlog_20250303_20250305.csv'),
];

async function jsonReports(file: ScannedFile): Promise<string[]> {
  const out: string[] = [];
  for (const scanned of file.conversations) {
    const built = buildConversationReport(scanned, {
      generatedAt: '2026-11-23T10:00:00Z',
      version: '0.0.0-test',
      reveal: false,
    });
    let text = '';
    await writeConversationJson(
      (d) => {
        text += typeof d === 'string' ? d : Buffer.from(d).toString('utf8');
        return Promise.resolve();
      },
      built.report,
      built.findings(),
    );
    out.push(text);
  }
  return out;
}

describe('a file scanned in parts by message blocks', () => {
  it.each(INPUTS)('gives the same reports as one scan: %s', async (path) => {
    const dir = await mkdtemp(join(tmpdir(), 'chatleak-split-'));
    const render: RenderOptions = {
      outDir: dir,
      formats: ['json'],
      reveal: false,
      generatedAt: '2026-11-23T10:00:00Z',
      version: '0.0.0-test',
    };
    const whole = await scanFile(path, detectors, {
      reveal: false,
      asOf: new Date(render.generatedAt),
    });
    const parts = [];
    for (let part = 0; part < 3; part++) {
      // Packed and unpacked: what crossing threads does to the part's data.
      // Blocks of 3 messages, so every conversation is spread over all parts.
      const task = { kind: 'part', path, part, parts: 3, render, block: 3 } as const;
      parts.push(unpackPart(packPart(await scanPart(task))));
    }
    const merged = mergeParts(path, parts);
    expect(merged.conversations.length).toBe(whole.conversations.length);
    expect(merged.conversations.length).toBeGreaterThan(0);
    expect(await jsonReports(merged)).toEqual(await jsonReports(whole));
    for (const [i, c] of merged.conversations.entries()) {
      expect(c.digest.table).toEqual(whole.conversations[i]!.digest.table);
      expect(c.digest.timeline).toEqual(whole.conversations[i]!.digest.timeline);
    }
    disposeScannedFile(merged);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a packed part', () => {
  it('names its spill files without unpacking the rest, and unpacks to the same data', () => {
    const part = {
      conversations: [
        { store: { memory: [], spillPath: '/out/.chatleak-findings.1.aa.jsonl', total: 9000 } },
        { store: { memory: [], spillPath: null, total: 3 } },
        { store: { memory: [], spillPath: '/out/.chatleak-findings.1.bb.jsonl', total: 7000 } },
      ],
      errors: [{ message: 'x' }],
      skippedEntries: 2,
    } as unknown as PartResult;
    const packed = packPart(part);
    expect(packed.byteOffset).toBe(0);
    expect(packed.byteLength).toBe(packed.buffer.byteLength);
    expect(spillFilesOf(packed)).toEqual([
      '/out/.chatleak-findings.1.aa.jsonl',
      '/out/.chatleak-findings.1.bb.jsonl',
    ]);
    expect(unpackPart(packed)).toEqual(part);
  });
});
