import { expect, it } from 'vitest';
import { credentialDetectors } from '../../detectors/credential/index.js';
import { contextualPii } from '../../detectors/pii/contextual.js';
import type { Message } from '../../src/model/conversation.js';
import { ConversationScanner } from '../../src/detect/run-detectors.js';

// Ordinary small talk in German, English and Chinese, with the times, counts and dates chats have.
const TEMPLATES = [
  'Guten Morgen! Wie geht es dir?',
  'Bin in {n} Minuten da',
  'Treffen wir uns um {h}:{m} am Bahnhof?',
  'Haha 😂 das glaube ich nicht',
  'ok 👍',
  'Danke dir, schönes Wochenende!',
  'Hast du das Spiel gestern gesehen? {n}:{k}, unglaublich',
  'Kannst du Milch und Brot mitbringen?',
  'Der Zug hat wieder {n} Minuten Verspätung 🙄',
  'Am {d}.{mo}. habe ich Urlaub, dann fahren wir an die Ostsee',
  'Ich schicke dir später die Fotos',
  'Wie war dein Tag?',
  'Das Wetter ist heute richtig schön ☀️',
  'Wir sind {n} Leute, reicht der Tisch?',
  'Good morning! How are you?',
  'See you at {h}:{m} in front of the cinema',
  'lol that is hilarious',
  'Can you pick up the kids today?',
  'Running {n} minutes late, sorry!',
  'Happy birthday!! 🎉 Have a great day',
  'The game starts at {h}pm, are you coming?',
  'I paid {n} dollars for the tickets',
  'Thanks a lot, talk to you tomorrow',
  'Did you watch the new episode?',
  'Let us meet on {mo}/{d} for lunch',
  '早上好！今天天气不错',
  '我{n}分钟后到',
  '晚上{h}点一起吃饭吧',
  '哈哈哈，太好笑了',
  '周末有空吗？一起去爬山',
  '好的，没问题',
  '今天加班到{h}点，累死了',
  '这个电影{n}块钱一张票',
  '生日快乐！🎂',
  '我们{mo}月{d}号去旅游',
  '谢谢你的帮助',
  'Guck mal, der Link: https://example.com/video/{n}',
  'Raum {n} im {k}. Stock',
  'Die Pizza kostet {n},50 €',
  'Mein Akku ist bei {k} %',
];

function messages(count: number): Message[] {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const int = (max: number): number => Math.floor(random() * max);
  const out: Message[] = [];
  for (let i = 0; i < count; i++) {
    const text = TEMPLATES[int(TEMPLATES.length)]!.replace(/\{(\w+)\}/g, (_, k: string) => {
      const value = {
        n: 1 + int(200),
        h: int(24),
        m: int(60),
        d: 1 + int(28),
        mo: 1 + int(12),
        k: int(9),
      }[k];
      return String(value ?? '');
    });
    out.push({
      index: i,
      line: i + 1,
      timestamp: '2024-05-01T12:00:00',
      sender: 'A',
      kind: 'text',
      text,
    });
  }
  return out;
}

// Speed is measured by `npm run bench`, not here: machines are too noisy for timed assertions.
it('finds nothing in ordinary small talk', () => {
  const all = [...contextualPii, ...credentialDetectors];
  const scanner = new ConversationScanner(all, {
    id: 'small-talk',
    isGroup: true,
    platform: 'whatsapp',
  });
  const examples: string[] = [];
  for (const m of messages(20_000)) {
    const found = scanner.scan(m);
    if (found.length && examples.length < 5) examples.push(`${found[0]!.type}: ${m.text}`);
  }
  expect(examples).toEqual([]);
});
