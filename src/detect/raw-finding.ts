import type { Message } from '../model/conversation.js';
import type { Category, Severity } from '../model/finding.js';
import type { Detector } from './detector.js';

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
