/**
 * Case folding for literal search (`needles.ts`, `needle-index.ts`): one UTF-16 code unit to one,
 * such that any two characters a case-insensitive regex treats as equal (`/i` compares upper
 * case, `/iu` Unicode simple case folding: `ſ` ~ `s`, `K` (Kelvin) ~ `k`, `ẞ` ~ `ß`) fold to the same
 * unit. Folding more than a regex would is harmless: needles only decide where a regex can be
 * skipped, never what it matches.
 */

const UNSET = 0xffff;
// Filled on first sight: folding all 65,536 units up front costs ~20 ms at startup.
const FOLDED = new Uint16Array(0x10000).fill(UNSET);

function computeFold(code: number): number {
  const ch = String.fromCharCode(code);
  const upper = ch.toUpperCase();
  if (upper.length === 1) {
    // Through upper case: `ſ` → `S` → `s`, `K` → `k`.
    const lower = upper.toLowerCase();
    if (lower.length === 1) return lower.charCodeAt(0);
  }
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

export function foldCode(code: number): number {
  const folded = FOLDED[code]!;
  if (folded !== UNSET || code === UNSET) return folded;
  return (FOLDED[code] = computeFold(code));
}

export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}
