import type { Detector } from './detect/detector.js';
import { ConversationScanner, toFindings } from './detect/run-detectors.js';
import type { InputError } from './errors.js';
import { FindingDigest, type DigestResult } from './findings/digest.js';
import { compareFindings } from './findings/order.js';
import { FindingStore, type FindingSource } from './findings/store.js';
import { parseFile } from './ingest/index.js';
import type { ConversationMeta } from './model/conversation.js';
import type { Finding, Severity } from './model/finding.js';
import { SEVERITIES } from './model/finding.js';
import { maskTitle } from './cli/conversation-line.js';
import { LanguageTally } from './report/languages.js';
import { GROUP_ONLY_TYPES } from './risk/group-only.js';

export interface ScannedConversation {
  conversation: ConversationMeta;
  /**
   * Findings in message order, as the reports show them (values, excerpts and senders masked
   * unless `reveal`). Read them with `findings.read(digest.keep)`: group-only types stay in the
   * store of a 1:1 chat but are not reported. Call `dispose()` when done.
   */
  findings: FindingSource;
  /** Counts, risk inputs, table rows and timeline of the findings that stay. */
  digest: DigestResult;
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
  /** The time finding ages are measured from (the report's `generatedAt`; default: now). */
  asOf?: Date;
  /** Folder for findings that do not fit in memory (default: the OS temp folder). */
  spillDir?: string;
  /** Findings of one conversation kept in memory before spilling (default 5,000). */
  memoryFindings?: number;
  /**
   * Runs the detectors only on the messages this accepts (by index); the others are context
   * only. For a scan split over threads (src/run/split-scan.ts).
   */
  owns?: (messageIndex: number) => boolean;
}

/** The findings of every conversation of a scanned file as arrays: for tests and small inputs. */
export function findingsOf(scanned: ScannedConversation): Finding[] {
  return scanned.findings.toArray((f) => scanned.digest.keep(f.type));
}

/** Removes what the scan of a file left on disk (spilled findings). */
export function disposeScannedFile(file: ScannedFile): void {
  for (const conversation of file.conversations) conversation.findings.dispose();
}

/** A conversation scanned to its end, before knowing which of its findings stay. */
export interface ConversationScan {
  conversation: ConversationMeta;
  store: FindingStore;
  digest: FindingDigest;
  languages: string[];
}

export interface FileScan {
  path: string;
  conversations: ConversationScan[];
  errors: InputError[];
  skippedEntries: number;
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
  const scan = await scanConversations(path, detectors, options);
  return {
    path,
    errors: scan.errors,
    skippedEntries: scan.skippedEntries,
    conversations: scan.conversations.map(({ conversation, store, digest, languages }) =>
      finishConversation(conversation, store, digest, languages),
    ),
  };
}

/** Settles which findings stay, now that the conversation is known to be a group or not. */
export function finishConversation(
  conversation: ConversationMeta,
  findings: FindingSource,
  digest: FindingDigest,
  languages: string[],
): ScannedConversation {
  const result = digest.finish(conversation.isGroup);
  return { conversation, findings, digest: result, languages, droppedGroupOnly: result.dropped };
}

/** `scanFile` without the last step: digests still open (to merge parts of a split scan). */
export async function scanConversations(
  path: string,
  detectors: readonly Detector[],
  options: ScanFileOptions,
): Promise<FileScan> {
  const groupOnly = options.groupOnlyTypes ?? GROUP_ONLY_TYPES;
  const asOf = options.asOf ?? new Date();
  const reveal = options.reveal;
  const states = new Map<
    string,
    {
      scanner: ConversationScanner;
      store: FindingStore;
      digest: FindingDigest;
      languages: LanguageTally;
    }
  >();
  const result = await parseFile(path, (conversation, message) => {
    let state = states.get(conversation.id);
    if (!state) {
      state = {
        // Group-ness is only known at the end of a conversation; no PII, contract or credential
        // detector depends on it.
        scanner: new ConversationScanner(detectors, {
          id: conversation.id,
          isGroup: false,
          platform: conversation.platform,
        }),
        store: new FindingStore({
          ...(options.spillDir !== undefined ? { spillDir: options.spillDir } : {}),
          ...(options.memoryFindings !== undefined
            ? { memoryFindings: options.memoryFindings }
            : {}),
        }),
        digest: new FindingDigest(asOf, groupOnly),
        languages: new LanguageTally(),
      };
      states.set(conversation.id, state);
    }
    if (message.kind === 'text') state.languages.add(message.text);
    if (options.owns && !options.owns(message.index)) {
      state.scanner.observe(message);
      options.onMessage?.(0);
      return;
    }
    const raws = state.scanner.scan(message);
    let counted = 0;
    if (raws.length > 0) {
      // Display names that are phone numbers are identifiers too: masked like titles.
      const sender = message.sender === null || reveal ? message.sender : maskTitle(message.sender);
      const findings = toFindings(conversation.id, raws, { reveal }).sort(compareFindings);
      for (const finding of findings) {
        finding.message.sender = sender;
        state.store.add(finding);
        state.digest.add(finding);
        if (!groupOnly.has(finding.type)) counted++;
      }
    }
    options.onMessage?.(counted);
  });
  const conversations = result.conversations.map((conversation) => {
    const state = states.get(conversation.id);
    states.delete(conversation.id);
    return {
      conversation,
      store: state?.store ?? new FindingStore(),
      digest: state?.digest ?? new FindingDigest(asOf, groupOnly),
      languages: state?.languages.result() ?? [],
    };
  });
  // Conversations of a source that failed half-way are not returned: remove their spill files.
  for (const state of states.values()) state.store.dispose();
  return {
    path,
    errors: result.errors,
    skippedEntries: result.skippedEntries,
    conversations,
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
