import { describe, expect, it } from 'vitest';
import { summarizeWork, type WorkFindingLike } from '../../src/work/summary.js';

const finding = (
  messageIndex: number,
  sender: string | null,
  confidence = 0.9,
): WorkFindingLike => ({
  type: 'work-discussion',
  confidence,
  location: { messageIndex },
  message: { sender },
});

describe('summarizeWork', () => {
  const participants = [
    { name: 'Anna Müller', messages: 40 },
    { name: 'Jonas Becker', messages: 30 },
    { name: 'Wei Zhang', messages: 20 },
    { name: 'Tom', messages: 10 },
  ];
  const findings = [
    finding(1, 'Anna Müller', 0.9),
    finding(2, 'Anna Müller', 0.85),
    finding(5, 'Jonas Becker', 0.95),
    finding(7, 'Anna Müller', 0.9),
    finding(9, 'Wei Zhang', 0.83),
    finding(11, 'Tom', 0.99),
    finding(12, 'Jonas Becker', 0.88),
  ];

  it('gives the share of work messages and the busiest senders', () => {
    const s = summarizeWork({ isGroup: true, messageCount: 100, participants }, findings);
    expect(s.workMessages).toBe(7);
    expect(s.messages).toBe(100);
    expect(s.share).toBeCloseTo(0.07);
    expect(s.meanConfidence).toBeCloseTo((0.9 + 0.85 + 0.95 + 0.9 + 0.83 + 0.99 + 0.88) / 7);
    expect(s.senders).toEqual([
      { name: 'Anna Müller', workMessages: 3, shareOfOwn: 3 / 40 },
      { name: 'Jonas Becker', workMessages: 2, shareOfOwn: 2 / 30 },
      { name: 'Tom', workMessages: 1, shareOfOwn: 1 / 10 },
    ]);
    expect(s.reason).toBe(
      'Work discussed in a group chat: 7 of 100 messages (7%) are work talk, mostly from ' +
        'Anna Müller (3), Jonas Becker (2) and Tom (1)',
    );
  });

  it('counts a message once and ignores other finding types', () => {
    const s = summarizeWork({ isGroup: true, messageCount: 10 }, [
      finding(1, 'A'),
      finding(1, 'A', 0.7),
      { ...finding(2, 'B'), type: 'iban' },
    ]);
    expect(s.workMessages).toBe(1);
    expect(s.senders).toEqual([{ name: 'A', workMessages: 1 }]);
    expect(s.reason).toBe(
      'Work discussed in a group chat: 1 of 10 messages (10%) are work talk, mostly from A (1)',
    );
  });

  it('gives no reason for one-to-one chats, no work, or a stray message in a long chat', () => {
    expect(summarizeWork({ isGroup: false, messageCount: 100 }, findings).reason).toBeNull();
    expect(summarizeWork({ isGroup: true, messageCount: 100 }, []).reason).toBeNull();
    const stray = summarizeWork({ isGroup: true, messageCount: 500 }, [finding(3, 'A')]);
    expect(stray.workMessages).toBe(1);
    expect(stray.reason).toBeNull();
  });

  it('names unknown senders and formats tiny shares', () => {
    const many = Array.from({ length: 3 }, (_, i) => finding(i, null));
    const s = summarizeWork({ isGroup: true, messageCount: 1000 }, many);
    expect(s.reason).toBe(
      'Work discussed in a group chat: 3 of 1000 messages (<1%) are work talk, mostly from (unknown sender) (3)',
    );
  });
});
