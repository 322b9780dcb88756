import { describe, expect, it } from 'vitest';
import { credentialDetectors } from '../../detectors/credential/index.js';
import { shannon } from '../../detectors/credential/_entropy.js';
import type { Detector } from '../../src/detect/detector.js';
import { toFindings } from '../../src/detect/run-detectors.js';
import { expectLinear, scanMessage } from '../helpers/detect.js';

function byId(id: string): Detector {
  const detector = credentialDetectors.find((d) => d.id === id);
  if (!detector) throw new Error(`no detector ${id}`);
  return detector;
}

function scan(id: string, text: string, before = '') {
  return scanMessage([byId(id)], { text, before }).found;
}

function spans(id: string, text: string, before = ''): string[] {
  return scan(id, text, before).map((f) => text.slice(f.start, f.end));
}

describe('credential/password', () => {
  it.each([
    ['Passwort: Sommer2024!', 'Sommer2024!'],
    ['pw ist x7#Kq9', 'x7#Kq9'],
    ['Kennwort: Geheim#1', 'Geheim#1'],
    ['Das WLAN-Passwort lautet Blumenwiese#42.', 'Blumenwiese#42'],
    ['WiFi password is sunny-day-42', 'sunny-day-42'],
    ['Passwort für das WLAN: Gast2024', 'Gast2024'],
    ['密码是abc12345', 'abc12345'],
    ['密码：Xk9#mP2v', 'Xk9#mP2v'],
    ['mein pwd = hunter22', 'hunter22'],
    ['PIN: 4711', '4711'],
    ['Die PIN für die Karte ist 0815', '0815'],
    ['Passwort: Sonnenschein', 'Sonnenschein'],
    ['user/pass: admin/Admin123', 'admin/Admin123'],
    ['WLAN: FritzBox7590, Passwort 4711-0815-2233', '4711-0815-2233'],
  ])('flags %s', (text, expected) => {
    expect(spans('credential/password', text)).toEqual([expected]);
  });

  it.each([
    'Passwort vergessen?',
    'Passwort vergessen? Klick auf den Link',
    'I forgot my password',
    'change your password at the link',
    'Please change your password at the link below',
    '密码错误',
    '密码错误，请重试',
    'Your password must be at least 8 characters',
    'the password is in the email',
    'Passwort ist geheim',
    'neues Passwort: ändere ich morgen',
    'Passwort: siehe Mail',
    'password: ********',
    'password reset link: https://example.com/reset?x=1',
    'Der Passwortmanager ist super',
    'Dein Einmalpasswort: 483920',
    'Pin this message please 2024',
    'Passwort ab 14.03.2024 neu',
  ])('ignores %s', (text) => {
    expect(spans('credential/password', text)).toEqual([]);
  });

  it('takes a bare token after a question for the password', () => {
    expect(spans('credential/password', 'Sommer2024', 'Was ist das WLAN-Passwort?')).toEqual([
      'Sommer2024',
    ]);
    expect(spans('credential/password', 'Danke!', 'Was ist das WLAN-Passwort?')).toEqual([]);
    expect(spans('credential/password', 'Sommer2024', 'Wie war das Wetter?')).toEqual([]);
  });

  it('never shows the password in the report', () => {
    const [finding] = toFindings('t', scan('credential/password', 'Passwort: Sommer2024!'), {
      reveal: false,
    });
    expect(finding?.value).not.toContain('Sommer');
    expect(finding?.excerpt).not.toContain('Sommer');
  });
});

describe('credential/one-time-code', () => {
  it.each([
    ['Ihr Code lautet 483920', '483920'],
    ['Dein Bestätigungscode: 739 102.', '739 102'],
    ['TAN: 93817264', '93817264'],
    ['Your verification code is 5821', '5821'],
    ['482913 is your Example login code', '482913'],
    ['G-483920 ist dein Google-Bestätigungscode', '483920'],
    ['您的验证码是372910，5分钟内有效', '372910'],
    ['OTP 123-456', '123-456'],
    ['Der Bestätigungscode für die Bestellung 20240314 ist 837261', '837261'],
  ])('flags %s', (text, expected) => {
    expect(spans('credential/one-time-code', text)).toEqual([expected]);
  });

  it.each([
    'Treffen um 18:30, Zimmer 4012',
    'Der Code kostet 1500 €',
    'Code: 1500,50 Euro',
    'Rabattcode 1234 gilt bis Freitag',
    'zip code 10115',
    'Code 10115 Berlin',
    'Bestätigungscode kam nicht, Termin 2024 verschoben',
    'Code für Konto 4711 kommt per SMS',
    '验证码发到10086了吗',
    'Bestellnummer 48392012',
    'Tel. 0151 23456789',
    'IMG-20250302-WA0035.jpg',
    'Rechnung 2024031412 vom 14.03.2024',
    'Mein Code ist auf GitHub, Version 2.4.1',
  ])('ignores %s', (text) => {
    expect(spans('credential/one-time-code', text)).toEqual([]);
  });

  it('takes a bare number after a request for a code', () => {
    expect(spans('credential/one-time-code', '650213', 'Schick mir mal den SMS-Code')).toEqual([
      '650213',
    ]);
    expect(spans('credential/one-time-code', '650213', 'Wie viele Einwohner?')).toEqual([]);
  });
});

describe('credential/api-key', () => {
  it.each([
    ['AKIAZ7Q3L5VNW2XK4J6P', 'AKIAZ7Q3L5VNW2XK4J6P'],
    ['token ghp_R4nd0mT0k3nF0rT3st1ngPurp0s3sOnly123', 'ghp_R4nd0mT0k3nF0rT3st1ngPurp0s3sOnly123'],
    ['xoxb-123456789012-abcdefghijklmnop', 'xoxb-123456789012-abcdefghijklmnop'],
    ['Stripe: sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['AIzaSyD4fakeFAKEfake1234567890abcdefghi', 'AIzaSyD4fakeFAKEfake1234567890abcdefghi'],
    ['Authorization: Bearer sk-proj-abcDEF1234567890ghiJKL', 'sk-proj-abcDEF1234567890ghiJKL'],
    ['token=3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c', '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'],
    [
      'AWS secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQWERTYKEY',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQWERTYKEY',
    ],
    ['API-Schlüssel für Prod ist Zx8Qm2Lr7Tv4Kp9Wn3Bc6Hd1', 'Zx8Qm2Lr7Tv4Kp9Wn3Bc6Hd1'],
    ['令牌：9fK2mQ7xL4vB8nR3tZ6wP1hC5jD0', '9fK2mQ7xL4vB8nR3tZ6wP1hC5jD0'],
  ])('flags %s', (text, expected) => {
    expect(spans('credential/api-key', text)).toEqual([expected]);
  });

  it.each([
    'the token expired yesterday',
    'Ich brauche einen API-Schlüssel',
    '密钥已经过期了',
    'token: https://example.com/reset/password/page',
    'Token: aaaaaaaaaaaaaaaaaaaa1111',
    'Token: 12345678901234567890',
    'secret: correcthorsebatterystaple12',
    'ghp_short',
    'Notizen in sk-learn-tutorial-notes.txt',
    'Der Schlüssel liegt unter der Fußmatte',
    'Mein Token-Guthaben: 1500',
  ])('ignores %s', (text) => {
    expect(spans('credential/api-key', text)).toEqual([]);
  });

  it('reports a JWT after a keyword once', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(spans('credential/api-key', `token: ${jwt}`)).toEqual([jwt]);
  });

  it('computes Shannon entropy', () => {
    expect(shannon('aaaa')).toBe(0);
    expect(shannon('abcd')).toBe(2);
  });
});

describe('credential/private-key', () => {
  const body =
    'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u';
  it('covers the whole block', () => {
    const block = `-----BEGIN EC PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY-----`;
    expect(spans('credential/private-key', `key:\n${block}\nthx`)).toEqual([block]);
  });
  it('covers a block without footer to the end of the message', () => {
    const block = `-----BEGIN PRIVATE KEY-----\n${body}`;
    expect(spans('credential/private-key', block)).toEqual([block]);
  });
  it('accepts header dashes shortened by a keyboard', () => {
    const block = `—BEGIN RSA PRIVATE KEY—\n${body}\n—END RSA PRIVATE KEY—`;
    expect(spans('credential/private-key', block)).toEqual([block]);
  });
  it('ignores headers without key material and public keys', () => {
    expect(spans('credential/private-key', 'beginnt mit -----BEGIN RSA PRIVATE KEY-----')).toEqual(
      [],
    );
    expect(
      spans(
        'credential/private-key',
        `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`,
      ),
    ).toEqual([]);
    expect(spans('credential/private-key', body)).toEqual([]);
  });
  it('never shows key material in the report', () => {
    const text = `hier:\n-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
    const [finding] = toFindings('t', scan('credential/private-key', text), { reveal: false });
    expect(finding?.excerpt).not.toContain(body.slice(0, 12));
  });
});

describe('credential/otpauth-uri', () => {
  it.each([
    [
      'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example.',
      'otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    ],
    [
      '(otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1)',
      'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1',
    ],
  ])('flags %s', (text, expected) => {
    expect(spans('credential/otpauth-uri', text)).toEqual([expected]);
  });
  it.each(['otpauth://totp/Example:alice@example.com?issuer=Example', 'otpauth links are handy'])(
    'ignores %s',
    (text) => {
      expect(spans('credential/otpauth-uri', text)).toEqual([]);
    },
  );
});

describe('credentials: harder cases', () => {
  it('allows an adverb after "ist"', () => {
    expect(
      spans('credential/password', 'WLAN-Passwort fürs Büro ist jetzt Kaffee#Bohne77'),
    ).toEqual(['Kaffee#Bohne77']);
  });

  it('takes a code announced after a question in the same message', () => {
    expect(
      spans(
        'credential/one-time-code',
        'kannst du mir den Bestätigungscode vorlesen? kam per SMS: 775 104',
      ),
    ).toEqual(['775 104']);
    expect(
      spans(
        'credential/one-time-code',
        'can you send me the code that came to your phone? it is 5521 I think',
      ),
    ).toEqual(['5521']);
    expect(
      spans('credential/one-time-code', 'Hast du den Code geschrieben? ok: 4096 Zeilen'),
    ).toEqual([]);
  });

  it('takes a short answer after a request for a code', () => {
    expect(
      spans(
        'credential/one-time-code',
        'yes: 903 617',
        'did the 2FA code come to the shared phone?',
      ),
    ).toEqual(['903 617']);
  });

  it('reads Latin keywords glued to Chinese text', () => {
    expect(
      spans(
        'credential/api-key',
        '小程序AppSecret是a03791a4e88be25743942234a54a3463，配置到服务器上',
      ),
    ).toEqual(['a03791a4e88be25743942234a54a3463']);
    expect(spans('credential/api-key', '阿里云AccessKey ID：LTAI5tQ7mZ2xKp9RwVb3NcYd')).toEqual([
      'LTAI5tQ7mZ2xKp9RwVb3NcYd',
    ]);
  });
});

describe('credentials: more private-key shapes and pathological input', () => {
  it('flags PuTTY key files and ignores prose after a bare header', () => {
    const putty =
      'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPublic-Lines: 1\nAAAAB3NzaC1yc2EAAAABJQAAAQEAhJ\nPrivate-Lines: 1\nAAABAQCpOA1uFakeFakeFakeFakeFake0123456789';
    expect(spans('credential/private-key', putty)).toEqual([putty]);
    expect(
      spans(
        'credential/private-key',
        'Die Datei muss mit -----BEGIN RSA PRIVATE KEY----- anfangen, sonst kann der Server die Datei nicht lesen und bricht ab',
      ),
    ).toEqual([]);
  });

  it.each([
    '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(2_000),
    'PuTTY-User-Key-File-2: ssh-rsa '.repeat(2_000),
    'Passwort: '.repeat(5_000),
    'pw pw '.repeat(8_000),
    '密码'.repeat(20_000),
    'Code 1234 '.repeat(5_000),
    'token '.repeat(8_000),
    'TAN: 12 '.repeat(6_000),
  ])('stays linear on %#', (text) => {
    expectLinear(credentialDetectors, text);
  });
});
