import { expect } from 'vitest';
import type { Detector } from '../../src/detect/detector.js';
import {
  ConversationScanner,
  scannedText,
  type RawFinding,
} from '../../src/detect/run-detectors.js';
import type { Message } from '../../src/model/conversation.js';

export interface ScanCase {
  text: string;
  /** Text of the message before, fed first so context across messages applies. */
  before?: string;
  /** Timestamp of the scanned message (date-of-birth checks dates against it). */
  timestamp?: string;
  group?: boolean;
  attachment?: string;
}

/**
 * Runs `detectors` over one message through the real `ConversationScanner` (normalization,
 * prefilters, the 0.5 threshold, overlap resolution). `scanned` is the text offsets refer to.
 */
export function scanMessage(
  detectors: readonly Detector[],
  input: string | ScanCase,
): { scanned: string; found: RawFinding[] } {
  const c = typeof input === 'string' ? { text: input } : input;
  const scanner = new ConversationScanner(detectors, {
    id: 'test',
    isGroup: c.group ?? false,
    platform: 'whatsapp',
  });
  if (c.before) {
    scanner.scan({ index: 0, line: 1, timestamp: '', sender: 'A', kind: 'text', text: c.before });
  }
  const message: Message = {
    index: 1,
    line: 2,
    timestamp: c.timestamp ?? '2024-01-01T10:00:00',
    sender: 'B',
    kind: c.attachment ? 'media' : 'text',
    text: c.text,
    ...(c.attachment ? { attachment: c.attachment } : {}),
  };
  return { scanned: scannedText(message), found: scanner.scan(message) };
}

/**
 * Each detector alone on a pathological text: linear scans take milliseconds, regex backtracking
 * takes minutes, so the bound is generous on purpose.
 */
export function expectLinear(detectors: readonly Detector[], text: string): void {
  for (const detector of detectors) {
    const started = performance.now();
    scanMessage([detector], text);
    expect(performance.now() - started, `${detector.id} on ${text.slice(0, 12)}…`).toBeLessThan(
      2_000,
    );
  }
}
