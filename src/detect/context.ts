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
  return new RegExp(parts.join('|'), 'iu');
}

/** The first keyword found within `window` characters around [start, end), or in `before`. */
export function contextWord(
  pattern: RegExp,
  text: string,
  start: number,
  end: number,
  options: { window?: number; before?: string } = {},
): string | undefined {
  const window = options.window ?? DEFAULT_WINDOW;
  const near = text.slice(Math.max(0, start - window), Math.min(text.length, end + window));
  const inText = pattern.exec(near);
  if (inText) return inText[0];
  if (options.before && start < window) {
    const tail = options.before.slice(-(window - start));
    const inBefore = pattern.exec(tail);
    if (inBefore) return inBefore[0];
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
  const m = pattern.exec(text.slice(Math.max(0, start - window), start));
  return m?.[0];
}

export function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}
