import type { Detector } from './detect/detector.js';
import { ConversationScanner, toFindings } from './detect/run-detectors.js';
import type { InputError } from './errors.js';
import { parseFile } from './ingest/index.js';
import type { ConversationMeta } from './model/conversation.js';
import type { Finding, Severity } from './model/finding.js';
import { SEVERITIES } from './model/finding.js';

export interface ScannedConversation {
  conversation: ConversationMeta;
  findings: Finding[];
}

export interface ScannedFile {
  path: string;
  conversations: ScannedConversation[];
  errors: InputError[];
  skippedEntries: number;
}

export interface ScanFileOptions {
  reveal: boolean;
}

/**
 * Parses one input and runs the detectors over every message as it streams past. Only
 * conversations whose source was parsed to the end are returned: a source that fails half-way
 * yields an error, not a partial result.
 */
export async function scanFile(
  path: string,
  detectors: readonly Detector[],
  options: ScanFileOptions,
): Promise<ScannedFile> {
  const scanners = new Map<string, { scanner: ConversationScanner; findings: Finding[] }>();
  const result = await parseFile(path, (conversation, message) => {
    let state = scanners.get(conversation.id);
    if (!state) {
      state = {
        // Group-ness is only known at the end of a conversation; no PII, contract or credential
        // detector depends on it.
        scanner: new ConversationScanner(detectors, {
          id: conversation.id,
          isGroup: false,
          platform: conversation.platform,
        }),
        findings: [],
      };
      scanners.set(conversation.id, state);
    }
    const raws = state.scanner.scan(message);
    if (raws.length > 0) {
      state.findings.push(...toFindings(conversation.id, raws, { reveal: options.reveal }));
    }
  });
  return {
    path,
    errors: result.errors,
    skippedEntries: result.skippedEntries,
    conversations: result.conversations.map((conversation) => ({
      conversation,
      findings: scanners.get(conversation.id)?.findings ?? [],
    })),
  };
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
