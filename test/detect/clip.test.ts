import { describe, expect, it } from 'vitest';
import type { Detector } from '../../src/detect/detector.js';
import { MAX_SHOWN_CHARS, toFindings } from '../../src/detect/findings.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import type { Message } from '../../src/model/conversation.js';

describe('values and excerpts of long findings', () => {
  it('shows at most MAX_SHOWN_CHARS of a work message spanning 1 MB, never half an emoji', () => {
    const text = `Angebot für den Kunden 👍 ${'Bitte bis Freitag prüfen 📎 '.repeat(40_000)}`;
    const message = {
      index: 3,
      line: 7,
      timestamp: '2026-01-02T10:00:00',
      sender: 'Anna',
      kind: 'text',
      text,
    } as Message;
    const raw: RawFinding = {
      detector: { id: 'work/work-discussion' } as Detector,
      category: 'work',
      type: 'work-discussion',
      severity: 'low',
      confidence: 0.9,
      explanation: 'work words: angebot',
      value: text,
      start: 0,
      end: text.length,
      message,
    };
    for (const reveal of [false, true]) {
      const [finding] = toFindings('c', [raw], { reveal });
      for (const shown of [finding!.value, finding!.excerpt]) {
        expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN_CHARS + 2);
        expect(shown.endsWith('…')).toBe(true);
        expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }
    }
  });
});
