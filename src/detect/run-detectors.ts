import { createHash } from 'node:crypto';
import type { Message, MessageKind, Platform } from '../model/conversation.js';
import type { Category, Finding, Severity } from '../model/finding.js';
import type { Detector, Hit } from './detector.js';
import { isTermType, maskedExcerpt, maskRange, maskValue } from './mask.js';
import { normalizeText } from './normalize.js';

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

/**
 * The text detectors read: the message, plus the attachment's file name on a line of its own
 * unless the text already names it (iOS `<attached: …>`), so a contract PDF's name is seen once.
 */
export function scannedText(message: Message): string {
  const { text, attachment } = message;
  if (!attachment || text.includes(attachment)) return text;
  return text.length > 0 ? `${text}\n${attachment}` : attachment;
}

/** A hit placed in its message, before masking; never serialized as is. */
export interface RawFinding {
  detector: Detector;
  category: Category;
  type: string;
  severity: Severity;
  confidence: number;
  explanation: string;
  /** Canonical value (for fingerprints); sensitive. */
  value: string;
  /** Offsets in the original message text. */
  start: number;
  end: number;
  message: Message;
}

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
  private before = '';

  constructor(
    private readonly detectors: readonly Detector[],
    private readonly conversation: ScanTarget,
    private readonly minConfidence = MIN_CONFIDENCE,
  ) {}

  /**
   * Takes a message as context for the next ones without running the detectors on it: a scan
   * split over threads by message (see src/run/split-scan.ts) sees every message, but detects
   * only in its own.
   */
  observe(message: Message): void {
    if (!SCANNED_KINDS.has(message.kind)) return;
    const scanned = scannedText(message);
    if (scanned.length === 0) return;
    this.before = `${this.before}\n${normalizeText(scanned).text}`.slice(-BEFORE_CHARS);
  }

  scan(message: Message): RawFinding[] {
    if (!SCANNED_KINDS.has(message.kind)) return [];
    const scanned = scannedText(message);
    if (scanned.length === 0) return [];
    const normalized = normalizeText(scanned);
    const context = {
      text: normalized.text,
      before: this.before,
      message,
      conversation: { isGroup: this.conversation.isGroup, platform: this.conversation.platform },
    };
    const found: RawFinding[] = [];
    for (const detector of this.detectors) {
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
    this.before = `${this.before}\n${normalized.text}`.slice(-BEFORE_CHARS);
    return resolveOverlaps(found);
  }
}

/**
 * Within one category, overlapping spans are one thing: keep the most confident reading (an
 * IBAN's digits are not also a phone number). Findings of different categories may overlap.
 */
export function resolveOverlaps(found: RawFinding[]): RawFinding[] {
  if (found.length < 2) return found;
  const sorted = [...found].sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const kept: RawFinding[] = [];
  for (const candidate of sorted) {
    const clash = kept.some(
      (k) =>
        k.category === candidate.category &&
        k.type !== undefined &&
        candidate.start < k.end &&
        k.start < candidate.end &&
        (k.category === 'pii' || k.type === candidate.type),
    );
    if (!clash) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function fingerprint(conversationId: string, detectorId: string, value: string): string {
  return createHash('sha256')
    .update(`${conversationId}\0${detectorId}\0${value}`)
    .digest('hex')
    .slice(0, 16);
}

/** Turns raw findings of one message into contract findings, masking unless `reveal`. */
export function toFindings(
  conversationId: string,
  raws: readonly RawFinding[],
  options: { reveal: boolean },
): Finding[] {
  return raws.map((raw) => {
    const text = scannedText(raw.message);
    const upto = text.slice(0, raw.start);
    const newlines = upto.split('\n').length - 1;
    const column = raw.start - (upto.lastIndexOf('\n') + 1) + 1;
    const original = text.slice(raw.start, raw.end);
    const spans = raws.map((r) => ({ start: r.start, end: r.end, type: r.type }));
    return {
      id: fingerprint(conversationId, raw.detector.id, raw.value),
      detector: raw.detector.id,
      category: raw.category,
      type: raw.type,
      severity: raw.severity,
      confidence: raw.confidence,
      location: {
        line: raw.message.line + newlines,
        column,
        messageIndex: raw.message.index,
      },
      message: { timestamp: raw.message.timestamp, sender: raw.message.sender },
      // A term's span can hold identifiers of its own (a work message quoting an email address).
      value: options.reveal
        ? original
        : isTermType(raw.type)
          ? maskRange(text, spans, raw.start, raw.end)
          : maskValue(raw.type, original),
      excerpt: options.reveal
        ? text.slice(Math.max(0, raw.start - 60), raw.end + 60)
        : maskedExcerpt(text, spans, raw),
      // Term explanations quote what was matched ("amount '18.400 €'"): hide the figures as in the value.
      explanation:
        options.reveal || !isTermType(raw.type)
          ? raw.explanation
          : raw.explanation.replace(/\p{N}/gu, '*'),
    };
  });
}
