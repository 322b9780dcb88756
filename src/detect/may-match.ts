import { confirmNoMatch } from './gate-check.js';
import { BoundedGate, boundedNeedlesOf } from './bounded-gate.js';

/**
 * Whether `pattern` can match somewhere in `text[from, to)`: false when none of its required
 * literals (`needles.ts`) is there, so the caller may skip running it. Keyword lists are large
 * alternations that cost a try of every word at every position; the literal search costs one
 * table lookup per character. True when the pattern requires no literal.
 */
export function mayMatch(pattern: RegExp, text: string, from = 0, to = text.length): boolean {
  let index = indexes.get(pattern);
  if (index === undefined) {
    index = indexOf(pattern);
    indexes.set(pattern, index);
  }
  if (index === null || index.any(text, from, to)) return true;
  confirmNoMatch(pattern, text, from, to);
  return false;
}

const indexes = new WeakMap<RegExp, BoundedGate | null>();

function indexOf(pattern: RegExp): BoundedGate | null {
  const needles = boundedNeedlesOf(pattern);
  // "Some digit" is in most messages: looking for it would cost more than it saves.
  if (!needles || needles.every((n) => /^[0-9]$/.test(n.needle))) return null;
  return new BoundedGate([needles]);
}

/** `pattern.exec(text)`, skipped (null) when the pattern cannot match (stateless patterns only). */
export function execIfPossible(pattern: RegExp, text: string): RegExpExecArray | null {
  if (pattern.global || pattern.sticky || mayMatch(pattern, text)) return pattern.exec(text);
  return null;
}
