import { copyFile, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import type { ConversationReport, RunSummary } from '../../src/report/types.js';
import { pdfPages } from './pdf-text.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const WANG_FANG = join(SAMPLES, 'whatsapp', '与王芳的 WhatsApp 聊天.txt');
const VERTRIEB = join(SAMPLES, 'whatsapp', 'WhatsApp Chat mit Vertrieb Süd.txt');
const ACME = join(SAMPLES, 'whatsapp', 'WhatsApp Chat - Acme Procurement.zip');
const WECHAT_ALL = join(SAMPLES, 'wechat', 'messages.csv');

const schema = JSON.parse(
  await readFile(join(import.meta.dirname, '..', '..', 'docs', 'report.schema.json'), 'utf8'),
) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema, 'report');
const validateReport = ajv.getSchema('report#/$defs/conversationReport')!;
const validateSummary = ajv.getSchema('report#/$defs/runSummary')!;
const validateAny = ajv.getSchema('report')!;

async function tempDir(prefix = 'chatleak-reports-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

async function scan(args: string[]) {
  const io = memoryIo();
  const code = await run(['scan', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Validates every JSON file in `dir` against the schema; returns the file names. */
async function validateAll(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const data = await readJson<unknown>(join(dir, name));
    const validate = name === 'summary.json' ? validateSummary : validateReport;
    const ok = validate(data);
    expect(ok, `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    expect(validateAny(data), name).toBe(true);
  }
  return names;
}

describe('chatleak scan writes reports', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof scan>>;
  let summary: RunSummary;

  beforeAll(async () => {
    out = join(await tempDir(), 'reports');
    result = await scan([WANG_FANG, VERTRIEB, ACME, WECHAT_ALL, '--out', out]);
    summary = await readJson<RunSummary>(join(out, 'summary.json'));
  });

  it('writes one JSON and one PDF per conversation plus summary.json and summary.pdf', async () => {
    expect(result.code).toBe(1); // high findings, default --fail-on high
    expect(result.out).toBe('');
    const files = (await readdir(out)).sort();
    expect(files).toContain('summary.json');
    expect(files).toContain('summary.pdf');
    expect(files).toContain('与王芳的-WhatsApp-聊天.json');
    expect(files).toContain('与王芳的-WhatsApp-聊天.pdf');
    expect(files).toContain('WhatsApp-Chat-mit-Vertrieb-Süd.pdf');
    expect(files).toContain('messages--项目三组.json');
    // 1 + 1 + 1 + 3 conversations, two files each, plus the summary pair.
    expect(files).toHaveLength(14);
    expect(summary.conversations).toHaveLength(6);
    for (const entry of summary.conversations) {
      expect(files).toContain(entry.reports.json);
      expect(files).toContain(entry.reports.pdf);
    }
  });

  it('writes reports that validate against docs/report.schema.json', async () => {
    const names = await validateAll(out);
    expect(names).toHaveLength(7);
  });

  it('fills the contract fields of a conversation report', async () => {
    const report = await readJson<ConversationReport>(join(out, '与王芳的-WhatsApp-聊天.json'));
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'chatleak', version: expect.any(String) as string });
    expect(report.source.path).toBe(WANG_FANG);
    expect(report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.conversation).toMatchObject({
      title: '王芳',
      platform: 'whatsapp',
      isGroup: false,
      languages: ['zh'],
    });
    expect(report.conversation.participants.map((p) => p.name)).toContain('王芳');
    expect(report.conversation.messageCount).toBe(report.coverage.messages);
    expect(report.summary.findings).toBe(report.findings.length);
    expect(Object.values(report.summary.byCategory).reduce((a, b) => a + b, 0)).toBe(
      report.findings.length,
    );
    expect(report.risk.level).not.toBe('none');
    expect(report.risk.reasons.length).toBeGreaterThan(0);
    const lines = report.findings.map((f) => f.location.messageIndex);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('sorts the summary by risk and counts totals and coverage', () => {
    const scores = summary.conversations.map((c) => c.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(summary.totals.conversations).toBe(6);
    expect(summary.totals.files).toBe(4);
    expect(summary.totals.findings).toBe(summary.conversations.reduce((n, c) => n + c.findings, 0));
    expect(summary.coverage.skippedEntries).toBeGreaterThan(0); // media in the Acme zip
    expect(summary.failed).toEqual([]);
    const acme = summary.conversations.find((c) => c.source.path === ACME);
    expect(acme?.source.entry).toBe('_chat.txt');
  });

  it('masks values in the JSON and the PDF', async () => {
    const json = await readFile(join(out, 'WhatsApp-Chat-mit-Vertrieb-Süd.json'), 'utf8');
    const pdf = (
      await pdfPages(await readFile(join(out, 'WhatsApp-Chat-mit-Vertrieb-Süd.pdf')))
    ).join('\n');
    for (const text of [json, pdf]) {
      expect(text).not.toMatch(/3704\s?0044/);
      expect(text).not.toContain('90182045');
    }
    expect(json).toContain('DE89 ****');
    expect(pdf).toContain('DE89 ****');
  });

  it('puts the cover, charts, recommendations, findings and footer into the PDF', async () => {
    const report = await readJson<ConversationReport>(join(out, '与王芳的-WhatsApp-聊天.json'));
    const pages = await pdfPages(await readFile(join(out, '与王芳的-WhatsApp-聊天.pdf')));
    const all = pages.join('\n');
    // Cover
    expect(pages[0]).toContain('王芳');
    expect(pages[0]).toContain(report.risk.level.toUpperCase());
    expect(pages[0]).toContain(`${report.risk.score} / 100`);
    expect(pages[0]).toContain('Why this rating');
    expect(pages[0]).toContain(report.risk.reasons[0]!.slice(0, 30));
    expect(pages[0]).toContain('one-to-one chat');
    expect(pages[0]).toContain('2024-03-05 – 2024-03-13');
    // Charts, recommendations, table with Chinese excerpts
    expect(all).toContain('Findings by category');
    expect(all).toContain('Findings over time');
    expect(all).toContain('What to do');
    expect(all).toContain('Move contract talk to approved channels');
    expect(all).toContain('Rotate the shared credentials now');
    expect(all).toContain('About WhatsApp');
    expect(all).toContain('Time');
    expect(all).toContain('Value (masked)');
    expect(all).toContain('合同');
    expect(all).toContain('李明');
    expect(all).toContain(':check:'); // ✅ in an excerpt, named instead of a tofu box
    // Footer on every page
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain(report.source.sha256.slice(0, 12));
    });
  });

  it('renders umlauts and names emoji in the PDF', async () => {
    const all = (
      await pdfPages(await readFile(join(out, 'WhatsApp-Chat-mit-Vertrieb-Süd.pdf')))
    ).join('\n');
    expect(all).toContain('Vertrieb Süd');
    expect(all).toContain('Anna Müller');
    expect(all).toContain('WhatsApp group · 5 participants');
    expect(all).not.toContain('\uFFFD');
  });

  it('lists every conversation in summary.pdf, highest risk first', async () => {
    const pages = await pdfPages(await readFile(join(out, 'summary.pdf')));
    const all = pages.join('\n');
    expect(pages[0]).toContain('6 conversations scanned');
    const titles = summary.conversations.map((c) => c.conversation.title);
    const positions = titles.map((t) => all.indexOf(t, all.indexOf('highest risk first')));
    expect(positions.every((p) => p >= 0)).toBe(true);
    // Distinct titles appear in score order.
    const first = summary.conversations[0]!;
    const last = summary.conversations[summary.conversations.length - 1]!;
    expect(all.indexOf(first.conversation.title, all.indexOf('highest risk first'))).toBeLessThan(
      all.lastIndexOf(last.conversation.title),
    );
  });

  it('writes reports readable only by the user', async () => {
    for (const name of await readdir(out)) {
      expect((await stat(join(out, name))).mode & 0o777, name).toBe(0o600);
    }
  });

  it('prints a short summary to stderr', () => {
    expect(result.err).toMatch(/^chatleak: 4 files, 6 conversations, \d+ messages, \d+ findings/);
    expect(result.err).toContain(`reports in ${out} (summary.json, summary.pdf)`);
    expect(result.err).toMatch(/at or above --fail-on high/);
  });
});

describe('reruns and output safety', () => {
  it('replaces the reports of a rerun cleanly and leaves no temp files', async () => {
    const out = await tempDir();
    expect((await scan([WANG_FANG, WECHAT_ALL, '--out', out, '--quiet'])).code).toBe(1);
    const first = (await readdir(out)).sort();
    const before = await readFile(join(out, 'messages--张伟.json'), 'utf8');
    expect((await scan([WANG_FANG, WECHAT_ALL, '--out', out, '--quiet'])).code).toBe(1);
    const second = (await readdir(out)).sort();
    expect(second).toEqual(first);
    expect(second.filter((n) => n.startsWith('.') || n.endsWith('.tmp'))).toEqual([]);
    const after = await readFile(join(out, 'messages--张伟.json'), 'utf8');
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '');
    expect(strip(after)).toBe(strip(before));
    for (const name of second) expect((await stat(join(out, name))).mode & 0o777).toBe(0o600);
    await validateAll(out);
  });

  it('never overwrites an input', async () => {
    const dir = await tempDir();
    // A WhatsApp export saved as summary.json in the output folder.
    const input = join(dir, 'summary.json');
    await copyFile(VERTRIEB, input);
    const original = await readFile(input, 'utf8');
    const result = await scan([input, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `chatleak: ${input}: is one of the inputs; refusing to overwrite it`,
    );
    expect(await readFile(input, 'utf8')).toBe(original);
    // --out naming an input file is refused before anything is scanned.
    const again = await scan([input, '--out', input]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('is one of the inputs');
    expect(await readFile(input, 'utf8')).toBe(original);
  });

  it('writes only the formats asked for, and prints the summary JSON with --json', async () => {
    const out = await tempDir();
    const result = await scan([WANG_FANG, '--out', out, '--format', 'json', '--json', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    expect((await readdir(out)).sort()).toEqual(['summary.json', '与王芳的-WhatsApp-聊天.json']);
    const printed = JSON.parse(result.out) as RunSummary;
    expect(printed.conversations[0]?.reports).toEqual({
      json: '与王芳的-WhatsApp-聊天.json',
      pdf: null,
    });
    expect(validateSummary(printed)).toBe(true);
  });

  it('rejects an unknown format as a usage error', async () => {
    const result = await scan([WANG_FANG, '--format', 'json,docx', '--out', await tempDir()]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('expected a comma-separated list of json, pdf');
  });

  it('exits 0 below --fail-on and records failed inputs in the summary', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'in'));
    await writeFile(join(dir, 'in', 'empty.txt'), '');
    await copyFile(WANG_FANG, join(dir, 'in', 'wang.txt'));
    const out = join(dir, 'out');
    const ok = await scan([join(dir, 'in', 'wang.txt'), '--out', out, '--fail-on', 'critical']);
    expect(ok.code).toBe(0);
    const bad = await scan([join(dir, 'in'), '--out', out, '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`chatleak: ${join(dir, 'in', 'empty.txt')}: empty file\n`);
    const summary = await readJson<RunSummary>(join(out, 'summary.json'));
    expect(summary.failed).toEqual([
      { path: join(dir, 'in', 'empty.txt'), line: null, error: 'empty file' },
    ]);
    expect(summary.totals.failedInputs).toBe(1);
    expect(summary.conversations).toHaveLength(1);
    const pdf = (await pdfPages(await readFile(join(out, 'summary.pdf')))).join('\n');
    expect(pdf).toContain('Inputs that could not be read');
    expect(pdf).toContain('empty file');
  });

  it('shows full values only with --reveal', async () => {
    const out = await tempDir();
    await scan([VERTRIEB, '--out', out, '--reveal', '--quiet', '--format', 'json']);
    const json = await readFile(join(out, 'WhatsApp-Chat-mit-Vertrieb-Süd.json'), 'utf8');
    expect(json).toContain('DE89 3704 0044 0532 0130 00');
    expect(
      (await readJson<ConversationReport>(join(out, 'WhatsApp-Chat-mit-Vertrieb-Süd.json'))).masked,
    ).toBe(false);
  });
});
