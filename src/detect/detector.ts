import type { Message, Platform } from '../model/conversation.js';
import type { Category, Severity } from '../model/finding.js';

/** Languages a detector's patterns and context words cover; `*` for language-independent ones. */
export type Language = 'de' | 'en' | 'zh' | '*';

export interface DetectorContext {
  /** Normalized text of the message (see `normalizeText`); hit offsets refer to it. */
  text: string;
  /** Normalized text of up to ~300 characters of the preceding messages, for context words. */
  before: string;
  message: Message;
  conversation: { isGroup: boolean; platform: Platform };
}

export interface Hit {
  start: number;
  end: number;
  /** Canonical form of the value (e.g. IBAN in electronic format): fingerprints and dedupe use it. */
  value: string;
  /** 0..1: pattern strength, validator result and context combined. */
  confidence: number;
  /** Why it was flagged, e.g. "mod-97 checksum valid; keyword 'IBAN' nearby". */
  explanation: string;
  /** For detectors that report several contract types. */
  type?: string;
}

/**
 * A match example marks the expected span(s) with `[[…]]`; a no-match example must produce no
 * reported hit. `before` is text of the preceding messages, `group` puts it in a group chat.
 */
export type DetectorExample =
  string | { text: string; before?: string; group?: boolean; note?: string };

export interface Detector {
  /** `category/kebab-name`, equal to the file path under `detectors/`. */
  id: string;
  category: Category;
  type: string;
  severity: Severity;
  languages: readonly Language[];
  description: string;
  /**
   * Cheap test on the normalized text; `detect` only runs when it matches. Must accept every text
   * `detect` could flag.
   */
  prefilter?: RegExp;
  detect(context: DetectorContext): Hit[];
  examples: { match: DetectorExample[]; noMatch: DetectorExample[] };
}

export function defineDetector(detector: Detector): Detector {
  return detector;
}
