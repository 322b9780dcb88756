import yazl from 'yazl';

export interface ZipEntrySpec {
  /** Entry name; a Buffer is written as raw bytes without the UTF-8 flag (e.g. GBK names). */
  name: string | Buffer;
  data: string | Buffer;
  mode?: number;
  compress?: boolean;
}

/**
 * Builds a zip in memory. yazl refuses unsafe and non-UTF-8 names (rightly), so such names are
 * written as placeholders of the same byte length and patched into both headers afterwards.
 */
export async function makeZip(entries: ZipEntrySpec[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const patches: Array<{ placeholder: Buffer; name: Buffer }> = [];
  entries.forEach((entry, i) => {
    const raw = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const needsPatch = typeof entry.name !== 'string' || /(^|\/)\.\.(\/|$)|^\//.test(entry.name);
    let name = typeof entry.name === 'string' ? entry.name : '';
    if (needsPatch) {
      const placeholder = Buffer.from(`${String.fromCharCode(65 + i)}`.repeat(raw.length), 'ascii');
      patches.push({ placeholder, name: raw });
      name = placeholder.toString('ascii');
    }
    zip.addBuffer(typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data, name, {
      ...(entry.mode !== undefined ? { mode: entry.mode } : {}),
      compress: entry.compress ?? true,
    });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  for (const { placeholder, name } of patches) {
    let at = bytes.indexOf(placeholder);
    while (at !== -1) {
      name.copy(bytes, at);
      clearUtf8Flag(bytes, at);
      at = bytes.indexOf(placeholder, at + 1);
    }
  }
  return bytes;
}

function clearUtf8Flag(bytes: Buffer, nameOffset: number): void {
  const local = nameOffset - 30;
  const central = nameOffset - 46;
  if (local >= 0 && bytes.readUInt32LE(local) === 0x04034b50) {
    bytes.writeUInt16LE(bytes.readUInt16LE(local + 6) & ~0x800, local + 6);
  } else if (central >= 0 && bytes.readUInt32LE(central) === 0x02014b50) {
    bytes.writeUInt16LE(bytes.readUInt16LE(central + 8) & ~0x800, central + 8);
  }
}
