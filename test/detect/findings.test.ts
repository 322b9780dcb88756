import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { ConversationScanner, toFindings } from '../../src/detect/run-detectors.js';
import type { Message } from '../../src/model/conversation.js';

function message(text: string, extra: Partial<Message> = {}): Message {
  return {
    index: 7,
    line: 40,
    timestamp: '2024-03-02T14:45:28',
    sender: 'Sabine Koch',
    kind: 'text',
    text,
    ...extra,
  };
}

function scan(messages: Message[], reveal = false) {
  const scanner = new ConversationScanner(detectors, {
    id: 'conv-1',
    isGroup: true,
    platform: 'whatsapp',
  });
  return messages.flatMap((m) => toFindings('conv-1', scanner.scan(m), { reveal }));
}

describe('findings', () => {
  it('follow the report contract: type names, location line of the match, masked value and excerpt', () => {
    const finding = scan([
      message(
        'Hallo zusammen,\nder Kunde hat seine Bankverbindung geschickt: IBAN DE89 3704 0044 0532 0130 00',
      ),
    ]).find((f) => f.type === 'iban');
    expect(finding).toMatchObject({
      detector: 'pii/iban',
      category: 'pii',
      type: 'iban',
      severity: 'high',
      location: { line: 41, column: 52, messageIndex: 7 },
      message: { timestamp: '2024-03-02T14:45:28', sender: 'Sabine Koch' },
      value: 'DE89 **** **** **** **30 00',
    });
    expect(finding!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(finding!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(finding!.explanation).toMatch(/mod-97/);
    expect(finding!.excerpt).toContain('DE89 **** **** **** **30 00');
    expect(finding!.excerpt).not.toContain('0532');
  });

  it('masks every identifier in an excerpt, not only the finding it belongs to', () => {
    const found = scan([
      message('IBAN DE89 3704 0044 0532 0130 00, Handy +49 151 23456789, Kundennr. 10023456'),
    ]);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const f of found) {
      expect(f.excerpt).not.toContain('23456789');
      expect(f.excerpt).not.toContain('0044 0532');
      expect(f.excerpt).not.toContain('10023456');
    }
  });

  it('keeps the words of contract terms readable but hides their figures, in value and excerpt', () => {
    const found = scan([
      message('Für den Kunden gilt Zahlungsziel 45 Tage netto, IBAN DE89 3704 0044 0532 0130 00'),
    ]);
    const term = found.find((f) => f.type === 'payment-terms');
    expect(term?.value).toMatch(/^Zahlungsziel \*\* Tage/);
    for (const f of found) {
      expect(f.excerpt).toContain('DE89 **** **** **** **30 00');
      expect(f.excerpt).not.toMatch(/45/);
    }
  });

  it('shows the full value only with reveal', () => {
    const finding = scan([message('IBAN DE89 3704 0044 0532 0130 00')], true).find(
      (f) => f.type === 'iban',
    );
    expect(finding!.value).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('gives the same fingerprint to the same value quoted twice in a conversation', () => {
    const found = scan([
      message('IBAN DE89 3704 0044 0532 0130 00'),
      message('nochmal: de89370400440532013000', { index: 8, line: 41 }),
    ]).filter((f) => f.type === 'iban');
    expect(found).toHaveLength(2);
    expect(found[0]!.id).toBe(found[1]!.id);
  });

  it('skips system lines and deleted markers', () => {
    expect(
      scan([
        message('+49 151 23456789 changed their phone number', { kind: 'system', sender: null }),
      ]),
    ).toEqual([]);
  });

  it('reads full-width digits and reports the span as written', () => {
    const finding = scan(
      [message('身份证号是１１０１０５１９４９１２３１００２Ｘ，谢谢')],
      true,
    ).find((f) => f.category === 'pii');
    expect(finding).toMatchObject({
      type: 'cn-resident-id',
      value: '１１０１０５１９４９１２３１００２Ｘ',
    });
  });
});
