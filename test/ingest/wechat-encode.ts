/**
 * Byte encoders for WeChat test fixtures. Node's TextEncoder only writes UTF-8, so GBK bytes are
 * produced by inverting Node's own GBK decoder (full ICU), the way Excel "CSV (逗号分隔)" on a
 * Chinese Windows would write them: characters GBK cannot hold (emoji) become `?`.
 */

let gbkTable: Map<string, number[]> | null = null;

function table(): Map<string, number[]> {
  if (gbkTable) return gbkTable;
  const decoder = new TextDecoder('gbk', { fatal: true });
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  gbkTable = map;
  return map;
}

/** Encodes `text` as GBK; characters outside GBK become `?` (one per code point). */
export function encodeGbk(text: string): Uint8Array {
  const map = table();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(map.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

/** UTF-16LE bytes with a BOM, as Excel's "Unicode Text" writes them. */
export function encodeUtf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** UTF-8 with a BOM, as Python's `utf-8-sig` and Excel's "CSV UTF-8" write it. */
export function withBom(text: string): string {
  return `\uFEFF${text}`;
}
