import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';
import { globalKeywords, SENTENCE_BREAK } from '../pii/_nearby.js';
import { classes, shannon } from './_entropy.js';

interface Known {
  name: string;
  pattern: RegExp;
  confidence: number;
  /** Extra check on the match (entropy for prefixes that also start ordinary words). */
  check?: (value: string) => boolean;
  /** Capture group holding the token (default: the whole match). */
  group?: number;
}

const B = '(?<![A-Za-z0-9_\\-])';
const E = '(?![A-Za-z0-9_\\-])';
const randomLooking = (value: string): boolean =>
  shannon(value) >= 3.5 && classes(value).count >= 3;

// Prefixed tokens of well-known services (gitleaks / trufflehog rule shapes).
const KNOWN: readonly Known[] = [
  {
    name: 'AWS access key ID',
    pattern: new RegExp(`${B}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${E}`, 'g'),
    confidence: 0.95,
  },
  {
    name: 'GitHub token',
    pattern: new RegExp(`${B}gh[pousr]_[A-Za-z0-9]{36,255}${E}`, 'g'),
    confidence: 0.98,
  },
  {
    name: 'GitHub fine-grained token',
    pattern: new RegExp(`${B}github_pat_[A-Za-z0-9_]{50,255}${E}`, 'g'),
    confidence: 0.98,
  },
  {
    name: 'Slack token',
    pattern: new RegExp(`${B}xox[baprs]-[A-Za-z0-9-]{10,250}${E}`, 'g'),
    confidence: 0.95,
  },
  {
    name: 'Slack app token',
    pattern: new RegExp(`${B}xapp-\\d-[A-Za-z0-9-]{10,250}${E}`, 'g'),
    confidence: 0.95,
  },
  {
    name: 'Stripe live key',
    pattern: new RegExp(`${B}(?:sk|rk)_live_[A-Za-z0-9]{20,247}${E}`, 'g'),
    confidence: 0.97,
  },
  {
    name: 'Stripe test key',
    pattern: new RegExp(`${B}(?:sk|rk)_test_[A-Za-z0-9]{20,247}${E}`, 'g'),
    confidence: 0.75,
  },
  {
    name: 'Alibaba Cloud AccessKey ID',
    pattern: new RegExp(`${B}LTAI[A-Za-z0-9]{12,20}${E}`, 'g'),
    confidence: 0.9,
    check: randomLooking,
  },
  {
    name: 'Tencent Cloud SecretId',
    pattern: new RegExp(`${B}AKID[A-Za-z0-9]{13,40}${E}`, 'g'),
    confidence: 0.9,
    check: randomLooking,
  },
  {
    name: 'Google API key',
    pattern: new RegExp(`${B}AIza[0-9A-Za-z_\\-]{35}${E}`, 'g'),
    confidence: 0.95,
  },
  {
    name: 'OpenAI-style secret key',
    pattern: new RegExp(
      `${B}sk-(?:proj-|svcacct-|admin-|ant-(?:api\\d\\d-)?)?[A-Za-z0-9_\\-]{20,300}${E}`,
      'g',
    ),
    confidence: 0.9,
    check: randomLooking,
  },
  {
    name: 'JSON Web Token',
    pattern: new RegExp(
      `${B}eyJ[A-Za-z0-9_\\-]{8,2000}\\.eyJ[A-Za-z0-9_\\-]{8,4000}\\.[A-Za-z0-9_\\-]{0,2000}${E}`,
      'g',
    ),
    confidence: 0.9,
  },
  {
    name: 'Bearer token',
    pattern:
      /(?<![\p{Lu}\p{Ll}\p{N}])bearer\s+([A-Za-z0-9._~+/-]{16,500}=*)(?![A-Za-z0-9._~+/=-])/giu,
    confidence: 0.85,
    check: (value) => shannon(value) >= 3 && classes(value).count >= 2,
    group: 1,
  },
];

// A keyword, then up to 40 characters (no sentence break), then a long token.
const KEYWORD = globalKeywords([
  'api key',
  'api token',
  'api secret',
  'access key',
  'access token',
  'auth token',
  'secret key',
  'secret access key',
  'client secret',
  'app secret',
  'app key',
  'secret',
  'token',
  'schlüssel',
  'api schlüssel',
  'zugangsschlüssel',
  'geheimschlüssel',
  '密钥',
  '秘钥',
  '令牌',
  'token码',
]);
const TOKEN =
  /(?<![A-Za-z0-9_\-+/.~])[A-Za-z0-9][A-Za-z0-9_\-+/=.~]{15,255}(?![A-Za-z0-9_\-+/=.~])/gu;
const HAS_SEPARATOR = /[:=：是为]|(?<![\p{L}])(?:ist|is|lautet)(?![\p{L}])/u;
const URL_LIKE = /\/\/|^www\.|\.(?:com|de|cn|org|net|html?|php|pdf|jpe?g|png)$/i;

/** Random-looking: hex with digits, or three character classes and high entropy. */
function randomToken(value: string, hex: boolean, entropy: number, digits: number): boolean {
  if (hex) return value.length >= 20 && digits >= 2 && entropy >= 3;
  if (classes(value).count < 3 || entropy < 3.5) return false;
  // Base64 secrets may hold few digits; then demand length and entropy.
  return digits >= 2 || (value.length >= 30 && entropy >= 4);
}

function genericHits(text: string, hits: Hit[]): void {
  for (const k of execAll(KEYWORD, text)) {
    const from = k.index + k[0].length;
    const slice = text.slice(from, from + 300);
    TOKEN.lastIndex = 0;
    const t = TOKEN.exec(slice);
    TOKEN.lastIndex = 0;
    if (!t || t.index > 40) continue;
    const gap = slice.slice(0, t.index);
    if (SENTENCE_BREAK.test(gap)) continue;
    const value = t[0].replace(/[.]+$/, '');
    const c = classes(value);
    const entropy = shannon(value);
    const hex = /^[0-9a-f]+$/i.test(value);
    const digits = (value.match(/\d/g) ?? []).length;
    if (
      value.length < 16 ||
      URL_LIKE.test(value) ||
      !(c.lower || c.upper) ||
      !randomToken(value, hex, entropy, digits)
    ) {
      continue;
    }
    const start = from + t.index;
    hits.push({
      start,
      end: start + value.length,
      value,
      confidence: HAS_SEPARATOR.test(gap) ? 0.75 : 0.65,
      explanation: `keyword '${k[0]}' before a ${value.length}-character token with entropy ${entropy.toFixed(1)} bits/char`,
    });
  }
}

export default defineDetector({
  id: 'credential/api-key',
  category: 'credential',
  type: 'api-key',
  severity: 'critical',
  languages: ['de', 'en', 'zh'],
  description:
    'An API key or access token: well-known prefixes (AWS AKIA, GitHub ghp_/github_pat_, Slack xox*, Stripe sk_live_, Google AIza, OpenAI sk-, JWTs, Bearer tokens), or a high-entropy token after a keyword (api key, token, secret, Schlüssel, 密钥, 令牌).',
  prefilter:
    /AKIA|ASIA|ABIA|ACCA|LTAI|AKID|gh[pousr]_|github_pat_|xox[baprs]-|xapp-|_live_|_test_|AIza|sk-|eyJ|bearer|token|secret|key|schlüssel|密钥|秘钥|令牌/i,
  detect({ text }) {
    const hits: Hit[] = [];
    for (const known of KNOWN) {
      for (const m of execAll(known.pattern, text)) {
        const value = known.group ? m[known.group]! : m[0];
        if (known.check && !known.check(value)) continue;
        const start = m.index + m[0].length - value.length;
        hits.push({
          start,
          end: start + value.length,
          value,
          confidence: /EXAMPLE/.test(value) ? 0.6 : known.confidence,
          explanation: `${known.name} format${/EXAMPLE/.test(value) ? ' (documentation example)' : ''}`,
        });
      }
    }
    genericHits(text, hits);
    // A known token after a keyword is found twice: keep the first (named) reading.
    return hits.filter((h, i) => !hits.some((o, j) => j < i && o.start < h.end && h.start < o.end));
  },
  examples: {
    match: [
      'Hier der AWS-Key: [[AKIAZ7Q3L5VNW2XK4J6P]]',
      'use [[ghp_R4nd0mT0k3nF0rT3st1ngPurp0s3sOnly123]] for the CI',
      'Stripe: [[sk_live_4eC39HqLyjWDarjtT1zdp7dc]]',
      'curl -H "Authorization: Bearer [[mF_9.B5f-4.1JqM7xR2kZ8wQ]]"',
      'Token: [[eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U]]',
      'API-Schlüssel für Prod ist [[Zx8Qm2Lr7Tv4Kp9Wn3Bc6Hd1]]',
      '这个密钥是[[9fK2mQ7xL4vB8nR3tZ6wP1hC5jD0]]，别外传',
    ],
    noMatch: [
      {
        text: 'Ich brauche noch einen API-Schlüssel für das Projekt',
        note: 'no key in the message',
      },
      { text: 'the token expired yesterday, ask Tom for a new one', note: 'no token value' },
      { text: '密钥已经过期了，明天再申请', note: 'talks about a key, shows none' },
      { text: 'token: https://example.com/reset/password/page', note: 'a URL, not a token' },
      { text: 'Der Schlüssel liegt unter der Fußmatte', note: 'a house key' },
      { text: 'Token: aaaaaaaaaaaaaaaaaaaa1111', note: 'low entropy' },
      { text: 'Notizen in sk-learn-tutorial-notes.txt', note: '"sk-" file name, not random' },
    ],
  },
});
