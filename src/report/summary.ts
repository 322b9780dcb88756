/** The run summary (`summary.json`): one entry per conversation, totals and failed inputs. Pure. */
import type { InputError } from '../errors.js';
import type { Category, Severity } from '../model/finding.js';
import { CATEGORIES } from '../model/finding.js';
import { RISK_LEVELS, type RiskLevel } from '../risk/score.js';
import {
  SCHEMA_VERSION,
  type ConversationReportHead,
  type FailedInput,
  type ReportFiles,
  type RunSummary,
  type SummaryEntry,
} from './types.js';

export function summaryEntry(report: ConversationReportHead, reports: ReportFiles): SummaryEntry {
  const c = report.conversation;
  return {
    source: { ...report.source },
    conversation: {
      id: c.id,
      title: c.title,
      platform: c.platform,
      isGroup: c.isGroup,
      participants: c.participants.length,
      messageCount: c.messageCount,
      firstMessageAt: c.firstMessageAt,
      lastMessageAt: c.lastMessageAt,
    },
    risk: { score: report.risk.score, level: report.risk.level, reasons: [...report.risk.reasons] },
    findings: report.summary.findings,
    byCategory: { ...report.summary.byCategory },
    bySeverity: { ...report.summary.bySeverity },
    coverage: {
      unparsedLines: report.coverage.unparsedLines,
      warnings: report.coverage.warnings.length,
      skippedEntries: report.coverage.skippedEntries,
    },
    reports,
  };
}

export function failedInput(error: InputError): FailedInput {
  return { path: error.file ?? '', line: error.line ?? null, error: error.message };
}

export interface RunFacts {
  generatedAt: string;
  version: string;
  inputs: readonly string[];
  formats: readonly string[];
  failOn: Severity;
  reveal: boolean;
  /** Files discovered (plain files and zips). */
  files: number;
  /** Zip entries skipped across all inputs. */
  skippedEntries: number;
  entries: readonly SummaryEntry[];
  failed: readonly InputError[];
  atOrAboveFailOn: number;
}

/** Highest risk first; ties by findings, then title, so the order is stable. */
export function byRisk(a: SummaryEntry, b: SummaryEntry): number {
  return (
    b.risk.score - a.risk.score ||
    b.findings - a.findings ||
    (a.conversation.title < b.conversation.title
      ? -1
      : a.conversation.title > b.conversation.title
        ? 1
        : 0) ||
    (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0)
  );
}

export function buildRunSummary(facts: RunFacts): RunSummary {
  const entries = [...facts.entries].sort(byRisk);
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const byLevel = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  let messages = 0;
  let findings = 0;
  let unparsedLines = 0;
  let warnings = 0;
  for (const entry of entries) {
    messages += entry.conversation.messageCount;
    findings += entry.findings;
    unparsedLines += entry.coverage.unparsedLines;
    warnings += entry.coverage.warnings;
    byLevel[entry.risk.level]++;
    for (const c of CATEGORIES) byCategory[c] += entry.byCategory[c] ?? 0;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'chatleak', version: facts.version },
    generatedAt: facts.generatedAt,
    inputs: [...facts.inputs],
    masked: !facts.reveal,
    options: { formats: [...facts.formats], failOn: facts.failOn, reveal: facts.reveal },
    totals: {
      files: facts.files,
      conversations: entries.length,
      messages,
      findings,
      byCategory,
      byLevel,
      atOrAboveFailOn: facts.atOrAboveFailOn,
      failedInputs: facts.failed.length,
    },
    coverage: {
      unparsedLines,
      skippedEntries: facts.skippedEntries,
      warnings,
      failedInputs: facts.failed.length,
    },
    conversations: entries,
    failed: facts.failed.map(failedInput),
  };
}
