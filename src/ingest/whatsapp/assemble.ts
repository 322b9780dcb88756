import type { Message } from '../../model/conversation.js';
import type { ConversationBuilder } from '../conversation-builder.js';
import { hasBidi, isSpaceChar, startsWithDirectionMark, stripBidi } from './chars.js';
import { classifyContent, editedMarkerStart } from './classify.js';
import { GroupSignals } from './group.js';
import { ShapeMatcher, TimestampBuilder } from './header.js';
import type { Layout } from './layout.js';
import {
  isSelfReference,
  matchSystemText,
  startsLikeSystemSentence,
  type SystemEvent,
} from './system-messages.js';

/**
 * Second pass: turns physical lines into messages. A line that starts with a header of the file's
 * layout opens a message; every other line continues the open one. Messages go to the builder
 * (and so to the sink) as soon as the next header or the end of input closes them.
 */

/** The author part is short; a `": "` further right belongs to a system sentence or the text. */
const MAX_AUTHOR = 160;

/** Distinct raw author strings remembered with their cleaned form. */
const AUTHOR_CACHE_LIMIT = 4096;

/** The message being assembled; one instance is reused for every message of a file. */
interface Pending {
  open: boolean;
  line: number;
  timestamp: string;
  /** Raw author (bidi marks still in), or null for a line without one. */
  author: string | null;
  text: string;
  /** The text after the author began with LRM/RLM (how iOS marks its own lines). */
  marked: boolean;
  /** System event recognized while splitting the author off (sentences containing `": "`). */
  event: SystemEvent | null;
}

function isQuote(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x201e ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x300c ||
    c === 0x300d
  );
}

/**
 * Whether an author candidate could be the start of a system sentence that itself contains `": "`:
 * a quoted subject or group name (`X changed the subject from "a: b" …`) or a long sentence
 * (`X added you to a group in the community: C`). Apostrophes do not count: names such as
 * `Tom O’Brien` are common and WhatsApp does not quote with them.
 */
function mayBeSentence(candidate: string): boolean {
  if (candidate.length > 30) return true;
  for (let i = 0; i < candidate.length; i++) if (isQuote(candidate.charCodeAt(i))) return true;
  return false;
}

function unbalancedQuotes(candidate: string): boolean {
  let n = 0;
  for (let i = 0; i < candidate.length; i++) if (isQuote(candidate.charCodeAt(i))) n++;
  return n % 2 === 1;
}

interface CleanAuthor {
  name: string;
  nonContact: boolean;
}

function cleanAuthor(raw: string): CleanAuthor {
  let name = stripBidi(raw).trim();
  let nonContact = false;
  if (name.charCodeAt(0) === 126 /* ~ */) {
    nonContact = true;
    let i = 1;
    while (i < name.length && isSpaceChar(name.charCodeAt(i))) i++;
    name = name.slice(i).trim();
  }
  return { name, nonContact };
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

export class MessageAssembler {
  readonly signals = new GroupSignals();
  private readonly pending: Pending = {
    open: false,
    line: 0,
    timestamp: '',
    author: null,
    text: '',
    marked: false,
    event: null,
  };
  private unparsedFirst = 0;
  private unparsedLast = 0;
  private unparsed = 0;
  private readonly timestamps: TimestampBuilder;
  private readonly matcher: ShapeMatcher;
  /** Raw author → cleaned name; also makes every message of one author share one name string. */
  private readonly authors = new Map<string, CleanAuthor>();

  constructor(
    private readonly layout: Layout,
    private readonly builder: ConversationBuilder,
    /** The chat title; on iOS the group name, which authors system lines. */
    private readonly title: string,
  ) {
    this.timestamps = new TimestampBuilder(layout.order);
    this.matcher = new ShapeMatcher(layout.shape);
  }

  line(text: string, lineNumber: number): void {
    const hit = this.matcher.match(text);
    if (
      hit !== null &&
      hit.fields.sep === this.layout.sep &&
      hit.fields.yearFirst === this.layout.yearFirst
    ) {
      this.flush();
      const timestamp = this.timestamps.build(hit.fields);
      if (timestamp === '') {
        this.builder.warn(
          `line ${lineNumber}: impossible date or time in the message header; timestamp left empty`,
        );
      } else if (this.timestamps.swapped) {
        this.builder.warn(
          `line ${lineNumber}: day and month swapped against the file's ${this.layout.order.toUpperCase()} order`,
        );
      }
      this.open(text, hit.end, lineNumber, timestamp);
      return;
    }
    if (this.pending.open) {
      this.pending.text += '\n' + stripBidi(text);
      return;
    }
    if (text.trim().length > 0) {
      if (this.unparsed === 0) this.unparsedFirst = lineNumber;
      this.unparsedLast = lineNumber;
      this.unparsed++;
      this.builder.coverage.unparsedLines++;
    }
  }

  end(): void {
    this.flush();
    if (this.unparsed === 1) {
      this.builder.warn(`line ${this.unparsedFirst}: text before the first message header`);
    } else if (this.unparsed > 1) {
      this.builder.warn(
        `lines ${this.unparsedFirst}-${this.unparsedLast}: ${this.unparsed} lines of text before the first message header`,
      );
    }
  }

  /** Opens a message whose header ends at `start` in `line`: splits off the author, if any. */
  private open(line: string, start: number, lineNumber: number, timestamp: string): void {
    const p = this.pending;
    p.open = true;
    p.line = lineNumber;
    p.timestamp = timestamp;
    p.author = null;
    p.event = null;
    let bodyStart = start;
    const colon = line.indexOf(': ', start);
    if (colon > start && colon - start <= MAX_AUTHOR) {
      const candidate = line.slice(start, colon);
      if (!mayBeSentence(candidate)) {
        p.author = candidate;
        bodyStart = colon + 2;
      } else {
        p.event = matchSystemText(stripBidi(line.slice(start)));
        // Android never puts an author on system lines: a quote left open is a sentence.
        const sentence =
          p.event !== null ||
          (!this.layout.shape.authoredSystemLines && unbalancedQuotes(candidate));
        if (!sentence) {
          p.author = candidate;
          bodyStart = colon + 2;
        }
      }
    } else if (
      colon < 0 &&
      line.length - start > 1 &&
      line.length - start <= MAX_AUTHOR &&
      line.endsWith(':')
    ) {
      // `Luke:` with the trailing space trimmed away by an editor: an empty message.
      p.author = line.slice(start, -1);
      bodyStart = line.length;
    }
    const body = line.slice(bodyStart);
    if (hasBidi(body)) {
      p.marked = startsWithDirectionMark(body);
      p.text = stripBidi(body);
    } else {
      p.marked = false;
      p.text = body;
    }
  }

  private flush(): void {
    const p = this.pending;
    if (!p.open) return;
    p.open = false;
    if (p.author === null) {
      this.signals.recordSystem(p.event ?? matchSystemText(firstLine(p.text)), null);
      this.builder.add({
        line: p.line,
        timestamp: p.timestamp,
        sender: null,
        kind: 'system',
        text: p.text,
      });
      return;
    }
    let cleaned = this.authors.get(p.author);
    if (cleaned === undefined) {
      cleaned = cleanAuthor(p.author);
      if (this.authors.size < AUTHOR_CACHE_LIMIT) this.authors.set(p.author, cleaned);
    }
    const name = cleaned.name;
    if (this.layout.shape.authoredSystemLines && this.isAuthoredSystemLine(p, name)) return;
    let text = p.text;
    const cut = editedMarkerStart(text);
    if (cut >= 0) text = text.slice(0, cut).trimEnd();
    const info = classifyContent(text);
    const message: Omit<Message, 'index'> = {
      line: p.line,
      timestamp: p.timestamp,
      sender: name,
      kind: info.kind,
      text,
    };
    if (info.attachment !== undefined) message.attachment = info.attachment;
    if (cut >= 0) message.edited = true;
    if (cleaned.nonContact) {
      message.nonContact = true;
      this.signals.nonContacts.add(name);
    }
    this.builder.add(message);
  }

  /**
   * iOS puts an author on system lines (the contact or the group name on the encryption notice,
   * `G: Boris added you`, `Boris: Boris created group “G”`). A line is only looked at when
   * something besides its wording points that way: iOS marked it with LRM, its author so far wrote
   * only system lines, its author is the chat title (the group name; in a 1:1 the contact), it
   * starts with its author's own name, or it opens like a system sentence (`Messages and calls…`,
   * `You …`). Weak sentences (`X left`) also need the LRM mark, a system-only author, or an actor
   * that is the author or the export owner.
   */
  private isAuthoredSystemLine(p: Pending, name: string): boolean {
    if (p.text.length > 600 || p.text.includes('\n')) return false;
    const vouched = p.marked || this.signals.isPseudoAuthor(name, this.builder.senders);
    if (
      !vouched &&
      name !== this.title &&
      !p.text.startsWith(name) &&
      !startsLikeSystemSentence(p.text)
    ) {
      return false;
    }
    const event = matchSystemText(p.text);
    if (event === null) return false;
    if (!event.strong && !vouched) {
      const actor = event.actor?.trim() ?? null;
      if (actor !== null && actor !== name && !isSelfReference(actor)) return false;
    }
    this.signals.recordSystem(event, name);
    this.builder.add({
      line: p.line,
      timestamp: p.timestamp,
      sender: null,
      kind: 'system',
      text: p.text,
    });
    return true;
  }
}
