/**
 * Recognizes WhatsApp's own system sentences (group events, encryption notices, security-code
 * changes, …) in en, de, zh, es, fr, ru and nl. Every rule is anchored at both ends where the
 * sentence has a fixed end, and the actor part excludes `:` so that a user line such as
 * `Anky: is left` can never read as `<actor> left`.
 */

export type SystemTag =
  | 'created group'
  | 'added'
  | 'removed'
  | 'left'
  | 'joined via invite link'
  | 'joined'
  | 'changed subject'
  | 'changed group icon'
  | 'changed group description'
  | 'changed group settings'
  | 'community'
  | 'admin'
  | 'encryption notice'
  | 'security code changed'
  | 'phone number changed'
  | 'disappearing messages'
  | 'waiting for message'
  | 'blocked contact'
  | 'pinned message'
  | 'business account';

export interface SystemEvent {
  tag: SystemTag;
  /** Only groups produce this event (§1.9 signal 1). */
  groupOnly: boolean;
  /**
   * Strong sentences are read as system lines even when a user authored them (iOS puts an author
   * on system lines). Weak ones (`X left`, `X added Y`) need corroboration.
   */
  strong: boolean;
  /** Who did it, as written in the sentence (`You`, `Boris`), when the rule captures it. */
  actor: string | null;
  /** Encryption-notice wording: `group` (old group notice), `chat` (old 1:1 notice) or `null`. */
  notice: 'group' | 'chat' | null;
}

interface Rule {
  re: RegExp;
  tag: SystemTag;
  groupOnly: boolean;
  strong: boolean;
  notice?: 'group' | 'chat';
}

/** Actor: no colon, at most 100 characters, lazily matched. */
const A = '([^:]{1,100}?)';
const QO = '["“„«「\'‘]';
const QC = '["”“»」\'’]';
const Q = `${QO}.*${QC}`;
const END = '[.。]?$';
const ANY = '.{1,200}';

function rule(
  source: string,
  tag: SystemTag,
  groupOnly: boolean,
  strong: boolean,
  notice?: 'group' | 'chat',
): Rule {
  return { re: new RegExp(source), tag, groupOnly, strong, ...(notice ? { notice } : {}) };
}

const EN = 'encryption notice';
const S = true;
const W = false;
const G = true;
const N = false;

const RULES: readonly Rule[] = [
  // Encryption notices, all generations; the old ones tell group from 1:1.
  rule('^Messages (?:you send )?to this group (?:are|were) now secured', EN, N, S, 'group'),
  rule(
    '^Messages (?:you send )?(?:to|in) this chat(?: and calls)? (?:are|were) now secured',
    EN,
    N,
    S,
    'chat',
  ),
  rule('^Messages and calls are end-to-end encrypted', EN, N, S),
  rule('^(?:Deine )?Nachrichten und Anrufe (?:sind|werden)[^.]{0,40}Ende-zu-Ende', EN, N, S),
  rule('^Nachrichten (?:an|in) diese[rn]? Gruppe', EN, N, S, 'group'),
  rule('^Nachrichten (?:an|in) diese[nm]? Chat', EN, N, S, 'chat'),
  rule('^[^。]{0,30}群[组組][^。]{0,40}端[到對]端加密', EN, N, S, 'group'),
  rule('^[^。]{0,30}(?:对话|對話|聊天)[^。]{0,40}端[到對]端加密', EN, N, S, 'chat'),
  rule('^[^。]{0,60}端[到對]端[的]?加密', EN, N, S),
  rule('^Сообщения в (?:этой|данной) группе', EN, N, S, 'group'),
  rule('^Сообщения в (?:этом|данном) чате', EN, N, S, 'chat'),
  rule('^(?:Ваши )?[Сс]ообщения и звонки защищены сквозным шифрованием', EN, N, S),
  rule('^Los mensajes (?:que envías )?(?:enviados )?a este grupo', EN, N, S, 'group'),
  rule('^Los mensajes (?:que envías )?(?:enviados )?a este chat', EN, N, S, 'chat'),
  rule('^(?:Los|Tus) mensajes y (?:las )?llamadas (?:están|ahora están)', EN, N, S),
  rule('^Les messages (?:envoyés )?(?:dans|à) ce groupe', EN, N, S, 'group'),
  rule('^Les messages (?:envoyés )?(?:dans|à) (?:cette discussion|ce chat)', EN, N, S, 'chat'),
  rule('^(?:Les|Vos) messages et (?:les |vos )?appels sont (?:chiffrés|protégés)', EN, N, S),
  rule('^Berichten (?:die je )?(?:naar|in) deze groep', EN, N, S, 'group'),
  rule('^Berichten (?:naar|in) deze chat', EN, N, S, 'chat'),
  rule('^(?:Berichten en gesprekken worden|Uw oproepen en berichten zijn) ', EN, N, S),

  // English group events.
  rule(`^${A} created group ${Q}${END}`, 'created group', G, S),
  rule(`^${A} created this group${END}`, 'created group', G, S),
  rule(`^${A} added you to (?:a|the) group in the community(?:: .*)?$`, 'community', G, S),
  rule(`^${A} joined from the community${END}`, 'community', G, S),
  rule(`^${A} joined${END}`, 'joined', G, W),
  rule(`^${A} added you${END}`, 'added', G, S),
  rule(`^You were added${END}`, 'added', G, S),
  rule(`^${A} added ${ANY}$`, 'added', G, W),
  rule(`^${A} removed you${END}`, 'removed', G, S),
  rule(`^${A} removed ${ANY}$`, 'removed', G, W),
  rule(`^${A} left${END}`, 'left', G, W),
  rule(
    `^${A} joined (?:using|via|from) (?:this group['’]s|an?|the|this) (?:invite )?link${END}`,
    'joined via invite link',
    G,
    S,
  ),
  rule(
    `^${A} changed the (?:subject|group name) (?:from ${Q} )?to ${Q}${END}`,
    'changed subject',
    G,
    S,
  ),
  rule(
    `^${A} (?:changed|deleted|removed) (?:this group['’]s|the group(?:['’]s)?) (?:icon|photo|picture)${END}`,
    'changed group icon',
    G,
    S,
  ),
  rule(`^${A} (?:changed|deleted) the group description${END}`, 'changed group description', G, S),
  rule(
    `^${A} changed (?:this group['’]s|the group['’]s|the group) settings\\b`,
    'changed group settings',
    G,
    S,
  ),
  rule(`^${A} turned (?:on|off) admin approval`, 'changed group settings', G, S),
  rule(`^You(?:['’]re| are) (?:now|no longer) an admin${END}`, 'admin', G, S),
  rule(`^${A} made you (?:a group )?admin${END}`, 'admin', G, S),
  rule(`^Your security code with ${A} changed`, 'security code changed', N, S),
  rule(`^${A} changed their phone number to a new number`, 'phone number changed', N, S),
  rule(`^${A} changed to \\+?[\\d ()\\-\u00a0\u2011]{5,40}$`, 'phone number changed', N, W),
  rule(
    `^${A} (?:updated the message timer|turned (?:on|off) disappearing messages|changed the disappearing message timer)`,
    'disappearing messages',
    N,
    S,
  ),
  rule(`^Disappearing messages were turned (?:on|off)`, 'disappearing messages', N, S),
  rule(`^Waiting for this message\\. This may take a while${END}`, 'waiting for message', N, S),
  rule(`^You (?:blocked|unblocked) this contact`, 'blocked contact', N, S),
  rule(`^${A} pinned a message${END}`, 'pinned message', N, S),
  rule(`^This (?:chat is with|business (?:uses|works with)) `, 'business account', N, S),

  // German.
  rule(`^${A} (?:hat|hast) die Gruppe ${Q} erstellt${END}`, 'created group', G, S),
  rule(`^${A} (?:hat|hast) diese Gruppe erstellt${END}`, 'created group', G, S),
  rule(`^${A} (?:hat|hast) dich hinzugefügt${END}`, 'added', G, S),
  rule(`^Du wurdest hinzugefügt${END}`, 'added', G, S),
  rule(`^${A} (?:hat|hast) ${ANY} hinzugefügt${END}`, 'added', G, W),
  rule(`^${A} (?:hat|hast) dich entfernt${END}`, 'removed', G, S),
  rule(`^${A} (?:hat|hast) ${ANY} entfernt${END}`, 'removed', G, W),
  rule(`^${A} (?:hat|hast) die Gruppe verlassen${END}`, 'left', G, S),
  rule(`^${A} (?:ist|bist) (?:der Gruppe )?beigetreten${END}`, 'joined', G, W),
  rule(
    `^${A} (?:ist|bist) über den Einladungslink (?:dieser|der) Gruppe beigetreten${END}`,
    'joined via invite link',
    G,
    S,
  ),
  rule(`^${A} (?:hat|hast) den (?:Betreff|Gruppennamen) .*geändert${END}`, 'changed subject', G, S),
  rule(
    `^${A} (?:hat|hast) (?:das Gruppenbild|das Bild dieser Gruppe|das Gruppensymbol) (?:geändert|gelöscht|entfernt)${END}`,
    'changed group icon',
    G,
    S,
  ),
  rule(
    `^${A} (?:hat|hast) die Gruppenbeschreibung (?:geändert|gelöscht)${END}`,
    'changed group description',
    G,
    S,
  ),
  rule(
    `^${A} (?:hat|hast) die (?:Gruppeneinstellungen|Einstellungen dieser Gruppe) `,
    'changed group settings',
    G,
    S,
  ),
  rule(`^Du bist (?:jetzt|nun|kein) (?:ein )?Admin`, 'admin', G, S),
  rule(`^Deine Sicherheitsnummer für ${A} hat sich geändert`, 'security code changed', N, S),
  rule(
    `^${A} (?:hat|hast) (?:selbstlöschende Nachrichten|die Dauer für selbstlöschende)`,
    'disappearing messages',
    N,
    S,
  ),
  rule(`^Du hast diesen Kontakt (?:blockiert|freigegeben)`, 'blocked contact', N, S),
  rule(`^Warten auf diese Nachricht`, 'waiting for message', N, S),

  // Chinese (zh-CN, zh-TW); no spaces between actor and verb.
  rule(`^${A} ?(?:创建|建立)了群[组組] ?${Q}$`, 'created group', G, S),
  rule(`^${A} ?(?:创建|建立)了(?:此|这个|這個)?群[组組]$`, 'created group', G, S),
  rule(
    `^${A} ?(?:(?:将|把|已將)(?:你|您)(?:添加|加入)|(?:添加|加入|新增)了(?:你|您)$)`,
    'added',
    G,
    S,
  ),
  rule(`^(?:你|您)已被(?:添加|加入)`, 'added', G, S),
  rule(`^${A} ?(?:添加|新增)了 ?${ANY}$`, 'added', G, W),
  rule(`^${A} ?(?:移除|移出)了(?:你|您)$`, 'removed', G, S),
  rule(`^${A} ?(?:移除|移出)了 ?${ANY}$`, 'removed', G, W),
  rule(`^${A} ?(?:退出了群[组組]|离开了群[组組]|離開了群組|已退出群[组組])[。]?$`, 'left', G, S),
  rule(`^${A} ?(?:已退出|已离开|已離開|退出了|离开了|離開了)[。]?$`, 'left', G, W),
  rule(`^${A} ?(?:已加入|加入了群[组組]|已加入群[组組])[。]?$`, 'joined', G, W),
  rule(`^${A} ?(?:通过|透過|經由).{0,12}(?:邀请链接|邀請連結)`, 'joined via invite link', G, S),
  rule(
    `^${A} ?(?:已)?(?:更改|修改|變更|更新)了.{0,12}(?:主题|主題|群名|名称|名稱)`,
    'changed subject',
    G,
    S,
  ),
  rule(
    `^${A} ?(?:已)?(?:更改|修改|變更|更新|删除|刪除)了.{0,12}(?:图标|圖示|头像|頭像|图片|圖片)`,
    'changed group icon',
    G,
    S,
  ),
  rule(
    `^${A} ?(?:已)?(?:更改|修改|變更|更新|删除|刪除)了.{0,12}(?:描述|說明|说明)`,
    'changed group description',
    G,
    S,
  ),
  rule(
    `^${A} ?(?:已)?(?:更改|修改|變更|更新)了.{0,12}(?:设置|設定)`,
    'changed group settings',
    G,
    S,
  ),
  rule(`^(?:你|您)(?:现在是|現在是)(?:群[组組])?管理[员員]`, 'admin', G, S),
  rule(
    `^(?:你|您)(?:与|和|與) ?${A} ?(?:的|之間的)安全(?:码|碼|代碼)已`,
    'security code changed',
    N,
    S,
  ),

  // Russian.
  rule(`^${A} создал(?:\\(-а\\)|а)? группу ${Q}${END}`, 'created group', G, S),
  rule(`^Вы создали группу ${Q}${END}`, 'created group', G, S),
  rule(`^${A} добавил(?:\\(-а\\)|а)? (?:вас|Вас)${END}`, 'added', G, S),
  rule(`^${A} добавил\\(-а\\) ${ANY}$`, 'added', G, S),
  rule(`^${A} добавила? ${ANY}$`, 'added', G, W),
  rule(`^Вы добавили ${ANY}$`, 'added', G, W),
  rule(`^${A} удалил(?:\\(-а\\)|а)? (?:вас|Вас)${END}`, 'removed', G, S),
  rule(`^${A} удалил\\(-а\\) ${ANY}$`, 'removed', G, S),
  rule(`^${A} удалила? ${ANY}$`, 'removed', G, W),
  rule(`^${A} (?:вышел\\(-ла\\)|вышел\\(-а\\)|покинул(?:\\(-а\\)|а)? группу)${END}`, 'left', G, S),
  rule(`^${A} (?:вышел|вышла)${END}`, 'left', G, W),
  rule(`^${A} присоединил(?:ся|ась)(?:\\(-ась\\))?${END}`, 'joined', G, W),
  rule(
    `^${A} присоедини\\S* (?:к группе )?(?:по|через|с помощью) ссылк`,
    'joined via invite link',
    G,
    S,
  ),
  rule(`^${A} изменил(?:\\(-а\\)|а)? (?:тему|название группы)`, 'changed subject', G, S),
  rule(`^${A} изменил(?:\\(-а\\)|а)? (?:изображение|фото) группы`, 'changed group icon', G, S),
  rule(`^${A} изменил(?:\\(-а\\)|а)? описание группы`, 'changed group description', G, S),
  rule(`^${A} изменил(?:\\(-а\\)|а)? настройки группы`, 'changed group settings', G, S),
  rule(`^Вы (?:теперь|стали) администратор`, 'admin', G, S),
  rule(`^Ваш код безопасности с ${A} изменился`, 'security code changed', N, S),

  // Spanish.
  rule(`^${A} creó el grupo ${Q}${END}`, 'created group', G, S),
  rule(`^Creaste el grupo ${Q}${END}`, 'created group', G, S),
  rule(`^${A} te añadió${END}`, 'added', G, S),
  rule(`^Añadiste a ${ANY}$`, 'added', G, S),
  rule(`^${A} añadió a ${ANY}$`, 'added', G, W),
  rule(`^${A} te (?:eliminó|quitó)${END}`, 'removed', G, S),
  rule(`^${A} (?:eliminó|quitó) a ${ANY}$`, 'removed', G, W),
  rule(`^${A} salió del grupo${END}`, 'left', G, S),
  rule(`^${A} salió${END}`, 'left', G, W),
  rule(`^${A} se unió${END}`, 'joined', G, W),
  rule(
    `^${A} se unió (?:usando|mediante|con) el enlace de invitación`,
    'joined via invite link',
    G,
    S,
  ),
  rule(`^${A} cambió (?:el asunto|el nombre del grupo)`, 'changed subject', G, S),
  rule(
    `^${A} cambió (?:el ícono|el icono|la imagen|la foto) (?:de este grupo|del grupo)`,
    'changed group icon',
    G,
    S,
  ),
  rule(`^${A} cambió la descripción del grupo`, 'changed group description', G, S),
  rule(
    `^${A} cambió (?:la configuración|los ajustes) (?:de este grupo|del grupo)`,
    'changed group settings',
    G,
    S,
  ),
  rule(`^Ahora eres (?:admin|administrador)`, 'admin', G, S),

  // French.
  rule(`^${A} a créé (?:le )?groupe ${Q}${END}`, 'created group', G, S),
  rule(`^Vous avez créé (?:le )?groupe ${Q}${END}`, 'created group', G, S),
  rule(`^${A} vous a ajouté(?:e|\\(e\\))?${END}`, 'added', G, S),
  rule(`^(?:${A} a|Vous avez) ajouté ${ANY}$`, 'added', G, W),
  rule(`^${A} vous a retiré(?:e|\\(e\\))?${END}`, 'removed', G, S),
  rule(`^(?:${A} a|Vous avez) retiré ${ANY}$`, 'removed', G, W),
  rule(`^${A} a quitté (?:le|ce) groupe${END}`, 'left', G, S),
  rule(`^${A} est parti(?:e|\\(e\\))?${END}`, 'left', G, W),
  rule(`^${A} a rejoint (?:le|ce) groupe${END}`, 'joined', G, W),
  rule(
    `^${A} a rejoint (?:ce|le) groupe (?:via|avec|en utilisant|grâce au) (?:le )?lien d['’]invitation`,
    'joined via invite link',
    G,
    S,
  ),
  rule(`^${A} a (?:changé|modifié) (?:le sujet|le nom du groupe)`, 'changed subject', G, S),
  rule(
    `^${A} a (?:changé|modifié|supprimé) (?:l['’]icône|la photo) (?:de ce|du) groupe`,
    'changed group icon',
    G,
    S,
  ),
  rule(`^${A} a (?:changé|modifié) la description du groupe`, 'changed group description', G, S),
  rule(
    `^${A} a (?:changé|modifié) les paramètres (?:de ce|du) groupe`,
    'changed group settings',
    G,
    S,
  ),
  rule(`^Vous êtes (?:maintenant|désormais) admin`, 'admin', G, S),

  // Dutch.
  rule(`^${A} (?:heeft|hebt) (?:de )?groep ${Q} aangemaakt${END}`, 'created group', G, S),
  rule(`^${A} (?:heeft|hebt) je toegevoegd${END}`, 'added', G, S),
  rule(`^${A} (?:heeft|hebt) ${ANY} toegevoegd${END}`, 'added', G, W),
  rule(`^${A} (?:heeft|hebt) je verwijderd${END}`, 'removed', G, S),
  rule(`^${A} (?:heeft|hebt) ${ANY} verwijderd${END}`, 'removed', G, W),
  rule(`^${A} (?:heeft|hebt) de groep verlaten${END}`, 'left', G, S),
  rule(`^${A} is vertrokken${END}`, 'left', G, W),
  rule(`^${A} (?:is lid geworden|neemt deel)${END}`, 'joined', G, W),
  rule(`^${A} (?:neemt|nam) deel via de uitnodigingslink`, 'joined via invite link', G, S),
  rule(`^${A} (?:heeft|hebt) (?:het onderwerp|de groepsnaam) `, 'changed subject', G, S),
  rule(
    `^${A} (?:heeft|hebt) (?:de groepsafbeelding|het groepspictogram) `,
    'changed group icon',
    G,
    S,
  ),
  rule(`^${A} (?:heeft|hebt) de groepsbeschrijving `, 'changed group description', G, S),
  rule(`^${A} (?:heeft|hebt) de groepsinstellingen `, 'changed group settings', G, S),
  rule(`^Je bent nu (?:een )?beheerder`, 'admin', G, S),
];

/**
 * Cheap pre-filter: every rule above contains one of these words, so most message texts are
 * rejected by one scan instead of a hundred anchored attempts.
 */
const GATE =
  /encrypt|secured|verschlüssel|加密|шифрован|cifrad|chiffr|protégés|versleuteld|Uw oproepen|created|added|removed|left|joined|changed|deleted|admin|security code|disappearing|Waiting for|blocked|pinned|business|erstellt|hinzugefügt|entfernt|verlassen|beigetreten|geändert|gelöscht|Admin|Sicherheitsnummer|selbstlöschend|Kontakt|Warten|创建|建立|添加|加入|新增|移除|移出|退出|离开|離開|邀请|邀請|更改|修改|變更|更新|删除|刪除|管理|安全|создал|добави|удали|вышл?а?|покинул|присоедин|изменил|администратор|код безопасности|creó|Creaste|añadi|Añadiste|eliminó|quitó|salió|se unió|cambió|Ahora eres|créé|ajouté|retiré|parti|quitté|rejoint|changé|modifié|supprimé|Vous êtes|aangemaakt|toegevoegd|verwijderd|vertrokken|verlaten|uitnodigingslink|(?:heeft|hebt) (?:het|de) |beheerder/;

/** System sentences are short; longer texts are never checked. */
const MAX_SYSTEM_LENGTH = 600;

/** Recognizes a WhatsApp system sentence (bidi marks already removed), or returns null. */
export function matchSystemText(text: string): SystemEvent | null {
  if (text.length === 0 || text.length > MAX_SYSTEM_LENGTH || !GATE.test(text)) return null;
  for (const r of RULES) {
    const m = r.re.exec(text);
    if (m !== null) {
      return {
        tag: r.tag,
        groupOnly: r.groupOnly,
        strong: r.strong,
        actor: m[1] ?? null,
        notice: r.notice ?? null,
      };
    }
  }
  return null;
}

/** Words by which a system sentence names the export's owner. */
const SELF = new Set([
  'You',
  'you',
  'Du',
  'du',
  '你',
  '您',
  'Вы',
  'вы',
  'Tú',
  'Vous',
  'Je',
  'Jij',
  'U',
]);

export function isSelfReference(actor: string | null): boolean {
  return actor !== null && SELF.has(actor.trim());
}

/**
 * Openings of system sentences that do not start with a person's name: encryption notices,
 * security-code changes and sentences about the export owner (`You …`, `Du …`, `你…`).
 */
const SYSTEM_OPENING =
  /^(?:Messages |Nachrichten |Deine |Du |Warten |消息|訊息|发送|傳送|您|你|Сообщения |Ваш|Вы |Los mensajes |Tus mensajes |Ahora eres |Añadiste |Creaste |Les messages |Vos messages |Vous |Berichten |Uw |Je |Your |You |You['’]re |Waiting for |Disappearing |This (?:chat|business) )/;

export function startsLikeSystemSentence(text: string): boolean {
  return SYSTEM_OPENING.test(text);
}
