import { describe, expect, it } from 'vitest';
import { decodeStream, sniffEncoding } from '../../src/ingest/decode.js';

async function decodeAll(bytes: Uint8Array, chunkSize = 3) {
  const decoded = decodeStream(
    (async function* chunks() {
      for (let i = 0; i < bytes.length; i += chunkSize) {
        yield await Promise.resolve(bytes.subarray(i, i + chunkSize));
      }
    })(),
  );
  let text = '';
  for await (const piece of decoded.chunks) text += piece;
  return { text, stats: decoded.stats() };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
// "收到，谢谢" in GBK, written out so the test does not need an encoder.
const GBK_SHOUDAO = Uint8Array.from([0xca, 0xd5, 0xb5, 0xbd, 0xa3, 0xac, 0xd0, 0xbb, 0xd0, 0xbb]);

describe('sniffEncoding', () => {
  it('reads BOMs', () => {
    expect(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bom: 3,
    });
    expect(sniffEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      bom: 2,
    });
    expect(sniffEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: 'utf-16be',
      bom: 2,
    });
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', () => {
    expect(sniffEncoding(Buffer.from('id\tmsg\r\n1\thallo\r\n', 'utf16le')).encoding).toBe(
      'utf-16le',
    );
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(sniffEncoding(GBK_SHOUDAO).encoding).toBe('gb18030');
    expect(sniffEncoding(utf8('收到，谢谢')).encoding).toBe('utf-8');
  });
});

describe('decodeStream', () => {
  it('#21 strips a UTF-8 BOM and decodes multibyte characters cut across chunks', async () => {
    const { text, stats } = await decodeAll(utf8('\uFEFFÄrger 👍 收到'), 1);
    expect(text).toBe('Ärger 👍 收到');
    expect(stats.encoding).toBe('utf-8');
    expect(stats.bomStripped).toBe(true);
    expect(stats.bytes).toBe(utf8('\uFEFFÄrger 👍 收到').length);
    expect(stats.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('decodes GBK bytes as GB18030', async () => {
    const { text, stats } = await decodeAll(GBK_SHOUDAO);
    expect(text).toBe('收到，谢谢');
    expect(stats.encoding).toBe('gb18030');
  });

  it('decodes UTF-16LE with BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('时间\t内容', 'utf16le')]);
    expect((await decodeAll(bytes)).text).toBe('时间\t内容');
  });

  it('keeps going after invalid UTF-8 past the sniffed head, with a warning', async () => {
    const head = utf8('a'.repeat(70 * 1024));
    const bytes = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0x41])]);
    const { text, stats } = await decodeAll(bytes, 8192);
    expect(text.length).toBeGreaterThan(70 * 1024);
    expect(text.endsWith('A')).toBe(true);
    expect(stats.warnings[0]).toMatch(/invalid UTF-8 bytes near byte/);
  });
});
