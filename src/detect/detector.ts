import type { Message, Platform } from '../model/conversation.js';
import type { Category, Severity } from '../model/finding.js';
import type { TextStats } from './text-stats.js';

/** Languages a detector's patterns and context words cover; `*` for language-independent ones. */
export type Language = 'de' | 'en' | 'zh' | '*';

export interface DetectorContext {
  /** Normalized text of the message (see `normalizeText`); hit offsets refer to it. */
  text: string;
  /** Normalized text of up to ~300 characters of the preceding messages, for context words. */
  before: string;
  /**
   * The non-empty lines of `before`, newest first, where the scanner can give them without
   * building `before` (optional: detectors fall back to splitting `before`).
   */
  beforeLines?(): readonly string[];
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
  /**
   * Cheap necessary condition on character statistics for the detector to report anything: false
   * only when `prefilter` cannot match or `detect` would find nothing (e.g. `stats.digits >= 7`
   * for a phone number). Lets the scanner skip both without running them (see `gate.ts`).
   */
  requires?: (stats: TextStats) => boolean;
  /**
   * Like `requires`, but only for the alternatives of `prefilter` that require no literal (e.g.
   * `^\s*\S{4,64}$`: `tokens === 1`): must be true whenever one of them matches. The others are
   * gated by their required literals (`needles.ts`). Without it such a prefilter runs on every
   * message.
   */
  gate?: (stats: TextStats) => boolean;
  detect(context: DetectorContext): Hit[];
  examples: { match: DetectorExample[]; noMatch: DetectorExample[] };
}

export function defineDetector(detector: Detector): Detector {
  return detector;
}

const memos = new WeakMap<DetectorContext, Map<unknown, unknown>>();

/**
 * A value computed once per message and shared by the detectors and candidates that need it
 * (keyword scans of the message and of `before`); `key` names it (a module-level constant).
 */
export function perMessage<T>(context: DetectorContext, key: object, compute: () => T): T {
  let memo = memos.get(context);
  if (!memo) {
    memo = new Map();
    memos.set(context, memo);
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}
