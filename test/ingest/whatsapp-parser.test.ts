import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { conversationId } from '../../src/ingest/conversation-builder.js';
import { memorySource, textInputFor } from '../../src/ingest/text-input.js';
import { whatsappParser } from '../../src/ingest/whatsapp/index.js';
import { chatTitle } from '../../src/ingest/whatsapp/title.js';
import { parseToRecords } from '../helpers/parse.js';
import { BOM, LRE, LRM, NBSP, NNBSP, PDF, RLM, lines, row, wa } from './whatsapp-util.js';

const IOS_MIXED = [
  `${BOM}[14.08.2024, 21:00:09] Vertrieb Süd: ${LRM}Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.`,
  '[14.08.2024, 21:00:10] Boris: Boris created group “Vertrieb Süd”',
  `${LRM}[14.08.2024, 21:01:00] ~${NNBSP}Jürgen Müller: IBAN DE89 3704 0044 0532 0130 00 👩\u200d💻`,
  'zweite Zeile mit Umlauten äöü und 中文',
  '',
  '2016-04-29 10:30:00 stays',
  `[14.08.2024, 21:02:00] ${LRE}+49${NBSP}30${NBSP}901820${PDF}: ${LRM}image omitted`,
  `[15.08.2024, 09:12:33] Boris: Vertrag.pdf • ${LRM}3 Seiten ${LRM}Dokument weggelassen`,
  `\ufeff[15.08.2024, 09:13:00] Boris: ok ${LRM}<This message was edited>`,
].join('\r\n');

describe('WhatsApp parser: streaming and chunk boundaries', () => {
  it('gives identical results for chunk sizes 1, 7 and 64 KiB', async () => {
    const whole = await parseToRecords(
      whatsappParser,
      'WhatsApp Chat - Vertrieb Süd.zip',
      IOS_MIXED,
    );
    for (const chunkSize of [1, 7]) {
      const chunked = await parseToRecords(
        whatsappParser,
        'WhatsApp Chat - Vertrieb Süd.zip',
        IOS_MIXED,
        {
          chunkSize,
        },
      );
      expect(chunked.records).toEqual(whole.records);
      expect(chunked.messages).toEqual(whole.messages);
      expect(chunked.conversations).toEqual(whole.conversations);
    }
    expect(
      whole.records.map(({ line, timestamp, sender, kind, text }) =>
        row(line, timestamp, sender, kind, text),
      ),
    ).toEqual([
      row(
        1,
        '2024-08-14T21:00:09',
        null,
        'system',
        'Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.',
      ),
      row(2, '2024-08-14T21:00:10', null, 'system', 'Boris created group “Vertrieb Süd”'),
      row(
        3,
        '2024-08-14T21:01:00',
        'Jürgen Müller',
        'text',
        'IBAN DE89 3704 0044 0532 0130 00 👩\u200d💻\nzweite Zeile mit Umlauten äöü und 中文\n\n2016-04-29 10:30:00 stays',
      ),
      row(7, '2024-08-14T21:02:00', `+49${NBSP}30${NBSP}901820`, 'media', 'image omitted'),
      row(
        8,
        '2024-08-15T09:12:33',
        'Boris',
        'media',
        'Vertrag.pdf • 3 Seiten Dokument weggelassen',
      ),
      row(9, '2024-08-15T09:13:00', 'Boris', 'text', 'ok'),
    ]);
    const [meta] = whole.conversations;
    expect(meta).toMatchObject({
      title: 'Vertrieb Süd',
      platform: 'whatsapp',
      isGroup: true,
      groupEvidence: [
        'system event: created group',
        'encryption notice authored by non-participant "Vertrieb Süd"',
        'non-contact author (~)',
        '3 distinct authors',
      ],
      firstMessageAt: '2024-08-14T21:00:09',
      lastMessageAt: '2024-08-15T09:13:00',
      source: {
        path: 'WhatsApp Chat - Vertrieb Süd.zip',
        format: 'whatsapp-ios',
        encoding: 'utf-8',
      },
      coverage: { lines: 9, messages: 6, system: 2, media: 2, unparsedLines: 0, warnings: [] },
    });
    expect(meta!.participants).toEqual([
      { name: 'Boris', messages: 2 },
      { name: `+49${NBSP}30${NBSP}901820`, messages: 1 },
      { name: 'Jürgen Müller', messages: 1 },
    ]);
    expect(whole.messages[2]!.nonContact).toBe(true);
    expect(whole.messages[4]!.attachment).toBe('Vertrag.pdf');
    expect(whole.messages[5]!.edited).toBe(true);
  });

  it('reads the input exactly twice (layout pass, message pass) and stops the first pass early', async () => {
    const header = (i: number): string =>
      `${String((i % 28) + 1).padStart(2, '0')}/03/2022, 10:00 - A: m${i}`;
    // Larger than the 64 KiB the decoder buffers before its first chunk.
    const content = Array.from({ length: 8000 }, (_, i) => header(i)).join('\n');
    const source = memorySource('WhatsApp Chat with A.txt', content, { chunkSize: 4096 });
    let opens = 0;
    let chunksRead = 0;
    const counted = {
      ...source,
      async openBytes() {
        opens++;
        const inner = await source.openBytes();
        return (async function* count() {
          for await (const chunk of inner) {
            chunksRead++;
            yield chunk;
          }
        })();
      },
    };
    let messages = 0;
    await whatsappParser.parse(textInputFor(counted), () => messages++);
    expect(opens).toBe(2);
    expect(messages).toBe(8000);
    const total = Math.ceil(new TextEncoder().encode(content).length / 4096);
    expect(chunksRead).toBeLessThan(1.5 * total);
  });

  it('is not slowed down by a 10 MB line', async () => {
    const long = 'x'.repeat(10 * 1024 * 1024);
    const started = Date.now();
    const { rows } = await wa(
      lines(`23/03/2022, 13:31 - A: ${long}`, long, '23/03/2022, 13:32 - B: done'),
    );
    expect(rows.map((r) => [r.line, r.text.length])).toEqual([
      [1, long.length * 2 + 1],
      [3, 4],
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('WhatsApp parser: sniffing, errors and coverage', () => {
  const source = memorySource('x.txt', '');

  it('sniffs a header among the first non-empty lines', () => {
    expect(whatsappParser.sniff('\n\n23/03/2022, 13:31 - Dmitry S: Hello\n', source)).toBe(true);
    expect(
      whatsappParser.sniff(`${LRM}[3/27/22, 21:41:55] Dmitry S: ${LRM}image omitted`, source),
    ).toBe(true);
    expect(
      whatsappParser.sniff(
        'some title\nexported by a tool\n7/1/16, 4:56:55 PM: Sophia H.: text',
        source,
      ),
    ).toBe(true);
    expect(whatsappParser.sniff(`[٢٧${RLM}/٣${RLM}/٢٠٢٢، ٩:٤١:٣٥${NBSP}م] D: x`, source)).toBe(
      true,
    );
  });

  it('does not sniff CSV files or plain text', () => {
    expect(
      whatsappParser.sniff(
        'Time,SenderName,Sender,TalkerName,Talker,Content\n2025-03-01 09:00:00,张三,wxid_k3j2h1g0f9e8,张三,wxid_k3j2h1g0f9e8,明天见\n',
        source,
      ),
    ).toBe(false);
    expect(
      whatsappParser.sniff(
        'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n1,7437267147299592543,文本,0,wxid_a,wxid_a,明天,,2024-10-04 11:42:37\n',
        source,
      ),
    ).toBe(false);
    expect(
      whatsappParser.sniff('Dear diary,\n2016-04-29 10:30:00 today I wrote a log line\n', source),
    ).toBe(false);
    const late = `${'filler line\n'.repeat(60)}23/03/2022, 13:31 - Dmitry S: Hello\n`;
    expect(whatsappParser.sniff(late, source)).toBe(false);
  });

  it('counts and names the lines before the first header', async () => {
    const one = await wa(lines('Chat export', '23/03/2022, 13:31 - A: hi'));
    expect(one.rows).toEqual([row(2, '2022-03-23T13:31:00', 'A', 'text', 'hi')]);
    expect(one.conversation.coverage.unparsedLines).toBe(1);
    expect(one.conversation.coverage.warnings).toEqual([
      'line 1: text before the first message header',
    ]);
    const three = await wa(
      lines('Chat export', '', 'of the sales team', 'ends here', '23/03/2022, 13:31 - A: hi'),
    );
    expect(three.conversation.coverage.unparsedLines).toBe(3);
    expect(three.conversation.coverage.warnings).toEqual([
      'lines 1-4: 3 lines of text before the first message header',
    ]);
  });

  it('rejects an empty file and a file without any header', async () => {
    await expect(wa('')).rejects.toThrow(
      new InputError('empty file', 'WhatsApp Chat with Test.txt'),
    );
    await expect(wa('\n \r\n')).rejects.toThrow('empty file');
    const error = await wa('just some notes\nand more notes\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'no WhatsApp message header found; not a WhatsApp export',
    );
    expect((error as InputError).file).toBe('WhatsApp Chat with Test.txt');
  });

  it('derives a stable conversation id from platform, file name and title', async () => {
    const { conversation } = await wa(
      '23/03/2022, 13:31 - A: hi',
      'exports/WhatsApp Chat with Anna.txt',
    );
    expect(conversation.id).toBe(
      conversationId('whatsapp', memorySource('WhatsApp Chat with Anna.txt', ''), 'Anna'),
    );
    const elsewhere = await wa(
      '23/03/2022, 13:31 - A: hi',
      'other/folder/WhatsApp Chat with Anna.txt',
    );
    expect(elsewhere.conversation.id).toBe(conversation.id);
  });

  it('keeps the zip entry in the source', async () => {
    const { conversations } = await parseToRecords(
      whatsappParser,
      'WhatsApp Chat - Team.zip',
      '[1/2/24, 10:00:00] A: hi',
      {
        entry: '_chat.txt',
      },
    );
    expect(conversations[0]!.title).toBe('Team');
    expect(conversations[0]!.source).toMatchObject({
      path: 'WhatsApp Chat - Team.zip',
      entry: '_chat.txt',
    });
  });
});

describe('WhatsApp chat titles', () => {
  it.each([
    ['WhatsApp Chat with Anna Müller.txt', 'Anna Müller'],
    ['exports/WhatsApp Chat - Vertrieb Süd.zip', 'Vertrieb Süd'],
    ['WhatsApp Chat mit Jonas.txt', 'Jonas'],
    ['Chat de WhatsApp con Carlos.txt', 'Carlos'],
    ['与王芳的 WhatsApp 聊天.txt', '王芳'],
    ['與陳大文的 WhatsApp 對話.txt', '陳大文'],
    ['WhatsApp_Chat_with_Anna_Müller.txt', 'Anna Müller'],
    ['WhatsApp%20Chat%20with%20Anna%20M%C3%BCller.txt', 'Anna Müller'],
    ['WhatsApp Chat with Anna (1).txt', 'Anna'],
    ['Discussion WhatsApp avec Marie.txt', 'Marie'],
    ['Чат WhatsApp с Ольга.txt', 'Ольга'],
    [`Chat WhatsApp s${NBSP}uživatelem Petr.txt`, 'Petr'],
    ['notes.txt', 'notes'],
  ])('%s → %s', (hint, title) => {
    expect(chatTitle(hint)).toBe(title);
  });

  it('uses the folder name for a lone _chat.txt', () => {
    expect(chatTitle('_chat.txt', 'samples/whatsapp/ios-group/_chat.txt')).toBe('ios-group');
    expect(chatTitle('_chat.txt')).toBe('_chat');
  });
});
