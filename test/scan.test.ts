import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectors } from '../detectors/index.js';
import type { Detector } from '../src/detect/detector.js';
import { findingsOf, scanFile } from '../src/scan.js';

const SAMPLES = join(import.meta.dirname, '..', 'samples');
const GROUP = join(SAMPLES, 'whatsapp', 'WhatsApp Chat mit Vertrieb Süd.txt');
const ONE_TO_ONE = join(SAMPLES, 'whatsapp', 'WhatsApp Chat with Jordan Lee.txt');
const CHINESE = join(SAMPLES, 'whatsapp', '与王芳的 WhatsApp 聊天.txt');

/** Flags every text message as work talk, the way the work detector will (in groups only). */
const everyMessageIsWork: Detector = {
  id: 'work/test-discussion',
  category: 'work',
  type: 'work-discussion',
  severity: 'low',
  languages: ['*'],
  description: 'test stand-in for the work detector',
  detect: (context) =>
    context.text.length > 0
      ? [
          {
            start: 0,
            end: 1,
            value: String(context.message.index),
            confidence: 0.9,
            explanation: 'test',
          },
        ]
      : [],
  examples: { match: [], noMatch: [] },
};

describe('scanFile', () => {
  it('drops group-only findings for 1:1 chats and keeps them for groups', async () => {
    const group = await scanFile(GROUP, [everyMessageIsWork], { reveal: false });
    const single = await scanFile(ONE_TO_ONE, [everyMessageIsWork], { reveal: false });
    const [g] = group.conversations;
    const [s] = single.conversations;
    expect(g?.conversation.isGroup).toBe(true);
    expect(findingsOf(g!).length).toBeGreaterThan(10);
    expect(g?.droppedGroupOnly).toBe(0);
    expect(s?.conversation.isGroup).toBe(false);
    expect(findingsOf(s!)).toEqual([]);
    expect(s?.digest.summary.findings).toBe(0);
    expect(s?.droppedGroupOnly).toBeGreaterThan(10);
  });

  it('keeps other findings whatever the chat', async () => {
    const single = await scanFile(ONE_TO_ONE, detectors, { reveal: false });
    expect(single.conversations[0]?.findings.count).toBeGreaterThan(0);
    expect(single.errors).toEqual([]);
  });

  it('guesses the languages of the messages', async () => {
    const [de] = (await scanFile(GROUP, [], { reveal: false })).conversations;
    const [en] = (await scanFile(ONE_TO_ONE, [], { reveal: false })).conversations;
    const [zh] = (await scanFile(CHINESE, [], { reveal: false })).conversations;
    expect(de?.languages[0]).toBe('de');
    expect(en?.languages).toEqual(['en']);
    expect(zh?.languages).toEqual(['zh']);
  });

  it('reports every parsed message and its findings for progress', async () => {
    let messages = 0;
    let findings = 0;
    const result = await scanFile(GROUP, detectors, {
      reveal: false,
      onMessage: (n) => {
        messages++;
        findings += n;
      },
    });
    const [conversation] = result.conversations;
    expect(messages).toBe(conversation?.conversation.coverage.messages);
    expect(findings).toBe(
      findingsOf(conversation!).filter((f) => f.type !== 'work-discussion').length,
    );
  });
});
