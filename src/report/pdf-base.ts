/**
 * Shared drawing for the PDF reports: document set-up (fonts, metadata), footers with page
 * numbers, headings and paragraphs that never run into the footer, a table with wrapping rows and
 * a repeated header, and vector charts made of pdfkit primitives. All user text goes through
 * `pdfText` and is set in the embedded Noto Sans SC.
 */
import PDFDocument from 'pdfkit';
import type { Category, Severity } from '../model/finding.js';
import type { RiskLevel } from '../risk/score.js';
import { currentGlyphFont, pdfText, registerFonts } from './fonts.js';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 48, left: 48, right: 48, bottom: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FOOTER_Y = PAGE.height - 36;

export const COLORS = {
  text: '#1f2933',
  muted: '#616e7c',
  faint: '#9aa5b1',
  rule: '#d9e2ec',
  stripe: '#f5f7fa',
  panel: '#f0f4f8',
} as const;

export const LEVEL_COLORS: Record<RiskLevel, string> = {
  none: '#2e7d32',
  low: '#558b2f',
  medium: '#e09b00',
  high: '#e65100',
  critical: '#b71c1c',
};

export const CATEGORY_COLORS: Record<Category, string> = {
  pii: '#1565c0',
  contract: '#6a1b9a',
  credential: '#c62828',
  work: '#00897b',
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  low: '#9aa5b1',
  medium: '#e09b00',
  high: '#e65100',
  critical: '#b71c1c',
};

export interface DocInfo {
  title: string;
  subject: string;
  /** ISO time the report was generated; also the PDF's creation date (reproducible output). */
  generatedAt: string;
}

export function createDoc(info: DocInfo): Doc {
  const created = new Date(info.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    bufferPages: true,
    // No default font: pdfkit would load Helvetica, which garbles CJK without an error.
    font: null as unknown as string,
    info: {
      Title: pdfText(info.title),
      Subject: info.subject,
      Author: 'chatleak',
      Creator: 'chatleak',
      Producer: 'chatleak (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
    displayTitle: true,
    lang: 'en',
  });
  registerFonts(doc);
  doc.fillColor(COLORS.text);
  return doc;
}

/** Text made safe for the embedded font (emoji named, missing glyphs replaced). */
export function safe(_doc: Doc, text: string): string {
  return pdfText(text, currentGlyphFont());
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, size = 15): void {
  ensureSpace(doc, size * 3.5);
  doc.moveDown(0.6);
  doc
    .font('bold')
    .fontSize(size)
    .fillColor(COLORS.text)
    .text(safe(doc, text), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.y = y + 8;
  doc.font('body');
}

export function paragraph(
  doc: Doc,
  text: string,
  options: { size?: number; color?: string; x?: number; width?: number; gap?: number } = {},
): void {
  const x = options.x ?? MARGIN.left;
  const width = options.width ?? CONTENT_WIDTH - (x - MARGIN.left);
  doc.font('body').fontSize(options.size ?? 9.5);
  const content = safe(doc, text);
  ensureSpace(doc, Math.min(doc.heightOfString(content, { width }), 200));
  doc
    .fillColor(options.color ?? COLORS.text)
    .text(content, x, doc.y, { width, lineGap: 1.5, paragraphGap: options.gap ?? 4 });
}

export function bullets(doc: Doc, items: readonly string[], options: { size?: number } = {}): void {
  const size = options.size ?? 9.5;
  for (const item of items) {
    doc.font('body').fontSize(size);
    const content = safe(doc, item);
    const width = CONTENT_WIDTH - 14;
    ensureSpace(doc, doc.heightOfString(content, { width }) + 3);
    const y = doc.y;
    doc
      .circle(MARGIN.left + 4, y + size * 0.72, 1.6)
      .fillColor(COLORS.muted)
      .fill();
    doc.fillColor(COLORS.text).text(content, MARGIN.left + 14, y, { width, lineGap: 1.5 });
    doc.y += 3;
  }
  doc.x = MARGIN.left;
}

/** Cuts `text` with an ellipsis so it fits `width` on one line at the current font and size. */
export function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${chars.slice(0, mid).join('')}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}

/** Draws the footer (left text and "Page n of N") on every page, then ends the document. */
export async function finish(doc: Doc, footer: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(MARGIN.left, FOOTER_Y - 6)
      .lineTo(MARGIN.left + CONTENT_WIDTH, FOOTER_Y - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.font('body').fontSize(7).fillColor(COLORS.muted);
    const pageLabel = `Page ${i - range.start + 1} of ${range.count}`;
    const labelWidth = doc.widthOfString(pageLabel);
    doc.text(
      fitLine(doc, safe(doc, footer), CONTENT_WIDTH - labelWidth - 16),
      MARGIN.left,
      FOOTER_Y,
      {
        lineBreak: false,
      },
    );
    doc.text(pageLabel, MARGIN.left + CONTENT_WIDTH - labelWidth, FOOTER_Y, { lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** `2023-03-02T14:45:28` → `2023-03-02 14:45` */
export function shortTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '–';
  return timestamp.replace('T', ' ').slice(0, 16);
}

export function period(first: string | null, last: string | null): string {
  if (!first || !last) return 'no dated messages';
  const a = first.slice(0, 10);
  const b = last.slice(0, 10);
  return a === b ? a : `${a} – ${b}`;
}

/** A coloured rounded label, e.g. the risk level; returns its width. */
export function pill(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  color: string,
  size = 7.5,
): number {
  doc.font('bold').fontSize(size);
  const width = doc.widthOfString(text) + 8;
  doc
    .roundedRect(x, y, width, size + 5, 2.5)
    .fillColor(color)
    .fill();
  doc.fillColor('#ffffff').text(text, x + 4, y + 1.2, { lineBreak: false });
  doc.font('body').fillColor(COLORS.text);
  return width;
}

// ---------------------------------------------------------------------------------------------
// Table

export interface Column<Row> {
  header: string;
  width: number;
  align?: 'left' | 'right';
  /** Plain cell text (wrapped). */
  text?: (row: Row) => string;
  /** Custom cell drawing; must fit `height(row, width)`. */
  draw?: (doc: Doc, row: Row, x: number, y: number, width: number) => void;
  height?: (doc: Doc, row: Row, width: number) => number;
  font?: 'body' | 'bold';
}

const CELL_PAD = 3;

/**
 * A table whose rows wrap and grow; it continues on new pages with the header repeated. The
 * widths should add up to `CONTENT_WIDTH`.
 */
export function table<Row>(
  doc: Doc,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: { size?: number; headerSize?: number } = {},
): void {
  const size = options.size ?? 7.5;
  const headerSize = options.headerSize ?? 7.5;
  const drawHeader = (): void => {
    const height = headerSize + 9;
    const top = doc.y;
    let x = MARGIN.left;
    doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fillColor(COLORS.text).fill();
    doc.font('bold').fontSize(headerSize).fillColor('#ffffff');
    for (const column of columns) {
      doc.text(column.header, x + CELL_PAD, top + 4, {
        width: column.width - 2 * CELL_PAD,
        lineBreak: false,
        align: column.align ?? 'left',
      });
      x += column.width;
    }
    doc.y = top + height;
    doc.font('body').fillColor(COLORS.text);
  };
  ensureSpace(doc, headerSize + 9 + 30);
  drawHeader();
  rows.forEach((row, index) => {
    doc.fontSize(size);
    const texts = columns.map((c) => (c.text ? safe(doc, c.text(row)) : ''));
    let height = 0;
    columns.forEach((column, i) => {
      const inner = column.width - 2 * CELL_PAD;
      doc.font(column.font ?? 'body').fontSize(size);
      const text = texts[i] || ' ';
      const h = column.height
        ? column.height(doc, row, inner)
        : // One line needs no wrapping: measuring its width is much cheaper than a dry run.
          !text.includes('\n') && text.length < 80 && doc.widthOfString(text) <= inner
          ? doc.currentLineHeight(true) + 0.5
          : doc.heightOfString(text, { width: inner, lineGap: 0.5 });
      height = Math.max(height, h);
    });
    height += 2 * CELL_PAD + 1;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    if (index % 2 === 1)
      doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fillColor(COLORS.stripe).fill();
    let x = MARGIN.left;
    columns.forEach((column, i) => {
      const inner = column.width - 2 * CELL_PAD;
      doc
        .font(column.font ?? 'body')
        .fontSize(size)
        .fillColor(COLORS.text);
      if (column.draw) column.draw(doc, row, x + CELL_PAD, y + CELL_PAD, inner);
      else {
        doc.text(texts[i] ?? '', x + CELL_PAD, y + CELL_PAD, {
          width: inner,
          lineGap: 0.5,
          align: column.align ?? 'left',
        });
      }
      x += column.width;
    });
    doc
      .moveTo(MARGIN.left, y + height)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y + height)
      .lineWidth(0.3)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.y = y + height;
  });
  doc.x = MARGIN.left;
  doc.font('body').fillColor(COLORS.text);
}

// ---------------------------------------------------------------------------------------------
// Charts

export interface Bar {
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars with labels on the left and values at the bar ends. */
export function barChart(
  doc: Doc,
  bars: readonly Bar[],
  options: { labelWidth?: number } = {},
): void {
  const rowHeight = 17;
  const labelWidth = options.labelWidth ?? 150;
  const chartWidth = CONTENT_WIDTH - labelWidth - 40;
  const max = Math.max(1, ...bars.map((b) => b.value));
  ensureSpace(doc, bars.length * rowHeight + 10);
  const top = doc.y;
  const x0 = MARGIN.left + labelWidth;
  // Light vertical grid at quarters.
  for (let q = 0; q <= 4; q++) {
    const x = x0 + (chartWidth * q) / 4;
    doc
      .moveTo(x, top - 2)
      .lineTo(x, top + bars.length * rowHeight)
      .lineWidth(0.4)
      .strokeColor(COLORS.rule)
      .stroke();
  }
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    doc.font('body').fontSize(8.5).fillColor(COLORS.text);
    doc.text(fitLine(doc, safe(doc, bar.label), labelWidth - 10), MARGIN.left, y + 3, {
      width: labelWidth - 10,
      lineBreak: false,
    });
    const width = bar.value === 0 ? 0 : Math.max(2, (chartWidth * bar.value) / max);
    if (width > 0)
      doc
        .rect(x0, y + 3, width, rowHeight - 6)
        .fillColor(bar.color)
        .fill();
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(bar.value === 0 ? COLORS.faint : COLORS.text)
      .text(String(bar.value), x0 + width + 5, y + 3, { lineBreak: false });
  });
  doc.font('body');
  doc.x = MARGIN.left;
  doc.y = top + bars.length * rowHeight + 8;
}

export interface TimelineBucket {
  label: string;
  /** Counts per stack key, drawn bottom-up in `keys` order. */
  counts: Record<string, number>;
}

/** Vertical stacked bars over time with a y axis, thinned x labels and a legend. */
export function timelineChart(
  doc: Doc,
  buckets: readonly TimelineBucket[],
  keys: ReadonlyArray<{ key: string; label: string; color: string }>,
  options: { height?: number; caption?: string } = {},
): void {
  const height = options.height ?? 130;
  const axisWidth = 28;
  ensureSpace(doc, height + 48);
  const top = doc.y + 4;
  const x0 = MARGIN.left + axisWidth;
  const width = CONTENT_WIDTH - axisWidth;
  const base = top + height;
  const totals = buckets.map((b) => keys.reduce((n, k) => n + (b.counts[k.key] ?? 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  doc.font('body').fontSize(7).fillColor(COLORS.muted);
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = base - (height * i) / 4;
    doc
      .moveTo(x0, y)
      .lineTo(x0 + width, y)
      .lineWidth(i === 0 ? 0.8 : 0.4)
      .strokeColor(i === 0 ? COLORS.muted : COLORS.rule)
      .stroke();
    if (Number.isInteger(value)) {
      doc.fillColor(COLORS.muted).text(String(value), MARGIN.left, y - 4, {
        width: axisWidth - 5,
        align: 'right',
        lineBreak: false,
      });
    }
  }
  const slot = width / Math.max(1, buckets.length);
  const barWidth = Math.max(1, Math.min(28, slot * 0.7));
  buckets.forEach((bucket, i) => {
    let y = base;
    const x = x0 + i * slot + (slot - barWidth) / 2;
    for (const key of keys) {
      const n = bucket.counts[key.key] ?? 0;
      if (n === 0) continue;
      const h = (height * n) / max;
      doc
        .rect(x, y - h, barWidth, h)
        .fillColor(key.color)
        .fill();
      y -= h;
    }
  });
  // Label at most ~10 buckets, evenly spaced, always the first and the last.
  doc.font('body').fontSize(6.5).fillColor(COLORS.muted);
  const every = Math.max(1, Math.ceil(buckets.length / 10));
  buckets.forEach((bucket, i) => {
    if (i % every !== 0 && i !== buckets.length - 1) return;
    if (
      i === buckets.length - 1 &&
      i % every !== 0 &&
      buckets.length - 1 - (i - (i % every)) < every / 2
    )
      return;
    const center = x0 + i * slot + slot / 2;
    doc.text(bucket.label, center - 30, base + 4, { width: 60, align: 'center', lineBreak: false });
  });
  // Legend.
  let lx = x0;
  const ly = base + 18;
  doc.fontSize(7.5);
  for (const key of keys) {
    doc
      .rect(lx, ly + 1, 8, 8)
      .fillColor(key.color)
      .fill();
    doc.fillColor(COLORS.text).text(key.label, lx + 11, ly, { lineBreak: false });
    lx += 11 + doc.widthOfString(key.label) + 14;
  }
  if (options.caption) {
    doc.fillColor(COLORS.muted).text(options.caption, lx + 6, ly, { lineBreak: false });
  }
  doc.x = MARGIN.left;
  doc.y = ly + 18;
  doc.fillColor(COLORS.text);
}

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = Math.ceil(value / (step * magnitude)) * step * magnitude;
    if (candidate / 4 === Math.round(candidate / 4) && candidate >= value) return candidate;
  }
  return Math.ceil(value / 4) * 4;
}
