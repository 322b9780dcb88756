/** Builds the conversation report of the contract from a scanned conversation, and writes it. */
import { maskTitle } from '../cli/conversation-line.js';
import { FindingDigest } from '../findings/digest.js';
import type { FindingRecord } from '../findings/record.js';
import type { Category, Finding } from '../model/finding.js';
import type { ExtraRiskReason } from '../risk/score.js';
import type { ScannedConversation } from '../scan.js';
import type { TableSelection } from './table-selection.js';
import type { Buckets } from './timeline.js';
import { SCHEMA_VERSION, type ConversationReportHead, type ReportSummary } from './types.js';
import type { WriteChunk } from './write-atomic.js';

export interface ReportContext {
  /** ISO 8601 UTC, e.g. `2026-11-23T10:00:00Z`; also the time finding ages are measured from. */
  generatedAt: string;
  version: string;
  reveal: boolean;
  /** Zip entries of the conversation's input that were not examined. */
  skippedEntries?: number;
  /** Conversation-level reasons (e.g. work talk in a group) computed elsewhere. */
  extraReasons?: readonly ExtraRiskReason[];
}

/** `2026-11-23T10:00:00Z`: UTC, whole seconds. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function summarizeFindings(findings: Iterable<Finding>): ReportSummary {
  const digest = new FindingDigest(new Date(0), new Set());
  for (const f of findings) digest.add(f);
  return digest.finish(true).summary;
}

/** The PDF's view of a conversation's findings (the JSON has them all). */
export interface FindingsView {
  table: TableSelection;
  timeline: Buckets;
  categoryOf: ReadonlyMap<string, Category>;
}

export interface BuiltReport {
  /** The report without its findings: they are streamed from the scan's store when written. */
  report: ConversationReportHead;
  /** The findings of the report, in message order, as the report writes them. */
  findings: () => Iterable<FindingRecord>;
  view: FindingsView;
}

export function buildConversationReport(
  scanned: ScannedConversation,
  context: ReportContext,
): BuiltReport {
  const { conversation: meta, digest } = scanned;
  const reveal = context.reveal;
  const risk = digest.risk.assess(
    {
      platform: meta.platform,
      isGroup: meta.isGroup,
      participants: meta.participants.length,
      lastMessageAt: meta.lastMessageAt,
    },
    { extraReasons: context.extraReasons ?? [] },
    digest.keep,
  );
  const report: ConversationReportHead = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'chatleak', version: context.version },
    generatedAt: context.generatedAt,
    masked: !reveal,
    source: {
      path: meta.source.path,
      entry: meta.source.entry ?? null,
      format: meta.source.format,
      encoding: meta.source.encoding,
      sha256: meta.source.sha256,
      bytes: meta.source.bytes,
    },
    conversation: {
      id: meta.id,
      title: reveal ? meta.title : maskTitle(meta.title),
      platform: meta.platform,
      isGroup: meta.isGroup,
      participants: meta.participants.map((p) => ({
        name: reveal ? p.name : maskTitle(p.name),
        messages: p.messages,
      })),
      messageCount: meta.coverage.messages,
      firstMessageAt: meta.firstMessageAt,
      lastMessageAt: meta.lastMessageAt,
      languages: scanned.languages,
    },
    risk: { score: risk.score, level: risk.level, reasons: risk.reasons, factors: risk.factors },
    summary: digest.summary,
    coverage: {
      lines: meta.coverage.lines,
      messages: meta.coverage.messages,
      system: meta.coverage.system,
      media: meta.coverage.media,
      unparsedLines: meta.coverage.unparsedLines,
      warnings: [...meta.coverage.warnings],
      skippedEntries: context.skippedEntries ?? 0,
      droppedGroupOnly: scanned.droppedGroupOnly,
    },
  };
  return {
    report,
    findings: () => scanned.findings.records(digest.keep),
    view: { table: digest.table, timeline: digest.timeline, categoryOf: digest.categoryOf },
  };
}

/** Findings written per piece: big enough to be cheap, small enough to keep memory flat. */
const JSON_PIECE_CHARS = 1 << 20;
const FINDINGS_SLOT = '"findings": "\\u0000findings"';

/**
 * Writes the report as `JSON.stringify({ ...report, findings }, null, 2)` would, without ever
 * holding all findings or the whole text: the head is stringified once with a placeholder where
 * the findings go, and the findings are written in between, each indented like the rest.
 */
export async function writeConversationJson(
  write: WriteChunk,
  report: ConversationReportHead,
  findings: Iterable<FindingRecord>,
): Promise<void> {
  // Key order as in the contract: findings after summary, before coverage.
  const { coverage, ...head } = report;
  const text = JSON.stringify({ ...head, findings: '\u0000findings', coverage }, null, 2);
  const at = text.indexOf(FINDINGS_SLOT);
  await write(text.slice(0, at + '"findings": '.length));
  let piece = '';
  let first = true;
  for (const record of findings) {
    piece += `${first ? '[\n    ' : ',\n    '}${record.json}`;
    first = false;
    if (piece.length >= JSON_PIECE_CHARS) {
      await write(piece);
      piece = '';
    }
  }
  piece += first ? '[]' : '\n  ]';
  await write(`${piece}${text.slice(at + FINDINGS_SLOT.length)}\n`);
}
