/**
 * Chat title from the name the export tool gave the file (`WhatsApp Chat with X.txt`) or the zip
 * (`WhatsApp Chat - X.zip`), in several UI languages; share targets sometimes put `_` for spaces or
 * URL-encode the name.
 */

const PREFIXES = [
  'WhatsApp Chat with ',
  'WhatsApp Chat - ',
  'WhatsApp Chat mit ',
  'WhatsApp-Chat mit ',
  'Chat de WhatsApp con ',
  'Chat WhatsApp con ',
  'Discussion WhatsApp avec ',
  'Conversa do WhatsApp com ',
  'Conversa no WhatsApp com ',
  'WhatsApp-chat met ',
  'WhatsApp chat met ',
  'Чат WhatsApp с ',
  'Chat WhatsApp s uživatelem ',
  'Chat WhatsApp s ',
];

/** `与X的 WhatsApp 聊天`, `與X的 WhatsApp 對話`. */
const CJK = /^[与與和](.+)的 ?WhatsApp ?(?:聊天|對話|对话)(?:记录|紀錄)?$/;

/** Browsers and share targets add ` (1)` to repeated downloads. */
const COPY_SUFFIX = / \(\d{1,3}\)$/;

function basename(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

function parentName(path: string): string | undefined {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

function decodeName(name: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The chat title for a file called `titleHint` (the zip's name for iOS `_chat.txt` entries).
 * Falls back to the bare file name, and for a lone `_chat.txt` to its folder's name.
 */
export function chatTitle(titleHint: string, path?: string): string {
  let name = decodeName(basename(titleHint)).replace(/\.(?:txt|zip)$/i, '');
  const spaced = name.replace(/[\u00a0\u202f]/g, ' ');
  const underscored = !spaced.includes(' ') && spaced.includes('_');
  const probe = underscored ? spaced.replace(/_/g, ' ') : spaced;
  for (const prefix of PREFIXES) {
    if (probe.length > prefix.length && probe.toLowerCase().startsWith(prefix.toLowerCase())) {
      const title = probe.slice(prefix.length).replace(COPY_SUFFIX, '').trim();
      if (title) return title;
    }
  }
  const cjk = CJK.exec(probe.replace(COPY_SUFFIX, ''));
  if (cjk !== null) return cjk[1]!.trim();
  if (/^_?chat$/i.test(name) && path !== undefined) {
    const folder = parentName(path);
    if (folder !== undefined && !/^\.{1,2}$/.test(folder)) return folder;
  }
  name = name.trim();
  return name.length > 0 ? name : 'WhatsApp chat';
}
