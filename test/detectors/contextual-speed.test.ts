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

it('scans ordinary chat fast and without findings', () => {
  const all = [...contextualPii, ...credentialDetectors];
  const input = messages(100_000);
  const scanner = new ConversationScanner(all, {
    id: 'speed',
    isGroup: true,
    platform: 'whatsapp',
  });
  let findings = 0;
  const examples: string[] = [];
  // Warm-up so JIT compilation does not count.
  for (const m of input.slice(0, 5_000)) scanner.scan(m);
  const started = performance.now();
  for (const m of input) {
    const found = scanner.scan(m);
    findings += found.length;
    if (found.length && examples.length < 5) examples.push(`${found[0]!.type}: ${m.text}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(input.length / seconds);
  const bytes = input.reduce((sum, m) => sum + Buffer.byteLength(m.text), 0);
  const mbps = (bytes / seconds / 1e6).toFixed(1);
  console.log(
    `contextual PII + credential detectors: ${rate} messages/s (${mbps} MB/s) over ${input.length} messages`,
  );
  expect(examples).toEqual([]);
  expect(findings).toBe(0);
  // Generous bound for slow CI machines; the measured rate is reported above.
  expect(rate).toBeGreaterThan(20_000);
});

it.runIf(process.env.PROFILE)('profiles each detector', () => {
  const input = messages(100_000);
  const all = [...contextualPii, ...credentialDetectors];
  for (const set of [[], ...all.map((d) => [d]), all]) {
    let rate = 0;
    for (let round = 0; round < 5; round++) {
      const scanner = new ConversationScanner(set, {
        id: 'p',
        isGroup: true,
        platform: 'whatsapp',
      });
      const started = performance.now();
      for (const m of input) scanner.scan(m);
      rate = Math.max(rate, Math.round(input.length / ((performance.now() - started) / 1000)));
    }
    console.log(`${set.length > 1 ? 'all' : (set[0]?.id ?? '(no detector)')}: ${rate} messages/s`);
  }
});
