/** `summary.pdf`: every conversation of the run, highest risk first, plus failures and coverage. */
import { basename } from 'node:path';
import { CATEGORIES } from '../model/finding.js';
import { CATEGORY_NAMES } from '../risk/labels.js';
import { RISK_LEVELS } from '../risk/score.js';
import {
  barChart,
  CATEGORY_COLORS,
  COLORS,
  CONTENT_WIDTH,
  createDoc,
  ensureSpace,
  finish,
  heading,
  LEVEL_COLORS,
  MARGIN,
  paragraph,
  pill,
  safe,
  table,
  type Column,
  type Doc,
} from './pdf-base.js';
import type { FailedInput, RunSummary, SummaryEntry } from './types.js';

const PLATFORM_NAMES = { whatsapp: 'WhatsApp', wechat: 'WeChat' } as const;

export async function renderSummaryPdf(summary: RunSummary): Promise<Buffer> {
  const doc = createDoc({
    title: 'chatleak run summary',
    subject: `Data leak scan of ${summary.totals.conversations} conversations`,
    generatedAt: summary.generatedAt,
  });
  cover(doc, summary);
  conversations(doc, summary);
  if (summary.failed.length > 0) failures(doc, summary.failed);
  return finish(
    doc,
    `chatleak ${summary.tool.version} run summary · ${summary.totals.files} files · generated ${summary.generatedAt}`,
  );
}

function cover(doc: Doc, summary: RunSummary): void {
  const left = MARGIN.left;
  doc.font('bold').fontSize(8).fillColor(COLORS.muted);
  doc.text('CHATLEAK · RUN SUMMARY', left, MARGIN.top, { lineBreak: false, characterSpacing: 0.6 });
  const generated = `Generated ${summary.generatedAt.replace('T', ' ').replace('Z', ' UTC')}`;
  doc.font('body');
  doc.text(generated, left + CONTENT_WIDTH - doc.widthOfString(generated), MARGIN.top, {
    lineBreak: false,
  });
  const t = summary.totals;
  doc.font('bold').fontSize(20).fillColor(COLORS.text);
  doc.text(
    `${t.conversations} conversation${t.conversations === 1 ? '' : 's'} scanned`,
    left,
    MARGIN.top + 22,
    { width: CONTENT_WIDTH },
  );
  doc.font('body').fontSize(10).fillColor(COLORS.muted);
  doc.text(safe(doc, `Inputs: ${summary.inputs.join(', ')}`), left, doc.y + 2, {
    width: CONTENT_WIDTH,
  });
  doc.y += 12;

  const tiles: Array<[string, number, string]> = [
    ['files', t.files, COLORS.text],
    ['messages', t.messages, COLORS.text],
    ['findings', t.findings, t.findings > 0 ? LEVEL_COLORS.high : LEVEL_COLORS.none],
    ['failed inputs', t.failedInputs, t.failedInputs > 0 ? LEVEL_COLORS.critical : COLORS.faint],
  ];
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * 3) / 4;
  const top = doc.y;
  tiles.forEach(([label, value, color], i) => {
    const x = left + i * (width + gap);
    doc.roundedRect(x, top, width, 48, 4).fillColor(COLORS.panel).fill();
    doc
      .font('bold')
      .fontSize(18)
      .fillColor(color)
      .text(value.toLocaleString('en-US'), x + 10, top + 6, {
        lineBreak: false,
      });
    doc
      .font('body')
      .fontSize(8.5)
      .fillColor(COLORS.muted)
      .text(label, x + 10, top + 30, {
        lineBreak: false,
      });
  });
  doc.y = top + 56;

  heading(doc, 'Conversations by risk level', 12);
  barChart(
    doc,
    [...RISK_LEVELS].reverse().map((level) => ({
      label: level,
      value: t.byLevel[level] ?? 0,
      color: LEVEL_COLORS[level],
    })),
    { labelWidth: 110 },
  );
  heading(doc, 'Findings by category', 12);
  barChart(
    doc,
    CATEGORIES.map((c) => ({
      label: CATEGORY_NAMES[c],
      value: t.byCategory[c] ?? 0,
      color: CATEGORY_COLORS[c],
    })),
    { labelWidth: 160 },
  );
  const riskiest = summary.conversations.filter((c) => c.risk.level !== 'none').slice(0, 5);
  if (riskiest.length > 0) {
    heading(doc, 'Highest risk', 12);
    for (const entry of riskiest) highlight(doc, entry);
  }
  heading(doc, 'Coverage', 12);
  const cov = summary.coverage;
  paragraph(
    doc,
    `${cov.unparsedLines} unparsed lines, ${cov.warnings} parser warnings, ${cov.skippedEntries} zip entries (media) not examined, ${cov.failedInputs} inputs that could not be read or parsed${cov.failedInputs > 0 ? ' (listed at the end)' : ''}. ` +
      `${t.atOrAboveFailOn} findings at or above the fail-on severity (${summary.options.failOn}). ` +
      (summary.masked
        ? 'Values in all reports are masked.'
        : 'Reports were made with --reveal: values are shown in full.'),
    { size: 9.5 },
  );
}

function highlight(doc: Doc, entry: SummaryEntry): void {
  const reason = entry.risk.reasons[0] ?? '';
  doc.font('body').fontSize(8.5);
  const text = safe(doc, reason);
  const height = 14 + doc.heightOfString(text, { width: CONTENT_WIDTH - 70 });
  ensureSpace(doc, height + 6);
  const y = doc.y;
  const w = pill(
    doc,
    entry.risk.level.toUpperCase(),
    MARGIN.left,
    y + 1,
    LEVEL_COLORS[entry.risk.level],
    6.5,
  );
  doc
    .font('bold')
    .fontSize(8)
    .fillColor(COLORS.text)
    .text(String(entry.risk.score), MARGIN.left + w + 4, y + 1.5, {
      lineBreak: false,
    });
  doc
    .font('bold')
    .fontSize(9.5)
    .text(safe(doc, entry.conversation.title), MARGIN.left + 70, y, {
      width: CONTENT_WIDTH - 70,
      lineBreak: false,
    });
  doc
    .font('body')
    .fontSize(8.5)
    .fillColor(COLORS.muted)
    .text(text, MARGIN.left + 70, y + 13, {
      width: CONTENT_WIDTH - 70,
    });
  doc.fillColor(COLORS.text);
  doc.y = y + height + 6;
  doc.x = MARGIN.left;
}

function conversations(doc: Doc, summary: RunSummary): void {
  doc.addPage();
  heading(doc, 'Conversations, highest risk first');
  if (summary.conversations.length === 0) {
    paragraph(doc, 'No conversation could be read.', { size: 10 });
    return;
  }
  const count = (key: keyof SummaryEntry['byCategory']) => (e: SummaryEntry) => {
    const n = e.byCategory[key] ?? 0;
    return n === 0 ? '–' : String(n);
  };
  const columns: Column<SummaryEntry>[] = [
    {
      header: 'Risk',
      width: 64,
      height: () => 14,
      draw: (d, e, x, y) => {
        const w = pill(d, e.risk.level.toUpperCase(), x, y, LEVEL_COLORS[e.risk.level], 6.5);
        d.font('bold')
          .fontSize(8)
          .fillColor(COLORS.text)
          .text(String(e.risk.score), x + w + 4, y + 0.5, {
            lineBreak: false,
          });
        d.font('body');
      },
    },
    {
      header: 'Conversation',
      width: 176,
      height: (d, e, width) => {
        d.font('bold').fontSize(8);
        const h1 = d.heightOfString(safe(d, e.conversation.title), { width });
        d.font('body').fontSize(7);
        const h2 = d.heightOfString(safe(d, describe(e)), { width });
        d.fontSize(7.5);
        return h1 + h2 + 1;
      },
      draw: (d, e, x, y, width) => {
        d.font('bold')
          .fontSize(8)
          .fillColor(COLORS.text)
          .text(safe(d, e.conversation.title), x, y, { width });
        d.font('body')
          .fontSize(7)
          .fillColor(COLORS.muted)
          .text(safe(d, describe(e)), x, d.y + 1, { width });
        d.fontSize(7.5).fillColor(COLORS.text);
      },
    },
    { header: 'Findings', width: 42, align: 'right', text: (e) => String(e.findings) },
    { header: 'PII', width: 30, align: 'right', text: count('pii') },
    { header: 'Contract', width: 42, align: 'right', text: count('contract') },
    { header: 'Cred.', width: 32, align: 'right', text: count('credential') },
    { header: 'Work', width: 32, align: 'right', text: count('work') },
    {
      header: 'Report',
      width: CONTENT_WIDTH - 418,
      text: (e) => e.reports.pdf ?? e.reports.json ?? '–',
    },
  ];
  table(doc, columns, summary.conversations, { size: 7.5 });
}

function describe(e: SummaryEntry): string {
  const c = e.conversation;
  const where = e.source.entry
    ? `${basename(e.source.path)} › ${e.source.entry}`
    : basename(e.source.path);
  return `${PLATFORM_NAMES[c.platform]} ${c.isGroup ? `group, ${c.participants} people` : 'chat'} · ${c.messageCount} msgs · ${where}`;
}

function failures(doc: Doc, failed: readonly FailedInput[]): void {
  heading(doc, 'Inputs that could not be read');
  paragraph(
    doc,
    'These inputs were skipped; the rest of the run is complete. Fix or re-export them and scan again.',
    { size: 9, color: COLORS.muted },
  );
  table(
    doc,
    [
      {
        header: 'Input',
        width: 230,
        text: (f: FailedInput) => (f.line ? `${f.path}:${f.line}` : f.path),
      },
      { header: 'Error', width: CONTENT_WIDTH - 230, text: (f: FailedInput) => f.error },
    ],
    failed,
  );
}
