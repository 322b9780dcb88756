import type { ChatParser, InputSource, MessageSink, TextInput } from '../types.js';
import type { ConversationMeta } from '../../model/conversation.js';
import { detectLayout, splitHeaderLine } from './layouts.js';
import { WeChatCsvReader } from './reader.js';
import { detectDelimiter } from './records.js';

export type { FormatId } from './layouts.js';

/** The first non-blank line of `head`, BOM removed. */
function firstLine(head: string): string {
  const text = head.replace(/^[\uFEFF\s]*(?=\S)/, '');
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  return end < 0 ? text : text.slice(0, end);
}

/**
 * WeChat backup CSVs: MemoTrace/WeChatMsg, PyWxDump, chatlog, 12425/wechat-exporter, WeFlow and
 * raw table dumps (Android `message`, PC `MSG`, WeChat 4.x `Msg_…`).
 */
export const wechatCsvParser: ChatParser = {
  id: 'wechat-csv',

  sniff(head: string, _source: InputSource): boolean {
    const line = firstLine(head);
    if (line.indexOf(',') < 0 && line.indexOf(';') < 0 && line.indexOf('\t') < 0) return false;
    return detectLayout(splitHeaderLine(line, detectDelimiter(line))) !== null;
  },

  async parse(input: TextInput, sink: MessageSink): Promise<ConversationMeta[]> {
    const reader = new WeChatCsvReader(input.source, sink);
    const decoded = await input.open();
    for await (const chunk of decoded.chunks) reader.push(chunk);
    return reader.finish(decoded.stats());
  },
};
