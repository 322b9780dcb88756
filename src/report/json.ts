/** Builds the conversation report of the contract from a scanned conversation. Pure. */
import { maskTitle } from '../cli/conversation-line.js';
import type { Finding, Severity } from '../model/finding.js';
import { CATEGORIES, SEVERITIES } from '../model/finding.js';
import type { Category } from '../model/finding.js';
import { assessRisk, type ExtraRiskReason } from '../risk/score.js';
import type { ScannedConversation } from '../scan.js';
import { SCHEMA_VERSION, type ConversationReport, type ReportSummary } from './types.js';

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

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function summarizeFindings(findings: readonly Finding[]): ReportSummary {
  const byCategory = zeroCounts<Category>(CATEGORIES);
  const bySeverity = zeroCounts<Severity>(SEVERITIES);
  const byType: Record<string, number> = {};
  const ids = new Set<string>();
  for (const f of findings) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    byType[f.type] = (byType[f.type] ?? 0) + 1;
    ids.add(f.id);
  }
  return { findings: findings.length, distinct: ids.size, byCategory, byType, bySeverity };
}

/** Display names that are phone numbers are identifiers too: masked like titles. */
function maskName(name: string | null, reveal: boolean): string | null {
  return name === null || reveal ? name : maskTitle(name);
}

export function buildConversationReport(
  scanned: ScannedConversation,
  context: ReportContext,
): ConversationReport {
  const { conversation: meta, findings } = scanned;
  const reveal = context.reveal;
  const risk = assessRisk(
    findings,
    {
      platform: meta.platform,
      isGroup: meta.isGroup,
      participants: meta.participants.length,
      lastMessageAt: meta.lastMessageAt,
    },
    { asOf: new Date(context.generatedAt), extraReasons: context.extraReasons ?? [] },
  );
  const sorted = [...findings].sort(
    (a, b) =>
      a.location.messageIndex - b.location.messageIndex ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
  return {
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
        name: maskName(p.name, reveal) ?? p.name,
        messages: p.messages,
      })),
      messageCount: meta.coverage.messages,
      firstMessageAt: meta.firstMessageAt,
      lastMessageAt: meta.lastMessageAt,
      languages: scanned.languages,
    },
    risk: { score: risk.score, level: risk.level, reasons: risk.reasons, factors: risk.factors },
    summary: summarizeFindings(sorted),
    findings: sorted.map((f) => ({
      ...f,
      message: { timestamp: f.message.timestamp, sender: maskName(f.message.sender, reveal) },
    })),
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
}
