/**
 * Kinds of authored messages: placeholders and attachments (media), deleted markers, calls,
 * locations and polls, plus the "edited" suffix. Inputs have bidi marks removed already.
 * Localized for en, de, zh (CN/TW), es, fr, ru, nl (some it/pt where the strings were at hand).
 */

export type ContentKind = 'text' | 'media' | 'deleted' | 'call' | 'location' | 'poll';

export interface ContentInfo {
  kind: ContentKind;
  attachment?: string;
}

/** Texts of edit markers (between `<` and `>`) appended to edited messages. */
const EDITED_MARKERS = new Set([
  'This message was edited',
  'Diese Nachricht wurde bearbeitet',
  'Diese Nachricht wurde bearbeitet.',
  'Este mensaje fue editado',
  'Se editó este mensaje',
  'Se editó este mensaje.',
  'Ce message a été modifié',
  'Questo messaggio è stato modificato',
  'Dit bericht is bewerkt',
  'Esta mensagem foi editada',
  'Mensagem editada',
  'Сообщение изменено',
  'Это сообщение изменено',
  '已编辑',
  '此消息已编辑',
  '已編輯',
]);

/**
 * Where a trailing `<This message was edited>` marker (localized) starts, or -1. The caller cuts
 * the text there and trims the space before it.
 */
export function editedMarkerStart(text: string): number {
  if (text.charCodeAt(text.length - 1) !== 62 /* > */) return -1;
  const open = text.lastIndexOf('<');
  if (open < 0 || text.length - open > 64) return -1;
  return EDITED_MARKERS.has(text.slice(open + 1, -1).trim()) ? open : -1;
}

/** Whole-text placeholders (looked up as written, in lower case, and capitalized). */
const MEDIA_PLACEHOLDERS = [
  // Android, export without media.
  '<Media omitted>',
  '<Medien weggelassen>',
  '<Medien ausgeschlossen>',
  '<省略多媒体文件>',
  '<省略影音内容>',
  '<忽略多媒體檔>',
  '<Без медиафайлов>',
  '<Файл пропущен>',
  '<Медиа отсутствует>',
  '<Multimedia omitido>',
  '<Archivo omitido>',
  '<Médias omis>',
  '<Fichier omis>',
  '<Media weggelaten>',
  '<Media omessi>',
  '<Media omesso>',
  '<Mídia omitida>',
  '<Média vynechány>',
  '<Média vynechána>',
  // iOS, export without media.
  'image omitted',
  'video omitted',
  'audio omitted',
  'sticker omitted',
  'GIF omitted',
  'Contact card omitted',
  'document omitted',
  'video note omitted',
  'Bild weggelassen',
  'Video weggelassen',
  'Audio weggelassen',
  'Sticker weggelassen',
  'GIF weggelassen',
  'Dokument weggelassen',
  'Kontaktkarte ausgelassen',
  '照片已忽略',
  '图片已忽略',
  '视频已忽略',
  '音频已忽略',
  '贴图已省略',
  'GIF 动态图已被忽略',
  '联系人卡片已忽略',
  '文档已省略',
  '圖片已略去',
  '影片已略去',
  '音訊已略去',
  '貼圖已略去',
  '聯絡人卡片已略去',
  'imagen omitida',
  'video omitido',
  'audio omitido',
  'sticker omitido',
  'GIF omitido',
  'documento omitido',
  'Tarjeta de contacto omitida',
  'image absente',
  'vidéo absente',
  'audio omis',
  'sticker omis',
  'GIF retiré',
  'document manquant',
  'Fiche contact manquante',
  'изображение отсутствует',
  'видео отсутствует',
  'аудиофайл отсутствует',
  'стикер не добавлен',
  'GIF отсутствует',
  'документ отсутствует',
  'Карточка контакта отсутствует',
  'afbeelding weggelaten',
  'video weggelaten',
  'audio weggelaten',
  'sticker weggelaten',
  'GIF weggelaten',
  'document weggelaten',
  'Visitekaartje weggelaten',
  // Android view-once media (and unknown media) is exported as "null".
  'null',
];

/** iOS document placeholder after a file name: `Resume.pdf • 2 pages document omitted`. */
const DOCUMENT_OMITTED = [
  ' document omitted',
  ' Dokument weggelassen',
  ' documento omitido',
  ' document manquant',
  ' документ отсутствует',
  ' document weggelaten',
  ' 文档已省略',
  ' 文件已略去',
  ' 文件已忽略',
];

const DELETED = new Set([
  'This message was deleted',
  'You deleted this message',
  'Diese Nachricht wurde gelöscht',
  'Du hast diese Nachricht gelöscht',
  '此消息已删除',
  '这条消息已被删除',
  '您已删除这条消息',
  '你删除了此消息',
  '信息已删除',
  '此訊息已刪除',
  '您已刪除此訊息',
  'Se eliminó este mensaje',
  'Eliminaste este mensaje',
  'Este mensaje fue eliminado',
  'Ce message a été supprimé',
  'Vous avez supprimé ce message',
  'Данное сообщение удалено',
  'Вы удалили данное сообщение',
  'Вы удалили это сообщение',
  'Dit bericht is verwijderd',
  'U hebt dit bericht verwijderd',
  'Je hebt dit bericht verwijderd',
  'Questo messaggio è stato eliminato',
  'Hai eliminato questo messaggio',
  'Esta mensagem foi apagada',
  'Você apagou esta mensagem',
]);
const DELETED_BY_ADMIN =
  /^(?:This message was deleted by admin |You deleted this message as admin)/;

/** Call notices; the "missed" forms may carry a suffix such as `, Tap to call back`. */
const CALL_PREFIXES = [
  'Missed voice call',
  'Missed video call',
  'Missed group voice call',
  'Missed group video call',
  'Verpasster Sprachanruf',
  'Verpasster Videoanruf',
  'Verpasster Gruppen-Sprachanruf',
  'Verpasster Gruppen-Videoanruf',
  '未接语音通话',
  '未接视频通话',
  '未接語音通話',
  '未接視像通話',
  '未接視訊通話',
  'Llamada perdida',
  'Llamada de voz perdida',
  'Videollamada perdida',
  'Appel vocal manqué',
  'Appel vidéo manqué',
  'Пропущенный аудиозвонок',
  'Пропущенный видеозвонок',
  'Gemist spraakgesprek',
  'Gemist videogesprek',
  'Gemiste spraakoproep',
  'Gemiste video-oproep',
];
const CALL_EXACT = new Set([
  'Voice call',
  'Video call',
  'Sprachanruf',
  'Videoanruf',
  '语音通话',
  '视频通话',
  '語音通話',
  '視像通話',
  'Llamada de voz',
  'Videollamada',
  'Appel vocal',
  'Appel vidéo',
  'Аудиозвонок',
  'Видеозвонок',
  'Spraakoproep',
  'Video-oproep',
]);

const POLL_HEADS = new Set([
  'POLL:',
  'UMFRAGE:',
  'ENCUESTA:',
  'SONDAGE:',
  'ОПРОС:',
  'PEILING:',
  '投票：',
  '投票:',
]);

const LIVE_LOCATION = new Set([
  'live location shared',
  'Live-Standort geteilt',
  '共享实时位置',
  '实时位置已共享',
  '實時位置已分享',
  'ubicación en tiempo real compartida',
  'position en direct partagée',
  'Геоданные отправлены',
  'live locatie gedeeld',
]);

/** Every whole-text (single line) placeholder and marker, with its kind. */
const EXACT = new Map<string, ContentKind>();
for (const p of MEDIA_PLACEHOLDERS) {
  const lower = p.toLowerCase();
  for (const form of [p, lower, lower.charAt(0).toUpperCase() + lower.slice(1)]) {
    EXACT.set(form, 'media');
    if (!form.startsWith('<')) EXACT.set(`<${form}>`, 'media');
  }
}
for (const d of DELETED) {
  EXACT.set(d, 'deleted');
  EXACT.set(`${d}.`, 'deleted');
}
EXACT.set('此消息已删除。', 'deleted');
EXACT.set('此訊息已刪除。', 'deleted');
for (const c of CALL_EXACT) EXACT.set(c, 'call');
for (const c of CALL_PREFIXES) {
  EXACT.set(c, 'call');
  EXACT.set(`${c}.`, 'call');
}
for (const l of LIVE_LOCATION) EXACT.set(l, 'location');

/** A 64K-entry table marking the UTF-16 code units in `codes`: cheaper than a Set in hot loops. */
function codeTable(codes: Iterable<number>): Uint8Array {
  const table = new Uint8Array(65536);
  for (const c of codes) table[c] = 1;
  return table;
}

/** Groups strings by one of their characters, so a hot loop only tries the few that can match. */
function byCode(strings: readonly string[], at: (s: string) => number): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const str of strings) {
    const code = at(str);
    const list = map.get(code);
    if (list) list.push(str);
    else map.set(code, [str]);
  }
  return map;
}

const CALL_FIRST = codeTable(CALL_PREFIXES.map((c) => c.charCodeAt(0)));
const CALLS_BY_FIRST = byCode(CALL_PREFIXES, (c) => c.charCodeAt(0));
/** Cheap filters in front of the `EXACT` lookup: first and last characters of its keys. */
const EXACT_FIRST = codeTable([...EXACT.keys()].map((k) => k.charCodeAt(0)));
const EXACT_LAST = codeTable([...EXACT.keys()].map((k) => k.charCodeAt(k.length - 1)));

const MAP_URL = String.raw`https?://(?:maps\.google\.[a-z.]+/|www\.google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl/|foursquare\.com/|maps\.apple\.com/)\S*`;
/** `location: https://maps.google.com/?q=…` (Android lower case, iOS `Location:`), localized. */
const LABELLED_LOCATION = new RegExp(
  String.raw`^(?:location|Location|Standort|locatie|ubicación|Ubicación|localisation|Localisation|местоположение|Местоположение|位置|poloha|localização|posizione) ?[:：] ?https?://\S+$`,
);
/** Venue: `Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/…`. */
const VENUE = new RegExp(String.raw`^[^\n]{1,200}: ${MAP_URL}$`);
const BARE_MAP_URL = new RegExp(`^${MAP_URL}$`);

/** iOS `<attached: NAME>` (and localized labels), optionally preceded by the document name. */
const IOS_ATTACHED =
  /^(?:.{0,300}? )?< ?(?:attached|Anhang|adjunto|allegato|pièce jointe|прикреплено|anexo|bijlage|附件|添付ファイル|첨부됨) ?[:：] ?(.{1,300}?) ?>$/;
/** Old iOS: `2015-08-04-PHOTO-00004762.jpg <attached>`. */
const OLD_ATTACHED = /^(.{1,300}?) ?<attached>$/;
/** Android export with media: `IMG-20220323-WA0002.jpg (file attached)`, localized. */
const ANDROID_ATTACHED =
  /^(.{1,300}) \((?:file attached|Datei angehängt|archivo adjunto|archivo adjuntado|fichier joint|bestand bijgevoegd|файл добавлен|arquivo anexado|ficheiro anexado|file allegato|文件附件|附件檔案|附加文件)\)$/;

const MAX_PLACEHOLDER = 80;

const DOCUMENT_OMITTED_LAST = codeTable(DOCUMENT_OMITTED.map((s) => s.charCodeAt(s.length - 1)));
const DOCUMENT_OMITTED_BY_LAST = byCode(DOCUMENT_OMITTED, (s) => s.charCodeAt(s.length - 1));

const KIND: Record<ContentKind, ContentInfo> = {
  text: Object.freeze({ kind: 'text' }),
  media: Object.freeze({ kind: 'media' }),
  deleted: Object.freeze({ kind: 'deleted' }),
  call: Object.freeze({ kind: 'call' }),
  location: Object.freeze({ kind: 'location' }),
  poll: Object.freeze({ kind: 'poll' }),
};

/**
 * Classifies an authored message. `text` is the whole message (bidi-stripped, edit marker
 * removed); only its first line decides, except for polls and multi-line locations.
 */
export function classifyContent(text: string): ContentInfo {
  const nl = text.indexOf('\n');
  let first = nl < 0 ? text : text.slice(0, nl);
  let len = first.length;
  if (len === 0) return KIND.text;
  if (first.charCodeAt(0) <= 32 || first.charCodeAt(len - 1) <= 32) {
    first = first.trim();
    len = first.length;
    if (len === 0) return KIND.text;
  }
  const c0 = first.charCodeAt(0);

  if (len <= MAX_PLACEHOLDER) {
    if (
      (nl < 0 || c0 === 60) /* < */ &&
      EXACT_FIRST[c0] === 1 &&
      EXACT_LAST[first.charCodeAt(len - 1)] === 1
    ) {
      const exact = EXACT.get(first);
      if (exact !== undefined && (nl < 0 || exact === 'media')) return KIND[exact];
      if (c0 === 60 && EXACT.get(first.toLowerCase()) === 'media') return KIND.media;
    }
    if (nl < 0) {
      if (CALL_FIRST[c0] === 1 && isMissedCall(first)) return KIND.call;
      if ((c0 === 84 || c0 === 89) && DELETED_BY_ADMIN.test(first)) return KIND.deleted;
    } else if (POLL_HEADS.has(first)) {
      return KIND.poll;
    }
  }

  if (len <= 700) {
    const last = first.charCodeAt(len - 1);
    if (last === 62 /* > */) {
      const m = IOS_ATTACHED.exec(first) ?? OLD_ATTACHED.exec(first);
      if (m !== null) return { kind: 'media', attachment: m[1]!.trim() };
    } else if (last === 41 /* ) */) {
      const m = ANDROID_ATTACHED.exec(first);
      if (m !== null) return { kind: 'media', attachment: m[1]!.trim() };
    } else if (DOCUMENT_OMITTED_LAST[last] === 1) {
      for (const suffix of DOCUMENT_OMITTED_BY_LAST.get(last)!) {
        if (first.endsWith(suffix)) {
          const name = first.slice(0, len - suffix.length);
          const bullet = name.lastIndexOf(' • ');
          return { kind: 'media', attachment: (bullet > 0 ? name.slice(0, bullet) : name).trim() };
        }
      }
    }
  }

  if (text.includes('://') && isLocation(text, first, nl)) return KIND.location;
  return KIND.text;
}

function isMissedCall(first: string): boolean {
  for (const p of CALLS_BY_FIRST.get(first.charCodeAt(0))!) {
    if (first.startsWith(p)) {
      const rest = first.slice(p.length);
      if (rest === '' || rest === '.' || /^[,.•(]| [•(]/.test(rest)) return true;
    }
  }
  return false;
}

/**
 * A location share: a labelled maps link, a venue line `Name (Address): <url>`, or (Android) a
 * short block of name/address lines ending in bare map links.
 */
function isLocation(text: string, first: string, nl: number): boolean {
  if (nl < 0) return LABELLED_LOCATION.test(first) || VENUE.test(first);
  const lines = text.split('\n');
  if (lines.length > 6) return false;
  if (
    LABELLED_LOCATION.test(first) &&
    lines.slice(1).every((l) => l.trim() === '' || BARE_MAP_URL.test(l.trim()))
  ) {
    return true;
  }
  let sawUrl = false;
  let i = lines.length - 1;
  for (; i >= 0 && BARE_MAP_URL.test(lines[i]!.trim()); i--) sawUrl = true;
  if (!sawUrl || i < 0) return false;
  for (; i >= 0; i--) {
    const l = lines[i]!;
    if (l.length > 200 || l.includes('://')) return false;
  }
  return true;
}
