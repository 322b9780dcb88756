/**
 * Checks the evaluation set itself (not the detectors): shape, labels that point at real text,
 * valid checksums, no text shared between the tuning and the held-out part, minimum counts.
 */
import { readFileSync } from 'node:fs';
import type { CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_TYPES,
  CREDENTIAL_TYPES,
  PII_TYPES,
  categoryOf,
  goldSpans,
  parseEvalSet,
  type EvalMessage,
} from '../scripts/eval-score.js';
import { validateValue } from './eval/values.js';

const read = (name: string): { raw: string; messages: EvalMessage[] } => {
  const raw = readFileSync(new URL(`./eval/${name}.jsonl`, import.meta.url), 'utf8');
  return { raw, messages: parseEvalSet(raw) };
};
const parts = { dev: read('dev'), holdout: read('holdout') };

const MIN_MESSAGES = 250;
const MIN_NEGATIVE_SHARE = 0.4;
const MIN_PII = 12;
const MIN_CONTRACT_MESSAGES = 6;
const MIN_CREDENTIAL = 6;
const HARD_CASES = 25;
const KEYS = new Set(['id', 'lang', 'platform', 'group', 'before', 'text', 'labels', 'hard']);
const REGION: Record<EvalMessage['lang'], CountryCode> = { de: 'DE', en: 'GB', zh: 'CN' };

describe.each(Object.entries(parts))('evaluation set: %s', (name, { raw, messages }) => {
  it('is one JSON object per line, with the documented shape', () => {
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBe(messages.length);
    for (const m of messages) {
      const where = `${name}/${m.id}`;
      for (const key of Object.keys(m)) expect(KEYS.has(key), `${where}: key ${key}`).toBe(true);
      expect(typeof m.id, where).toBe('string');
      expect(['de', 'en', 'zh'], where).toContain(m.lang);
      expect(['whatsapp', 'wechat'], where).toContain(m.platform);
      expect(typeof m.group, where).toBe('boolean');
      if (m.before !== undefined) expect(typeof m.before, where).toBe('string');
      expect(typeof m.text, where).toBe('string');
      expect(m.text.trim().length, where).toBeGreaterThan(0);
      expect(Array.isArray(m.labels), where).toBe(true);
      for (const label of m.labels) {
        const category = categoryOf(label.type);
        expect(category, `${where}: unknown type ${label.type}`).toBeDefined();
        if (category === 'contract')
          expect(label.value, `${where}: contract label`).toBeUndefined();
        else expect(typeof label.value, `${where}: ${label.type} needs a value`).toBe('string');
      }
      const contract = m.labels.filter((l) => categoryOf(l.type) === 'contract').map((l) => l.type);
      expect(new Set(contract).size, `${where}: repeated contract type`).toBe(contract.length);
      if (m.hard !== undefined) {
        for (const h of m.hard) expect(h >= 1 && h <= HARD_CASES, `${where}: hard ${h}`).toBe(true);
      }
    }
  });

  it('has unique ids and no repeated texts', () => {
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
    const texts = messages.map((m) => m.text.trim());
    const repeated = texts.filter((t, i) => texts.indexOf(t) !== i);
    expect(repeated).toEqual([]);
  });

  it('labels values that occur in the text, without overlapping each other', () => {
    for (const m of messages) {
      const spans = goldSpans(m);
      for (const a of spans) {
        for (const b of spans) {
          if (a === b) continue;
          const overlap = a.start < b.end && b.start < a.end;
          expect(overlap, `${name}/${m.id}: ${a.type} overlaps ${b.type}`).toBe(false);
        }
      }
    }
  });

  it('uses only valid checksummed values (ibantools, stdnum, validator, libphonenumber-js)', () => {
    const invalid: string[] = [];
    for (const m of messages) {
      for (const label of m.labels) {
        if (label.value === undefined) continue;
        const ok = validateValue(label.type, label.value, {
          region: REGION[m.lang],
          before: m.before,
        });
        if (ok === false) invalid.push(`${m.id} ${label.type} ${JSON.stringify(label.value)}`);
      }
    }
    expect(invalid).toEqual([]);
  });

  it('is big enough, with enough negatives and every language', () => {
    expect(messages.length).toBeGreaterThanOrEqual(MIN_MESSAGES);
    const negatives = messages.filter((m) => m.labels.length === 0).length;
    expect(negatives / messages.length).toBeGreaterThanOrEqual(MIN_NEGATIVE_SHARE);
    for (const lang of ['de', 'en', 'zh'] as const) {
      const share = messages.filter((m) => m.lang === lang).length / messages.length;
      expect(share, lang).toBeGreaterThan(0.25);
      expect(share, lang).toBeLessThan(0.42);
    }
    for (const platform of ['whatsapp', 'wechat'] as const)
      expect(messages.some((m) => m.platform === platform)).toBe(true);
    expect(messages.some((m) => m.group)).toBe(true);
    expect(messages.some((m) => m.before !== undefined)).toBe(true);
  });

  it('meets the minimum positives per type', () => {
    const labels = new Map<string, number>();
    const contractMessages = new Map<string, number>();
    for (const m of messages) {
      for (const l of m.labels) labels.set(l.type, (labels.get(l.type) ?? 0) + 1);
      for (const t of new Set(m.labels.map((l) => l.type)))
        contractMessages.set(t, (contractMessages.get(t) ?? 0) + 1);
    }
    const short: string[] = [];
    for (const t of PII_TYPES) if ((labels.get(t) ?? 0) < MIN_PII) short.push(t);
    for (const t of CREDENTIAL_TYPES) if ((labels.get(t) ?? 0) < MIN_CREDENTIAL) short.push(t);
    for (const t of CONTRACT_TYPES)
      if ((contractMessages.get(t) ?? 0) < MIN_CONTRACT_MESSAGES) short.push(t);
    expect(short).toEqual([]);
  });

  it('covers all 25 hard cases of detection.md', () => {
    const covered = new Set(messages.flatMap((m) => m.hard ?? []));
    const missing = Array.from({ length: HARD_CASES }, (_, i) => i + 1).filter(
      (h) => !covered.has(h),
    );
    expect(missing).toEqual([]);
  });
});

describe('dev and holdout', () => {
  it('share no message text and no ids', () => {
    const norm = (t: string): string =>
      t.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
    const devTexts = new Set(parts.dev.messages.map((m) => norm(m.text)));
    const shared = parts.holdout.messages
      .filter((m) => devTexts.has(norm(m.text)))
      .map((m) => m.id);
    expect(shared).toEqual([]);
    const devIds = new Set(parts.dev.messages.map((m) => m.id));
    expect(parts.holdout.messages.filter((m) => devIds.has(m.id))).toEqual([]);
  });

  it('share no labelled identifier', () => {
    const values = (ms: EvalMessage[]): Set<string> =>
      new Set(
        ms.flatMap((m) =>
          m.labels
            .filter((l) => l.value !== undefined && categoryOf(l.type) !== 'contract')
            .map(
              (l) => `${l.type}:${l.value!.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase()}`,
            ),
        ),
      );
    const dev = values(parts.dev.messages);
    const shared = [...values(parts.holdout.messages)].filter(
      (v) => dev.has(v) && !v.startsWith('date-of-birth:'),
    );
    expect(shared).toEqual([]);
  });

  it('are roughly the same size', () => {
    const ratio = parts.dev.messages.length / parts.holdout.messages.length;
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });
});
