import { execAll } from '../../src/detect/exec-all.js';
import { contextWord, keywords } from '../../src/detect/context.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';

// A local-part or domain label: ASCII letters/digits, Latin letters with diacritics, and the
// characters addresses actually use (no dot: dots are separators, handled below).
const WORD = "[A-Za-z0-9_+\\-'\\u00C0-\\u024F]{1,64}";
// Separators between labels: a plain dot (no spaces), or an obfuscated one: "(dot)", "[punkt]",
// " dot ", " punkt ", "点". Every alternative starts with a character WORD cannot contain.
const DOT =
  '(?:\\.|\\s?[\\[({<]\\s?(?:dot|punkt|point|点)\\s?[\\])}>]\\s?|\\s(?:dot|punkt)\\s|\\s?点\\s?)';
// The @ itself: plain, URL-encoded, bracketed ("(at)", "[at]", "{at}", "(@)"), or a bare " at ".
const AT = '(?:@|%40|\\s?[\\[({<]\\s?(?:at|ät|@)\\s?[\\])}>]\\s?|\\s(?:at)\\s|\\s@\\s|#)';
const ADDRESS = new RegExp(
  `(?<![A-Za-z0-9_+\\-'.@\\u00C0-\\u024F])(${WORD}(?:${DOT}${WORD}){0,6})(${AT})(${WORD}(?:${DOT}${WORD}){1,6})`,
  'giu',
);
const SPLIT_DOT = new RegExp(DOT, 'giu');
const URL_USERINFO = /:\/\/[^\s/@]*$/;

const CONTEXT = keywords([
  'e mail*',
  'email*',
  'mail',
  'mailadresse',
  '*adresse',
  'address',
  'schreib*',
  'write',
  'contact',
  'kontakt*',
  'reach',
  'inbox',
  'postfach',
  '邮箱',
  '邮件',
  '电邮',
  '邮址',
  '地址',
  '发到',
]);

// Top-level domains an obfuscated address may end in. Plain "x@y.tld" accepts any alphabetic TLD.
const COMMON_TLDS = new Set(
  (
    'com net org info biz edu gov io co me app dev eu de at ch li lu nl be fr it es pt pl cz sk hu dk se no fi ' +
    'ie uk us ca au nz cn hk tw sg jp kr ru tr gr ro bg hr si rs ua in br mx ar online email mail shop ' +
    'store tech site xyz cloud berlin bayern koeln hamburg wien swiss'
  ).split(' '),
);
// File extensions: `logo@2x.png` is a retina asset, not an address.
const FILE_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif svg webp bmp tif tiff heic ico pdf doc docx xls xlsx ppt pptx txt csv json xml ' +
    'js mjs ts css html htm md mp3 mp4 m4a mov avi wav ogg opus zip rar gz tgz 7z apk exe dmg'
  ).split(' '),
);
// Words that precede "at" in ordinary sentences ("meet at station dot com" is no address).
const SENTENCE_WORDS = new Set(
  (
    'i me you he she it we they us him her them my your our their is am are was were be been being ' +
    'meet meeting see look looking arrive arrived arriving stay staying stayed be work working home ' +
    'here there back call text ring sit sitting wait waiting start starts end ends good bad best ' +
    'only just not all one both and or but the a an this that what who which where when ' +
    'ich du er sie wir ihr bin bist ist sind war'
  ).split(' '),
);

interface Parsed {
  local: string;
  domain: string;
  /** Offset (from the start of the match) where the address ends, after trimming. */
  end: number;
  obfuscated: boolean;
  /** A dot was spelled out (" dot ", "(punkt)"). */
  wordDots: boolean;
  atKind: 'plain' | 'bracket' | 'word' | 'hash' | 'encoded';
}

/** Splits a `label DOT label …` run into labels with their end offsets in the run. */
function labels(run: string): Array<{ label: string; end: number; obfuscatedBefore: boolean }> {
  const out: Array<{ label: string; end: number; obfuscatedBefore: boolean }> = [];
  let last = 0;
  let obfuscatedBefore = false;
  SPLIT_DOT.lastIndex = 0;
  for (const m of execAll(SPLIT_DOT, run)) {
    out.push({ label: run.slice(last, m.index), end: m.index, obfuscatedBefore });
    obfuscatedBefore = m[0] !== '.';
    last = m.index + m[0].length;
  }
  out.push({ label: run.slice(last), end: run.length, obfuscatedBefore });
  return out;
}

const DOMAIN_LABEL =
  /^[a-z0-9\u00C0-\u024F](?:[a-z0-9\u00C0-\u024F-]{0,61}[a-z0-9\u00C0-\u024F])?$/i;
const TLD = /^(?:[a-z\u00C0-\u024F]{2,24}|xn--[a-z0-9-]{1,59})$/i;

function parse(match: RegExpExecArray | RegExpMatchArray): Parsed | undefined {
  const [, localRun = '', at = '', domainRun = ''] = match;
  const atKind: Parsed['atKind'] =
    at === '@'
      ? 'plain'
      : at === '%40'
        ? 'encoded'
        : at === '#'
          ? 'hash'
          : /[[({<@]/.test(at)
            ? 'bracket'
            : 'word';
  const localLabels = labels(localRun);
  const domainLabels = labels(domainRun);
  let obfuscated = atKind !== 'plain' && atKind !== 'encoded';
  if (localLabels.some((l) => l.label === '')) return undefined;
  // Longest domain prefix whose labels are valid and whose last label is a top-level domain.
  let cut = -1;
  for (let k = domainLabels.length - 1; k >= 1; k--) {
    const head = domainLabels.slice(0, k + 1);
    if (!head.every((l) => DOMAIN_LABEL.test(l.label))) continue;
    const tld = head[k]!.label.toLowerCase();
    if (!TLD.test(tld) || FILE_EXTENSIONS.has(tld)) continue;
    const usesWordDots = head.some((l) => l.obfuscatedBefore);
    if ((obfuscated || usesWordDots) && !COMMON_TLDS.has(tld)) continue;
    cut = k;
    break;
  }
  if (cut < 0) return undefined;
  const domainHead = domainLabels.slice(0, cut + 1);
  const wordDots =
    domainHead.some((l) => l.obfuscatedBefore) || localLabels.some((l) => l.obfuscatedBefore);
  if (wordDots) obfuscated = true;
  // Retina assets and sizes: `icon@2x.png`, `logo@3x`.
  if (/^\d+x$/i.test(domainHead[0]!.label)) return undefined;
  const local = localLabels.map((l) => l.label).join('.');
  if (local.length > 64 || /^[-+']|[-+']$/.test(local)) return undefined;
  const domain = domainHead
    .map((l) => l.label)
    .join('.')
    .toLowerCase();
  const end = localRun.length + at.length + domainHead[cut]!.end;
  return { local, domain, end, obfuscated, wordDots, atKind };
}

/** Scores one candidate; undefined when it is no address. */
function evaluate(
  match: RegExpExecArray,
  text: string,
  context: { readonly before: string },
): Hit | undefined {
  const parsed = parse(match);
  if (!parsed) return undefined;
  const start = match.index;
  const end = start + parsed.end;
  // `user@host.tld:path` (git remotes) and the user-info of a URL (`https://user:pw@host`)
  // are not addresses anyone shares as contact data.
  if (text[end] === ':' && /^[a-z]/i.test(text[end + 1] ?? '')) return undefined;
  if (URL_USERINFO.test(text.slice(Math.max(0, start - 200), start))) return undefined;
  const word = contextWord(CONTEXT, text, start, end, { before: context });
  const value = `${parsed.local.toLowerCase()}@${parsed.domain}`;
  let confidence: number;
  let why: string;
  switch (parsed.atKind) {
    case 'plain':
    case 'encoded':
      confidence = parsed.obfuscated ? 0.8 : 0.9;
      why = parsed.obfuscated ? 'address with spelled-out dots' : 'address syntax valid';
      if (parsed.atKind === 'encoded') why = 'URL-encoded address (%40)';
      break;
    case 'bracket':
      confidence = 0.85;
      why = 'obfuscated address ("(at)" form)';
      break;
    case 'hash': {
      // "abc#qq.com（#换成@）": only with an e-mail keyword or the substitution hint.
      const hint =
        /[#＃]\s?(?:换成|改成|替换为|改为|->|→|=)\s?@|replace\s#\swith\s@|#\s?(?:durch|mit)\s@/i.test(
          text,
        );
      if (!word && !hint) return undefined;
      confidence = 0.7;
      why = 'address with "#" in place of "@"';
      break;
    }
    case 'word': {
      const first = parsed.local.split('.')[0]!.toLowerCase();
      if (SENTENCE_WORDS.has(first) || SENTENCE_WORDS.has(parsed.local.toLowerCase()))
        return undefined;
      const structured = /[._\d]/.test(parsed.local);
      // "Tickets at eventim.de" names a website: a bare "at" needs a spelled-out dot too.
      confidence = !parsed.wordDots ? 0.4 : structured ? 0.65 : 0.55;
      why = 'spelled-out address ("at" / "dot")';
      break;
    }
  }
  if (word) confidence = Math.min(0.97, confidence + (parsed.atKind === 'word' ? 0.25 : 0.07));
  return {
    start,
    end,
    value,
    confidence,
    explanation: `${why}; domain ${parsed.domain}${word ? `; keyword '${word}' nearby` : ''}`,
  };
}

export default defineDetector({
  id: 'pii/email',
  category: 'pii',
  type: 'email',
  severity: 'medium',
  languages: ['de', 'en', 'zh'],
  description:
    'An e-mail address, plain, in a mailto: link, URL-encoded, or obfuscated as "name (at) firma (punkt) de" or "max dot mustermann at firma dot de".',
  prefilter:
    /@|%40|[[({<]\s?(?:at|ät|@)\s?[\])}>]|\s(?:dot|punkt)\s|\sat\s[^\s.]+(?:\.|\s?点\s?)[a-z]|[a-z0-9]#[a-z0-9]/i,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    ADDRESS.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = ADDRESS.exec(text)) !== null) {
      const hit = evaluate(match, text, context);
      if (hit) hits.push(hit);
      // After a miss, retry from the next word: in "reach me at john dot carter at example dot
      // com" the first reading ("me" at "john.carter") fails, the address starts two words later.
      ADDRESS.lastIndex = hit ? hit.end : match.index + 1;
    }
    return hits;
  },
  examples: {
    match: [
      'Schreib mir an [[max.mustermann@example.de]], dann schicke ich dir das Angebot',
      'Kontakt: [[max dot mustermann at example dot de]]',
      'Bitte an [[info(at)example.de]] oder [[name [at] example [punkt] de]] schicken',
      'my email is [[jane_doe+chat@mail.example.com]]!',
      '<a href="mailto:[[anna.schmidt@example.com]]?subject=Vertrag">',
      '客户邮箱：[[wangwei@example.cn]]，卡号稍后发',
      '请发到[[zhang.san@example.com.cn]]。谢谢',
      {
        text: '[[max@example.de]]',
        before: 'Wie ist deine E-Mail?',
        note: 'question in the message before',
      },
    ],
    noMatch: [
      { text: 'Danke @Anna, treffen wir uns um 10?', note: '@mention, no address' },
      { text: 'ssh root@localhost geht nicht', note: 'no top-level domain' },
      { text: 'Die Datei logo@2x.png ist zu klein', note: 'retina image file name' },
      {
        text: "Let's meet at the station dot com is down",
        note: 'ordinary sentence, no local part',
      },
      { text: 'installiere lodash@4.17.21 bitte', note: 'package version, numeric "TLD"' },
      { text: '我们在 #产品群 里讨论', note: 'hashtag, no address' },
      { text: 'see you at home dot', note: 'no domain' },
    ],
  },
});
