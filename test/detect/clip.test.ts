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

describe('a message with thousands of findings', () => {
  it('masks every neighbour in every excerpt, as a message with few findings does', () => {
    const emails = Array.from({ length: 5_000 }, (_, i) => `kunde${i}@example.com`);
    const text = emails.join(', ');
    const message = {
      index: 0,
      line: 1,
      timestamp: '',
      sender: null,
      kind: 'text',
      text,
    } as Message;
    let at = 0;
    const raws: RawFinding[] = emails.map((email) => {
      const start = text.indexOf(email, at);
      at = start + email.length;
      return {
        detector: { id: 'pii/email' } as Detector,
        category: 'pii',
        type: 'email',
        severity: 'medium',
        confidence: 0.95,
        explanation: 'syntax',
        value: email,
        start,
        end: start + email.length,
        message,
      };
    });
    const many = toFindings('c', raws, { reveal: false });
    // 60 findings take the plain path; their excerpts depend only on nearby spans.
    const few = toFindings('c', raws.slice(0, 60), { reveal: false });
    expect(many.slice(0, 50)).toEqual(few.slice(0, 50));
    for (const finding of many) {
      expect(finding.excerpt).not.toMatch(/kunde\d+@example\.com/);
      expect(finding.location.line).toBe(1);
    }
    expect(many[4_999]!.location.column).toBe(raws[4_999]!.start + 1);
  });
});
