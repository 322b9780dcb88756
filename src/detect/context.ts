import { keywordNeedles, registerBounded } from './bounded-gate.js';
import { AnchoredSearch } from './anchored.js';
import { mayMatch } from './may-match.js';

/**
 * Context words near a match. Windows are counted in characters, as Purview and Google DLP do,
 * because German compounds and Chinese text defeat word counts.
 */

export const DEFAULT_WINDOW = 300;

/**
 * Builds a keyword pattern with Unicode-aware boundaries (JavaScript's `\b` is ASCII-only, so
 * `/\bbank\b/` matches inside "Großbank"). A leading `*` lets letters precede the word (German
 * compounds: `*nummer` matches "Handynummer"), a trailing `*` lets letters follow (inflections:
 * `vertrag*` matches "Vertrags", "Verträge" needs its own entry). Words containing CJK characters
 * get no boundaries: Chinese has no spaces. Keywords are tried longest first, so "order" does not
 * shadow "order number".
 */
export function keywords(words: readonly string[]): RegExp {
  const parts = [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => {
      const prefix = word.startsWith('*');
      const suffix = word.endsWith('*');
      const core = word.slice(prefix ? 1 : 0, suffix ? -1 : undefined);
      const escaped = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\-_.]*');
      if (/[\u3400-\u9fff]/.test(core)) return escaped;
      // Cased letters only: a Latin keyword glued to Chinese text (小程序AppSecret) still counts.
      const left = prefix ? '' : '(?<![\\p{Lu}\\p{Ll}\\p{Lt}\\p{N}])';
      const right = suffix ? '' : '(?![\\p{Lu}\\p{Ll}\\p{Lt}\\p{N}])';
      return `${left}${escaped}${right}`;
    });
  const pattern = new RegExp(parts.join('|'), 'iu');
  registerBounded(pattern, () => keywordNeedles(words));
  return pattern;
}

/** The first keyword found within `window` characters around [start, end), or in `before`. */
export function contextWord(
  pattern: RegExp,
  text: string,
  start: number,
  end: number,
  options: { window?: number; before?: string | { readonly before: string } } = {},
): string | undefined {
  const window = options.window ?? DEFAULT_WINDOW;
  const from = Math.max(0, start - window);
  const to = Math.min(text.length, end + window);
  // `exec` of a global pattern depends on `lastIndex`: only stateless ones may be skipped.
  const stateless = !pattern.global && !pattern.sticky;
  if (!stateless || mayMatch(pattern, text, from, to)) {
    const near = text.slice(from, to);
    const inText = stateless ? firstMatch(pattern, near) : pattern.exec(near);
    if (inText) return inText[0];
  }
  if (options.before && start < window) {
    // A detector context is read only here: building `before` costs the scanner.
    const before = typeof options.before === 'string' ? options.before : options.before.before;
    const tailStart = Math.max(0, before.length - (window - start));
    if (!stateless || mayMatch(pattern, before, tailStart)) {
      const tail = before.slice(tailStart);
      const inBefore = stateless ? firstMatch(pattern, tail) : pattern.exec(tail);
      if (inBefore) return inBefore[0];
    }
  }
  return undefined;
}

/** Text between the end of one match and `end` characters further, for "keyword then value" checks. */
export function precededBy(
  pattern: RegExp,
  text: string,
  start: number,
  window = 40,
): string | undefined {
  const from = Math.max(0, start - window);
  if (!pattern.global && !pattern.sticky && !mayMatch(pattern, text, from, start)) return undefined;
  const m = pattern.exec(text.slice(from, start));
  return m?.[0];
}

/** `pattern.exec(text)` of a stateless pattern, tried only where its words start. */
function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  return new AnchoredSearch(pattern, text).next(0);
}

export function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}
