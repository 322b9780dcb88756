/**
 * Fonts for the PDF reports. All text is set in Noto Sans SC (from the npm package
 * `@expo-google-fonts/noto-sans-sc`, plain TrueType): it covers Chinese, Latin with umlauts and ß,
 * Cyrillic and the symbols the reports use. The built-in Helvetica would garble CJK silently, so
 * it is never loaded. The files are read and parsed (fontkit) once per process and the parsed
 * fonts reused by every document, so their glyph and layout caches stay warm; pdfkit embeds only
 * the glyphs a document uses.
 *
 * Emoji have no glyphs in any font pdfkit can colour, so `pdfText` replaces them with a short text
 * form (`:thumbs-up:`), and any other character the font lacks with `?`, instead of a tofu box.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  body: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Font> | undefined;

/** The parsed fonts, loaded on first use. Throws a one-line error when the package is missing. */
export function loadFonts(): Record<FontName, Font> {
  if (!fonts) {
    const load = (name: FontName): Font => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(require.resolve(FONT_FILES[name]));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new Error(
          `cannot load the report font ${FONT_FILES[name]} (${code}); run "npm ci" to install it`,
          { cause: error },
        );
      }
      const font = create(bytes);
      if (typeof font.layout !== 'function' || !font.hasGlyphForCodePoint(0x4e2d)) {
        throw new Error(`the report font ${FONT_FILES[name]} is not a CJK TrueType font`);
      }
      return withSharedLayoutCache(font);
    };
    fonts = { body: load('body'), bold: load('bold') };
  }
  return fonts;
}

interface GlyphRun {
  glyphs: unknown[];
  positions: Array<Record<string, number>>;
}

const LAYOUT_CACHE_LIMIT = 50_000;

/**
 * Shaping a word with a CJK font's OpenType tables is the slowest part of making a PDF, and pdfkit
 * caches it per document only. This wraps the parsed font so layouts are cached per process. pdfkit
 * scales the positions of a run in place, so every call gets fresh position objects.
 */
function withSharedLayoutCache(font: Font): Font {
  const cache = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): unknown => {
    const plain = features === undefined || (Array.isArray(features) && features.length === 0);
    if (!plain) return font.layout(text, features);
    let run = cache.get(text);
    if (!run) {
      run = font.layout(text) as GlyphRun;
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      cache.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth(): number {
        let width = 0;
        for (const p of positions) width += p.xAdvance ?? 0;
        return width;
      },
    };
  };
  return new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

interface FontDoc {
  // pdfkit accepts a parsed fontkit font wherever it accepts a file or a buffer.
  registerFont(name: string, src: never): unknown;
  font(name: string): unknown;
}

/** Registers `body` and `bold` in a new document and selects `body`. */
export function registerFonts(doc: FontDoc): void {
  const loaded = loadFonts();
  doc.registerFont('body', loaded.body as never);
  doc.registerFont('bold', loaded.bold as never);
  doc.font('body');
}

interface GlyphFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** The fontkit font behind pdfkit's current font (an internal of pdfkit; checked at run time). */
export function currentGlyphFont(): GlyphFont {
  return loadFonts().body;
}

const EMOJI_NAMES: Record<string, string> = {
  '👍': 'thumbs-up',
  '👎': 'thumbs-down',
  '🙏': 'pray',
  '😀': 'grin',
  '😁': 'grin',
  '😃': 'smile',
  '😄': 'smile',
  '🙂': 'smile',
  '😊': 'smile',
  '😉': 'wink',
  '😂': 'laughing',
  '🤣': 'laughing',
  '😅': 'sweat-smile',
  '😬': 'grimace',
  '😍': 'heart-eyes',
  '😘': 'kiss',
  '😎': 'cool',
  '🤔': 'thinking',
  '🙄': 'eye-roll',
  '😢': 'sad',
  '😭': 'crying',
  '😡': 'angry',
  '😳': 'flushed',
  '🙈': 'see-no-evil',
  '🙌': 'raised-hands',
  '👏': 'clap',
  '👋': 'wave',
  '👆': 'point-up',
  '👉': 'point-right',
  '👌': 'ok',
  '💪': 'strong',
  '🤝': 'handshake',
  '🎉': 'party',
  '🥳': 'party',
  '✅': 'check',
  '❌': 'cross',
  '❗': 'exclamation',
  '❤': 'heart',
  '🔥': 'fire',
  '💯': '100',
  '🚀': 'rocket',
  '👀': 'eyes',
  '🍕': 'pizza',
  '🍻': 'cheers',
  '🍺': 'beer',
  '🍜': 'noodles',
  '☕': 'coffee',
  '🎭': 'theatre',
  '📎': 'paperclip',
  '📄': 'document',
  '📞': 'phone',
  '📱': 'mobile',
  '💰': 'money',
  '🔑': 'key',
  '🔒': 'lock',
};

// These classes list code points on purpose (marks, modifiers, controls), not characters to match
// as written, which is what the lint rules below guard against.
/* eslint-disable no-misleading-character-class, no-control-regex */
/** Invisible marks that would otherwise render as boxes or shift text. */
const INVISIBLE =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/gu;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Variation selectors and skin tones: dropped before emoji are named. */
const MODIFIERS = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;
/** One emoji, including ZWJ sequences and keycaps; flags are two regional indicators. */
const EMOJI =
  /\p{Regional_Indicator}{2}|(?:\p{Extended_Pictographic}(?:\u200D\p{Extended_Pictographic})*)|[0-9#*]\uFE0F?\u20E3/gu;
const NON_LATIN1 = /[^\u0000-\u00FF]/;
/* eslint-enable no-misleading-character-class, no-control-regex */

const glyphCache = new Map<number, boolean>();

/** Latin letters the font lacks that have no decomposition. */
const LATIN_FALLBACK: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  ŧ: 't',
};

/** A readable stand-in for a character without a glyph: its base letter, or `?`. */
function fallbackFor(ch: string, has: (cp: number) => boolean): string {
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base && base !== ch && [...base].every((c) => has(c.codePointAt(0) ?? 0))) return base;
  return LATIN_FALLBACK[ch] ?? '?';
}

/**
 * Makes user text safe to set in the report font: emoji become `:name:`, characters without a
 * glyph become `?`, control and direction marks are removed.
 */
export function pdfText(text: string, font?: GlyphFont): string {
  const has = (cp: number): boolean => {
    if (cp < 0x100) return true;
    let known = glyphCache.get(cp);
    if (known === undefined) {
      known = font ? font.hasGlyphForCodePoint(cp) : true;
      if (font) glyphCache.set(cp, known);
    }
    return known;
  };
  let out = text.replace(CONTROL, '').replace(/\t/g, ' ').replace(MODIFIERS, '');
  out = out.replace(EMOJI, (emoji) => {
    const cp = emoji.codePointAt(0) ?? 0;
    if ([...emoji].length === 1 && has(cp)) return emoji;
    const base = String.fromCodePoint(cp);
    if (/\p{Regional_Indicator}/u.test(base)) {
      const letters = [...emoji].map((c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0x1f1a5));
      return `:flag-${letters.join('').toLowerCase()}:`;
    }
    return `:${EMOJI_NAMES[base] ?? 'emoji'}:`;
  });
  out = out.replace(INVISIBLE, '');
  // Noto Sans SC sets ’ full-width (CJK style): inside Latin words use the ASCII apostrophe.
  out = out.replace(/(?<=[A-Za-z])\u2019(?=[A-Za-z])/g, "'");
  if (!NON_LATIN1.test(out)) return out;
  let result = '';
  for (const ch of out) {
    const cp = ch.codePointAt(0) ?? 0;
    if (has(cp)) result += ch;
    else result += fallbackFor(ch, has);
  }
  return result;
}
