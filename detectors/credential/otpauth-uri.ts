import { execAll } from '../../src/detect/exec-all.js';
import { defineDetector, type Hit } from '../../src/detect/detector.js';

// The URI up to the first character a URI cannot hold unencoded (space, quotes, angle brackets, CJK).
const URI = /otpauth(?:-migration)?:\/\/[A-Za-z0-9._~%!$&'()*+,;=:@/?#[\]-]{1,2000}/gi;
const SECRET = /[?&]secret=([^&#]*)/i;
const BASE32 = /^[A-Z2-7]{8,}=*$/i;
const MIGRATION_DATA = /^otpauth-migration:\/\/offline\?(?:.*&)?data=[A-Za-z0-9%+/=_-]{16,}/i;
const TRAILING = /[.,;:!?)\]']+$/;

function assess(uri: string): [number, string] {
  if (MIGRATION_DATA.test(uri)) return [0.95, 'authenticator export with data payload'];
  const secret = SECRET.exec(uri)?.[1];
  if (secret && BASE32.test(secret)) return [0.99, `base32 secret of ${secret.length} characters`];
  if (secret) return [0.8, 'secret parameter (not base32)'];
  return [0.4, 'no secret parameter'];
}

export default defineDetector({
  id: 'credential/otpauth-uri',
  category: 'credential',
  type: 'otpauth-uri',
  severity: 'critical',
  languages: ['*'],
  description:
    'An otpauth:// URI carrying a TOTP/HOTP secret (the content of a 2FA QR code), or a Google Authenticator otpauth-migration:// export: whoever has it can generate the codes.',
  prefilter: /otpauth/i,
  detect({ text }) {
    const hits: Hit[] = [];
    for (const m of execAll(URI, text)) {
      const uri = m[0].replace(TRAILING, '');
      const [confidence, why] = assess(uri);
      hits.push({
        start: m.index,
        end: m.index + uri.length,
        value: uri,
        confidence,
        explanation: `otpauth URI; ${why}`,
      });
    }
    return hits;
  },
  examples: {
    match: [
      'Hier der 2FA-Link fürs Admin-Konto: [[otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example]]',
      'scan this or paste it: [[otpauth://totp/Example%20Corp:bob?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&algorithm=SHA1&digits=6&period=30]].',
      '验证器导出：[[otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZXhhbXBsZS5jb20aB0V4YW1wbGUgASgBMAIQARgBIAA%3D]]，别外传',
    ],
    noMatch: [
      {
        text: 'Die App liest otpauth://-Links aus QR-Codes',
        note: 'mentions the scheme, no secret',
      },
      {
        text: 'otpauth://totp/Example:alice@example.com?issuer=Example',
        note: 'no secret parameter',
      },
      { text: '用 otpauth 链接导入就行', note: 'mentions the scheme in Chinese, no URI' },
    ],
  },
});
