/**
 * Zips at the CLI level: an encrypted chat entry is refused with one line naming the zip and the
 * entry while the rest of the run goes on; a zip holding several chats gives one conversation
 * and one report each, under names unique within the run.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../../src/ingest/zip.js';
import type { ConversationReport } from '../../src/report/types.js';
import { makeZip } from '../helpers/zip.js';
import {
  STACK_LINE,
  WECHAT_MEMOTRACE,
  WHATSAPP_ANNA,
  WHATSAPP_JORDAN,
  folderWith,
  leftoverTempFiles,
  markEncrypted,
  readSummary,
  scan,
  tempDir,
  removeTempDirs,
} from './util.js';

afterAll(removeTempDirs);

describe('an encrypted zip entry', () => {
  it('is refused before any byte of it is read, naming the zip and the entry', async () => {
    const zip = markEncrypted(
      await makeZip([
        { name: '_chat.txt', data: WHATSAPP_JORDAN },
        { name: '00000012-PHOTO-2022-03-27-21-41-55.jpg', data: Buffer.alloc(512, 7) },
      ]),
      '_chat.txt',
    );
    const dir = await folderWith('encrypted', { 'WhatsApp Chat - Jordan Lee.zip': zip });
    const path = join(dir, 'WhatsApp Chat - Jordan Lee.zip');
    const contents = await readZip(path);
    try {
      expect(contents.sources).toEqual([]);
      expect(contents.errors.map((e) => e.format())).toEqual([
        `${path}: zip entry "_chat.txt" is encrypted; not read`,
      ]);
    } finally {
      contents.close();
    }
  });

  it('fails only its own zip: the other inputs of the run are scanned and reported', async () => {
    const encrypted = markEncrypted(
      await makeZip([{ name: '_chat.txt', data: WHATSAPP_JORDAN }]),
      '_chat.txt',
    );
    const mixed = markEncrypted(
      await makeZip([
        { name: 'WhatsApp Chat mit Anna Weber.txt', data: WHATSAPP_ANNA },
        { name: 'geheim/WhatsApp Chat mit Jordan.txt', data: WHATSAPP_JORDAN },
      ]),
      'geheim/WhatsApp Chat mit Jordan.txt',
    );
    const dir = await folderWith('encrypted-run', {
      'a-WhatsApp Chat - Jordan Lee.zip': encrypted,
      'b-mixed.zip': mixed,
      'c-WhatsApp Chat mit Anna.txt': WHATSAPP_ANNA,
      'd-messages.csv': WECHAT_MEMOTRACE,
    });
    const out = join(await tempDir('encrypted-out'), 'reports');
    const result = await scan([dir, '--out', out, '--format', 'json']);

    expect(result.code).toBe(2);
    expect(result.errorLines).toEqual([
      `chatleak: ${join(dir, 'a-WhatsApp Chat - Jordan Lee.zip')}: zip entry "_chat.txt" is encrypted; not read`,
      `chatleak: ${join(dir, 'b-mixed.zip')}: zip entry "geheim/WhatsApp Chat mit Jordan.txt" is encrypted; not read`,
    ]);
    expect(result.err).not.toMatch(STACK_LINE);

    const summary = await readSummary(out);
    expect(summary.failed).toEqual([
      {
        path: join(dir, 'a-WhatsApp Chat - Jordan Lee.zip'),
        line: null,
        error: 'zip entry "_chat.txt" is encrypted; not read',
      },
      {
        path: join(dir, 'b-mixed.zip'),
        line: null,
        error: 'zip entry "geheim/WhatsApp Chat mit Jordan.txt" is encrypted; not read',
      },
    ]);
    expect(summary.coverage.failedInputs).toBe(2);
    expect(summary.totals.failedInputs).toBe(2);
    // The readable entry of the mixed zip, the plain chat and the CSV are all there.
    expect(
      summary.conversations
        .map((c) => [
          c.source.path.slice(dir.length + 1),
          c.source.entry,
          c.conversation.messageCount,
        ])
        .sort(),
    ).toEqual([
      ['b-mixed.zip', 'WhatsApp Chat mit Anna Weber.txt', 3],
      ['c-WhatsApp Chat mit Anna.txt', null, 3],
      ['d-messages.csv', null, 2],
    ]);
    for (const entry of summary.conversations) {
      await expect(stat(join(out, entry.reports.json!))).resolves.toBeTruthy();
    }
    expect(await leftoverTempFiles(out)).toEqual([]);
  });
});

describe('several chats in one zip', () => {
  it('gives each chat entry its own conversation and report, under unique names', async () => {
    const zip = await makeZip([
      { name: 'WhatsApp Chat mit Anna Weber.txt', data: WHATSAPP_ANNA },
      { name: 'WhatsApp Chat with Jordan Lee.txt', data: WHATSAPP_JORDAN },
      // Two iOS exports zipped together: both entries are `_chat.txt` and take the zip's name.
      { name: 'einkauf/_chat.txt', data: WHATSAPP_ANNA },
      { name: 'vertrieb/_chat.txt', data: WHATSAPP_JORDAN },
      { name: 'wechat/messages.csv', data: WECHAT_MEMOTRACE },
      { name: 'einkauf/00000003-PHOTO-2024-03-12-09-20-01.jpg', data: Buffer.alloc(256, 1) },
    ]);
    const dir = await tempDir('multi');
    const path = join(dir, 'Export Team.zip');
    await writeFile(path, zip);
    const out = join(dir, 'reports');
    const result = await scan([path, '--out', out]);

    expect(result.errorLines).toEqual([]);
    expect(result.code).toBe(1); // the IBAN is a high finding
    const summary = await readSummary(out);
    expect(summary.failed).toEqual([]);
    expect(summary.totals.files).toBe(1);
    expect(summary.coverage.skippedEntries).toBe(1);
    const byEntry = new Map(summary.conversations.map((c) => [c.source.entry, c]));
    expect([...byEntry.keys()].sort()).toEqual([
      'WhatsApp Chat mit Anna Weber.txt',
      'WhatsApp Chat with Jordan Lee.txt',
      'einkauf/_chat.txt',
      'vertrieb/_chat.txt',
      'wechat/messages.csv',
    ]);
    expect(
      summary.conversations.map((c) => [c.source.entry, c.conversation.platform]).sort(),
    ).toEqual([
      ['WhatsApp Chat mit Anna Weber.txt', 'whatsapp'],
      ['WhatsApp Chat with Jordan Lee.txt', 'whatsapp'],
      ['einkauf/_chat.txt', 'whatsapp'],
      ['vertrieb/_chat.txt', 'whatsapp'],
      ['wechat/messages.csv', 'wechat'],
    ]);
    expect(new Set(summary.conversations.map((c) => c.conversation.id)).size).toBe(5);

    // One JSON and one PDF per conversation, none sharing a name, each on disk and pointing back
    // at its own entry.
    const names = summary.conversations.flatMap((c) => [c.reports.json!, c.reports.pdf!]);
    expect(new Set(names).size).toBe(10);
    for (const entry of summary.conversations) {
      const report = JSON.parse(
        await readFile(join(out, entry.reports.json!), 'utf8'),
      ) as ConversationReport;
      expect(report.source.path).toBe(path);
      expect(report.source.entry).toBe(entry.source.entry);
      expect(report.conversation.id).toBe(entry.conversation.id);
      expect((await stat(join(out, entry.reports.pdf!))).size).toBeGreaterThan(0);
    }
    expect(await leftoverTempFiles(out)).toEqual([]);
  });
});
