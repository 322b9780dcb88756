import { describe, expect, it } from 'vitest';
import { BOM, LRM, NBSP, NNBSP, RLM, lines, row, wa } from './whatsapp-util.js';

describe('WhatsApp header shapes (checklist 1-19)', () => {
  it('#1 Android DMY 24h', async () => {
    const { rows, conversation } = await wa('23/03/2022, 13:31 - Dmitry S: Hello');
    expect(rows).toEqual([row(1, '2022-03-23T13:31:00', 'Dmitry S', 'text', 'Hello')]);
    expect(conversation.source.format).toBe('whatsapp-android');
  });

  it('#2 Android MDY 12h with U+202F before PM (en-US fallback for an ambiguous date)', async () => {
    const { rows, conversation } = await wa(`1/4/23, 7:02${NNBSP}PM - Person 2: hi`);
    expect(rows).toEqual([row(1, '2023-01-04T19:02:00', 'Person 2', 'text', 'hi')]);
    expect(conversation.coverage.warnings).toEqual([
      'day/month order not decidable from the dates (ambiguous dates; en-US layout assumed month first); read as MDY',
    ]);
  });

  it('#2 Android MDY 12h: a second component above 12 settles month first', async () => {
    const { rows } = await wa(
      lines(`1/4/23, 7:02${NNBSP}PM - Person 2: hi`, `1/14/23, 12:05${NNBSP}AM - Person 1: late`),
    );
    expect(rows).toEqual([
      row(1, '2023-01-04T19:02:00', 'Person 2', 'text', 'hi'),
      row(2, '2023-01-14T00:05:00', 'Person 1', 'text', 'late'),
    ]);
  });

  it('#3 Android lowercase am/pm with DMY (4-digit year: day first)', async () => {
    const { rows } = await wa(
      lines(
        '09/10/2023, 11:11 am - +44 7123 456789: hi',
        `09/10/2023, 12:30${NNBSP}pm - +44 7123 456789: lunch`,
      ),
    );
    expect(rows).toEqual([
      row(1, '2023-10-09T11:11:00', '+44 7123 456789', 'text', 'hi'),
      row(2, '2023-10-09T12:30:00', '+44 7123 456789', 'text', 'lunch'),
    ]);
  });

  it('#4 Android dotted 2-digit year', async () => {
    const { rows } = await wa('29.01.18, 12:24 - Mallory: Hey! :)');
    expect(rows).toEqual([row(1, '2018-01-29T12:24:00', 'Mallory', 'text', 'Hey! :)')]);
  });

  it('#5 Android dotted, no comma', async () => {
    const { rows } = await wa('23.03.22 13:31 - Dmitry S: Hello');
    expect(rows).toEqual([row(1, '2022-03-23T13:31:00', 'Dmitry S', 'text', 'Hello')]);
  });

  it('#6 Android dashed, no comma', async () => {
    const { rows } = await wa('18-03-2022 14:56 - Dmitry S: Hello');
    expect(rows).toEqual([row(1, '2022-03-18T14:56:00', 'Dmitry S', 'text', 'Hello')]);
  });

  it('#7 Android YMD slash (en-ZA)', async () => {
    const { rows } = await wa(
      lines('2018/07/25, 09:01 - motsilp: text', '2018/07/03, 21:15 - motsilp: more'),
    );
    expect(rows).toEqual([
      row(1, '2018-07-25T09:01:00', 'motsilp', 'text', 'text'),
      row(2, '2018-07-03T21:15:00', 'motsilp', 'text', 'more'),
    ]);
  });

  it('#7 Android YMD dash with p.m. (en-CA)', async () => {
    const { rows } = await wa('2023-12-20, 5:46 p.m. - Farid: 👋🏼');
    expect(rows).toEqual([row(1, '2023-12-20T17:46:00', 'Farid', 'text', '👋🏼')]);
  });

  it('#8 Spanish p. m. with inner NBSP', async () => {
    const { rows } = await wa(`20/6/2017 8:28 p.${NBSP}m. - Michelle: test`);
    expect(rows).toEqual([row(1, '2017-06-20T20:28:00', 'Michelle', 'text', 'test')]);
  });

  it('#9 dot time separator (id)', async () => {
    const { rows } = await wa('30/08/25 18.00 - Budi: halo');
    expect(rows).toEqual([row(1, '2025-08-30T18:00:00', 'Budi', 'text', 'halo')]);
  });

  it('#10 Chinese 24h and 12h with 下午 before the time', async () => {
    const { rows } = await wa(
      lines(
        '2024/1/2 15:04 - 张三: 你好',
        '2024/1/2 下午3:04 - 张三: 你好',
        '2024/1/3 上午12:10 - 张三: 早',
      ),
      '与张三的 WhatsApp 聊天.txt',
    );
    expect(rows).toEqual([
      row(1, '2024-01-02T15:04:00', '张三', 'text', '你好'),
      row(2, '2024-01-02T15:04:00', '张三', 'text', '你好'),
      row(3, '2024-01-03T00:10:00', '张三', 'text', '早'),
    ]);
  });

  it('#10 Chinese marker after the time (ChatLab form)', async () => {
    const { rows } = await wa('2024/1/2 03:04 下午 - 张三: 你好');
    expect(rows).toEqual([row(1, '2024-01-02T15:04:00', '张三', 'text', '你好')]);
  });

  it('#11 Korean marker before the time', async () => {
    const { rows } = await wa(
      lines('[2024/01/02 오후 03:06] Alice: x', '[2024/01/02 오전 12:30] Alice: late'),
    );
    expect(rows).toEqual([
      row(1, '2024-01-02T15:06:00', 'Alice', 'text', 'x'),
      row(2, '2024-01-02T00:30:00', 'Alice', 'text', 'late'),
    ]);
    const spaced = await wa('[2024. 1. 2. 오후 3:06:07] Alice: y');
    expect(spaced.rows).toEqual([row(1, '2024-01-02T15:06:07', 'Alice', 'text', 'y')]);
  });

  it('#12 iOS DMY bracket', async () => {
    const { rows, conversation } = await wa('[23.06.18, 13:55:12] Luke: Hey');
    expect(rows).toEqual([row(1, '2018-06-23T13:55:12', 'Luke', 'text', 'Hey')]);
    expect(conversation.source.format).toBe('whatsapp-ios');
  });

  it('#13 iOS MDY 12h with NNBSP', async () => {
    const { rows } = await wa(`[8/15/23, 9:12:33${NNBSP}AM] Dr. Feather: text`);
    expect(rows).toEqual([row(1, '2023-08-15T09:12:33', 'Dr. Feather', 'text', 'text')]);
  });

  it('#14 iOS without comma', async () => {
    const { rows } = await wa('[3/27/22 21:41:35] Dmitry S: Hello World');
    expect(rows).toEqual([row(1, '2022-03-27T21:41:35', 'Dmitry S', 'text', 'Hello World')]);
  });

  it('#15 iOS Finnish klo with dot time', async () => {
    const { rows } = await wa(
      lines('[12.3.2022 klo 14.08.18] Matias: moi', '[13.3.2022 klo 9.01.00] Matias: hei'),
    );
    expect(rows).toEqual([
      row(1, '2022-03-12T14:08:18', 'Matias', 'text', 'moi'),
      row(2, '2022-03-13T09:01:00', 'Matias', 'text', 'hei'),
    ]);
  });

  it('#16 iOS time first (vi)', async () => {
    const { rows } = await wa('[21:41:35, 3/27/22] Dmitry S: Hello World');
    expect(rows).toEqual([row(1, '2022-03-27T21:41:35', 'Dmitry S', 'text', 'Hello World')]);
  });

  it('#17 iOS Arabic-Indic digits, RLM, Arabic comma and NBSP before م', async () => {
    const { rows } = await wa(
      lines(
        `[٢٧${RLM}/٣${RLM}/٢٠٢٢، ٩:٤١:٣٥${NBSP}م] Dmitry S: Hello`,
        `[٢٨${RLM}/٣${RLM}/٢٠٢٢، ٨:٠٠:٠٠${NBSP}ص] Dmitry S: صباح الخير`,
      ),
    );
    expect(rows).toEqual([
      row(1, '2022-03-27T21:41:35', 'Dmitry S', 'text', 'Hello'),
      row(2, '2022-03-28T08:00:00', 'Dmitry S', 'text', 'صباح الخير'),
    ]);
  });

  it('#18 Buddhist year (BE) and Japanese era year (R4) become 2022', async () => {
    const be = await wa('[3/27/2565 BE, 21:41:35] Somchai: sawasdee');
    expect(be.rows).toEqual([row(1, '2022-03-27T21:41:35', 'Somchai', 'text', 'sawasdee')]);
    const era = await wa('[3/27/R4, 21:41:35] Yuki: konnichiwa');
    expect(era.rows).toEqual([row(1, '2022-03-27T21:41:35', 'Yuki', 'text', 'konnichiwa')]);
  });

  it('#19 old iOS without brackets (12h, en-US fallback) and the 2012 form', async () => {
    const old = await wa('7/1/16, 4:56:55 PM: Sophia H.: So hier mal: was');
    expect(old.rows).toEqual([
      row(1, '2016-07-01T16:56:55', 'Sophia H.', 'text', 'So hier mal: was'),
    ]);
    expect(old.conversation.source.format).toBe('whatsapp-legacy');
    const older = await wa(
      lines('09/12/2012 17:03:48: Sender Name: Message', '13/12/2012 08:00:01: Sender Name: Next'),
    );
    expect(older.rows).toEqual([
      row(1, '2012-12-09T17:03:48', 'Sender Name', 'text', 'Message'),
      row(2, '2012-12-13T08:00:01', 'Sender Name', 'text', 'Next'),
    ]);
  });

  it('#19 very old time-first form with a month name', async () => {
    const { rows, conversation } = await wa(
      lines('19:23, 28 Aug 2013 - Tanay: hi', '7:05 PM, 3 Sep 2013 - Tanay: bye'),
    );
    expect(rows).toEqual([
      row(1, '2013-08-28T19:23:00', 'Tanay', 'text', 'hi'),
      row(2, '2013-09-03T19:05:00', 'Tanay', 'text', 'bye'),
    ]);
    expect(conversation.source.format).toBe('whatsapp-legacy');
  });
});

describe('WhatsApp invisible characters and line ends (checklist 20-22)', () => {
  it('#20 leading LRM before [ on media and system lines', async () => {
    const { rows } = await wa(
      lines(
        `${LRM}[3/27/22, 21:41:55] Dmitry S: ${LRM}image omitted`,
        `[3/27/22, 21:41:56] Dmitry S: Hello`,
        `${LRM}[3/27/22, 21:41:57] ${LRM}You were added`,
      ),
    );
    expect(rows).toEqual([
      row(1, '2022-03-27T21:41:55', 'Dmitry S', 'media', 'image omitted'),
      row(2, '2022-03-27T21:41:56', 'Dmitry S', 'text', 'Hello'),
      row(3, '2022-03-27T21:41:57', null, 'system', 'You were added'),
    ]);
  });

  it('#21 BOM at file start and U+FEFF at a later line start neither drop nor merge messages', async () => {
    const { rows } = await wa(
      `${BOM}23/03/2022, 13:31 - Dmitry S: Hello\n${BOM}23/03/2022, 13:32 - Anna: Hi\n${BOM}continued`,
    );
    expect(rows).toEqual([
      row(1, '2022-03-23T13:31:00', 'Dmitry S', 'text', 'Hello'),
      row(2, '2022-03-23T13:32:00', 'Anna', 'text', 'Hi\ncontinued'),
    ]);
  });

  it('#22 CRLF, LF and lone CR line ends', async () => {
    const expected = [
      row(1, '2022-03-23T13:31:00', 'A', 'text', 'one\ntwo'),
      row(3, '2022-03-23T13:32:00', 'B', 'text', 'three'),
    ];
    for (const eol of ['\r\n', '\n', '\r']) {
      const content = [
        '23/03/2022, 13:31 - A: one',
        'two',
        '23/03/2022, 13:32 - B: three',
        '',
      ].join(eol);
      const { rows, conversation } = await wa(content);
      expect(rows).toEqual(expected);
      expect(conversation.coverage.lines).toBe(3);
    }
    const mixed = await wa('23/03/2022, 13:31 - A: one\r\ntwo\r23/03/2022, 13:32 - B: three\n');
    expect(mixed.rows).toEqual(expected);
  });
});

describe('WhatsApp dates across a file (checklist 41-42)', () => {
  it('#41 out-of-order timestamps stay in file order', async () => {
    const { rows, conversation } = await wa(
      lines(
        '23/03/2022, 13:31 - A: second in time',
        '22/03/2022, 09:00 - B: first in time',
        '24/03/2022, 10:00 - A: third in time',
      ),
    );
    expect(rows.map((r) => [r.line, r.timestamp])).toEqual([
      [1, '2022-03-23T13:31:00'],
      [2, '2022-03-22T09:00:00'],
      [3, '2022-03-24T10:00:00'],
    ]);
    expect(conversation.firstMessageAt).toBe('2022-03-22T09:00:00');
    expect(conversation.lastMessageAt).toBe('2022-03-24T10:00:00');
  });

  it('#42 DMY file where only a later day exceeds 12 is read day first from the start', async () => {
    const { rows, conversation } = await wa(
      lines(
        '01/02/2021, 10:00 - A: a',
        '05/02/2021, 10:00 - A: b',
        '11/02/2021, 10:00 - A: c',
        '14/02/2021, 10:00 - A: d',
      ),
    );
    expect(rows.map((r) => r.timestamp)).toEqual([
      '2021-02-01T10:00:00',
      '2021-02-05T10:00:00',
      '2021-02-11T10:00:00',
      '2021-02-14T10:00:00',
    ]);
    expect(conversation.coverage.warnings).toEqual([]);
  });

  it('#42 MDY file settled by a second component above 12', async () => {
    const { rows } = await wa(
      lines('3/6/18, 1:55 PM - a: one', '3/7/18, 9:00 AM - a: two', '3/13/18, 9:00 AM - a: three'),
    );
    expect(rows.map((r) => r.timestamp)).toEqual([
      '2018-03-06T13:55:00',
      '2018-03-07T09:00:00',
      '2018-03-13T09:00:00',
    ]);
  });

  it('#42 all-ambiguous file: the component that changes more often is the day', async () => {
    const dmy = await wa(
      lines(
        '01/03/2021, 10:00 - A: a',
        '02/03/2021, 10:00 - A: b',
        '03/03/2021, 10:00 - A: c',
        '01/04/2021, 10:00 - A: d',
      ),
    );
    expect(dmy.rows.map((r) => r.timestamp)).toEqual([
      '2021-03-01T10:00:00',
      '2021-03-02T10:00:00',
      '2021-03-03T10:00:00',
      '2021-04-01T10:00:00',
    ]);
    const mdy = await wa(
      lines('3/1/21, 10:00 AM - A: a', '3/2/21, 10:00 AM - A: b', '4/1/21, 10:00 AM - A: c'),
    );
    expect(mdy.rows.map((r) => r.timestamp)).toEqual([
      '2021-03-01T10:00:00',
      '2021-03-02T10:00:00',
      '2021-04-01T10:00:00',
    ]);
  });

  it('#42 all-ambiguous file without changes falls back deterministically', async () => {
    // Day first unless the file has the en-US shape (slash, 2-digit year, capital AM/PM, no zero padding).
    const dmy = await wa(lines('05/06/2021, 10:00 - A: a', '05/06/2021, 11:00 - A: b'));
    expect(dmy.rows.map((r) => r.timestamp)).toEqual([
      '2021-06-05T10:00:00',
      '2021-06-05T11:00:00',
    ]);
    expect(dmy.conversation.coverage.warnings[0]).toMatch(/read as DMY$/);
    const padded = await wa('05/06/21, 10:00 AM - A: a');
    expect(padded.rows[0]!.timestamp).toBe('2021-06-05T10:00:00');
    const enUs = await wa('5/6/21, 10:00 AM - A: a');
    expect(enUs.rows[0]!.timestamp).toBe('2021-05-06T10:00:00');
    expect(enUs.conversation.coverage.warnings[0]).toMatch(/read as MDY$/);
    const dotted = await wa('5.6.21, 10:00 AM - A: a');
    expect(dotted.rows[0]!.timestamp).toBe('2021-06-05T10:00:00');
  });

  it('#42 a date impossible under the file order is swapped and reported', async () => {
    const { rows, conversation } = await wa(
      lines('13/02/2021, 10:00 - A: a', '02/14/2021, 10:00 - A: b', '31/31/2021, 10:00 - A: c'),
    );
    expect(rows.map((r) => r.timestamp)).toEqual([
      '2021-02-13T10:00:00',
      '2021-02-14T10:00:00',
      '',
    ]);
    expect(conversation.coverage.warnings).toEqual([
      "line 2: day and month swapped against the file's DMY order",
      'line 3: impossible date or time in the message header; timestamp left empty',
    ]);
  });
});
