import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseParser } from '../../src/ingest/index.js';
import { fileSource } from '../../src/ingest/file-source.js';
import { textInputFor } from '../../src/ingest/text-input.js';
import { wechatCsvParser } from '../../src/ingest/wechat/index.js';
import type { ConversationMeta } from '../../src/model/conversation.js';
import type { JsonlRecord } from '../helpers/parse.js';

/**
 * Golden output for every WeChat sample: the `parse --jsonl` records and the conversations'
 * metadata. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/ingest/wechat-samples.test.ts`
 * and read the diff before committing.
 */
const SAMPLES: readonly [file: string, golden: string][] = [
  ['张伟_utf8.csv', 'memotrace-2'],
  ['messages.csv', 'memotrace-all'],
  ['赵六.csv', 'memotrace-0.2'],
  ['项目三组_utf8.csv', 'memotrace-1.0'],
  ['28846270312@chatroom_0_5000.csv', 'pywxdump-3.1'],
  ['wxid_zhaoliu02_0_5000.csv', 'pywxdump-3.0'],
  ['chatlog_20250303_20250305.csv', 'chatlog'],
  ['李娜.csv', 'exporter-12425'],
  ['王强.csv', 'weflow'],
  ['采购群_excel_gbk.csv', 'excel-gbk'],
  ['采购群_excel_unicode.csv', 'excel-unicode'],
  ['EnMicroMsg_message.csv', 'android-dump'],
  ['MSG0_MSG.csv', 'pc-dump'],
  ['陈静.csv', 'pc4-dump'],
];

const samples = fileURLToPath(new URL('../../samples/wechat/', import.meta.url));
const golden = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

async function parseSample(file: string) {
  const source = { ...fileSource(`${samples}${file}`), path: `samples/wechat/${file}` };
  const records: JsonlRecord[] = [];
  const conversations: ConversationMeta[] = await wechatCsvParser.parse(
    textInputFor(source),
    (conversation, m) =>
      records.push({
        conversationId: conversation.id,
        index: m.index,
        line: m.line,
        timestamp: m.timestamp,
        sender: m.sender,
        kind: m.kind,
        text: m.text,
      }),
  );
  return { source, records, conversations };
}

describe('WeChat samples (golden)', () => {
  it.each(SAMPLES)('%s parses to its golden output (%s)', async (file, name) => {
    const { source, records, conversations } = await parseSample(file);
    await expect(chooseParser(source)).resolves.toBe(wechatCsvParser);
    const jsonl = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    const meta = `${JSON.stringify(conversations, null, 2)}\n`;
    const jsonlPath = `${golden}wechat-${name}.jsonl`;
    const metaPath = `${golden}wechat-${name}.meta.json`;
    if (update) {
      mkdirSync(golden, { recursive: true });
      writeFileSync(jsonlPath, jsonl);
      writeFileSync(metaPath, meta);
    }
    expect(jsonl).toBe(readFileSync(jsonlPath, 'utf8'));
    expect(meta).toBe(readFileSync(metaPath, 'utf8'));
    expect(records.length).toBeGreaterThanOrEqual(15);
    expect(conversations.every((c) => c.coverage.unparsedLines === 0)).toBe(true);
  });
});
