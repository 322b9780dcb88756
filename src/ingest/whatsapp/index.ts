import { ConversationBuilder, conversationId } from '../conversation-builder.js';
import { LineSplitter } from '../lines.js';
import type { ChatParser, InputSource, MessageSink, TextInput } from '../types.js';
import type { ConversationMeta } from '../../model/conversation.js';
import { MessageAssembler } from './assemble.js';
import { decideGroup } from './group.js';
import { matchAnyShape, signatureOf } from './header.js';
import { detectLayout } from './layout.js';
import { chatTitle } from './title.js';

/**
 * WhatsApp "Export chat" `.txt` (Android, iOS `_chat.txt`, and the old formats): two streaming
 * passes, the first to settle the header layout and day/month order of the file, the second to
 * emit messages.
 */

/** Non-empty lines of the head that sniffing looks at. */
const SNIFF_LINES = 50;

/** True when one of the first non-empty lines of `head` is a WhatsApp message header. */
export function sniffWhatsApp(head: string): boolean {
  let start = 0;
  let seen = 0;
  const weak = new Map<string, number>();
  while (start < head.length && seen < SNIFF_LINES) {
    let end = start;
    while (end < head.length && head.charCodeAt(end) !== 10 && head.charCodeAt(end) !== 13) end++;
    const line = head.slice(start, end);
    start = end + 1;
    if (line.trim().length === 0) continue;
    seen++;
    const hit = matchAnyShape(line);
    if (hit === null) continue;
    // A bare `date time text` line is too common in other files to decide on its own.
    if (hit.shape.id !== 'legacy-space') return true;
    const key = signatureOf(hit);
    const n = (weak.get(key) ?? 0) + 1;
    if (n >= 2) return true;
    weak.set(key, n);
  }
  return false;
}

async function parseWhatsApp(input: TextInput, sink: MessageSink): Promise<ConversationMeta[]> {
  const source: InputSource = input.source;
  const layout = await detectLayout(input);
  const title = chatTitle(source.titleHint, source.path);
  const builder = new ConversationBuilder(
    { id: conversationId('whatsapp', source, title), title, platform: 'whatsapp' },
    sink,
  );
  if (layout.orderFallback) {
    builder.warn(
      `day/month order not decidable from the dates (${layout.orderReason}); read as ${layout.order.toUpperCase()}`,
    );
  }
  const assembler = new MessageAssembler(layout, builder, title);
  const splitter = new LineSplitter((text, n) => assembler.line(text, n));
  const decoded = await input.open();
  for await (const chunk of decoded.chunks) splitter.push(chunk);
  splitter.end();
  assembler.end();
  const verdict = decideGroup(assembler.signals, builder.senders);
  return [
    builder.finish({
      isGroup: verdict.isGroup,
      groupEvidence: verdict.evidence,
      source: {
        path: source.path,
        ...(source.entry !== undefined ? { entry: source.entry } : {}),
        format: layout.shape.format,
      },
      decoded: decoded.stats(),
      lines: splitter.lines,
      excludeParticipants: verdict.pseudoAuthors,
    }),
  ];
}

export const whatsappParser: ChatParser = {
  id: 'whatsapp',
  sniff(head: string, _source: InputSource): boolean {
    return sniffWhatsApp(head);
  },
  parse: parseWhatsApp,
};
