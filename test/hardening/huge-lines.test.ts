/**
 * 10 MB without a newline: the parsers finish and keep the message (or count it as unparsed with
 * a warning), and every detector together gets through one 10 MB message. No timings asserted:
 * a hang or a backtracking blowup shows as the (generous) test timeout.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { ConversationScanner } from '../../src/detect/run-detectors.js';
import { parseFile } from '../../src/ingest/index.js';
import type { ConversationMeta, Message } from '../../src/model/conversation.js';
import { readSummary, scan, tempDir, removeTempDirs } from './util.js';

afterAll(removeTempDirs);

const TEN_MB = 10 * 1024 * 1024;

/** Business chatter pasted over and over: digits, '@', separators, umlauts, CJK. */
const PIECES = [
  'Rechnung RE-2024-0815 an einkauf@example.com; ',
  'Tel. +49 30 1234567 / Fax 030-7654321 | ',
  'Lieferung KW 12, Betrag 1.234,56 EUR (netto) — ',
  'Zahlungsziel 30 Tage, Skonto 2 % bei Zahlung binnen 10 Tagen. ',
  'Ref#A1B2-C3D4:: user@sub.example.org>>>',
  '订单号 20240312-0042，请确认。',
  '"quoted", \'single\', a,b;c\td ',
  '@@@ ... --- +++ 0000 1111 9999 ',
];

function longText(chars: number, unit = PIECES.join('')): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/**
 * A long pasted document: the same kind of text, but an address and a phone number only every
 * `fillers` × 225 characters, as in a pasted report rather than a contact dump.
 */
const documentUnit = (fillers: number): string =>
  [
    'Position 4711 | Menge 12 × 3,5 kg | Lager B-07/3 | ',
    'Status: OK @ 09:14; nächster Lauf @ 10:30 — ',
    'Artikel #00042-XL, Charge 2024/03, Version 1.2.3; ',
    '订单 第3批 已发货，共 12 箱。',
    '==> [INFO] job=sync rc=0 t=0.42s <== ',
    'a,b;c|d/e\\f ... @@ -- ++ ',
  ]
    .join('')
    .repeat(fillers) + 'Kontakt: einkauf@example.com, Tel. +49 30 1234567. ';

const CSV_HEADER =
  'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';

interface Parsed {
  conversations: ConversationMeta[];
  messages: Message[];
  errors: string[];
}

async function parseOnDisk(name: string, content: string): Promise<Parsed> {
  const dir = await tempDir('huge');
  const path = join(dir, name);
  await writeFile(path, content);
  const messages: Message[] = [];
  const result = await parseFile(path, (_conversation, message) => messages.push(message));
  return {
    conversations: result.conversations,
    messages,
    errors: result.errors.map((e) => e.format()),
  };
}

describe('a 10 MB line', () => {
  it('WhatsApp: a file that is one 10 MB message without any newline', async () => {
    const body = longText(TEN_MB);
    const parsed = await parseOnDisk(
      'WhatsApp Chat mit Anna.txt',
      `12.03.24, 09:14 - Anna Weber: ${body}`,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.messages).toHaveLength(1);
    expect(parsed.messages[0]!.sender).toBe('Anna Weber');
    expect(parsed.messages[0]!.text.length).toBe(body.length);
    expect(parsed.messages[0]!.text === body).toBe(true);
    expect(parsed.conversations[0]!.coverage.unparsedLines).toBe(0);
  }, 60_000);

  it('WhatsApp: a 10 MB continuation line joins its message; the next header still starts one', async () => {
    const parsed = await parseOnDisk(
      'WhatsApp Chat mit Anna.txt',
      [
        `12.03.24, 09:14 - Anna Weber: Hallo`,
        longText(TEN_MB),
        '12.03.24, 09:20 - Tom Berger: Bitte nicht so lange Nachrichten.',
      ].join('\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.messages.map((m) => [m.line, m.sender, m.text.length])).toEqual([
      [1, 'Anna Weber', 'Hallo'.length + 1 + TEN_MB],
      [3, 'Tom Berger', 'Bitte nicht so lange Nachrichten.'.length],
    ]);
  }, 60_000);

  it('WeChat CSV: a 10 MB quoted field is named as unparsed; the next record survives', async () => {
    const field = longText(TEN_MB);
    const parsed = await parseOnDisk(
      'messages.csv',
      [
        `\uFEFF${CSV_HEADER}`,
        `101,7,1,0,0,1700012345,2,"${field.replace(/"/g, '""')}",2023-11-15 09:39:05,张三,Zhang San,wxid_k3j2h1g0f9e8`,
        '102,7,1,0,1,1700012400,2,好的，收到,2023-11-15 09:40:00,,小明,wxid_me1234567890',
        '',
      ].join('\r\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.messages.map((m) => [m.line, m.text])).toEqual([[3, '好的，收到']]);
    // A record is cut at 1,000,000 characters (records.ts): counted, and said in the report.
    const coverage = parsed.conversations[0]!.coverage;
    expect(coverage.unparsedLines).toBe(1);
    expect(coverage.warnings).toEqual(['line 2: record longer than 1,000,000 characters; skipped']);
  }, 60_000);

  it('WeChat CSV: a 10 MB unquoted field on the last line, without a newline', async () => {
    const field = longText(TEN_MB).replace(/[",\r\n]/g, ' ');
    const parsed = await parseOnDisk(
      'messages.csv',
      [
        CSV_HEADER,
        `101,7,1,0,0,1700012345,2,${field},2023-11-15 09:39:05,张三,Zhang San,wxid_k3j2h1g0f9e8`,
      ].join('\n'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.messages).toEqual([]);
    expect(parsed.conversations[0]!.coverage).toMatchObject({
      lines: 2,
      unparsedLines: 1,
      warnings: ['line 2: record longer than 1,000,000 characters; skipped'],
    });
  }, 60_000);

  it('every detector together finishes on one 10 MB message', () => {
    const scanner = new ConversationScanner(detectors, {
      id: 'huge',
      isGroup: true,
      platform: 'whatsapp',
    });
    // ~1,200 addresses and ~1,200 phone numbers.
    const text = longText(TEN_MB, documentUnit(40));
    scanner.scan({
      index: 0,
      line: 1,
      timestamp: '2024-03-12T09:10:00',
      sender: 'Tom Berger',
      kind: 'text',
      text: 'Schick mir bitte die Rechnung, hier kommt alles:',
    });
    const found = scanner.scan({
      index: 1,
      line: 2,
      timestamp: '2024-03-12T09:14:00',
      sender: 'Anna Weber',
      kind: 'text',
      text,
    });
    expect(found.filter((f) => f.type === 'email').length).toBeGreaterThan(1000);
    for (const finding of found) {
      expect(finding.start).toBeGreaterThanOrEqual(0);
      expect(finding.end).toBeLessThanOrEqual(text.length);
      expect(finding.start).toBeLessThan(finding.end);
    }
  }, 60_000);
});

describe('a 10 MB message end to end', () => {
  it('chatleak scan reports it like any other chat', async () => {
    const dir = await tempDir('huge-cli');
    const path = join(dir, 'WhatsApp Chat mit Anna.txt');
    await writeFile(
      path,
      `12.03.24, 09:10 - Tom Berger: Schick mir alles\n12.03.24, 09:14 - Anna Weber: ${longText(TEN_MB, documentUnit(400))}`,
    );
    const out = join(dir, 'reports');
    const result = await scan([path, '--out', out, '--format', 'json']);
    expect(result.errorLines).toEqual([]);
    // Addresses and phone numbers are below the default --fail-on high.
    expect(result.code).toBe(0);
    const summary = await readSummary(out);
    expect(summary.conversations.map((c) => c.conversation.messageCount)).toEqual([2]);
    expect(summary.totals.findings).toBeGreaterThan(200);
  }, 60_000);
});
