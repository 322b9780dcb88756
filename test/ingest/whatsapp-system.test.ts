import { describe, expect, it } from 'vitest';
import { LRE, LRM, NBSP, NNBSP, PDF, lines, row, wa } from './whatsapp-util.js';

describe('WhatsApp system lines (checklist 28-32)', () => {
  it('#28 Android system lines have no author, also when they contain ": "', async () => {
    const { rows } = await wa(
      lines(
        '06/03/2017, 00:45 - You created group "Test"',
        '06/03/2017, 00:46 - Mallory added you',
        '06/03/2017, 00:47 - Mallory left',
        "06/03/2017, 00:48 - Trent joined using this group's invite link",
        '06/03/2017, 00:49 - Dmitry S changed the subject from "a: b" to "c"',
        '06/03/2017, 00:50 - Dmitry S changed the subject to "Q3: pricing"',
        '06/03/2017, 00:51 - Anna added you to a group in the community: Sales EMEA',
        '16/03/2017, 00:52 - Anky: is left',
        '16/03/2017, 00:53 - Anky: Tom left',
      ),
      'WhatsApp Chat with Test.txt',
    );
    expect(rows).toEqual([
      row(1, '2017-03-06T00:45:00', null, 'system', 'You created group "Test"'),
      row(2, '2017-03-06T00:46:00', null, 'system', 'Mallory added you'),
      row(3, '2017-03-06T00:47:00', null, 'system', 'Mallory left'),
      row(4, '2017-03-06T00:48:00', null, 'system', "Trent joined using this group's invite link"),
      row(
        5,
        '2017-03-06T00:49:00',
        null,
        'system',
        'Dmitry S changed the subject from "a: b" to "c"',
      ),
      row(
        6,
        '2017-03-06T00:50:00',
        null,
        'system',
        'Dmitry S changed the subject to "Q3: pricing"',
      ),
      row(
        7,
        '2017-03-06T00:51:00',
        null,
        'system',
        'Anna added you to a group in the community: Sales EMEA',
      ),
      row(8, '2017-03-16T00:52:00', 'Anky', 'text', 'is left'),
      row(9, '2017-03-16T00:53:00', 'Anky', 'text', 'Tom left'),
    ]);
  });

  it('#28 an unknown system sentence with ": " inside an open quote does not invent an author', async () => {
    const { rows } = await wa('06/03/2017, 00:49 - Dmitry S renamed the board "Plan: A" to "B"');
    expect(rows).toEqual([
      row(1, '2017-03-06T00:49:00', null, 'system', 'Dmitry S renamed the board "Plan: A" to "B"'),
    ]);
  });

  it('#29 iOS system lines carrying an author (contact, group name, creator)', async () => {
    const { rows, conversation } = await wa(
      lines(
        `[14.08.2024, 21:00:09] My Group Name: ${LRM}Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them. Learn more.`,
        '[14.08.2024, 21:00:10] Boris: Boris created group “My Group Name”',
        '[14.08.2024, 21:00:11] My Group Name: Boris added you',
        '[14.08.2024, 21:01:00] Boris: Welcome: agenda follows',
        '[14.08.2024, 21:02:00] Anky: is left',
        '[14.08.2024, 21:03:00] My Group Name: Tom left',
        '[14.08.2024, 21:04:00] Boris: Mallory added you',
        '[14.08.2024, 21:05:00] Me: ok',
      ),
      'WhatsApp Chat - My Group Name.zip',
    );
    expect(rows).toEqual([
      row(
        1,
        '2024-08-14T21:00:09',
        null,
        'system',
        'Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them. Learn more.',
      ),
      row(2, '2024-08-14T21:00:10', null, 'system', 'Boris created group “My Group Name”'),
      row(3, '2024-08-14T21:00:11', null, 'system', 'Boris added you'),
      row(4, '2024-08-14T21:01:00', 'Boris', 'text', 'Welcome: agenda follows'),
      row(5, '2024-08-14T21:02:00', 'Anky', 'text', 'is left'),
      row(6, '2024-08-14T21:03:00', null, 'system', 'Tom left'),
      // A user telling someone else's event is a message, not a system line.
      row(7, '2024-08-14T21:04:00', 'Boris', 'text', 'Mallory added you'),
      row(8, '2024-08-14T21:05:00', 'Me', 'text', 'ok'),
    ]);
    expect(conversation.title).toBe('My Group Name');
    expect(conversation.participants.map((p) => p.name)).toEqual(['Boris', 'Anky', 'Me']);
  });

  it('#29 iOS encryption notice authored by the contact in a 1:1', async () => {
    const { rows, conversation } = await wa(
      lines(
        `[3/18/22, 14:56:01] Elon Musk: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
        '[3/18/22, 14:57:02] Elon Musk: hi',
        '[3/18/22, 14:58:03] Me: hello',
      ),
    );
    expect(rows).toEqual([
      row(
        1,
        '2022-03-18T14:56:01',
        null,
        'system',
        'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
      ),
      row(2, '2022-03-18T14:57:02', 'Elon Musk', 'text', 'hi'),
      row(3, '2022-03-18T14:58:03', 'Me', 'text', 'hello'),
    ]);
    expect(conversation.isGroup).toBe(false);
    expect(conversation.participants).toEqual([
      { name: 'Elon Musk', messages: 1 },
      { name: 'Me', messages: 1 },
    ]);
  });

  it('#29 in an iOS 1:1 the contact (= chat title) telling about others stays a message', async () => {
    const { rows } = await wa(
      lines(
        '[3/18/22, 14:57:02] Elon Musk: Tom left',
        '[3/18/22, 14:58:03] Elon Musk: Elon Musk left',
        '[3/18/22, 14:59:04] Me: ok',
      ),
      'WhatsApp Chat - Elon Musk.zip',
    );
    expect(rows).toEqual([
      row(1, '2022-03-18T14:57:02', 'Elon Musk', 'text', 'Tom left'),
      row(2, '2022-03-18T14:58:03', null, 'system', 'Elon Musk left'),
      row(3, '2022-03-18T14:59:04', 'Me', 'text', 'ok'),
    ]);
  });

  it('#30 iOS system line without author', async () => {
    const { rows } = await wa(
      lines(
        `[6/22/21, 11:54:34] ${LRM}You were added`,
        `[6/22/21, 11:54:35] ${LRM}${LRE}+90${NBSP}531${NBSP}411${NBSP}38${NBSP}99${PDF} created this group`,
      ),
    );
    expect(rows).toEqual([
      row(1, '2021-06-22T11:54:34', null, 'system', 'You were added'),
      row(
        2,
        '2021-06-22T11:54:35',
        null,
        'system',
        `+90${NBSP}531${NBSP}411${NBSP}38${NBSP}99 created this group`,
      ),
    ]);
  });

  it('#31 all encryption-notice generations (en, de, zh, ru) are system lines', async () => {
    const notices = [
      'Messages to this group are now secured with end-to-end encryption. Tap for more info.',
      'Messages to this chat and calls are now secured with end-to-end encryption. Tap for more info.',
      'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
      'Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them. Learn more.',
      'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren.',
      '消息和通话都进行端到端加密。对话之外的任何人，甚至包含 WhatsApp，都无法读取或收听。点按了解更多。',
      'Сообщения и звонки защищены сквозным шифрованием. Третьи лица, включая WhatsApp, не могут прочитать ваши сообщения или прослушать звонки. Нажмите, чтобы узнать подробнее.',
    ];
    // Android: no author.
    const android = await wa(notices.map((n, i) => `23/03/2022, 13:3${i} - ${n}`).join('\n'));
    expect(android.rows.map((r) => [r.sender, r.kind])).toEqual(
      notices.map(() => [null, 'system']),
    );
    expect(android.rows.map((r) => r.text)).toEqual(notices);
    // iOS: authored by the contact or group name.
    const ios = await wa(
      notices.map((n, i) => `[23.03.22, 13:3${i}:00] Anna: ${LRM}${n}`).join('\n'),
    );
    expect(ios.rows.map((r) => [r.sender, r.kind, r.text])).toEqual(
      notices.map((n) => [null, 'system', n]),
    );
  });

  it('#32 localized system text in German, Russian, Chinese, Spanish, French, Dutch', async () => {
    const texts = [
      'Du hast Mallory hinzugefügt.',
      'Anna hat die Gruppe "Vertrieb Süd" erstellt.',
      'Jonas hat die Gruppe verlassen.',
      'Anna hat den Betreff von "Vertrieb" zu "Vertrieb: Süd" geändert.',
      'Ольга добавил(-а) контакт Иван',
      'Вы создали группу «Проект»',
      '王芳创建了群组“销售部”',
      '王芳添加了你',
      'Carlos creó el grupo "Ventas"',
      'Marie a créé le groupe "Ventes"',
      'Jan heeft je toegevoegd',
      'Anna Müller ist beigetreten',
    ];
    const { rows, conversation } = await wa(
      texts.map((t, i) => `23/03/2022, 13:${10 + i} - ${t}`).join('\n'),
    );
    expect(rows.map((r) => [r.sender, r.kind, r.text])).toEqual(
      texts.map((t) => [null, 'system', t]),
    );
    expect(conversation.isGroup).toBe(true);
    expect(conversation.groupEvidence.slice(0, 3)).toEqual([
      'system event: added',
      'system event: created group',
      'system event: left',
    ]);
  });
});

describe('WhatsApp group vs 1:1 (checklist 43)', () => {
  it('#43 a group-only system event makes a group', async () => {
    const { conversation } = await wa(
      lines(
        '06/03/2017, 00:45 - You created group "Test"',
        '06/03/2017, 00:46 - Anna: hi',
        '06/03/2017, 00:47 - Ben: ho',
      ),
    );
    expect(conversation.isGroup).toBe(true);
    expect(conversation.groupEvidence).toEqual([
      'system event: created group',
      '2 distinct authors',
    ]);
  });

  it('#43 more than two authors make a group', async () => {
    const { conversation } = await wa(
      lines(
        '06/03/2017, 00:45 - Anna: a',
        '06/03/2017, 00:46 - Ben: b',
        '06/03/2017, 00:47 - Cem: c',
      ),
    );
    expect(conversation.isGroup).toBe(true);
    expect(conversation.groupEvidence).toEqual(['3 distinct authors']);
  });

  it('#43 1:1 where one side never writes', async () => {
    const { conversation } = await wa(
      lines(
        '06/03/2017, 00:45 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
        '06/03/2017, 00:46 - Anna: are you there?',
        '06/03/2017, 00:47 - Anna: call me back',
      ),
    );
    expect(conversation.isGroup).toBe(false);
    expect(conversation.groupEvidence).toEqual(['no group-only system event', '1 distinct author']);
  });

  it('#43 iOS 1:1 where the contact who authored the notice never writes', async () => {
    const { conversation } = await wa(
      lines(
        `[3/18/22, 14:56:01] Elon Musk: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
        '[3/18/22, 14:57:02] Me: hi',
        '[3/18/22, 14:58:03] Me: ping',
      ),
    );
    expect(conversation.isGroup).toBe(false);
    expect(conversation.groupEvidence).toEqual([
      'no group-only system event',
      'encryption notice authored by "Elon Musk", who never writes',
      '1 distinct author',
    ]);
    expect(conversation.participants).toEqual([{ name: 'Me', messages: 2 }]);
  });

  it('#43 group with two speakers plus a created-group line', async () => {
    const { conversation } = await wa(
      lines(
        '[14.08.2024, 21:00:10] Boris: Boris created group “Family”',
        '[14.08.2024, 21:01:00] Boris: hi',
        '[14.08.2024, 21:02:00] Me: hello',
      ),
      'WhatsApp Chat - Family.zip',
    );
    expect(conversation.isGroup).toBe(true);
    expect(conversation.groupEvidence).toEqual([
      'system event: created group',
      '2 distinct authors',
    ]);
  });

  it('#43 iOS group recognized by the notice authored by the group name, non-contacts and old wording', async () => {
    const byName = await wa(
      lines(
        `[6/22/21, 11:54:34] Football Sunday 10am: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
        '[6/22/21, 11:55:00] Anna: who plays?',
        '[6/22/21, 11:56:00] Ben: me',
      ),
    );
    expect(byName.conversation.isGroup).toBe(true);
    expect(byName.conversation.groupEvidence).toEqual([
      'encryption notice authored by non-participant "Football Sunday 10am"',
      '2 distinct authors',
    ]);
    expect(byName.conversation.participants.map((p) => p.name)).toEqual(['Anna', 'Ben']);

    const tilde = await wa(
      lines(`[6/22/21, 11:55:00] ~${NNBSP}Carolina: hi`, '[6/22/21, 11:56:00] Ben: hey'),
    );
    expect(tilde.conversation.isGroup).toBe(true);
    expect(tilde.conversation.groupEvidence).toEqual([
      'non-contact author (~)',
      '2 distinct authors',
    ]);

    const wording = await wa(
      lines(
        '06/03/2017, 00:45 - Messages to this group are now secured with end-to-end encryption. Tap for more info.',
        '06/03/2017, 00:46 - Anna: hi',
      ),
    );
    expect(wording.conversation.isGroup).toBe(true);
    expect(wording.conversation.groupEvidence).toEqual([
      'encryption notice: group wording',
      '1 distinct author',
    ]);

    const direct = await wa(
      lines(
        '06/03/2017, 00:45 - Messages to this chat and calls are now secured with end-to-end encryption. Tap for more info.',
        '06/03/2017, 00:46 - Anna: hi',
        '06/03/2017, 00:47 - Ben: hi',
      ),
    );
    expect(direct.conversation.isGroup).toBe(false);
    expect(direct.conversation.groupEvidence).toEqual([
      'no group-only system event',
      'encryption notice: 1:1 wording',
      '2 distinct authors',
    ]);
  });
});
