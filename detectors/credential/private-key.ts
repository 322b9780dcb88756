import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';

// Keyboards turn "-----" into dashes that normalization folds back to fewer hyphens: accept 1-5.
const HEADER =
  /-{1,5} ?BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?) ?-{1,5}/g;
const FOOTER =
  /-{1,5} ?END (?:(?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?) ?-{1,5}/g;
const PUTTY = /PuTTY-User-Key-File-\d: ?[\w-]{3,40}/;
// Key material comes in lines of base64 without spaces; prose after a header does not count.
const BASE64_RUN = /[A-Za-z0-9+/=]{20,}/g;
// A message that is nothing but key material (the header went in the message before).
const BODY_ONLY = /^[\sA-Za-z0-9+/=:-]{64,}$/;
const HEADER_BEFORE = /BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY/;

function base64Count(text: string): number {
  let count = 0;
  for (const run of execAll(BASE64_RUN, text)) count += run[0].length;
  return count;
}

function strength(body: number): { confidence: number; why: string } {
  if (body >= 64) return { confidence: 0.99, why: `${body} characters of key material` };
  if (body >= 20)
    return { confidence: 0.8, why: `only ${body} characters of key material (fragment)` };
  return { confidence: 0.4, why: 'header without key material' };
}

export default defineDetector({
  id: 'credential/private-key',
  category: 'credential',
  type: 'private-key',
  severity: 'critical',
  languages: ['*'],
  description:
    'A private key block (PEM "-----BEGIN … PRIVATE KEY-----": RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP private key block; PuTTY key files). The span covers the whole block so no key material shows in excerpts.',
  prefilter: /PRIVATE KEY|PuTTY-User-Key-File|^[\sA-Za-z0-9+/=:-]{64,}$/,
  // The anchored alternative: a message of base64 lines.
  gate: (stats) => stats.length >= 64,
  detect({ text, before }) {
    const hits: Hit[] = [];
    let from = 0;
    for (const h of execAll(HEADER, text)) {
      const start = h.index;
      if (start < from) continue; // a header inside the previous block
      const bodyFrom = start + h[0].length;
      FOOTER.lastIndex = bodyFrom;
      const footer = FOOTER.exec(text);
      const end = footer ? footer.index + footer[0].length : text.length;
      const body = text.slice(bodyFrom, footer ? footer.index : text.length);
      const s = strength(base64Count(body));
      hits.push({
        start,
        end: s.confidence < 0.5 ? bodyFrom : end,
        value: `${h[1]!}:${body.replace(/\s+/g, '')}`,
        confidence: s.confidence,
        explanation: `${h[1]!} header${footer ? ' and footer' : ', no footer (block cut off)'}; ${s.why}`,
      });
      if (!footer) break; // the rest of the message belongs to this block
      from = end;
    }
    const putty = PUTTY.exec(text);
    if (putty && text.includes('Private-Lines:', putty.index)) {
      const body = text.slice(putty.index);
      hits.push({
        start: putty.index,
        end: text.length,
        value: body.replace(/\s+/g, ''),
        confidence: 0.95,
        explanation: 'PuTTY private key file with Private-Lines',
      });
    }
    if (hits.length === 0 && BODY_ONLY.test(text) && HEADER_BEFORE.test(before)) {
      const trimmedStart = text.search(/\S/);
      const trimmedEnd = text.trimEnd().length;
      const count = base64Count(text);
      if (count >= 64) {
        hits.push({
          start: trimmedStart,
          end: trimmedEnd,
          value: text.replace(/\s+/g, ''),
          confidence: 0.8,
          explanation: `${count} characters of key material; private key header in the message before`,
        });
      }
    }
    return hits;
  },
  examples: {
    match: [
      'Hier der Server-Key:\n[[-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQABAoIBAEvy\n-----END RSA PRIVATE KEY-----]]\nbitte nicht weitergeben',
      'key for the box: [[-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDfakeFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKE0000000\n-----END OPENSSH PRIVATE KEY-----]]',
      '私钥在这：[[-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGVfakeBCADfakefakefakefakefakefakefakefakefakefakefakefakefakefakefakefake1234]]',
      {
        text: '[[MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp99C2]]',
        before: '-----BEGIN PRIVATE KEY-----',
        note: 'body sent in the message after the header',
      },
    ],
    noMatch: [
      {
        text: 'Die Datei muss mit -----BEGIN RSA PRIVATE KEY----- anfangen',
        note: 'talks about the header, no key material',
      },
      {
        text: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq\n-----END PUBLIC KEY-----',
        note: 'public keys are not secret',
      },
      { text: '私钥千万不要发到群里', note: 'a warning, no key' },
      { text: 'Never paste your private key into a chat!', note: 'advice, no key' },
    ],
  },
});
