/**
 * The PDF report of one conversation: a cover a security officer can forward and an employee
 * can understand (risk level, score, reasons, facts), charts of what was found, recommendations,
 * and the table of findings (masked like the JSON).
 */
import type { Category, Finding } from '../model/finding.js';
import { CATEGORIES } from '../model/finding.js';
import { CATEGORY_NAMES, typeName } from '../risk/labels.js';
import { LEVEL_THRESHOLDS, type RiskLevel } from '../risk/score.js';
import {
  barChart,
  bottom,
  bullets,
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
  period,
  safe,
  SEVERITY_COLORS,
  shortTime,
  table,
  timelineChart,
  type Column,
  type Doc,
} from './pdf-base.js';
import { platformNote, recommendationsFor } from './recommendations.js';
import type { FindingsView } from './json.js';
import type { ConversationReportHead } from './types.js';

import { TOP_PER_TYPE } from './table-selection.js';

export { FULL_TABLE_LIMIT, selectForTable, TOP_PER_TYPE } from './table-selection.js';

const CATEGORY_LABELS: Record<Category, string> = {
  pii: 'Personal data',
  contract: 'Contract terms',
  credential: 'Credentials',
  work: 'Work talk',
};

const PLATFORM_NAMES = { whatsapp: 'WhatsApp', wechat: 'WeChat' } as const;

/** What the level asks of the reader (docs/risk-score.md). */
const LEVEL_ADVICE: Record<RiskLevel, string> = {
  none: 'nothing to do',
  low: 'clean up when convenient',
  medium: 'act this week',
  high: 'act now',
  critical: 'act now, involve security',
};

export async function renderConversationPdf(
  report: ConversationReportHead,
  view: FindingsView,
): Promise<Buffer> {
  const { conversation, source } = report;
  const doc = createDoc({
    title: `chatleak report: ${conversation.title}`,
    subject: `Data leak report for a ${PLATFORM_NAMES[conversation.platform]} conversation`,
    generatedAt: report.generatedAt,
  });
  cover(doc, report);
  if (report.summary.findings > 0) {
    charts(doc, report, view);
  }
  recommendations(doc, report);
  if (report.summary.findings > 0) findingsTable(doc, report, view);
  const where = source.entry ? `${source.path} › ${source.entry}` : source.path;
  return finish(
    doc,
    `${where} · sha256 ${source.sha256.slice(0, 12)}… · generated ${report.generatedAt} · chatleak ${report.tool.version}`,
  );
}

function describeKind(report: ConversationReportHead): string {
  const c = report.conversation;
  return `${PLATFORM_NAMES[c.platform]} ${c.isGroup ? 'group' : 'chat'} · ${c.participants.length} participant${c.participants.length === 1 ? '' : 's'} · ${period(c.firstMessageAt, c.lastMessageAt)} · ${c.messageCount} messages`;
}

function cover(doc: Doc, report: ConversationReportHead): void {
  const { risk, conversation } = report;
  const left = MARGIN.left;
  doc.font('bold').fontSize(8).fillColor(COLORS.muted);
  doc.text('CHATLEAK · DATA LEAK REPORT', left, MARGIN.top, {
    lineBreak: false,
    characterSpacing: 0.6,
  });
  const generated = `Generated ${report.generatedAt.replace('T', ' ').replace('Z', ' UTC')}`;
  doc.font('body');
  doc.text(generated, left + CONTENT_WIDTH - doc.widthOfString(generated), MARGIN.top, {
    lineBreak: false,
  });

  doc.font('bold').fontSize(20).fillColor(COLORS.text);
  doc.text(safe(doc, conversation.title), left, MARGIN.top + 22, { width: CONTENT_WIDTH });
  doc.font('body').fontSize(10).fillColor(COLORS.muted);
  doc.text(safe(doc, describeKind(report)), left, doc.y + 2, { width: CONTENT_WIDTH });

  // Risk panel: coloured level block and a score gauge.
  const top = doc.y + 14;
  const height = 92;
  const blockWidth = 170;
  const color = LEVEL_COLORS[risk.level];
  doc.roundedRect(left, top, CONTENT_WIDTH, height, 6).fillColor(COLORS.panel).fill();
  doc.roundedRect(left, top, blockWidth, height, 6).fillColor(color).fill();
  doc
    .rect(left + blockWidth - 8, top, 8, height)
    .fillColor(color)
    .fill();
  doc.font('bold').fontSize(8).fillColor('#ffffff');
  doc.text('RISK LEVEL', left + 16, top + 14, { lineBreak: false, characterSpacing: 0.8 });
  doc.fontSize(risk.level === 'critical' || risk.level === 'medium' ? 24 : 28);
  doc.text(risk.level.toUpperCase(), left + 16, top + 28, { lineBreak: false });
  doc
    .font('body')
    .fontSize(9.5)
    .text(LEVEL_ADVICE[risk.level], left + 16, top + 66, {
      lineBreak: false,
    });

  const gx = left + blockWidth + 24;
  const gw = CONTENT_WIDTH - blockWidth - 48;
  doc.font('bold').fontSize(26).fillColor(COLORS.text);
  doc.text(String(risk.score), gx, top + 12, { lineBreak: false });
  const scoreWidth = doc.widthOfString(String(risk.score));
  doc.font('body').fontSize(10).fillColor(COLORS.muted);
  doc.text('/ 100 risk score', gx + scoreWidth + 6, top + 26, { lineBreak: false });
  const gy = top + 54;
  const segments: Array<[number, number, keyof typeof LEVEL_COLORS]> = [
    [0, LEVEL_THRESHOLDS.medium, 'low'],
    [LEVEL_THRESHOLDS.medium, LEVEL_THRESHOLDS.high, 'medium'],
    [LEVEL_THRESHOLDS.high, LEVEL_THRESHOLDS.critical, 'high'],
    [LEVEL_THRESHOLDS.critical, 100, 'critical'],
  ];
  for (const [from, to, level] of segments) {
    doc
      .rect(gx + (gw * from) / 100, gy, (gw * (to - from)) / 100, 8)
      .fillColor(LEVEL_COLORS[level])
      .fillOpacity(level === risk.level ? 1 : 0.3)
      .fill();
  }
  doc.fillOpacity(1);
  const mx = gx + (gw * risk.score) / 100;
  doc
    .polygon([mx - 5, gy - 7], [mx + 5, gy - 7], [mx, gy - 1])
    .fillColor(COLORS.text)
    .fill();
  doc.fontSize(7).fillColor(COLORS.muted);
  for (const [from, , level] of segments) {
    doc.text(`${level} ${from > 0 ? `≥${from}` : ''}`.trim(), gx + (gw * from) / 100 + 2, gy + 11, {
      lineBreak: false,
    });
  }
  doc.y = top + height + 14;
  doc.x = left;

  heading(doc, 'Why this rating', 12);
  bullets(doc, risk.reasons, { size: 10 });

  heading(doc, 'At a glance', 12);
  tiles(doc, report);

  heading(doc, 'The conversation', 12);
  facts(doc, report);
}

function tiles(doc: Doc, report: ConversationReportHead): void {
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (CATEGORIES.length - 1)) / CATEGORIES.length;
  const height = 48;
  ensureSpace(doc, height + 8);
  const top = doc.y;
  CATEGORIES.forEach((category, i) => {
    const x = MARGIN.left + i * (width + gap);
    const count = report.summary.byCategory[category] ?? 0;
    const color = CATEGORY_COLORS[category];
    doc
      .roundedRect(x, top, width, height, 4)
      .fillColor(count > 0 ? color : COLORS.panel)
      .fill();
    doc
      .font('bold')
      .fontSize(18)
      .fillColor(count > 0 ? '#ffffff' : COLORS.faint);
    doc.text(String(count), x + 10, top + 6, { lineBreak: false });
    doc.font('body').fontSize(8.5);
    doc.text(CATEGORY_LABELS[category], x + 10, top + 30, { lineBreak: false });
  });
  doc.y = top + height + 6;
  doc.x = MARGIN.left;
  doc.fillColor(COLORS.text);
}

function participantsLine(report: ConversationReportHead): string {
  const people = [...report.conversation.participants].sort((a, b) => b.messages - a.messages);
  const shown = people.slice(0, 12).map((p) => `${p.name} (${p.messages})`);
  if (people.length > 12) shown.push(`and ${people.length - 12} more`);
  return shown.length > 0 ? shown.join(', ') : 'none';
}

function facts(doc: Doc, report: ConversationReportHead): void {
  const { conversation: c, coverage, source } = report;
  const rows: Array<[string, string]> = [
    [
      'Platform',
      `${PLATFORM_NAMES[c.platform]}${c.platform === 'wechat' ? ' (no end-to-end encryption)' : ''}`,
    ],
    ['Type', c.isGroup ? `group chat, ${c.participants.length} participants` : 'one-to-one chat'],
    ['Participants', participantsLine(report)],
    ['Period', period(c.firstMessageAt, c.lastMessageAt)],
    [
      'Messages',
      `${c.messageCount} (${coverage.system} system, ${coverage.media} media)${c.languages.length > 0 ? ` · languages: ${c.languages.join(', ')}` : ''}`,
    ],
    ['Source', source.entry ? `${source.path} › ${source.entry}` : source.path],
    [
      'Format',
      `${source.format}, ${source.encoding}, ${source.bytes.toLocaleString('en-US')} bytes`,
    ],
    ['SHA-256', source.sha256],
    [
      'Coverage',
      `${coverage.lines} lines read, ${coverage.unparsedLines} unparsed` +
        (coverage.skippedEntries > 0
          ? `, ${coverage.skippedEntries} zip entries (media) not examined`
          : '') +
        (coverage.droppedGroupOnly > 0
          ? `, ${coverage.droppedGroupOnly} group-only findings dropped (not a group)`
          : ''),
    ],
  ];
  keyValues(doc, rows);
  if (coverage.warnings.length > 0) {
    doc.moveDown(0.3);
    paragraph(doc, 'Parser warnings (parts of the export that may not have been read fully):', {
      size: 8.5,
      color: COLORS.muted,
    });
    const shown = coverage.warnings.slice(0, 6);
    if (coverage.warnings.length > 6)
      shown.push(`… ${coverage.warnings.length - 6} more in the JSON report`);
    bullets(doc, shown, { size: 8.5 });
  }
}

export function keyValues(doc: Doc, rows: ReadonlyArray<[string, string]>): void {
  const labelWidth = 92;
  const width = CONTENT_WIDTH - labelWidth;
  for (const [label, value] of rows) {
    doc.font('body').fontSize(9);
    const text = safe(doc, value);
    const h = doc.heightOfString(text, { width, lineGap: 1 });
    ensureSpace(doc, h + 4);
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(COLORS.muted)
      .text(label, MARGIN.left, y, {
        width: labelWidth - 8,
        lineBreak: false,
      });
    doc
      .font('body')
      .fontSize(9)
      .fillColor(COLORS.text)
      .text(text, MARGIN.left + labelWidth, y, {
        width,
        lineGap: 1,
      });
    doc.y = y + h + 4;
  }
  doc.x = MARGIN.left;
}

function charts(doc: Doc, report: ConversationReportHead, view: FindingsView): void {
  // Charts start on a fresh page unless most of one is still free.
  if (bottom(doc) - doc.y < 420) doc.addPage();
  heading(doc, 'What was found');
  paragraph(doc, 'Findings by category', { size: 10, color: COLORS.muted });
  barChart(
    doc,
    CATEGORIES.map((category) => ({
      label: CATEGORY_NAMES[category],
      value: report.summary.byCategory[category] ?? 0,
      color: CATEGORY_COLORS[category],
    })),
  );

  const { categoryOf } = view;
  const types = Object.entries(report.summary.byType)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12);
  if (types.length > 1) {
    doc.moveDown(0.4);
    paragraph(doc, 'Findings by type', { size: 10, color: COLORS.muted });
    barChart(
      doc,
      types.map(([type, count]) => ({
        label: typeName(type, 2),
        value: count,
        color: CATEGORY_COLORS[categoryOf.get(type) ?? 'pii'],
      })),
    );
  }

  const { unit, buckets, undated } = view.timeline;
  doc.moveDown(0.4);
  paragraph(doc, `Findings over time (per ${unit})`, { size: 10, color: COLORS.muted });
  if (buckets.length === 0) {
    paragraph(doc, 'The export has no dates for these findings.', { size: 9 });
    return;
  }
  timelineChart(
    doc,
    buckets,
    CATEGORIES.filter((c) => (report.summary.byCategory[c] ?? 0) > 0).map((c) => ({
      key: c,
      label: CATEGORY_NAMES[c],
      color: CATEGORY_COLORS[c],
    })),
    { caption: undated > 0 ? `${undated} undated not shown` : '' },
  );
}

function recommendations(doc: Doc, report: ConversationReportHead): void {
  const { conversation } = report;
  heading(doc, 'What to do');
  const items = recommendationsFor({
    summary: report.summary,
    platform: conversation.platform,
    isGroup: conversation.isGroup,
    participants: conversation.participants.length,
  });
  items.forEach((item, i) => {
    // Keep a title with (the start of) its text.
    doc.font('body').fontSize(9.5);
    const body = doc.heightOfString(safe(doc, item.text), { width: CONTENT_WIDTH - 22 });
    doc.font('bold').fontSize(10.5);
    ensureSpace(doc, 18 + Math.min(body, 60));
    const y = doc.y;
    doc
      .circle(MARGIN.left + 7, y + 7, 7)
      .fillColor(COLORS.text)
      .fill();
    doc
      .fillColor('#ffffff')
      .fontSize(8)
      .text(String(i + 1), MARGIN.left + 3, y + 2.5, {
        width: 8,
        align: 'center',
        lineBreak: false,
      });
    doc
      .fontSize(10.5)
      .fillColor(COLORS.text)
      .text(safe(doc, item.title), MARGIN.left + 22, y, {
        width: CONTENT_WIDTH - 22,
      });
    paragraph(doc, item.text, { x: MARGIN.left + 22, size: 9.5, gap: 8 });
  });
  doc.moveDown(0.3);
  const note = safe(doc, platformNote(conversation.platform));
  doc.font('body').fontSize(9);
  const h = doc.heightOfString(note, { width: CONTENT_WIDTH - 24, lineGap: 1.5 });
  ensureSpace(doc, h + 30);
  const y = doc.y;
  doc
    .roundedRect(MARGIN.left, y, CONTENT_WIDTH, h + 26, 4)
    .fillColor(COLORS.panel)
    .fill();
  doc.font('bold').fontSize(9).fillColor(COLORS.text);
  doc.text(`About ${PLATFORM_NAMES[conversation.platform]}`, MARGIN.left + 12, y + 7, {
    lineBreak: false,
  });
  doc
    .font('body')
    .fontSize(9)
    .text(note, MARGIN.left + 12, y + 19, {
      width: CONTENT_WIDTH - 24,
      lineGap: 1.5,
    });
  doc.y = y + h + 34;
  doc.x = MARGIN.left;
}

function findingsTable(doc: Doc, report: ConversationReportHead, view: FindingsView): void {
  doc.addPage();
  heading(doc, 'Findings');
  const { rows, omitted } = view.table;
  paragraph(
    doc,
    omitted.length > 0
      ? `This conversation has ${report.summary.findings} findings. The table shows up to ${TOP_PER_TYPE} per type (most severe first); every finding is in the JSON report.`
      : `All ${report.summary.findings} findings in message order. ${report.masked ? 'Values and excerpts are masked, as in the JSON report.' : 'This report was made with --reveal: values are shown in full. Handle it as confidential.'}`,
    { size: 9, color: COLORS.muted },
  );
  if (omitted.length > 0) {
    paragraph(
      doc,
      `Not all shown: ${omitted.map((o) => `${typeName(o.type, 2)} ${o.shown} of ${o.total}`).join(', ')}.`,
      { size: 9, color: COLORS.muted },
    );
  }
  doc.moveDown(0.3);
  const columns: Column<Finding>[] = [
    { header: 'Time', width: 54, text: (f) => shortTime(f.message.timestamp).replace(' ', '\n') },
    { header: 'Sender', width: 66, text: (f) => f.message.sender ?? '(system)' },
    { header: 'Line', width: 30, align: 'right', text: (f) => String(f.location.line) },
    {
      header: 'Type',
      width: 80,
      height: (d, f, width) => {
        d.font('bold');
        const h = d.heightOfString(typeName(f.type), { width });
        d.font('body');
        return h + d.currentLineHeight(true);
      },
      draw: (d, f, x, y, width) => {
        d.font('bold')
          .fillColor(CATEGORY_COLORS[f.category])
          .text(typeName(f.type), x, y, { width });
        const y2 = d.y;
        d.circle(x + 2.5, y2 + 4.5, 2.5)
          .fillColor(SEVERITY_COLORS[f.severity])
          .fill();
        d.font('body')
          .fillColor(COLORS.muted)
          .text(`${f.severity} · ${f.confidence.toFixed(2)}`, x + 8, y2, {
            width: width - 8,
            lineBreak: false,
          });
        d.fillColor(COLORS.text);
      },
    },
    { header: 'Value (masked)', width: 92, text: (f) => f.value },
    { header: 'Excerpt', width: CONTENT_WIDTH - 322, text: (f) => clip(f.excerpt, 260) },
  ];
  table(doc, columns, rows);
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
