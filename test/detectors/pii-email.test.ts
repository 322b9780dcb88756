import { describe, expect, it } from 'vitest';
import email from '../../detectors/pii/email.js';
import { ConversationScanner } from '../../src/detect/run-detectors.js';

function emails(
  text: string,
  before = '',
): Array<{ span: string; value: string; confidence: number }> {
  const scanner = new ConversationScanner([email], {
    id: 't',
    isGroup: false,
    platform: 'whatsapp',
  });
  if (before)
    scanner.scan({ index: 0, line: 1, timestamp: '', sender: 'A', kind: 'text', text: before });
  return scanner
    .scan({ index: 1, line: 2, timestamp: '', sender: 'B', kind: 'text', text })
    .map((f) => ({ span: text.slice(f.start, f.end), value: f.value, confidence: f.confidence }));
}

describe('pii/email: plain and obfuscated forms', () => {
  it.each([
    ['max.mustermann@example.de', 'max.mustermann@example.de', 'max.mustermann@example.de'],
    [
      'Kontakt: max dot mustermann at example dot de',
      'max dot mustermann at example dot de',
      'max.mustermann@example.de',
    ],
    ['an name(at)example.de bitte', 'name(at)example.de', 'name@example.de'],
    ['an name [at] example [punkt] de', 'name [at] example [punkt] de', 'name@example.de'],
    ['name {at} example {dot} com', 'name {at} example {dot} com', 'name@example.com'],
    ['Mail: Max.Mustermann@Example.DE.', 'Max.Mustermann@Example.DE', 'max.mustermann@example.de'],
    ['mailto:anna@example.com?subject=hi', 'anna@example.com', 'anna@example.com'],
    ['?email=anna%40example.com&x=1', 'anna%40example.com', 'anna@example.com'],
    ['邮箱 abc#example.cn（#换成@）', 'abc#example.cn', 'abc@example.cn'],
    [
      'reach me at john dot carter at example dot com',
      'john dot carter at example dot com',
      'john.carter@example.com',
    ],
    ['12345678@qq.com', '12345678@qq.com', '12345678@qq.com'],
    ['jürgen.müller@example.de', 'jürgen.müller@example.de', 'jürgen.müller@example.de'],
  ])('%s', (text, span, value) => {
    expect(emails(text)).toMatchObject([{ span, value }]);
  });

  it('handles full-width forms and Chinese punctuation', () => {
    expect(emails('name＠firma．de')).toMatchObject([
      { span: 'name＠firma．de', value: 'name@firma.de' },
    ]);
    expect(emails('客户邮箱wangwei@example.cn，卡号稍后')).toMatchObject([
      { span: 'wangwei@example.cn' },
    ]);
    expect(emails('发到zhang@example.com。谢谢')).toMatchObject([{ span: 'zhang@example.com' }]);
  });

  it('gives spelled-out forms more confidence with a mail keyword', () => {
    const bare = emails('max at example dot de')[0]!.confidence;
    const withKeyword = emails('max at example dot de', 'Wie ist deine E-Mail-Adresse?')[0]!
      .confidence;
    expect(bare).toBeGreaterThanOrEqual(0.5);
    expect(withKeyword).toBeGreaterThan(bare);
  });
});

describe('pii/email: not addresses', () => {
  it.each([
    ['mention', 'Danke @Anna und @max.mustermann'],
    ['no TLD', 'ssh root@localhost'],
    ['retina asset', 'logo@2x.png und icon@3x.jpg'],
    ['package version', 'npm i lodash@4.17.21'],
    ['sentence with at/dot', "let's meet at the station dot com"],
    ['sentence word before at', 'we arrived at example dot com'],
    ['website mention', 'Tickets at eventim.de'],
    ['URL user-info', 'https://user:secret@example.com/repo'],
    ['git remote', 'git clone git@github.com:org/repo.git'],
    ['hashtag', '#urlaub2024 war super'],
    ['hash without hint', 'Issue abc#example.com closed'],
    ['file extension TLD', 'export@final.pdf'],
  ])('%s', (_name, text) => {
    expect(emails(text)).toEqual([]);
  });
});
