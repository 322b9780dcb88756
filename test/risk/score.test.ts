import { describe, expect, it } from 'vitest';
import type { Category, Finding, Severity } from '../../src/model/finding.js';
import { FindingDigest } from '../../src/findings/digest.js';
import { GROUP_ONLY_TYPES } from '../../src/risk/group-only.js';
import {
  ageWeight,
  assessRisk,
  LEVEL_THRESHOLDS,
  levelFor,
  type RiskConversation,
} from '../../src/risk/score.js';

const AS_OF = new Date('2026-11-23T10:00:00Z');
let counter = 0;

function finding(
  type: string,
  options: {
    category?: Category;
    severity?: Severity;
    confidence?: number;
    id?: string;
    timestamp?: string;
  } = {},
): Finding {
  counter++;
  return {
    id: options.id ?? `id-${type}-${counter}`,
    detector: `${options.category ?? 'pii'}/${type}`,
    category: options.category ?? 'pii',
    type,
    severity: options.severity ?? 'high',
    confidence: options.confidence ?? 0.95,
    location: { line: counter, column: 1, messageIndex: counter },
    message: { timestamp: options.timestamp ?? '2026-11-01T12:00:00', sender: 'Anna' },
    value: '***',
    excerpt: '***',
    explanation: 'test',
  };
}

const ONE_TO_ONE: RiskConversation = { platform: 'whatsapp', isGroup: false, participants: 2 };
const WA_GROUP: RiskConversation = { platform: 'whatsapp', isGroup: true, participants: 8 };
const WECHAT_GROUP: RiskConversation = { platform: 'wechat', isGroup: true, participants: 8 };

describe('levels', () => {
  it('maps scores to levels at the documented thresholds', () => {
    expect(levelFor(0)).toBe('none');
    expect(levelFor(1)).toBe('low');
    expect(levelFor(LEVEL_THRESHOLDS.medium - 1)).toBe('low');
    expect(levelFor(LEVEL_THRESHOLDS.medium)).toBe('medium');
    expect(levelFor(LEVEL_THRESHOLDS.high)).toBe('high');
    expect(levelFor(LEVEL_THRESHOLDS.critical)).toBe('critical');
    expect(levelFor(100)).toBe('critical');
  });
});

describe('assessRisk', () => {
  it('is none with a plain reason when nothing was found', () => {
    const risk = assessRisk([], ONE_TO_ONE, { asOf: AS_OF });
    expect(risk.score).toBe(0);
    expect(risk.level).toBe('none');
    expect(risk.reasons).toEqual([
      'No customer data, contract terms, credentials or work talk found',
    ]);
  });

  it('lifts a single confident high finding to medium and a critical one to high', () => {
    const iban = assessRisk([finding('iban')], ONE_TO_ONE, { asOf: AS_OF });
    expect(iban.level).toBe('medium');
    expect(iban.score).toBe(LEVEL_THRESHOLDS.medium);
    const key = assessRisk(
      [finding('private-key', { category: 'credential', severity: 'critical' })],
      ONE_TO_ONE,
      { asOf: AS_OF },
    );
    expect(key.level).toBe('high');
    // An unsure finding gets no floor.
    const unsure = assessRisk([finding('iban', { confidence: 0.6 })], ONE_TO_ONE, { asOf: AS_OF });
    expect(unsure.level).toBe('low');
  });

  it('counts a repeated fingerprint once fully and its repeats little', () => {
    const distinct = Array.from({ length: 6 }, () => finding('phone', { severity: 'medium' }));
    const repeated = Array.from({ length: 6 }, () =>
      finding('phone', { severity: 'medium', id: 'same' }),
    );
    const a = assessRisk(distinct, ONE_TO_ONE, { asOf: AS_OF });
    const b = assessRisk(repeated, ONE_TO_ONE, { asOf: AS_OF });
    const once = assessRisk([finding('phone', { severity: 'medium', id: 'same' })], ONE_TO_ONE, {
      asOf: AS_OF,
    });
    expect(b.factors.points).toBeCloseTo(once.factors.points * 1.5, 1);
    expect(a.score).toBeGreaterThan(b.score);
    expect(b.factors.repeats).toBe(5);
    expect(b.factors.distinct).toBe(1);
    expect(b.reasons.some((r) => r.includes('shared again 5 times'))).toBe(true);
    // Many repeats stop adding at all.
    const many = Array.from({ length: 50 }, () =>
      finding('phone', { severity: 'medium', id: 'same' }),
    );
    expect(assessRisk(many, ONE_TO_ONE, { asOf: AS_OF }).factors.points).toBeCloseTo(
      b.factors.points,
      5,
    );
  });

  it('weighs recent leaks more than old ones', () => {
    const recent = [finding('iban'), finding('iban'), finding('phone', { severity: 'medium' })];
    const old = recent.map((f) => ({
      ...f,
      message: { ...f.message, timestamp: '2018-01-15T09:00:00' },
    }));
    const r = assessRisk(recent, ONE_TO_ONE, { asOf: AS_OF });
    const o = assessRisk(old, ONE_TO_ONE, { asOf: AS_OF });
    expect(r.score).toBeGreaterThan(o.score);
    expect(r.reasons.some((x) => x.startsWith('Recent'))).toBe(true);
    expect(o.reasons).toContain('All findings are more than 2 years old, which lowers the score');
    expect(ageWeight(0)).toBe(1);
    expect(ageWeight(365)).toBeCloseTo(0.75);
    expect(ageWeight(10_000)).toBeCloseTo(0.5, 2);
  });

  it('weighs groups, participants and WeChat higher than a WhatsApp 1:1 chat', () => {
    const found = [
      finding('price', { category: 'contract', severity: 'medium' }),
      finding('phone', { severity: 'medium' }),
    ];
    const oneToOne = assessRisk(found, ONE_TO_ONE, { asOf: AS_OF });
    const group = assessRisk(found, WA_GROUP, { asOf: AS_OF });
    const bigGroup = assessRisk(found, { ...WA_GROUP, participants: 40 }, { asOf: AS_OF });
    const wechat = assessRisk(found, WECHAT_GROUP, { asOf: AS_OF });
    expect(group.score).toBeGreaterThan(oneToOne.score);
    expect(bigGroup.score).toBeGreaterThan(group.score);
    expect(wechat.score).toBeGreaterThan(group.score);
    expect(group.factors.exposure).toBeCloseTo(1.25 * 1.12, 5);
    expect(bigGroup.factors.participants).toBe(1.5);
    expect(wechat.factors.platform).toBe(1.2);
  });

  it('stays within 0–100 however much is found', () => {
    const lots = Array.from({ length: 500 }, () =>
      finding('api-key', { category: 'credential', severity: 'critical' }),
    );
    const risk = assessRisk(lots, WECHAT_GROUP, { asOf: AS_OF });
    expect(risk.score).toBe(100);
    expect(risk.level).toBe('critical');
  });

  it('explains in plain language what was shared, counting distinct values', () => {
    const found = [
      finding('iban'),
      finding('iban'),
      finding('iban'),
      finding('iban', { id: 'dup' }),
      finding('iban', { id: 'dup' }),
      finding('phone', { severity: 'medium' }),
      finding('phone', { severity: 'medium' }),
    ];
    const risk = assessRisk(found, ONE_TO_ONE, { asOf: AS_OF });
    expect(risk.reasons[0]).toBe('4 IBANs and 2 phone numbers shared');
  });

  it('names WeChat server-side access for contract terms in a WeChat group', () => {
    const found = [
      finding('price', { category: 'contract', severity: 'medium' }),
      finding('payment-terms', { category: 'contract', severity: 'medium' }),
    ];
    const risk = assessRisk(found, WECHAT_GROUP, { asOf: AS_OF });
    expect(risk.reasons[0]).toBe(
      'Contract terms (payment terms and prices) discussed in a WeChat group, which Tencent can read server-side',
    );
    expect(
      risk.reasons.some((r) => r.startsWith('Shared in a group: everything reached all 8')),
    ).toBe(true);
    const oneToOne = assessRisk(
      found,
      { platform: 'wechat', isGroup: false, participants: 2 },
      { asOf: AS_OF },
    );
    expect(oneToOne.reasons[0]).toContain('a WeChat chat, which Tencent can read server-side');
  });

  it('lists credentials and work talk', () => {
    const risk = assessRisk(
      [
        finding('password', { category: 'credential' }),
        finding('work-discussion', { category: 'work', severity: 'low' }),
        finding('work-discussion', { category: 'work', severity: 'low' }),
      ],
      WA_GROUP,
      { asOf: AS_OF },
    );
    expect(risk.reasons).toContain(
      'Credentials shared: 1 password; anyone in the chat can use them',
    );
    expect(risk.reasons).toContain(
      'Work discussed in a WhatsApp group with 8 participants (2 messages)',
    );
  });

  it('counts work talk as one conversation-level factor, however many messages', () => {
    const work = (n: number) =>
      Array.from({ length: n }, () =>
        finding('work-discussion', { category: 'work', severity: 'low', confidence: 1 }),
      );
    const few = assessRisk(work(5), WA_GROUP, { asOf: AS_OF });
    const many = assessRisk(work(300), WA_GROUP, { asOf: AS_OF });
    expect(many.factors.points).toBe(15);
    expect(few.factors.points).toBeLessThan(15);
    expect(many.level).toBe('medium');
    // Personal data outranks the capped work reason.
    const mixed = assessRisk([...work(300), finding('iban'), finding('iban')], WA_GROUP, {
      asOf: AS_OF,
    });
    expect(mixed.reasons[0]).toBe('2 IBANs shared');
  });

  it('takes extra conversation-level reasons (the work hook) into score and reasons', () => {
    const extra = {
      reason: 'Work (orders, customers) discussed in a WeChat group of 8',
      points: 15,
      category: 'work' as const,
    };
    const without = assessRisk([], WECHAT_GROUP, { asOf: AS_OF });
    const withExtra = assessRisk([], WECHAT_GROUP, { asOf: AS_OF, extraReasons: [extra] });
    expect(without.level).toBe('none');
    expect(withExtra.score).toBeGreaterThan(0);
    expect(withExtra.reasons).toEqual([extra.reason]);
    // The extra work reason replaces the generic work line.
    const both = assessRisk(
      [finding('work-discussion', { category: 'work', severity: 'low' })],
      WECHAT_GROUP,
      { asOf: AS_OF, extraReasons: [extra] },
    );
    expect(both.reasons.filter((r) => r.startsWith('Work'))).toEqual([extra.reason]);
  });

  it('is deterministic and pure', () => {
    const found = [finding('iban'), finding('email', { severity: 'medium' })];
    const copy = JSON.parse(JSON.stringify(found)) as Finding[];
    expect(assessRisk(found, WA_GROUP, { asOf: AS_OF })).toEqual(
      assessRisk(found, WA_GROUP, { asOf: AS_OF }),
    );
    expect(found).toEqual(copy);
  });
});

describe('group-only findings', () => {
  it('drops work talk from 1:1 chats and keeps it in groups', () => {
    const found = [
      finding('iban'),
      finding('work-discussion', { category: 'work', severity: 'low' }),
    ];
    expect(GROUP_ONLY_TYPES.has('work-discussion')).toBe(true);
    const digest = new FindingDigest(AS_OF, GROUP_ONLY_TYPES);
    for (const f of found) digest.add(f);
    const single = digest.finish(false);
    expect(single.dropped).toBe(1);
    expect(single.summary.byType).toEqual({ iban: 1 });
    expect(single.table.rows).toEqual([found[0]]);
    expect(single.risk.assess(ONE_TO_ONE, {}, single.keep)).toEqual(
      assessRisk([found[0]!], ONE_TO_ONE, { asOf: AS_OF }),
    );
    const group = digest.finish(true);
    expect(group.dropped).toBe(0);
    expect(group.summary.byType).toEqual({ iban: 1, 'work-discussion': 1 });
    expect(group.table.rows).toEqual(found);
    expect(group.risk.assess(WA_GROUP, {}, group.keep)).toEqual(
      assessRisk(found, WA_GROUP, { asOf: AS_OF }),
    );
  });

  it('counts every work message on its own, also when two say the same', () => {
    const work = (index: number): Finding => ({
      ...finding('work-discussion', { category: 'work', severity: 'low', id: 'same-text' }),
      location: { line: index + 1, column: 1, messageIndex: index },
    });
    const assessed = assessRisk([work(1), work(2)], WA_GROUP, { asOf: AS_OF });
    expect(assessed.factors.distinct).toBe(2);
    expect(assessed.factors.repeats).toBe(0);
  });
});
