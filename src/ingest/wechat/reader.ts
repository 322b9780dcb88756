import { InputError } from '../../errors.js';
import type { ConversationMeta, Message } from '../../model/conversation.js';
import type { DecodedStats } from '../decode.js';
import type { InputSource, MessageSink } from '../types.js';
import { cleanText, decodeContent, isInvitation } from './content.js';
import { baseName, ConversationState, titleFromFileName } from './conversations.js';
import { FieldParser } from './fields.js';
import { detectLayout, type Layout } from './layouts.js';
import { TYPE_APP } from './message-types.js';
import {
  detectDelimiter,
  RecordSplitter,
  scanLine,
  type BrokenRecord,
  type RawRecord,
} from './records.js';
import { isIdLike, RowReader, type MemotraceScope, type RowData } from './rows.js';
import { parseTime, type TimeKind } from './time.js';

/** Data rows whose first column is checked to learn its shape (for stray-quote recovery). */
const SHAPE_SAMPLE_ROWS = 50;
/** MemoTrace rows buffered while telling a per-contact file from "export all". */
const SCOPE_SAMPLE_ROWS = 100;

const INT_SHAPE = /^-?\d{1,20}(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DATETIME_SHAPE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?:[ T]|$)/;

const TIME_WARNINGS: Partial<Record<TimeKind, string>> = {
  unix: 'times are Unix timestamps without a zone; shown as China Standard Time (UTC+8)',
  utc: 'times are UTC (ISO 8601 "Z"); shown as the UTC wall clock, not the local time of the chat',
  offset: 'times carry a UTC offset; shown as the wall clock written in the file',
  excel:
    'times look re-saved by a spreadsheet program (e.g. "2024/10/4 11:42"); seconds may be missing',
  imprecise: 'some times are numbers rounded by a spreadsheet program; they may be off by minutes',
};

interface PendingRow {
  record: RawRecord;
  fields: string[];
}

type Shape = 'int' | 'datetime' | 'none';

/** Streams one WeChat CSV file into conversations. */
export class WeChatCsvReader {
  private readonly splitter: RecordSplitter;
  private layout: Layout | null = null;
  private rows: RowReader | null = null;
  private fieldParser: FieldParser | null = null;
  private delimiter = ',';
  private readonly conversations = new Map<string, ConversationState>();
  private last: ConversationState | null = null;
  private readonly fileTitle: string;
  /** Warnings about the whole file, given to every conversation. */
  private readonly fileWarnings: string[] = [];
  private readonly timeKinds = new Set<TimeKind>();
  /** Line warnings and unparsed lines seen before any conversation existed. */
  private readonly orphanWarnings: string[] = [];
  private orphanUnparsed = 0;
  private pending: PendingRow[] | null = null;
  private firstTalkerId: string | null = null;
  private shape: Shape = 'none';
  private shapeSamples = 0;
  private readonly fieldCounts = new Set<number>();
  private maxFieldCount = 0;
  private raggedWarned = false;
  private ambiguousWarned = false;
  private questionMarks = 0;
  private firstQuestionLine = 0;
  private sawText = false;

  constructor(
    private readonly source: InputSource,
    private readonly sink: MessageSink,
  ) {
    this.fileTitle = titleFromFileName(source.titleHint);
    this.splitter = new RecordSplitter({
      onRecord: (record) => this.onRecord(record),
      onBroken: (broken) => this.onBroken(broken),
      isRecordStart: (line) => this.isRecordStart(line),
    });
  }

  push(chunk: string): void {
    this.splitter.push(chunk);
  }

  finish(stats: DecodedStats): ConversationMeta[] {
    this.splitter.end();
    if (!this.layout) {
      throw new InputError(this.sawText ? 'no CSV header found' : 'empty file', this.source.path);
    }
    if (this.pending) this.decideScope('contact');
    if (this.conversations.size === 0) this.conversation('', undefined);
    if (this.timeKinds.size > 0) {
      for (const kind of this.timeKinds) {
        const warning = TIME_WARNINGS[kind];
        if (warning) this.fileWarnings.push(warning);
      }
    }
    if (stats.encoding === 'gb18030' && this.questionMarks > 0) {
      this.fileWarnings.push(
        `decoded as GB18030 (GBK); ${this.questionMarks} messages contain "??" (first at line ${this.firstQuestionLine}): emoji or rare characters were probably lost when the file was saved as GBK`,
      );
    }
    const format = this.rows!.format;
    const lines = this.splitter.lines;
    const metas: ConversationMeta[] = [];
    for (const conversation of this.conversations.values()) {
      for (const warning of this.fileWarnings) conversation.builder.warn(warning);
      const evidence = conversation.groupEvidence();
      metas.push(
        conversation.builder.finish({
          isGroup: evidence.length > 0,
          groupEvidence: evidence,
          source: {
            path: this.source.path,
            ...(this.source.entry !== undefined ? { entry: this.source.entry } : {}),
            format,
          },
          decoded: stats,
          lines,
        }),
      );
    }
    return metas;
  }

  private onRecord(record: RawRecord): void {
    if (!this.layout) {
      this.onHeader(record);
      return;
    }
    if (isBlankRow(record.text, this.delimiter)) return;
    const { fields, lenient } = this.fieldParser!.parse(record.text, record.quoted);
    if (lenient) {
      this.warnAt(`line ${record.line}: malformed quotes; fields split leniently`);
    } else if (this.fieldCounts.size < 16 || this.fieldCounts.has(fields.length)) {
      this.fieldCounts.add(fields.length);
      if (fields.length > this.maxFieldCount) this.maxFieldCount = fields.length;
    }
    if (!this.checkShape(record, fields)) return;
    if (this.pending) {
      this.pending.push({ record, fields });
      const scope = this.scopeHint(fields);
      if (scope) this.decideScope(scope);
      else if (this.pending.length >= SCOPE_SAMPLE_ROWS) this.decideScope('contact');
      return;
    }
    this.emit(record, fields);
  }

  private onHeader(record: RawRecord): void {
    if (record.text.trim() === '') return;
    this.sawText = true;
    this.delimiter = detectDelimiter(record.text);
    this.splitter.setDelimiter(this.delimiter);
    this.fieldParser = new FieldParser(this.delimiter);
    const names = this.fieldParser.parse(record.text, record.quoted).fields;
    const layout = detectLayout(names);
    if (!layout) {
      const preview = record.text.length > 120 ? `${record.text.slice(0, 120)}…` : record.text;
      throw new InputError(
        `unrecognised CSV header: ${preview} (not a WeChat export)`,
        this.source.path,
        record.line,
      );
    }
    this.layout = layout;
    this.rows = new RowReader(layout);
    this.shape = layout.firstColumn;
    this.fieldCounts.add(layout.columns);
    this.fieldCounts.add(layout.expectedFields);
    this.maxFieldCount = Math.max(layout.columns, layout.expectedFields);
    if (layout.format === 'wechat-memotrace-2') {
      if (baseName(this.source.titleHint).toLowerCase() === 'messages.csv') {
        this.rows.setScope('all');
      } else {
        this.pending = [];
      }
    }
  }

  /** Learns the first column's shape; false when the row is debris (not a record of this file). */
  private checkShape(record: RawRecord, fields: string[]): boolean {
    const layout = this.layout!;
    let count = fields.length;
    while (count > layout.expectedFields && fields[count - 1]!.trim() === '') count--;
    const first = fields[0] ?? '';
    const fits = this.shape === 'none' || matchesShape(first, this.shape);
    if (count !== layout.expectedFields && count !== layout.columns) {
      if (!fits && count < layout.columns) {
        this.warnAt(
          `line ${record.line}: not a record of this file (${count} fields, first "${first.slice(0, 20)}"); skipped`,
        );
        this.unparsed(record.lines);
        return false;
      }
      if (!this.raggedWarned) {
        this.raggedWarned = true;
        this.fileWarnings.push(
          count > layout.columns
            ? `ragged rows (first at line ${record.line}): ${count} fields under ${layout.columns} header names; extra fields read by position`
            : `ragged rows (first at line ${record.line}): ${count} fields under ${layout.columns} header names; missing fields read as empty`,
        );
      }
    } else if (count !== layout.columns && !this.raggedWarned) {
      // MemoTrace 1.0: 12 fields under 9 names, the extras in a known order.
      this.raggedWarned = true;
      this.fileWarnings.push(
        `ragged rows (first at line ${record.line}): ${count} fields under ${layout.columns} header names; fields ${layout.columns + 1}-${count} read as ${layout.extraNames.join(', ')}`,
      );
    }
    if (this.shapeSamples < SHAPE_SAMPLE_ROWS) {
      this.shapeSamples++;
      if (!fits) this.shape = 'none';
    }
    return true;
  }

  /** MemoTrace: a per-contact file has wxids in `Sender`, "export all" display names or `我`. */
  private scopeHint(fields: readonly string[]): MemotraceScope | null {
    const rows = this.rows!;
    const talkerId = rows.cell(fields, 'talkerId').trim();
    if (this.firstTalkerId === null) this.firstTalkerId = talkerId;
    else if (talkerId !== this.firstTalkerId) return 'all';
    const sender = rows.cell(fields, 'sender').trim();
    if (sender === '') return null;
    return sender === '我' || !isIdLike(sender) ? 'all' : 'contact';
  }

  private decideScope(scope: MemotraceScope): void {
    this.rows!.setScope(scope);
    const pending = this.pending ?? [];
    this.pending = null;
    for (const row of pending) this.emit(row.record, row.fields);
  }

  private conversation(key: string, row: RowData | undefined): ConversationState {
    let state = this.conversations.get(key);
    if (!state) {
      const title = (this.rows?.multiConversation ? row?.convTitle : undefined) ?? this.fileTitle;
      state = new ConversationState(key, title, this.source, this.sink);
      if (this.conversations.size === 0) {
        // Problems seen before the first message belong to the first conversation.
        for (const warning of this.orphanWarnings) state.builder.warn(warning);
        state.builder.coverage.unparsedLines += this.orphanUnparsed;
        this.orphanWarnings.length = 0;
        this.orphanUnparsed = 0;
      }
      this.conversations.set(key, state);
    }
    return state;
  }

  private emit(record: RawRecord, fields: string[]): void {
    const rows = this.rows!;
    const row = rows.read(fields);
    const conversation = this.conversation(rows.multiConversation ? row.convKey : '', row);
    this.last = conversation;
    if (row.convId?.endsWith('@chatroom')) conversation.chatroomId ??= row.convId;

    let timestamp = '';
    let unreadable = '';
    for (const cell of row.times) {
      if (cell === '') continue;
      const parsed = parseTime(cell);
      if (parsed) {
        timestamp = parsed.timestamp;
        if (parsed.kind !== 'wall') this.timeKinds.add(parsed.kind);
        if (parsed.ambiguous && !this.ambiguousWarned) {
          this.ambiguousWarned = true;
          this.fileWarnings.push(
            `day/month order of dates like "${cell}" (line ${record.line}) is ambiguous; read as month/day`,
          );
        }
        break;
      }
      unreadable ||= cell;
    }
    if (timestamp === '' && unreadable !== '') {
      this.warnAt(`line ${record.line}: unreadable time "${unreadable.slice(0, 40)}"`);
    }

    const decoded = decodeContent(row.content, row.code, row.contentOptions);
    let kind = decoded.kind;
    if (row.systemSender && kind === 'text') kind = 'system';
    const text = cleanText(decoded.text);

    const message: Omit<Message, 'index'> = {
      line: record.line,
      timestamp,
      sender: null,
      kind,
      text,
    };
    if (kind !== 'system') {
      const senderId = row.senderId ?? decoded.prefixSender;
      let name = row.senderName ?? decoded.prefixSender;
      if (name === undefined) {
        if (row.fromSelf) name = '我';
        else name = conversation.knownGroup || decoded.prefixSender ? '未知' : conversation.title;
      }
      message.sender = cleanText(name);
      if (senderId !== undefined) message.senderId = senderId;
    } else if (isInvitation(text) && conversation.invitation === null) {
      conversation.invitation = `line ${record.line}: invitation notice "${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
    }
    if (row.fromSelf !== undefined && kind !== 'system') message.fromSelf = row.fromSelf;
    if (decoded.prefixSender !== undefined) conversation.prefixMessages++;

    const attachment = decoded.attachment ?? attachmentFromSource(row, decoded.src, decoded.code);
    if (attachment) message.attachment = attachment;

    if (
      rows.format === 'wechat-memotrace-all' &&
      message.sender !== null &&
      !row.fromSelf &&
      conversation.foreignSender === null
    ) {
      // "Export all" names the conversation in Remark/NickName: in a 1:1 chat the other side is
      // the conversation itself, so any other sender means a group.
      const remark = rows.cell(fields, 'remark').trim();
      const nick = rows.cell(fields, 'nickName').trim();
      if ((remark || nick) && message.sender !== remark && message.sender !== nick) {
        conversation.foreignSender = `line ${record.line}: sender "${message.sender}" is not the conversation "${remark || nick}"`;
      }
    }

    if (text.indexOf('??') >= 0) {
      if (this.questionMarks === 0) this.firstQuestionLine = record.line;
      this.questionMarks++;
    }
    conversation.builder.add(message);
  }

  private onBroken(broken: BrokenRecord): void {
    if (!this.layout) {
      throw new InputError('unbalanced quote in the CSV header', this.source.path, broken.line);
    }
    this.warnAt(
      broken.reason === 'too-long'
        ? `line ${broken.line}: record longer than 1,000,000 characters; skipped`
        : `line ${broken.line}: unbalanced quote; record skipped`,
    );
    this.unparsed(broken.lines);
  }

  private isRecordStart(line: string): boolean {
    if (!this.layout || this.shape === 'none') return false;
    const c = line.charCodeAt(0);
    if (c < 48 || c > 57) return false;
    const cut = line.indexOf(this.delimiter);
    if (cut < 0 || !matchesShape(line.slice(0, cut), this.shape)) return false;
    const { fields, open } = scanLine(line, this.delimiter);
    if (!open) return this.fieldCounts.has(fields);
    return fields >= 3 && fields <= this.maxFieldCount;
  }

  private warnAt(warning: string): void {
    if (this.last) this.last.builder.warn(warning);
    else if (this.orphanWarnings.length < 50) this.orphanWarnings.push(warning);
  }

  private unparsed(lines: number): void {
    if (this.last) this.last.builder.coverage.unparsedLines += lines;
    else this.orphanUnparsed += lines;
  }
}

function matchesShape(value: string, shape: Shape): boolean {
  if (shape === 'int') return INT_SHAPE.test(value);
  if (shape === 'datetime') return DATETIME_SHAPE.test(value);
  return true;
}

/** Empty lines and Excel's trailing `,,,,` rows. */
function isBlankRow(text: string, delimiter: string): boolean {
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== d && c !== 32 && c !== 9) return false;
  }
  return true;
}

/** PyWxDump file rows name the file only in `src` (a Windows path). */
function attachmentFromSource(
  row: RowData,
  jsonSrc: string | undefined,
  decodedCode: { type: number; subType: number } | undefined,
): string | undefined {
  const code = decodedCode ?? row.code;
  if (!code || code.type !== TYPE_APP || code.subType !== 6) return undefined;
  const src = jsonSrc || row.src;
  if (src) return baseName(src);
  const text = row.content.trim();
  return /^[^\n\\/]{1,200}\.[A-Za-z0-9]{1,8}$/.test(text) ? text : undefined;
}
