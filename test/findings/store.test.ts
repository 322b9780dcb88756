import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { FindingStore } from '../../src/findings/store.js';
import type { Finding } from '../../src/model/finding.js';
import { buildConversationReport, writeConversationJson } from '../../src/report/json.js';
import { renderConversationPdf } from '../../src/report/pdf.js';
import { findingsOf, scanFile } from '../../src/scan.js';

const GROUP = join(
  import.meta.dirname,
  '..',
  '..',
  'samples',
  'whatsapp',
  'WhatsApp Chat mit Vertrieb Süd.txt',
);

function finding(index: number, text: string): Finding {
  return {
    id: `id-${index}`,
    detector: 'pii/email',
    category: 'pii',
    type: 'email',
    severity: 'medium',
    confidence: 0.9,
    location: { line: index + 1, column: 3, messageIndex: index },
    message: { timestamp: '2026-01-02T10:00:00', sender: 'Anna Müller' },
    value: 'a***@example.com',
    excerpt: text,
    explanation: 'test',
  };
}

async function collect(write: (w: (d: string | Uint8Array) => Promise<void>) => Promise<void>) {
  const parts: string[] = [];
  await write((d) => {
    parts.push(typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
    return Promise.resolve();
  });
  return parts.join('');
}

describe('FindingStore', () => {
  it('keeps few findings in memory and spills many to a private file it removes again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chatleak-store-'));
    const store = new FindingStore({ spillDir: dir, memoryFindings: 3 });
    // Multi-byte text and line breaks survive the trip through the file.
    const added = Array.from({ length: 2_500 }, (_, i) => finding(i, `Zeile ${i}\n客户 ✓ "${i}"`));
    for (const f of added.slice(0, 3)) store.add(f);
    expect(store.spilled).toBe(false);
    for (const f of added.slice(3)) store.add(f);
    expect(store.spilled).toBe(true);
    expect(store.count).toBe(2_500);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\.chatleak-findings\..*\.jsonl$/);
    expect(store.toArray()).toEqual(added);
    // Read twice, filtered: the file is read again from the start.
    expect(store.toArray((f) => f.location.messageIndex % 1000 === 0)).toEqual([
      added[0],
      added[1000],
      added[2000],
    ]);
    store.dispose();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('JSON report of a spilled conversation', () => {
  it('is byte for byte what JSON.stringify makes of the whole report, in memory or spilled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chatleak-spill-'));
    const context = { generatedAt: '2026-11-23T10:00:00Z', version: '0.0.0-test', reveal: false };
    const inMemory = (await scanFile(GROUP, detectors, { reveal: false })).conversations[0]!;
    const spilled = (
      await scanFile(GROUP, detectors, { reveal: false, spillDir: dir, memoryFindings: 2 })
    ).conversations[0]!;
    expect(inMemory.findings.spilled).toBe(false);
    expect(spilled.findings.spilled).toBe(true);
    expect(findingsOf(spilled)).toEqual(findingsOf(inMemory));

    const a = buildConversationReport(inMemory, context);
    const b = buildConversationReport(spilled, context);
    // The contract's key order: findings after summary, coverage last.
    const { coverage, ...head } = a.report;
    const whole = { ...head, findings: findingsOf(inMemory), coverage };
    const expected = `${JSON.stringify(whole, null, 2)}\n`;
    const fromMemory = await collect((w) => writeConversationJson(w, a.report, a.findings()));
    const fromDisk = await collect((w) => writeConversationJson(w, b.report, b.findings()));
    expect(fromMemory).toBe(expected);
    expect(fromDisk).toBe(expected);
    expect((JSON.parse(fromDisk) as { findings: unknown[] }).findings.length).toBeGreaterThan(2);
    expect(b.view).toEqual(a.view);
    expect((await renderConversationPdf(b.report, b.view)).length).toBeGreaterThan(1000);

    spilled.findings.dispose();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes an empty findings list as []', async () => {
    const scanned = (await scanFile(GROUP, [], { reveal: false })).conversations[0]!;
    const built = buildConversationReport(scanned, {
      generatedAt: '2026-11-23T10:00:00Z',
      version: '0.0.0-test',
      reveal: false,
    });
    const text = await collect((w) => writeConversationJson(w, built.report, built.findings()));
    expect(text).toContain('"findings": [],');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ ...built.report, findings: [] })));
    expect(await readFile(GROUP, 'utf8')).toContain('Vertrieb');
  });
});
