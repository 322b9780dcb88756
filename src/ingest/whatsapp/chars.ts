/**
 * Invisible characters in WhatsApp exports: bidi controls and BOMs are removed from names and
 * texts; for header matching only, odd spaces, the Arabic comma and Arabic-Indic digits are also
 * mapped to their ASCII forms.
 */

/** LRM, RLM, ALM, LRE…RLO, LRI…PDI and BOM/ZWNBSP. ZWJ, ZWSP and variation selectors are kept. */
const BIDI_ONE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const BIDI_ALL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function isBidiControl(code: number): boolean {
  return (
    code === 0x200e ||
    code === 0x200f ||
    code === 0xfeff ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

export function hasBidi(text: string): boolean {
  return BIDI_ONE.test(text);
}

/** Removes bidi control marks and BOMs; returns the same string when there are none. */
export function stripBidi(text: string): string {
  return BIDI_ONE.test(text) ? text.replace(BIDI_ALL, '') : text;
}

/** True when `text` starts with LRM/RLM (iOS marks system lines and placeholders this way). */
export function startsWithDirectionMark(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x200e || c === 0x200f;
}

/** Characters that `normalizeHead` changes; a head without them is matched as it is. */
export const HEAD_NEEDS_NORMALIZING =
  /[\u00a0\u060c\u061c\u0660-\u0669\u06f0-\u06f9\u2007\u2009\u200a\u200e\u200f\u202a-\u202f\u2066-\u2069\ufeff]/;

function isOddSpace(code: number): boolean {
  return code === 0xa0 || code === 0x202f || code === 0x2007 || code === 0x2009 || code === 0x200a;
}

/**
 * The form of a line's head that header regexes see: bidi marks and BOMs dropped, NBSP/NNBSP
 * and similar spaces as ' ', Arabic comma as ',', Arabic-Indic digits as ASCII. Every kept
 * character maps to exactly one output character (see `originalOffset`).
 */
export function normalizeHead(head: string): string {
  let out = '';
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (isBidiControl(c)) continue;
    if (isOddSpace(c)) out += ' ';
    else if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(48 + c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(48 + c - 0x06f0);
    else if (c === 0x060c) out += ',';
    else out += head[i];
  }
  return out;
}

/** Index in `original` right after the first `kept` characters that `normalizeHead` keeps. */
export function originalOffset(original: string, kept: number): number {
  let seen = 0;
  let i = 0;
  while (i < original.length && seen < kept) {
    if (!isBidiControl(original.charCodeAt(i))) seen++;
    i++;
  }
  return i;
}

/** First character codes a header line can start with (before normalization). */
export function mayStartHeader(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 91 ||
    isBidiControl(code) ||
    (code >= 0x0660 && code <= 0x0669) ||
    (code >= 0x06f0 && code <= 0x06f9)
  );
}

/** Any Unicode space separator or tab (`~<NNBSP>Name`). */
export function isSpaceChar(code: number): boolean {
  return code === 32 || code === 9 || isOddSpace(code) || code === 0x3000 || code === 0x2002;
}
