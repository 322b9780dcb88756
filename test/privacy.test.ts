import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { run } from '../src/cli/program.js';
import { pdfPages } from './report/pdf-text.js';

interface Outputs {
  text: string;
  values: Array<{ type: string; value: string }>;
}

/** Scans the bundled samples and returns every byte a user or a log could see, as text. */
async function scanSamples(reveal: boolean): Promise<Outputs> {
  const out = await mkdtemp(join(tmpdir(), 'chatleak-privacy-'));
  const io = memoryIo();
  await run(['scan', 'samples', '--out', out, ...(reveal ? ['--reveal'] : [])], io);
  const parts = [io.out(), io.err()];
  const values: Outputs['values'] = [];
  for (const name of await readdir(out)) {
    const bytes = await readFile(join(out, name));
    if (name.endsWith('.pdf')) parts.push((await pdfPages(bytes)).join('\n'));
    else parts.push(bytes.toString('utf8'));
    if (name.endsWith('.json') && name !== 'summary.json') {
      const report = JSON.parse(bytes.toString('utf8')) as {
        findings: Array<{ category: string; type: string; value: string }>;
      };
      for (const f of report.findings) {
        if (f.category === 'pii' || f.category === 'credential') values.push(f);
      }
    }
  }
  return { text: parts.join('\n'), values };
}

/** The forms a value can take in an output: as written, and its digits alone for long numbers. */
function forms(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 8 ? [value, digits] : [value];
}

describe('no leaks through the outputs', () => {
  it('repeats no full identifier or secret in any JSON, PDF, summary or stderr without --reveal', async () => {
    const revealed = await scanSamples(true);
    // The samples hold IBANs, cards, ids, phones, emails and passwords: the check has something to find.
    expect(new Set(revealed.values.map((v) => v.type)).size).toBeGreaterThanOrEqual(8);
    const masked = await scanSamples(false);
    const leaked = revealed.values
      .filter((v) => v.value.length >= 6)
      .filter((v) => forms(v.value).some((form) => masked.text.includes(form)));
    expect(leaked.map((v) => `${v.type}: ${v.value}`)).toEqual([]);
  });

  it('shows the values with --reveal (so the check above is not vacuous)', async () => {
    const revealed = await scanSamples(true);
    expect(revealed.text).toContain('DE89 3704 0044 0532 0130 00');
  });
});
