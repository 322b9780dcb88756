import type { Message, MessageKind, Platform } from '../model/conversation.js';
import { resolveOverlaps } from './overlaps.js';
import type { Detector, DetectorContext, Hit } from './detector.js';
import { type DetectorGates, gatesFor } from './gate.js';
import { fail, gateChecks } from './gate-check.js';
import { History } from './history.js';
import { normalizeText } from './normalize.js';
import { type RawFinding, scannedText } from './raw-finding.js';

/** Findings below this confidence are not reported. */
export const MIN_CONFIDENCE = 0.5;
const BEFORE_CHARS = 300;

/** System lines and deletion markers are structure, not content anyone shared. */
const SCANNED_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'text',
  'media',
  'location',
  'poll',
  'contact',
  'transfer',
  'link',
]);

export interface ScanTarget {
  id: string;
  isGroup: boolean;
  platform: Platform;
}

/**
 * Runs every detector over the messages of one conversation in order, keeping a short window of
 * the preceding messages for context ("Steuer-ID?" in one message, the number in the next).
 */
export class ConversationScanner {
  private readonly history = new History(BEFORE_CHARS);
  /** What detectors see of the conversation: one object while the target's fields stay. */
  private seen: { isGroup: boolean; platform: Platform } | undefined;
  private readonly gates: DetectorGates;

  constructor(
    private readonly detectors: readonly Detector[],
    private readonly conversation: ScanTarget,
    private readonly minConfidence = MIN_CONFIDENCE,
  ) {
    this.gates = gatesFor(detectors);
  }

  /**
   * Takes a message as context for the next ones without running the detectors on it: a scan
   * split over threads by message (see src/run/split-scan.ts) sees every message, but detects
   * only in its own.
   */
  observe(message: Message): void {
    if (!SCANNED_KINDS.has(message.kind)) return;
    const scanned = scannedText(message);
    if (scanned.length === 0) return;
    this.history.add(normalizeText(scanned).text);
  }

  private view(): { isGroup: boolean; platform: Platform } {
    const { isGroup, platform } = this.conversation;
    if (this.seen?.isGroup !== isGroup || this.seen.platform !== platform) {
      this.seen = { isGroup, platform };
    }
    return this.seen;
  }

  scan(message: Message): RawFinding[] {
    if (!SCANNED_KINDS.has(message.kind)) return [];
    const scanned = scannedText(message);
    if (scanned.length === 0) return [];
    const normalized = normalizeText(scanned);
    const context = new ScanContext(normalized.text, this.history, message, this.view());
    const found: RawFinding[] = [];
    const gates = this.gates;
    const open = gates.prepare(normalized.text);
    if (gateChecks()) {
      this.detectors.forEach((detector, d) => {
        if (!gates.isOpen(d)) confirmNothingFound(detector, context);
      });
    }
    for (let k = 0; k < open; k++) {
      const detector = this.detectors[gates.openedAt(k)]!;
      if (detector.prefilter && !detector.prefilter.test(normalized.text)) continue;
      let hits: Hit[];
      try {
        hits = detector.detect(context);
      } catch {
        // One broken detector must not cost the others their findings.
        continue;
      }
      for (const hit of hits) {
        if (hit.confidence < this.minConfidence) continue;
        found.push({
          detector,
          category: detector.category,
          type: hit.type ?? detector.type,
          severity: detector.severity,
          confidence: Math.round(hit.confidence * 100) / 100,
          explanation: hit.explanation,
          value: hit.value,
          start: normalized.toOriginal(hit.start),
          end: normalized.toOriginalEnd(hit.end),
          message,
        });
      }
    }
    this.history.add(normalized.text);
    return resolveOverlaps(found);
  }
}

/** With gate checks on (`gate-check.ts`): a detector its gate skipped would have found nothing. */
function confirmNothingFound(detector: Detector, context: DetectorContext): void {
  if (detector.prefilter && !detector.prefilter.test(context.text)) return;
  const hits = detector.detect(context);
  if (hits.length > 0) fail(`${detector.id} finds something in ${JSON.stringify(context.text)}`);
}

/** What detectors see of a message; `before` is built on first use (most never read it). */
class ScanContext implements DetectorContext {
  private lazyBefore: string | undefined;
  private lazyLines: readonly string[] | undefined;
  readonly conversation: { isGroup: boolean; platform: Platform };

  constructor(
    readonly text: string,
    private readonly history: History,
    readonly message: Message,
    conversation: { isGroup: boolean; platform: Platform },
  ) {
    this.conversation = conversation;
  }

  get before(): string {
    this.lazyBefore ??= this.history.text();
    return this.lazyBefore;
  }

  beforeLines(): readonly string[] {
    this.lazyLines ??= this.history.lines();
    return this.lazyLines;
  }
}

export { fingerprint, toFindings } from './findings.js';
export { resolveOverlaps };
export { type RawFinding, scannedText } from './raw-finding.js';
