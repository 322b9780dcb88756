import { readFile, readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectors } from '../detectors/index.js';
import { normalizeText } from '../src/detect/normalize.js';
import { ConversationScanner } from '../src/detect/run-detectors.js';
import { InputError } from '../src/errors.js';
import { chooseParser } from '../src/ingest/index.js';
import { memorySource, textInputFor } from '../src/ingest/text-input.js';
import type { Message } from '../src/model/conversation.js';

/** Parses bytes the way `scan` does; bad input may only ever surface as an InputError. */
async function parseBytes(name: string, bytes: Uint8Array): Promise<Message[]> {
  const source = memorySource(name, bytes, { chunkSize: 997 });
  const messages: Message[] = [];
  try {
    const parser = await chooseParser(source);
    await parser.parse(textInputFor(source), (_c, m) => messages.push(m));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  return messages;
}

async function sampleTexts(): Promise<Array<{ name: string; bytes: Buffer }>> {
  const out: Array<{ name: string; bytes: Buffer }> = [];
  for (const dir of ['samples/whatsapp', 'samples/wechat']) {
    for (const name of await readdir(dir)) {
      if (/\.(txt|csv)$/.test(name)) out.push({ name, bytes: await readFile(`${dir}/${name}`) });
    }
  }
  return out;
}

describe('parsers on hostile input', () => {
  it('never throw anything but an InputError on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, csv) => {
        await parseBytes(csv ? 'x.csv' : 'x.txt', bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('survive truncated and mutated real exports', async () => {
    const samples = await sampleTexts();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: samples.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })),
          {
            maxLength: 8,
          },
        ),
        async (which, cut, flips) => {
          const { name, bytes } = samples[which]!;
          const mutated = Buffer.from(bytes.subarray(0, Math.floor(bytes.length * cut)));
          for (const [at, value] of flips) {
            if (mutated.length > 0) mutated[Math.floor(at * (mutated.length - 1))] = value;
          }
          await parseBytes(name, mutated);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lose no message of a clean export when garbage is appended', async () => {
    const samples = (await sampleTexts()).filter((s) => s.name.endsWith('.txt'));
    for (const { name, bytes } of samples) {
      const clean = await parseBytes(name, bytes);
      const noisy = await parseBytes(
        name,
        Buffer.concat([bytes, Buffer.from('\n\u0000\u0001garbage \uFFFD\n')]),
      );
      expect(noisy.length, name).toBeGreaterThanOrEqual(clean.length);
      expect(
        noisy.slice(0, clean.length - 1).map((m) => m.text),
        name,
      ).toEqual(clean.slice(0, clean.length - 1).map((m) => m.text));
    }
  });
});

describe('detectors on hostile text', () => {
  it('never throw on random Unicode (bidi marks, emoji, full-width forms, digits)', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789 +-.,:/@()[]#*\n'.split(''),
      '\u200E',
      '\u202A',
      '\u202C',
      '\u2068',
      '\uFEFF',
      '\u00A0',
      '\u202F',
      '\u3000',
      '１',
      '２',
      '＠',
      '，',
      '。',
      'Ä',
      'ß',
      '身',
      '份',
      '证',
      '👍',
      '👨‍👩‍👧',
      'IBAN',
      'DE',
      'Tel',
      'Passwort',
      '密码',
      'Angebot',
      '合同',
      '\uD800',
    );
    const scanner = new ConversationScanner(detectors, {
      id: 'fuzz',
      isGroup: true,
      platform: 'wechat',
    });
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }), (parts) => {
        const text = parts.join('');
        // Called directly: the scanner would swallow a detector's exception.
        const normalized = normalizeText(text).text;
        for (const detector of detectors) {
          detector.detect({
            text: normalized,
            before: '',
            message: { index: 0, line: 1, timestamp: '', sender: 'A', kind: 'text', text },
            conversation: { isGroup: true, platform: 'wechat' },
          });
        }
        const found = scanner.scan({
          index: 0,
          line: 1,
          timestamp: '',
          sender: 'A',
          kind: 'text',
          text,
        });
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
        }
      }),
      { numRuns: 400 },
    );
  });
});
