import type { Detector } from './detect/detector.js';
import { ConversationScanner, toFindings } from './detect/run-detectors.js';
import type { InputError } from './errors.js';
import { parseFile } from './ingest/index.js';
import type { ConversationMeta } from './model/conversation.js';
import type { Finding, Severity } from './model/finding.js';
import { SEVERITIES } from './model/finding.js';
import { LanguageTally } from './report/languages.js';
import { dropGroupOnly, GROUP_ONLY_TYPES } from './risk/group-only.js';

export interface ScannedConversation {
  conversation: ConversationMeta;
  /** Findings in message order; group-only types are already dropped for 1:1 chats. */
  findings: Finding[];
  /** Languages guessed from the text messages (`zh`, `de`, `en`), most frequent first. */
  languages: string[];
  /** Group-only findings dropped because the conversation turned out not to be a group. */
  droppedGroupOnly: number;
}

export interface ScannedFile {
  path: string;
  conversations: ScannedConversation[];
  errors: InputError[];
  skippedEntries: number;
}

export interface ScanFileOptions {
  reveal: boolean;
  /**
   * Called once per parsed message with the number of findings it produced (for progress).
   * Group-only findings are not counted here: whether they stay is known only at the end.
   */
  onMessage?: (findings: number) => void;
  /** Finding types kept only for group chats (default: `GROUP_ONLY_TYPES`). */
  groupOnlyTypes?: ReadonlySet<string>;
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
  const groupOnly = options.groupOnlyTypes ?? GROUP_ONLY_TYPES;
  const scanners = new Map<
    string,
    { scanner: ConversationScanner; findings: Finding[]; languages: LanguageTally }
  >();
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
        languages: new LanguageTally(),
      };
      scanners.set(conversation.id, state);
    }
    if (message.kind === 'text') state.languages.add(message.text);
    const raws = state.scanner.scan(message);
    if (raws.length > 0) {
      state.findings.push(...toFindings(conversation.id, raws, { reveal: options.reveal }));
    }
    if (options.onMessage) {
      let counted = 0;
      for (const raw of raws) if (!groupOnly.has(raw.type)) counted++;
      options.onMessage(counted);
    }
  });
  return {
    path,
    errors: result.errors,
    skippedEntries: result.skippedEntries,
    conversations: result.conversations.map((conversation) => {
      const state = scanners.get(conversation.id);
      const { kept, dropped } = dropGroupOnly(
        state?.findings ?? [],
        conversation.isGroup,
        groupOnly,
      );
      return {
        conversation,
        findings: kept,
        languages: state?.languages.result() ?? [],
        droppedGroupOnly: dropped,
      };
    }),
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
