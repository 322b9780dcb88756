/**
 * The JSON shapes of the report contract (`docs/report-format.md`, schema version 1) and the run
 * summary. `docs/report.schema.json` validates both; add fields freely, never rename.
 */
import type { Participant, Platform } from '../model/conversation.js';
import type { Category, Finding, Severity } from '../model/finding.js';
import type { RiskFactors, RiskLevel } from '../risk/score.js';

export const SCHEMA_VERSION = 1;

export interface ToolInfo {
  name: 'chatleak';
  version: string;
}

export interface ReportSource {
  path: string;
  /** Entry inside a zip; `null` for plain files. */
  entry: string | null;
  format: string;
  encoding: string;
  sha256: string;
  bytes: number;
}

export interface ReportConversation {
  id: string;
  /** Masked when it is a phone number (unless `--reveal`). */
  title: string;
  platform: Platform;
  isGroup: boolean;
  participants: Participant[];
  messageCount: number;
  firstMessageAt: string | null;
  lastMessageAt: string | null;
  languages: string[];
}

export interface ReportRisk {
  score: number;
  level: RiskLevel;
  reasons: string[];
  /** How the score came about (see `docs/risk-score.md`). */
  factors: RiskFactors;
}

export interface ReportSummary {
  findings: number;
  /** Distinct fingerprints among the findings. */
  distinct: number;
  byCategory: Record<Category, number>;
  byType: Record<string, number>;
  bySeverity: Record<Severity, number>;
}

export interface ReportCoverage {
  lines: number;
  messages: number;
  system: number;
  media: number;
  unparsedLines: number;
  warnings: string[];
  /** Zip entries of the input not examined (media, resource forks); 0 for plain files. */
  skippedEntries: number;
  /** Group-only findings (work talk) dropped because the chat is not a group. */
  droppedGroupOnly: number;
}

export interface ConversationReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: ToolInfo;
  generatedAt: string;
  /** False when the report was made with `--reveal` (values and excerpts in full). */
  masked: boolean;
  source: ReportSource;
  conversation: ReportConversation;
  risk: ReportRisk;
  summary: ReportSummary;
  findings: Finding[];
  coverage: ReportCoverage;
}

/** A report without its findings (they are streamed when the report is written). */
export type ConversationReportHead = Omit<ConversationReport, 'findings'>;

export interface ReportFiles {
  /** Paths relative to the folder holding `summary.json`; `null` when that format was not asked for. */
  json: string | null;
  pdf: string | null;
}

export interface SummaryEntry {
  source: ReportSource;
  conversation: {
    id: string;
    title: string;
    platform: Platform;
    isGroup: boolean;
    participants: number;
    messageCount: number;
    firstMessageAt: string | null;
    lastMessageAt: string | null;
  };
  risk: { score: number; level: RiskLevel; reasons: string[] };
  findings: number;
  byCategory: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  coverage: { unparsedLines: number; warnings: number; skippedEntries: number };
  reports: ReportFiles;
}

export interface FailedInput {
  path: string;
  line: number | null;
  error: string;
}

export interface RunSummary {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: ToolInfo;
  generatedAt: string;
  inputs: string[];
  masked: boolean;
  options: { formats: string[]; failOn: Severity; reveal: boolean };
  totals: {
    files: number;
    conversations: number;
    messages: number;
    findings: number;
    byCategory: Record<Category, number>;
    byLevel: Record<RiskLevel, number>;
    /** Findings at or above `--fail-on`: any makes the exit code 1. */
    atOrAboveFailOn: number;
    failedInputs: number;
  };
  coverage: {
    unparsedLines: number;
    skippedEntries: number;
    warnings: number;
    failedInputs: number;
  };
  /** Sorted by risk score, highest first. */
  conversations: SummaryEntry[];
  failed: FailedInput[];
}
