import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';

/**
 * Synthetic exports for the benchmarks: realistic line shapes (multi-line messages, media, system
 * lines, umlauts, CJK, emoji), a fixed seed, fictitious people.
 */

const SENDERS = [
  'Anna Müller',
  'Jonas Becker',
  'Leonie Schmitz',
  '~ Carolina',
  'Wei Zhang',
  'Tom O’Brien',
];
/** Everyday chat: most messages in a real export look like this. */
const SMALL_TALK = [
  'Guten Morgen zusammen ☀️',
  'ok 👍',
  'Bin in 10 Minuten da',
  'Danke dir!',
  'Wer kommt heute mit zum Mittagessen?',
  'Haha 😂😂 das glaube ich nicht',
  'Schönes Wochenende euch allen',
  'Kannst du mich kurz zurückrufen?',
  'See you tomorrow at 9',
  'Thanks, that works for me',
  'Running a bit late, sorry',
  'Did you see the game yesterday? 3:1!',
  '好的，收到',
  '明天见',
  '辛苦了 🙏',
  '我到了，在门口等你',
  'Der Zug hat wieder Verspätung 🙄',
  'Alles klar, bis später',
  'Happy birthday!! 🎉',
  'Wie war der Urlaub?',
];

/** Messages that carry something a detector must find (about one in ten in the generated chat). */
const TEXTS = [
  'Guten Morgen zusammen, der Termin mit dem Kunden ist um 14 Uhr.',
  'Kannst du mir die Rechnung schicken? Die IBAN ist DE89 3704 0044 0532 0130 00',
  'ok 👍',
  'Das Angebot für die Firma Beispiel GmbH liegt bei 12.400 € netto, Zahlungsziel 30 Tage.',
  '明天下午三点开会，请准备好报价单。',
  'Ruf mich an: +49 30 901820 17',
  'See you at the station, the train leaves at 9:41 from platform 7.',
  'Haha 😂😂 das glaube ich nicht',
  'Meine neue Adresse: Musterstraße 12, 10115 Berlin',
  'Passwort für das WLAN ist Sommer2024!',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Writes a WhatsApp Android (German locale) export of about `megabytes` MB. */
export async function writeWhatsAppExport(path: string, megabytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const random = rng(42);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let messages = 0;
  let time = Date.UTC(2021, 0, 1, 8, 0);
  let batch: string[] = [];
  const header = (t: number): string => {
    const d = new Date(t);
    return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${String(d.getUTCFullYear()).slice(2)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} - `;
  };
  batch.push(`${header(time)}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.\n`);
  while (written < target) {
    time += Math.floor(random() * 600_000);
    const sender = SENDERS[Math.floor(random() * SENDERS.length)]!;
    const roll = random();
    let line: string;
    if (roll < 0.05) line = `${header(time)}${sender}: <Medien ausgeschlossen>\n`;
    else if (roll < 0.07) line = `${header(time)}${sender.replace('~ ', '')} ist beigetreten\n`;
    else if (roll < 0.15) {
      line = `${header(time)}${sender}: ${TEXTS[Math.floor(random() * TEXTS.length)]}\nzweite Zeile\n\ndritte Zeile nach Leerzeile\n`;
    } else if (roll < 0.25) {
      line = `${header(time)}${sender}: ${TEXTS[Math.floor(random() * TEXTS.length)]}\n`;
    } else
      line = `${header(time)}${sender}: ${SMALL_TALK[Math.floor(random() * SMALL_TALK.length)]}\n`;
    batch.push(line);
    written += Buffer.byteLength(line);
    messages++;
    if (batch.length >= 2000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
  return messages;
}

/** Writes a WeChatMsg/MemoTrace 2.x per-contact CSV (UTF-8 BOM, CRLF) of about `megabytes` MB. */
export async function writeWeChatCsv(path: string, megabytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const random = rng(7);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let id = 0;
  let time = 1_700_000_000;
  let batch: string[] = [
    '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n',
  ];
  const who = [
    ['张伟', 'Zhang Wei', 'wxid_k3j2h1g0f9e8'],
    ['', '小明', 'wxid_me1234567890'],
  ] as const;
  while (written < target) {
    id++;
    time += Math.floor(random() * 300);
    const d = new Date((time + 8 * 3600) * 1000);
    const strTime = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const self = random() < 0.5 ? 1 : 0;
    const [remark, nick, wxid] = who[self];
    const roll = random();
    let content: string;
    let type = 1;
    if (roll < 0.05) {
      type = 3;
      content = '"<?xml version=""1.0""?>\r\n<msg><img aeskey=""abc"" length=""102400"" /></msg>"';
    } else if (roll < 0.15) content = '"好的，收到\r\n我会通知其他人"';
    else if (roll < 0.25) content = TEXTS[Math.floor(random() * TEXTS.length)]!.replace(/,/g, '，');
    else content = SMALL_TALK[Math.floor(random() * SMALL_TALK.length)]!.replace(/,/g, '，');
    const line = `${id},7,${type},0,${self},${time},2,${content},${strTime},${remark},${nick},${wxid}\r\n`;
    batch.push(line);
    written += Buffer.byteLength(line);
    if (batch.length >= 2000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
    }
  }
  out.end(batch.join(''));
  await once(out, 'finish');
  return id;
}

export async function sizeOf(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** Zips `textPath` as an iOS-style export (`_chat.txt` next to a fake photo). */
export async function writeZipOf(textPath: string, zipPath: string): Promise<void> {
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.alloc(512 * 1024, 0x5a), '00000035-PHOTO-2022-03-27-21-41-55.jpg', {
    compress: false,
  });
  zip.addFile(textPath, '_chat.txt');
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'finish');
}
