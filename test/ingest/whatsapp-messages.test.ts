import { describe, expect, it } from 'vitest';
import { FSI, LRE, LRM, NBSP, NNBSP, PDF, PDI, lines, row, wa } from './whatsapp-util.js';

describe('WhatsApp message assembly (checklist 23-27)', () => {
  it('#23 multi-line message with blank lines inside; last line without newline', async () => {
    const { rows, conversation } = await wa(
      lines(
        '23/06/2018, 01:55 p.m. - Loris: one',
        'two',
        '',
        '',
        'three',
        '23/06/2018, 01:56 p.m. - Anna: end',
      ),
    );
    expect(rows).toEqual([
      row(1, '2018-06-23T13:55:00', 'Loris', 'text', 'one\ntwo\n\n\nthree'),
      row(6, '2018-06-23T13:56:00', 'Anna', 'text', 'end'),
    ]);
    expect(conversation.coverage.lines).toBe(6);
  });

  it('#23 trailing blank lines stay in the last message', async () => {
    const { rows } = await wa('23/06/2018, 13:55 - Loris: one\n\n');
    expect(rows).toEqual([row(1, '2018-06-23T13:55:00', 'Loris', 'text', 'one\n')]);
  });

  it('#24 a continuation line that starts with a date stays in the message', async () => {
    const { rows } = await wa(
      lines(
        '23/06/2018, 13:55 - Loris: log excerpt:',
        '2016-04-29 10:30:00',
        '2016-04-29 10:30:00 - worker: started',
        '[2016/04/29, 10:30:00] pasted: from an iOS chat',
        '29.04.16, 10:30 - pasted: another locale',
        '23/06/2018, 13:56 - Anna: ok',
      ),
    );
    expect(rows).toEqual([
      row(
        1,
        '2018-06-23T13:55:00',
        'Loris',
        'text',
        'log excerpt:\n2016-04-29 10:30:00\n2016-04-29 10:30:00 - worker: started\n[2016/04/29, 10:30:00] pasted: from an iOS chat\n29.04.16, 10:30 - pasted: another locale',
      ),
      row(6, '2018-06-23T13:56:00', 'Anna', 'text', 'ok'),
    ]);
  });

  it('#25 authors with " - ", parentheses, quotes, emoji, Hebrew/Arabic script and wrapped phone numbers', async () => {
    const { rows } = await wa(
      lines(
        '23/03/2022, 13:31 - Anna - Sales (Berlin): one',
        '23/03/2022, 13:32 - Max "Maxi" Muster 🚀: two',
        '23/03/2022, 13:33 - שרה כהן: שלום',
        '23/03/2022, 13:34 - محمد علي: مرحبا',
        `23/03/2022, 13:35 - ${LRE}+90${NBSP}531${NBSP}411${NBSP}38${NBSP}99${PDF}: three`,
        '23/03/2022, 13:36 - +7 982 111\u201111\u201111: four',
      ),
    );
    expect(rows).toEqual([
      row(1, '2022-03-23T13:31:00', 'Anna - Sales (Berlin)', 'text', 'one'),
      row(2, '2022-03-23T13:32:00', 'Max "Maxi" Muster 🚀', 'text', 'two'),
      row(3, '2022-03-23T13:33:00', 'שרה כהן', 'text', 'שלום'),
      row(4, '2022-03-23T13:34:00', 'محمد علي', 'text', 'مرحبا'),
      row(5, '2022-03-23T13:35:00', `+90${NBSP}531${NBSP}411${NBSP}38${NBSP}99`, 'text', 'three'),
      row(6, '2022-03-23T13:36:00', '+7 982 111\u201111\u201111', 'text', 'four'),
    ]);
  });

  it('#26 non-contact author ~<NNBSP>Carolina: name without the tilde, flagged', async () => {
    const { rows, messages } = await wa(
      lines(
        `[14.08.2024, 21:00:10] ~${NNBSP}Carolina: hi all`,
        '[14.08.2024, 21:00:11] ~ Bernd: moin',
        '[14.08.2024, 21:00:12] Anna: hello',
      ),
    );
    expect(rows).toEqual([
      row(1, '2024-08-14T21:00:10', 'Carolina', 'text', 'hi all'),
      row(2, '2024-08-14T21:00:11', 'Bernd', 'text', 'moin'),
      row(3, '2024-08-14T21:00:12', 'Anna', 'text', 'hello'),
    ]);
    expect(messages.map((m) => m.nonContact)).toEqual([true, true, undefined]);
  });

  it('#27 text with ": " and URLs splits only at the first ": " after the header', async () => {
    const { rows } = await wa(
      lines(
        '23/03/2022, 13:31 - Dmitry S: Note: see https://example.com:8443/a?b=c: now',
        '23/03/2022, 13:32 - Dmitry S: https://example.com/x',
        `23/03/2022, 13:33 - Dmitry S: ping @${FSI}Prateek IITR${PDI}: call me`,
      ),
    );
    expect(rows).toEqual([
      row(
        1,
        '2022-03-23T13:31:00',
        'Dmitry S',
        'text',
        'Note: see https://example.com:8443/a?b=c: now',
      ),
      row(2, '2022-03-23T13:32:00', 'Dmitry S', 'text', 'https://example.com/x'),
      row(3, '2022-03-23T13:33:00', 'Dmitry S', 'text', 'ping @Prateek IITR: call me'),
    ]);
  });

  it('#27 authors with apostrophes keep their messages, also when the text looks like a sentence', async () => {
    const { rows } = await wa(
      lines(
        '23/03/2022, 13:31 - Tom O’Brien: Meine neue Adresse: Musterstraße 12',
        "23/03/2022, 13:32 - D'Angelo: Mallory left",
      ),
    );
    expect(rows).toEqual([
      row(1, '2022-03-23T13:31:00', 'Tom O’Brien', 'text', 'Meine neue Adresse: Musterstraße 12'),
      row(2, '2022-03-23T13:32:00', "D'Angelo", 'text', 'Mallory left'),
    ]);
  });

  it('#27 an empty message (and one whose trailing space was trimmed away)', async () => {
    const { rows } = await wa(lines('03/02/17, 18:42 - Luke: ', '03/02/17, 18:43 - Luke:'));
    expect(rows).toEqual([
      row(1, '2017-02-03T18:42:00', 'Luke', 'text', ''),
      row(2, '2017-02-03T18:43:00', 'Luke', 'text', ''),
    ]);
  });

  it('keeps ZWJ sequences, U+FE0F and NBSP inside text', async () => {
    const text = `👩\u200d💻 ok\ufe0f 10${NBSP}€`;
    const { rows } = await wa(`23/03/2022, 13:31 - A: ${text}`);
    expect(rows[0]!.text).toBe(text);
  });
});

describe('WhatsApp media, attachments and special messages (checklist 33-40)', () => {
  it('#33 Android <Media omitted> and localized placeholders', async () => {
    const { rows } = await wa(
      lines(
        '23/03/2022, 13:31 - A: <Media omitted>',
        '23/03/2022, 13:32 - A: <Medien weggelassen>',
        '23/03/2022, 13:33 - A: <省略多媒体文件>',
        '23/03/2022, 13:34 - A: <Без медиафайлов>',
        '23/03/2022, 13:35 - A: <Multimedia omitido>',
        '23/03/2022, 13:36 - A: <Médias omis>',
        '23/03/2022, 13:37 - A: <Media weggelaten>',
        '23/03/2022, 13:38 - A: <Medien ausgeschlossen>',
      ),
    );
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['media', '<Media omitted>'],
      ['media', '<Medien weggelassen>'],
      ['media', '<省略多媒体文件>'],
      ['media', '<Без медиафайлов>'],
      ['media', '<Multimedia omitido>'],
      ['media', '<Médias omis>'],
      ['media', '<Media weggelaten>'],
      ['media', '<Medien ausgeschlossen>'],
    ]);
  });

  it('#34 iOS omitted placeholders with LRM prefix, English and German', async () => {
    const names = [
      'image omitted',
      'video omitted',
      'audio omitted',
      'sticker omitted',
      'GIF omitted',
      'Contact card omitted',
      'Bild weggelassen',
      'Video weggelassen',
      'Sticker weggelassen',
      'Kontaktkarte ausgelassen',
      '照片已忽略',
    ];
    const { rows } = await wa(
      names.map((n, i) => `${LRM}[3/27/22, 21:41:${10 + i}] Dmitry S: ${LRM}${n}`).join('\n'),
    );
    expect(rows).toEqual(
      names.map((n, i) => row(i + 1, `2022-03-27T21:41:${10 + i}`, 'Dmitry S', 'media', n)),
    );
  });

  it('#35 iOS document placeholder with page count', async () => {
    const { rows, messages } = await wa(
      lines(
        `[3/27/22, 21:41:55] Dmitry S: Resume.pdf • ${LRM}2 pages ${LRM}document omitted`,
        `[3/27/22, 21:41:56] Dmitry S: Some file.txt ${LRM}document omitted`,
        `[3/27/22, 21:41:57] Dmitry S: Angebot.pdf • ${LRM}3 Seiten ${LRM}Dokument weggelassen`,
      ),
    );
    expect(rows).toEqual([
      row(1, '2022-03-27T21:41:55', 'Dmitry S', 'media', 'Resume.pdf • 2 pages document omitted'),
      row(2, '2022-03-27T21:41:56', 'Dmitry S', 'media', 'Some file.txt document omitted'),
      row(
        3,
        '2022-03-27T21:41:57',
        'Dmitry S',
        'media',
        'Angebot.pdf • 3 Seiten Dokument weggelassen',
      ),
    ]);
    expect(messages.map((m) => m.attachment)).toEqual([
      'Resume.pdf',
      'Some file.txt',
      'Angebot.pdf',
    ]);
  });

  it('#36 iOS <attached: …> and localized <adjunto: …>, <Anhang: …>; old "<attached>" form', async () => {
    const { rows, messages } = await wa(
      lines(
        `[3/27/22, 21:41:55] Dmitry S: ${LRM}<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>`,
        `[3/27/22, 21:41:56] Dmitry S: Some file.txt ${LRM}<attached: 00000046-Some file.txt>`,
        `[3/27/22, 21:41:57] Dmitry S: ${LRM}<adjunto: 00000047-PHOTO-2022-03-27-21-41-57.jpg>`,
        `[3/27/22, 21:41:58] Dmitry S: ${LRM}<Anhang: 00000048-Vertrag.pdf>`,
        `[3/27/22, 21:41:59] Dmitry S: 2015-08-04-PHOTO-00004762.jpg <${LRM}attached>`,
        '[3/27/22, 21:42:00] Dmitry S: < attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg >',
      ),
    );
    expect(rows.map((r) => r.kind)).toEqual(['media', 'media', 'media', 'media', 'media', 'media']);
    expect(rows[0]).toEqual(
      row(
        1,
        '2022-03-27T21:41:55',
        'Dmitry S',
        'media',
        '<attached: 00000035-PHOTO-2022-03-27-21-41-55.jpg>',
      ),
    );
    expect(messages.map((m) => m.attachment)).toEqual([
      '00000035-PHOTO-2022-03-27-21-41-55.jpg',
      '00000046-Some file.txt',
      '00000047-PHOTO-2022-03-27-21-41-57.jpg',
      '00000048-Vertrag.pdf',
      '2015-08-04-PHOTO-00004762.jpg',
      '00000042-PHOTO-2020-06-07-15-13-20.jpg',
    ]);
  });

  it('#37 Android attachment with caption line, (Datei angehängt), extension-less audio', async () => {
    const { rows, messages } = await wa(
      lines(
        '23/03/2022, 13:31 - Dmitry S: IMG-20220323-WA0002.jpg (file attached)',
        'Caption for the photo',
        `23/03/2022, 13:32 - Mallory: ${LRM}4f2680e3c1d2b8a9bfc.jpg (Datei angehängt)`,
        'Bildunterschrift',
        '23/03/2022, 13:33 - Dmitry S: AUD-20190101-WA0000. (file attached)',
      ),
    );
    expect(rows).toEqual([
      row(
        1,
        '2022-03-23T13:31:00',
        'Dmitry S',
        'media',
        'IMG-20220323-WA0002.jpg (file attached)\nCaption for the photo',
      ),
      row(
        3,
        '2022-03-23T13:32:00',
        'Mallory',
        'media',
        '4f2680e3c1d2b8a9bfc.jpg (Datei angehängt)\nBildunterschrift',
      ),
      row(5, '2022-03-23T13:33:00', 'Dmitry S', 'media', 'AUD-20190101-WA0000. (file attached)'),
    ]);
    expect(messages.map((m) => m.attachment)).toEqual([
      'IMG-20220323-WA0002.jpg',
      '4f2680e3c1d2b8a9bfc.jpg',
      'AUD-20190101-WA0000.',
    ]);
  });

  it('#38 location: Google Maps link, Foursquare venue, multi-line Android location, live location', async () => {
    const { rows } = await wa(
      lines(
        '23/03/2022, 13:31 - A: location: https://maps.google.com/?q=51.50,-0.12',
        '23/03/2022, 13:32 - A: Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4b8b1c1cf964a520a1e532e3',
        '23/03/2022, 13:33 - A: Pimlico Gardens',
        'London, United Kingdom',
        'https://foursquare.com/v/4b8b1c1cf964a520a1e532e3',
        '23/03/2022, 13:34 - A: live location shared',
        '23/03/2022, 13:35 - A: the docs are at https://example.com/maps',
      ),
    );
    expect(rows.map((r) => [r.line, r.kind])).toEqual([
      [1, 'location'],
      [2, 'location'],
      [3, 'location'],
      [6, 'location'],
      [7, 'text'],
    ]);
    expect(rows[2]!.text).toBe(
      'Pimlico Gardens\nLondon, United Kingdom\nhttps://foursquare.com/v/4b8b1c1cf964a520a1e532e3',
    );
    const ios = await wa(
      `[3/27/22, 21:41:55] Dmitry S: ${LRM}Location: https://maps.google.com/?q=51.50,-0.12`,
    );
    expect(ios.rows).toEqual([
      row(
        1,
        '2022-03-27T21:41:55',
        'Dmitry S',
        'location',
        'Location: https://maps.google.com/?q=51.50,-0.12',
      ),
    ]);
  });

  it('#39 a poll block is one message', async () => {
    const { rows } = await wa(
      lines(
        '23/03/2022, 13:31 - +91 98911 81801: POLL:',
        'Which domain should we pick?',
        'OPTION: AI ML (53 votes)',
        'OPTION: Web (35 votes)',
        '23/03/2022, 13:32 - A: voted',
      ),
    );
    expect(rows).toEqual([
      row(
        1,
        '2022-03-23T13:31:00',
        '+91 98911 81801',
        'poll',
        'POLL:\nWhich domain should we pick?\nOPTION: AI ML (53 votes)\nOPTION: Web (35 votes)',
      ),
      row(5, '2022-03-23T13:32:00', 'A', 'text', 'voted'),
    ]);
  });

  it('#40 deleted, null, missed calls and the edited suffix', async () => {
    const { rows, messages } = await wa(
      lines(
        '23/03/2022, 13:31 - A: This message was deleted',
        '23/03/2022, 13:32 - B: You deleted this message',
        '23/03/2022, 13:33 - A: null',
        '23/03/2022, 13:34 - A: Missed voice call',
        '23/03/2022, 13:35 - A: Missed video call',
        '23/03/2022, 13:36 - A: very based <This message was edited>',
        '23/03/2022, 13:37 - A: Diese Nachricht wurde gelöscht',
        '23/03/2022, 13:38 - A: Treffen um 10 <Diese Nachricht wurde bearbeitet>',
        '23/03/2022, 13:39 - A: This message was deleted by admin Anna.',
      ),
    );
    expect(rows).toEqual([
      row(1, '2022-03-23T13:31:00', 'A', 'deleted', 'This message was deleted'),
      row(2, '2022-03-23T13:32:00', 'B', 'deleted', 'You deleted this message'),
      row(3, '2022-03-23T13:33:00', 'A', 'media', 'null'),
      row(4, '2022-03-23T13:34:00', 'A', 'call', 'Missed voice call'),
      row(5, '2022-03-23T13:35:00', 'A', 'call', 'Missed video call'),
      row(6, '2022-03-23T13:36:00', 'A', 'text', 'very based'),
      row(7, '2022-03-23T13:37:00', 'A', 'deleted', 'Diese Nachricht wurde gelöscht'),
      row(8, '2022-03-23T13:38:00', 'A', 'text', 'Treffen um 10'),
      row(9, '2022-03-23T13:39:00', 'A', 'deleted', 'This message was deleted by admin Anna.'),
    ]);
    expect(messages.map((m) => m.edited)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
      undefined,
      true,
      undefined,
    ]);
  });

  it('#40 iOS forms with LRM and trailing period', async () => {
    const { rows, messages } = await wa(
      lines(
        `[3/27/22, 21:41:55] Dmitry S: ${LRM}This message was deleted.`,
        `[3/27/22, 21:41:56] Me: ${LRM}You deleted this message.`,
        `[3/27/22, 21:41:57] Dmitry S: ${LRM}Missed voice call`,
        `[3/27/22, 21:41:58] Dmitry S: ok ${LRM}<This message was edited>`,
      ),
    );
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['deleted', 'This message was deleted.'],
      ['deleted', 'You deleted this message.'],
      ['call', 'Missed voice call'],
      ['text', 'ok'],
    ]);
    expect(messages[3]!.edited).toBe(true);
  });
});
