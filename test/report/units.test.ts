import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { memoryIo } from '../../src/cli/io.js';
import {
  maskDigitRuns,
  NameRegistry,
  reportBaseName,
  safeSegment,
} from '../../src/report/file-names.js';
import { loadFonts, pdfText } from '../../src/report/fonts.js';
import { LanguageTally } from '../../src/report/languages.js';
import { recommendationsFor } from '../../src/report/recommendations.js';
import { bucketByTime } from '../../src/report/timeline.js';

describe('report file names', () => {
  it('keeps Chinese and umlauts readable and replaces unsafe characters', () => {
    expect(safeSegment('与王芳的 WhatsApp 聊天')).toBe('与王芳的-WhatsApp-聊天');
    expect(safeSegment('WhatsApp Chat mit Vertrieb Süd')).toBe('WhatsApp-Chat-mit-Vertrieb-Süd');
    expect(safeSegment('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeSegment('../../etc/passwd')).toBe('etc-passwd');
    expect(safeSegment('.hidden')).toBe('hidden');
  });

  it('masks phone numbers and long ids but not dates', () => {
    expect(maskDigitRuns('WhatsApp Chat with +49 151 23456789')).toBe(
      'WhatsApp Chat with +49 1xx xxxxxx89',
    );
    expect(maskDigitRuns('28846270312@chatroom')).toBe('288xxxxxx12@chatroom');
    expect(maskDigitRuns('chatlog_20250303_20250305')).toBe('chatlog_20250303_20250305');
    expect(maskDigitRuns('Export 03.03.2025')).toBe('Export 03.03.2025');
    expect(maskDigitRuns('Team 42')).toBe('Team 42');
  });

  it('derives names from the input and, where needed, the conversation', () => {
    expect(
      reportBaseName({
        path: 'x/WhatsApp Chat mit Vertrieb Süd.txt',
        title: 'Vertrieb Süd',
        siblings: 1,
      }),
    ).toBe('WhatsApp-Chat-mit-Vertrieb-Süd');
    expect(reportBaseName({ path: 'x/messages.csv', title: '项目三组', siblings: 3 })).toBe(
      'messages--项目三组',
    );
    expect(
      reportBaseName({
        path: 'x/WhatsApp Chat - Acme.zip',
        entry: '_chat.txt',
        title: 'Acme',
        siblings: 1,
      }),
    ).toBe('WhatsApp-Chat-Acme');
    const phone = reportBaseName({
      path: 'x/WhatsApp Chat with +49 151 23456789.txt',
      title: '+49 151 23456789',
      siblings: 1,
    });
    expect(phone).not.toMatch(/2345678/);
    expect(phone).toMatch(/^[\p{L}\p{N}._-]+$/u);
  });

  it('hands out names unique within a run, case-insensitively, never "summary"', () => {
    const names = new NameRegistry();
    expect(names.claim('chat')).toBe('chat');
    expect(names.claim('chat')).toBe('chat-2');
    expect(names.claim('Chat')).toBe('Chat-3');
    expect(names.claim('summary')).toBe('summary-2');
  });

  it('limits the length of a name in bytes', () => {
    const long = reportBaseName({ path: `${'聊'.repeat(200)}.txt`, title: 'x', siblings: 2 });
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(240);
  });
});

describe('pdfText', () => {
  const font = loadFonts().body;

  it('names emoji instead of drawing tofu boxes', () => {
    expect(pdfText('Danke 👍🏽 ✅ 🙏', font)).toBe('Danke :thumbs-up: :check: :pray:');
    expect(pdfText('Team 👨‍👩‍👧 🇩🇪 🦩', font)).toBe('Team :emoji: :flag-de: :emoji:');
  });

  it('keeps Chinese, umlauts and symbols the font has, and replaces what it lacks', () => {
    expect(pdfText('王芳 合同 Größe ⏎ € → ⚽', font)).toBe('王芳 合同 Größe ⏎ € → ⚽');
    expect(pdfText('Mehmet Yılmaz', font)).toBe('Mehmet Yilmaz');
    expect(pdfText('a\u200Eb\u202Ec\u0007d', font)).toBe('abcd');
    expect(pdfText('participant’s', font)).toBe("participant's");
  });
});

describe('timeline buckets', () => {
  it('uses days for short periods and pads them to a readable width', () => {
    const { unit, buckets } = bucketByTime([
      { timestamp: '2024-03-05T09:30:00', key: 'pii' },
      { timestamp: '2024-03-05T10:30:00', key: 'pii' },
      { timestamp: '2024-03-06T10:30:00', key: 'contract' },
    ]);
    expect(unit).toBe('day');
    expect(buckets.length).toBe(7);
    const march5 = buckets.find((b) => b.label === '2024-03-05');
    expect(march5?.counts).toEqual({ pii: 2 });
  });

  it('uses weeks (from Monday), months or years as the period grows', () => {
    const weeks = bucketByTime([
      { timestamp: '2024-03-06T00:00:00', key: 'a' },
      { timestamp: '2024-04-20T00:00:00', key: 'a' },
    ]);
    expect(weeks.unit).toBe('week');
    expect(weeks.buckets[0]?.label).toBe('2024-03-04');
    const months = bucketByTime([
      { timestamp: '2023-01-06T00:00:00', key: 'a' },
      { timestamp: '2024-04-20T00:00:00', key: 'a' },
    ]);
    expect(months.unit).toBe('month');
    expect(months.buckets.map((b) => b.label)).toContain('2023-07');
    expect(months.buckets.reduce((n, b) => n + (b.counts.a ?? 0), 0)).toBe(2);
    const years = bucketByTime([
      { timestamp: '2012-01-06T00:00:00', key: 'a' },
      { timestamp: '2024-04-20T00:00:00', key: 'a' },
      { timestamp: '', key: 'a' },
    ]);
    expect(years.unit).toBe('year');
    expect(years.undated).toBe(1);
  });
});

describe('languages', () => {
  it('guesses zh, de and en from message text', () => {
    const tally = new LanguageTally();
    for (const text of ['明天的会议改到下午三点', '好的，收到', '合同已经发给你了'])
      tally.add(text);
    for (const text of ['Guten Morgen zusammen!', 'Die Größe passt nicht']) tally.add(text);
    tally.add('Thanks, see you tomorrow');
    expect(tally.result()).toEqual(['zh', 'de', 'en']);
    expect(new LanguageTally().result()).toEqual([]);
  });
});

describe('recommendations', () => {
  it('ties each recommendation to what was found', () => {
    const titles = (byType: Record<string, number>, byCategory: Record<string, number>) =>
      recommendationsFor({
        summary: {
          byType,
          byCategory: { pii: 0, contract: 0, credential: 0, work: 0, ...byCategory },
        },
        platform: 'wechat',
        isGroup: true,
        participants: 5,
      }).map((r) => r.title);
    expect(titles({}, {})).toEqual(['No action needed']);
    expect(
      titles(
        { password: 1, iban: 2, 'payment-card': 1, price: 1, 'work-discussion': 3 },
        { credential: 1, pii: 3, contract: 1, work: 3 },
      ),
    ).toEqual([
      'Rotate the shared credentials now',
      'Remove customer data from the chat',
      'Have shared payment cards replaced',
      'Move contract talk to approved channels',
      'Stop work talk in the group',
    ]);
  });
});

describe('progress', () => {
  it('draws on a terminal only, and clears its line before other output', () => {
    const io = memoryIo();
    let clock = 0;
    const progress = createProgress(io.stderr, { enabled: true, files: 2, now: () => clock });
    for (let i = 0; i < 600; i++) progress.message(i === 0 ? 2 : 0);
    clock += 1000;
    progress.fileDone();
    progress.log('chatleak: x.txt: empty file');
    progress.done();
    const err = io.err();
    expect(err).toContain('1/2 files · 600 messages · 2 findings');
    expect(err).toContain('\r\x1b[Kchatleak: x.txt: empty file\n');
    expect(err.endsWith('\r\x1b[K')).toBe(true);

    const quiet = memoryIo();
    const off = createProgress(quiet.stderr, { enabled: false, files: 2 });
    off.message(1);
    off.fileDone();
    off.done();
    expect(quiet.err()).toBe('');
  });
});
