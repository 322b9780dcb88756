/**
 * The shared scoring of the contract detectors: a term (keyword or phrase), optionally a value
 * next to it (a period, a percentage, an amount), and business context around it.
 *
 *   confidence = base of the term + bonus per value found + business bonus
 *                (none 0, one weak word 0.15, two weak words 0.22, a strong word 0.3)
 *
 * Without business context a term stays below the reporting threshold (capped at 0.45) unless it
 * is `inherent`: a word only commercial contracts use (Vertragsstrafe, Zahlungsziel, MOQ, NDA)
 * is its own context. Private-life words nearby (Miete, Netflix, 淘宝) cap even those.
 */
import type { DetectorContext, Hit } from '../../src/detect/detector.js';
import { AnchoredSearch } from '../../src/detect/anchored.js';
import { confirmNoMatch } from '../../src/detect/gate-check.js';
import {
  BoundedGate,
  type BoundedNeedle,
  boundedNeedlesOf,
} from '../../src/detect/bounded-gate.js';
import { MIN_CONFIDENCE } from '../../src/detect/run-detectors.js';
import {
  type BusinessContext,
  businessBonus,
  businessContext,
  strongWordIn,
} from './_business-context.js';

const NO_CONTEXT_CAP = 0.45;
/**
 * Terms graded per message and detector. A real message has a handful; a pasted 50,000-character
 * wall of "Rabatt 5 %" would otherwise make overlap resolution quadratic.
 */
export const MAX_HITS = 100;
const MAX_CONFIDENCE = 0.97;

export interface ValueRule {
  /** From `valueAfter`: the value follows the term (value in group 1). */
  after?: RegExp;
  /** From `valueBefore`: the value precedes the term (value in group 1). */
  before?: RegExp;
  /** What the value is, for the explanation ("period", "percentage"). */
  label: string;
  bonus: number;
  /** Without this value the term is not reported at all. */
  required?: boolean;
}

export interface TermRule {
  /** A global regex; each match is one term. */
  pattern: RegExp;
  /** What the term is, for the explanation ("keyword", "Incoterm"). */
  label: string;
  base: number;
  /** The term only exists in commercial contracts: it is its own business context. */
  inherent?: boolean;
  /**
   * A strong business word inside the term counts as business context ("unterschriebener
   * Rahmenvertrag", "合同盖章"); by default the term's own words never count.
   */
  strongSelf?: boolean;
  values?: readonly ValueRule[];
  /**
   * Words that make this term private when no strong business word is near (warranty: "mein",
   * "ich hab"), on top of the shared private words.
   */
  privateCue?: RegExp;
  /** Rejects a match (e.g. `net 30 kg` is a weight); gets the text and the match. */
  accept?: (text: string, match: RegExpExecArray) => boolean;
}

export interface Graded {
  confidence: number;
  explanation: string;
}

/** Confidence and explanation from the parts; see the module comment for the rule. */
export function grade(
  base: number,
  found: ReadonlyArray<{ label: string; text: string; bonus: number }>,
  business: BusinessContext,
  inherent: boolean,
): Graded {
  let confidence = base + businessBonus(business);
  const reasons: string[] = [];
  for (const part of found) {
    confidence += part.bonus;
    reasons.push(`${part.label} '${part.text}'`);
  }
  if (business.level > 0) {
    reasons.push(
      `${business.level === 2 ? 'business' : 'weak business'} context '${business.word}'`,
    );
  } else if (business.privateWord) {
    reasons.push(`private context '${business.privateWord}'`);
    confidence = Math.min(confidence, NO_CONTEXT_CAP);
  } else if (inherent) {
    reasons.push('the term itself is commercial');
  } else {
    reasons.push('no business context');
    confidence = Math.min(confidence, NO_CONTEXT_CAP);
  }
  return {
    confidence: Math.round(Math.min(confidence, MAX_CONFIDENCE) * 100) / 100,
    explanation: reasons.join('; '),
  };
}

/** Canonical value of a span: whitespace collapsed, lower case (fingerprints and dedupe). */
export function canonical(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function valueAfterTerm(re: RegExp, text: string, end: number): [number, number] | undefined {
  const m = re.exec(text.slice(end, end + 120));
  if (!m?.[1]) return undefined;
  const valueEnd = end + m[0].length;
  return [valueEnd - m[1].length, valueEnd];
}

function valueBeforeTerm(re: RegExp, text: string, start: number): [number, number] | undefined {
  const from = Math.max(0, start - 60);
  const m = re.exec(text.slice(from, start));
  if (!m?.[1]) return undefined;
  return [from + m.index, from + m.index + m[1].length];
}

// What may separate two parts of one term ("50% upfront and 50% on delivery" is two; "FOB
// Shanghai / Ningbo" is one). Commas separate terms and are not joined.
const JOIN = /^[\s+/&-]{0,3}$/;

/**
 * Keeps the most confident of overlapping hits (the longer one on a tie), then joins hits that
 * touch or only a space or a slash separates: one phrase, one finding.
 */
export function keepBest(text: string, hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort(
    (a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start),
  );
  const kept: Hit[] = [];
  for (const hit of sorted) {
    if (kept.some((k) => hit.start < k.end && k.start < hit.end)) continue;
    // A reportable reading that contains this one gives the fuller span ("15% off list price").
    const wider = sorted.find(
      (w) =>
        w.confidence >= MIN_CONFIDENCE &&
        w.start <= hit.start &&
        hit.end <= w.end &&
        w.end - w.start > hit.end - hit.start,
    );
    kept.push(wider ? { ...hit, start: wider.start, end: wider.end, value: wider.value } : hit);
  }
  kept.sort((a, b) => a.start - b.start);
  const joined: Hit[] = [kept[0]!];
  for (const hit of kept.slice(1)) {
    const last = joined[joined.length - 1]!;
    if (JOIN.test(text.slice(last.end, hit.start))) {
      const better = hit.confidence > last.confidence ? hit : last;
      joined[joined.length - 1] = {
        ...better,
        start: last.start,
        end: hit.end,
        value: canonical(text.slice(last.start, hit.end)),
        explanation: `${better.explanation}; joined with '${text.slice(
          better === hit ? last.start : hit.start,
          better === hit ? last.end : hit.end,
        )}'`,
      };
    } else {
      joined.push(hit);
    }
  }
  return joined;
}

/**
 * The required literals of every rule's pattern in one index (group = rule; -1: a pattern that
 * requires none), so one pass over the message tells which rules can match at all.
 */
interface RuleIndex {
  index: BoundedGate;
  group: Int32Array;
  hits: Uint32Array;
}

// Where each rule's matches can start in the message being scanned (one pass for all rules).
const ruleStarts: Array<number[] | null | undefined> = [];

const ruleIndexes = new WeakMap<readonly TermRule[], RuleIndex>();

function ruleIndex(rules: readonly TermRule[]): RuleIndex {
  let found = ruleIndexes.get(rules);
  if (!found) {
    const groups: Array<readonly BoundedNeedle[]> = [];
    const group = new Int32Array(rules.length).fill(-1);
    rules.forEach((rule, r) => {
      const needles = boundedNeedlesOf(rule.pattern);
      if (!needles) return;
      group[r] = groups.length;
      groups.push(needles);
    });
    const index = new BoundedGate(groups);
    found = { index, group, hits: new Uint32Array(index.words) };
    ruleIndexes.set(rules, found);
  }
  return found;
}

/** Runs term rules over the message and grades every match. */
export function scanTerms(context: DetectorContext, rules: readonly TermRule[]): Hit[] {
  const { text } = context;
  const hits: Hit[] = [];
  const { index, group, hits: present } = ruleIndex(rules);
  present.fill(0);
  ruleStarts.length = 0;
  index.scan(text, present, ruleStarts);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    rule.pattern.lastIndex = 0;
    const g = group[r]!;
    if (g >= 0 && (present[g >>> 5]! & (1 << (g & 31))) === 0) {
      confirmNoMatch(rule.pattern, text);
      continue;
    }
    // `exec` from the start, trying only where the rule's words start (`AnchoredSearch`).
    const search = new AnchoredSearch(
      rule.pattern,
      text,
      // No list for a rule without needles; null (too many places) searches plainly.
      g >= 0 ? (ruleStarts[g] === undefined ? [] : ruleStarts[g]) : undefined,
    );
    let from = 0;
    for (let m = search.next(from); m !== null && hits.length < MAX_HITS; m = search.next(from)) {
      // Past the match, or one on after an empty one.
      from = m.index + (m[0].length || 1);
      if (m[0].length === 0) continue;
      if (rule.accept && !rule.accept(text, m)) continue;
      const termStart = m.index;
      const termEnd = termStart + m[0].length;
      let start = termStart;
      let end = termEnd;
      const found: Array<{ label: string; text: string; bonus: number }> = [];
      let missing = false;
      for (const value of rule.values ?? []) {
        const span =
          (value.after && valueAfterTerm(value.after, text, termEnd)) ||
          (value.before && valueBeforeTerm(value.before, text, termStart)) ||
          undefined;
        if (!span) {
          if (value.required) missing = true;
          continue;
        }
        start = Math.min(start, span[0]);
        end = Math.max(end, span[1]);
        found.push({ label: value.label, text: text.slice(span[0], span[1]), bonus: value.bonus });
      }
      if (missing) continue;
      let business = businessContext(context, start, end, { start: termStart, end: termEnd });
      if (rule.privateCue && business.level < 2) {
        const cue = rule.privateCue.exec(text.slice(Math.max(0, start - 80), end + 80));
        if (cue) business = { level: 0, privateWord: cue[0] };
      }
      const self =
        rule.strongSelf && business.level < 2 && !business.privateWord
          ? strongWordIn(m[0])
          : undefined;
      if (self) business = { level: 2, word: self };
      const graded = grade(rule.base, found, business, rule.inherent ?? false);
      hits.push({
        start,
        end,
        value: canonical(text.slice(start, end)),
        confidence: graded.confidence,
        explanation: `${rule.label} '${m[0]}'; ${graded.explanation}`,
      });
    }
  }
  return keepBest(text, hits);
}
