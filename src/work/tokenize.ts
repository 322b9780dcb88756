/**
 * Features of a chat message for the work classifier. natural's own tokenizers drop umlauts and
 * every CJK character, and `Intl.Segmenter` costs ~15 µs per message (too slow for scan time), so
 * this is a single hand-written pass over the (already normalized) text:
 *
 * - Latin-script words (letters incl. umlauts/ß/accents, digits) are lower-cased; words of one
 *   letter are dropped; digits inside a word become `0` (`KW45` → `kw00`, `Q1` → `q0`); a number
 *   alone becomes a shape token by length (`#1` one or two digits, `#2` three or four, `#3` more),
 *   so no identifier ever becomes a feature.
 * - With `stem`, a light suffix folding merges plural and inflected forms (`quotes` → `quote`,
 *   `Kunden` → `kunde`): the corpus is small, so sharing evidence between forms helps.
 * - Runs of CJK ideographs give character unigrams and bigrams (`开会了` → `开`, `会`, `了`,
 *   `开会`, `会了`): no dictionary, robust to unseen words.
 * - Everything else (punctuation, emoji, spaces, symbols) separates tokens and is dropped.
 */

export interface TokenizerOptions {
  /** Fold common English/German inflection suffixes. */
  stem: boolean;
  /** Emit CJK single characters as well as bigrams. */
  cjkUnigrams: boolean;
  /** Drop German and English function words (`STOPWORDS`). */
  stopwords: boolean;
  /**
   * For Latin-script words of at least `affix + 3` letters, also emit their first and last `affix`
   * letters (`kunden~`, `~termin` for `Kundentermin`): German compounds share evidence with their
   * parts. 0 = off.
   */
  affix: number;
  /** For words of at least `ngram + 2` letters, also emit their letter n-grams. 0 = off. */
  ngram: number;
}

export const DEFAULT_TOKENIZER: TokenizerOptions = {
  stem: true,
  cjkUnigrams: true,
  stopwords: false,
  affix: 4,
  ngram: 0,
};

/**
 * German and English function words (articles, pronouns, prepositions, auxiliaries,
 * conjunctions). Never shown as "work words" in explanations; dropped from the features with the
 * `stopwords` option.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber auch noch schon nur ' +
    'ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen mein meine dein deine ' +
    'sein seine unser unsere euer eure ist sind war waren bin bist hat habe hast haben hatte wird ' +
    'werden kann kannst können muss müssen soll sollen will wollen mit von zu zum zur bei bis für ' +
    'auf aus an am im in um über unter nach vor seit ab als wie wo wann was wer ob dass weil wenn ' +
    'so da dann jetzt heute nicht kein keine keinen ja nein mal bitte doch denn man es ' +
    'the a an and or but also just only i you he she it we they me him her us them my your his ' +
    'its our their is are was were be been am has have had do does did will would can could ' +
    'should shall must may might of to in on at by for from with about as into than then so if ' +
    'when what who where which that this these those there here not no yes please all any some'
  ).split(' '),
);

export const enum Kind {
  Other = 0,
  Letter = 1,
  Digit = 2,
  Cjk = 3,
}

const LETTER = /\p{L}/u;

/** CJK Unified Ideographs and Extension A: runs of them become bigrams. */
export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function classify(code: number): Kind {
  if (code < 0x80) {
    if (code >= 0x61 && code <= 0x7a) return Kind.Letter;
    if (code >= 0x30 && code <= 0x39) return Kind.Digit;
    if (code >= 0x41 && code <= 0x5a) return Kind.Letter;
    return Kind.Other;
  }
  if (isCjk(code)) return Kind.Cjk;
  // Latin-1 and Latin Extended letters (not × and ÷).
  if (code >= 0xc0 && code <= 0x24f)
    return code === 0xd7 || code === 0xf7 ? Kind.Other : Kind.Letter;
  // Surrogates (emoji and rare scripts) and symbols: separators. Other scripts' letters: words.
  if (code >= 0xd800 && code <= 0xdfff) return Kind.Other;
  return LETTER.test(String.fromCharCode(code)) ? Kind.Letter : Kind.Other;
}

// Kinds by UTF-16 code unit, filled on first sight: the \p{L} test is too slow to run per char.
const UNKNOWN = 0xff;
const KINDS = new Uint8Array(0x10000).fill(UNKNOWN);

/** The tokenizer's class of a UTF-16 code unit. */
export function kindOf(code: number): Kind {
  const kind: number = KINDS[code]!;
  return kind === UNKNOWN ? (KINDS[code] = classify(code)) : kind;
}

/** Light, language-agnostic inflection folding (not a real stemmer; good enough for features). */
export function stem(word: string): string {
  const codes = new Uint16Array(word.length);
  for (let i = 0; i < word.length; i++) codes[i] = word.charCodeAt(i);
  const n = stemLength(codes, word.length);
  return n === word.length ? word : word.slice(0, n);
}

/**
 * Length of the stem of the word spelled by `codes[0, n)` (lower case): every suffix `stem`
 * removes leaves a prefix, so the stem is the first `stemLength` characters. Two rounds:
 * `meetings` → `meeting` → `meet`.
 */
export function stemLength(codes: ArrayLike<number>, n: number): number {
  return stripSuffix(codes, stripSuffix(codes, n));
}

/** Whether `codes[0, n)` ends in `ungen`. */
function endsWithUngen(codes: ArrayLike<number>, n: number): boolean {
  return (
    codes[n - 5] === 0x75 &&
    codes[n - 4] === 0x6e &&
    codes[n - 3] === 0x67 &&
    codes[n - 2] === 0x65 &&
    codes[n - 1] === 0x6e
  );
}

/**
 * Removes one of `-ungen` (→ `-ung`), `-ing`, `-en`, `-er`, `-es`, `-ed`, `-e`, `-n`, `-s`
 * (longest first) when at least four characters remain; works on `codes[0, n)` and returns the
 * new length.
 */
function stripSuffix(codes: ArrayLike<number>, n: number): number {
  if (n < 5) return n;
  const last = codes[n - 1]!;
  const prev = codes[n - 2]!;
  let cut = 0;
  switch (last) {
    case 0x6e: // n
      if (prev === 0x65 && n >= 9 && endsWithUngen(codes, n)) return n - 2;
      cut = prev === 0x65 && n >= 6 ? 2 : 1;
      break;
    case 0x67: // g
      if (prev === 0x6e && codes[n - 3] === 0x69 && n >= 7) cut = 3;
      break;
    case 0x72: // r
      if (prev === 0x65) cut = 2;
      break;
    case 0x73: // s
      cut = prev === 0x65 && n >= 6 ? 2 : 1;
      break;
    case 0x64: // d
      if (prev === 0x65) cut = 2;
      break;
    case 0x65: // e
      cut = 1;
      break;
  }
  return cut > 0 && n - cut >= 4 ? n - cut : n;
}

function wordFeature(
  word: string,
  hasDigit: boolean,
  hasLetter: boolean,
  options: TokenizerOptions,
): string {
  if (!hasLetter) return word.length <= 2 ? '#1' : word.length <= 4 ? '#2' : '#3';
  const folded = hasDigit ? word.replace(/[0-9]/g, '0') : word;
  return options.stem && !hasDigit ? stem(folded) : folded;
}

/**
 * Appends the features of `text` to `out` (duplicates included, in text order). With `spans`,
 * also appends `start, end` offsets (into `text`) of each feature's source. Returns the number
 * of words: Latin-script words (numbers included) plus, for each CJK run, half its characters
 * (rounded up; Chinese words are mostly two characters).
 */
export function tokenizeInto(
  text: string,
  options: TokenizerOptions,
  out: string[],
  spans?: number[],
): number {
  let words = 0;
  const lower = text.toLowerCase();
  // toLowerCase keeps the length for everything this tokenizer keeps, except a few letters
  // (e.g. İ): then lower-case word by word so offsets stay right.
  const sameLength = lower.length === text.length;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === Kind.Other) {
      i++;
      continue;
    }
    const start = i;
    if (kind === Kind.Cjk) {
      while (i < n && isCjk(text.charCodeAt(i))) i++;
      words += Math.ceil((i - start) / 2);
      for (let k = start; k < i; k++) {
        if (options.cjkUnigrams || i - start === 1) {
          out.push(text[k]!);
          spans?.push(k, k + 1);
        }
        if (k + 1 < i) {
          out.push(text.slice(k, k + 2));
          spans?.push(k, k + 2);
        }
      }
      continue;
    }
    let hasDigit = false;
    let hasLetter = false;
    while (i < n) {
      const k = kindOf(text.charCodeAt(i));
      if (k === Kind.Letter) hasLetter = true;
      else if (k === Kind.Digit) hasDigit = true;
      else break;
      i++;
    }
    if (hasLetter && i - start < 2) continue;
    const word = sameLength ? lower.slice(start, i) : text.slice(start, i).toLowerCase();
    words++;
    if (options.stopwords && STOPWORDS.has(word)) continue;
    out.push(wordFeature(word, hasDigit, hasLetter, options));
    spans?.push(start, i);
    if (hasDigit || !hasLetter) continue;
    const a = options.affix;
    if (a > 0 && word.length >= a + 3) {
      out.push(`${word.slice(0, a)}~`, `~${word.slice(word.length - a)}`);
      spans?.push(start, i, start, i);
    }
    const g = options.ngram;
    if (g > 0 && word.length >= g + 2) {
      for (let k = 0; k + g <= word.length; k++) {
        out.push(`~${word.slice(k, k + g)}~`);
        spans?.push(start, i);
      }
    }
  }
  return words;
}

/** The features of `text`, duplicates included. */
export function tokenize(text: string, options: TokenizerOptions = DEFAULT_TOKENIZER): string[] {
  const out: string[] = [];
  tokenizeInto(text, options, out);
  return out;
}

/** Shape tokens stand for numbers, never for words: explanations and the evidence gate skip them. */
export function isShapeToken(feature: string): boolean {
  return feature.charCodeAt(0) === 0x23; // '#'
}
