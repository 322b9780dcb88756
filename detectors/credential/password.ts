import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { isWholeMessage, keywordInBefore } from '../pii/_nearby.js';
import { classes } from './_entropy.js';

// Password keywords, German compounds included (`WLAN-Passwort`, `Routerkennwort`). `pass` only
// as a form label (`pass:`), PIN with its compounds (a PIN is a standing secret, reported here).
const KEYWORD =
  /(?<![\p{Lu}\p{Ll}\p{N}])(?:(\p{L}{0,14}?)-?(?:passwort|kennwort|password|passwd|passcode)|pwd|pw|pass(?=\s?[:=])|(pin)(?:\s?-?\s?(?:code|nummer|number|nr\.?))?|(?:wlan|wifi|wi-fi|wpa|netzwerk)\s?-?\s?(?:schlüssel|key))(?![\p{Lu}\p{Ll}\p{N}])|密码|口令|(pin)码/giu;
const NOT_A_PASSWORD_PREFIX = /^(?:einmal|onetime|one|boarding|bord|season|bus|day)/i;
// `für das WLAN`, `for the wifi`, `vom Router`: up to two words between keyword and separator.
// `für das WLAN`, `for the guest wifi`, `vom Router`: a preposition or article and up to three
// words between keyword and separator.
const FILLER_HEAD =
  /\s+(?:für|fuer|fürs|for|vom|von|zum|zur|of|to|des|der|the|das|den|dem|mein|meines|my|our|unser|unseres|dein|deines|your|ihr|ihres)(?![\p{L}])/iuy;
const FILLER_WORD = /\s+(?!(?:ist|is|lautet)(?![\p{L}]))[\p{L}\p{N}-]{1,20}/iuy;
const SEPARATOR =
  /\s*(?:[:=：]|->|=>)\s*|\s+(?:ist|is|lautet|wäre|was|war|heißt|heisst)(?:\s+(?:jetzt|now|nun|neu|aktuell|currently|übrigens|btw|wieder|still|noch|immer noch))?(?:\s*[:：]\s*|\s+)|\s*[是为]\s*/iuy;
const GLUED = /\s*/y;
const VALUE = /["'„“‚‘«»`]?([\x21-\x7E\u00C0-\u024F€£§°]{1,64})/uy;
// Words that follow a password keyword without being one: "Passwort vergessen", "password is
// incorrect", "Passwort: siehe Mail".
const STOPWORDS = new Set(
  (
    'vergessen forgot forgotten falsch wrong incorrect invalid ungültig geändert changed change ändern zurücksetzen reset ' +
    'expired abgelaufen required erforderlich nicht not kein keine no none nichts nothing bitte please the your my mein ' +
    'meine dein deine ihr ihre same gleich dasselbe dieselbe wie like as noch still also auch jetzt now here hier unten below oben ' +
    'above per via in im at on auf sent geschickt schicke send siehe see check sicher secure safe strong stark weak schwach ' +
    'too zu sehr very leer empty correct richtig right ok okay korrekt updated aktualisiert gesperrt locked blocked ' +
    'protected geschützt manager policy recovery hint field feld eingeben enter eingegeben entered typed needed nötig benötigt ' +
    'schon already wieder again and und oder or of for für must muss should sollte will wird kommt comes folgt follows ' +
    'lautet ist is was war hat has have habe hast a an ein eine der die das den dem des with mit ohne without from von ' +
    'this that dies das diese dieser neu new alt old geheim secret privat private dort there unknown unbekannt weiß know ' +
    'stimmt works funktioniert geht klappt ändert changes reset-link link email e-mail mail sms'
  ).split(' '),
);
const PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|_+|#+|\?+|<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\(.*\)|(?:your|dein|ihr|my)[_-]?(?:password|passwort|pw))$/i;
const URL_OR_MAIL = /:\/\/|^www\.|@[\w-]+\.\w/i;
const TRAILING = /[.,;:)\]}"'“”’»]+$/u;
const OPENERS = /^["'„“‚‘«»`]/u;
const CLAUSE_END = /^(?:\s*$|[\s]*\n|[.,;!?)]+(?:\s|$))/u;
// Times, dates and amounts: not passwords even after a keyword ("Passwort ab 14.03.2024 neu").
const TIME_OR_DATE =
  /^(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?)$/;

interface Candidate {
  start: number;
  end: number;
  value: string;
  separator: 'strong' | 'glued' | 'none';
}

function readValue(
  text: string,
  at: number,
  separator: Candidate['separator'],
): Candidate | undefined {
  VALUE.lastIndex = at;
  const m = VALUE.exec(text);
  if (!m) return undefined;
  let value = m[1]!;
  let start = at + m[0].length - value.length;
  if (OPENERS.test(value)) {
    value = value.slice(1);
    start++;
  }
  const trimmed = value.replace(TRAILING, '');
  value = trimmed.length >= 4 ? trimmed : value;
  return { start, end: start + value.length, value, separator };
}

/** The value after the keyword ending at `at`, read as "keyword [filler] separator value". */
function afterKeyword(text: string, at: number, cjk: boolean): Candidate | undefined {
  const starts = [at];
  FILLER_HEAD.lastIndex = at;
  if (FILLER_HEAD.exec(text)) {
    let pos = FILLER_HEAD.lastIndex;
    for (let words = 0; words < 3; words++) {
      FILLER_WORD.lastIndex = pos;
      if (!FILLER_WORD.exec(text)) break;
      pos = FILLER_WORD.lastIndex;
      starts.push(pos);
    }
  }
  for (const from of starts) {
    SEPARATOR.lastIndex = from;
    if (SEPARATOR.exec(text)) return readValue(text, SEPARATOR.lastIndex, 'strong');
  }
  if (cjk) {
    GLUED.lastIndex = at;
    GLUED.exec(text);
    return readValue(text, GLUED.lastIndex, 'glued');
  }
  if (!/^\s/.test(text.slice(at, at + 1))) return undefined;
  return readValue(text, at + 1, 'none');
}

function score(
  candidate: Candidate,
  pin: boolean,
  text: string,
): { confidence: number; why: string } | undefined {
  const { value, separator } = candidate;
  if (value.length < 4) return undefined;
  // Judge the value without sentence punctuation at its end ("vergessen?" is a word).
  const core = value.replace(/[!?.,;:]+$/u, '');
  if (core.length < 4) return undefined;
  if (STOPWORDS.has(core.toLowerCase()) || PLACEHOLDER.test(value) || URL_OR_MAIL.test(value))
    return undefined;
  const c = classes(core);
  const digitsOnly = /^\d+$/.test(core);
  if (pin) {
    if (!digitsOnly || value.length > 8) return undefined;
    return { confidence: separator === 'none' ? 0.75 : 0.85, why: `${value.length}-digit PIN` };
  }
  const mixed = (c.lower || c.upper) && (c.digit || c.symbol);
  if (mixed && !TIME_OR_DATE.test(core)) {
    const confidence = separator === 'strong' ? 0.9 : separator === 'glued' ? 0.8 : 0.7;
    return { confidence, why: `value mixes ${c.count} character classes` };
  }
  if (separator === 'none') {
    // "Passwort 4711-0815-2233": digits with symbols, no separator.
    const grouped = c.digit && c.symbol && core.length >= 6 && !TIME_OR_DATE.test(core);
    return grouped ? { confidence: 0.65, why: 'digits with symbols' } : undefined;
  }
  if (digitsOnly)
    return TIME_OR_DATE.test(core) ? undefined : { confidence: 0.75, why: 'numeric value' };
  if (c.digit || c.symbol) return { confidence: 0.7, why: 'value with digits and symbols' };
  // Letters only: a password when it ends the clause ("Passwort: Sonnenschein"), otherwise
  // probably a sentence ("Passwort: ändere ich morgen").
  const ends = CLAUSE_END.test(text.slice(candidate.end));
  return ends ? { confidence: 0.6, why: 'letters-only value ending the sentence' } : undefined;
}

export default defineDetector({
  id: 'credential/password',
  category: 'credential',
  type: 'password',
  severity: 'high',
  languages: ['de', 'en', 'zh'],
  description:
    'A password or PIN written after a keyword (Passwort, Kennwort, WLAN-Passwort, pw, password, PIN, 密码) and a separator (":", "ist", "is", "是"); sentences about passwords ("Passwort vergessen?") are not flagged.',
  prefilter:
    /pass|kennw|pw|pin|wlan|wifi|wi-fi|wpa|netzwerk|密码|口令|^\s*[\x21-\x7E\u00C0-\u024F]{4,64}\s*$/i,
  // The anchored alternative: a message that is one token.
  gate: (stats) => stats.tokens === 1,
  detect(context) {
    const { text } = context;
    const hits: Hit[] = [];
    for (const k of execAll(KEYWORD, text)) {
      if (k[1] && NOT_A_PASSWORD_PREFIX.test(k[1])) continue;
      const cjk = /^[\u4e00-\u9fff]/u.test(k[0]);
      const candidate = afterKeyword(text, k.index + k[0].length, cjk);
      if (!candidate) continue;
      const pin = k[2] !== undefined || k[3] !== undefined;
      const scored = score(candidate, pin, text);
      if (!scored) continue;
      hits.push({
        start: candidate.start,
        end: candidate.end,
        value: candidate.value,
        confidence: scored.confidence,
        explanation: `keyword '${k[0]}' then ${candidate.separator === 'strong' ? 'separator' : 'no separator'}; ${scored.why}`,
      });
    }
    if (hits.length === 0 && context.before) {
      const reply = previousQuestion(text, context.before);
      if (reply) hits.push(reply);
    }
    return hits;
  },
  examples: {
    match: [
      'Passwort: [[Sommer2024!]]',
      'pw ist [[x7#Kq9]] – nicht weitergeben',
      'Das WLAN-Passwort lautet [[Blumenwiese#42]]',
      'Kennwort für den Router: [[K9m!pL2q]]',
      'The WiFi password is [[correct-horse-7]], have fun',
      'PIN: [[4711]]',
      '密码是[[abc12345]]，别告诉别人',
      '服务器密码：[[Xk9#mP2v]]',
      {
        text: '[[Herbst2023?]]',
        before: 'Wie war nochmal das WLAN-Passwort?',
        note: 'answer to a question in the message before',
      },
    ],
    noMatch: [
      {
        text: 'Passwort vergessen? Klick auf den Link',
        note: 'a sentence about a password, no password',
      },
      { text: 'I forgot my password again', note: 'no value after the keyword' },
      { text: 'Please change your password at the link below', note: '"at" is not a password' },
      { text: '密码错误，请重试', note: '"wrong password" message' },
      { text: 'Passwort: siehe Mail von gestern', note: 'points elsewhere' },
      { text: 'password: ********', note: 'already masked' },
      { text: 'Der Passwortmanager ist super', note: 'compound that is not a password keyword' },
      {
        text: 'Dein Einmalpasswort: 483920',
        note: 'a one-time code, reported by credential/one-time-code',
      },
    ],
  },
});

/** "Wie ist das WLAN-Passwort?" in one message, the bare password in the next. */
function previousQuestion(text: string, before: string): Hit | undefined {
  const trimmed = text.trim();
  if (!/^[\x21-\x7E\u00C0-\u024F]{4,64}$/.test(trimmed)) return undefined;
  const word = keywordInBefore(KEYWORD, before, 80);
  if (!word || /^(?:\p{L}{0,14}-?)?(?:einmal|one)/iu.test(word)) return undefined;
  const start = text.indexOf(trimmed);
  if (!isWholeMessage(text, start, start + trimmed.length)) return undefined;
  const value = trimmed.replace(TRAILING, '');
  const c = classes(value);
  const pin = /pin/i.test(word);
  const ok = pin
    ? /^\d{4,6}$/.test(value)
    : value.length >= 6 &&
      (c.lower || c.upper) &&
      c.digit &&
      !URL_OR_MAIL.test(value) &&
      !TIME_OR_DATE.test(value);
  if (!ok) return undefined;
  return {
    start,
    end: start + value.length,
    value,
    confidence: 0.6,
    explanation: `keyword '${word}' in the message before; the reply is a single ${pin ? 'PIN' : 'password-like token'}`,
  };
}
