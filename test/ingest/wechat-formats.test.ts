import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { conversationId } from '../../src/ingest/conversation-builder.js';
import { memorySource } from '../../src/ingest/text-input.js';
import { wechatCsvParser } from '../../src/ingest/wechat/index.js';
import { parseToRecords, type JsonlRecord } from '../helpers/parse.js';
import { encodeGbk, encodeUtf16le, withBom } from './wechat-encode.js';

type Row = [line: number, timestamp: string, sender: string | null, kind: string, text: string];

function rows(records: readonly JsonlRecord[]): Row[] {
  return records.map((r) => [r.line, r.timestamp, r.sender, r.kind, r.text]);
}

async function parse(name: string, content: string | Uint8Array, chunkSize?: number) {
  return parseToRecords(wechatCsvParser, name, content, chunkSize ? { chunkSize } : {});
}

/** Parses with the default chunk size, then byte chunks of 1 and 7, and expects the same result. */
async function parseAllChunkings(name: string, content: string | Uint8Array) {
  const result = await parse(name, content);
  for (const chunkSize of [1, 7]) {
    const other = await parse(name, content, chunkSize);
    expect(other.records, `chunkSize ${chunkSize}`).toEqual(result.records);
    expect(other.conversations, `chunkSize ${chunkSize}`).toEqual(result.conversations);
  }
  return result;
}

const MEMOTRACE_HEADER =
  'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';

const MEMOTRACE_2_ROWS = [
  '101,7,1,0,0,1700012345,2,明天的会议改到下午三点，报价单我晚点发你,2023-11-15 09:39:05,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
  '102,7,1,0,1,1700012400,2,"好的，收到\n我会通知其他人",2023-11-15 09:40:00,,小明,wxid_me1234567890',
  '103,7,3,0,0,1700012460,2,"<?xml version=""1.0""?>\n<msg><img aeskey=""5f2c"" length=""102400"" /></msg>",2023-11-15 09:41:00,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
  '104,7,49,6,0,1700012520,2,"<?xml version=""1.0""?>\n<msg><appmsg appid="""" sdkver=""0""><title>报价单_2023Q4.xlsx</title><type>6</type></appmsg></msg>",2023-11-15 09:42:00,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
  '105,7,1,0,0,1700012580,2,"附件里第3条：""付款方式, 月结30天""",2023-11-15 09:43:00,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
];

const MEMOTRACE_2_EXPECTED: Row[] = [
  [2, '2023-11-15T09:39:05', '张伟', 'text', '明天的会议改到下午三点，报价单我晚点发你'],
  [3, '2023-11-15T09:40:00', '小明', 'text', '好的，收到\n我会通知其他人'],
  [5, '2023-11-15T09:41:00', '张伟', 'media', '[图片]'],
  [7, '2023-11-15T09:42:00', '张伟', 'media', '[文件]'],
  [9, '2023-11-15T09:43:00', '张伟', 'text', '附件里第3条："付款方式, 月结30天"'],
];

describe('WeChat backup CSVs (checklist 45-58)', () => {
  it('#45 WeChatMsg 2.x per-contact CSV: BOM, CRLF rows, quoted multi-line XML, start lines', async () => {
    const csv = withBom(`${[MEMOTRACE_HEADER, ...MEMOTRACE_2_ROWS].join('\r\n')}\r\n`);
    const { records, messages, conversations } = await parseAllChunkings('张伟_utf8.csv', csv);
    expect(rows(records)).toEqual(MEMOTRACE_2_EXPECTED);
    expect(messages[0]).toMatchObject({ senderId: 'wxid_k3j2h1g0f9e8', fromSelf: false });
    expect(messages[1]).toMatchObject({ senderId: 'wxid_me1234567890', fromSelf: true });
    expect(messages[3]!.attachment).toBe('报价单_2023Q4.xlsx');
    expect(conversations).toHaveLength(1);
    const [conversation] = conversations;
    expect(conversation).toMatchObject({
      title: '张伟',
      platform: 'wechat',
      isGroup: false,
      source: { path: '张伟_utf8.csv', format: 'wechat-memotrace-2', encoding: 'utf-8' },
      firstMessageAt: '2023-11-15T09:39:05',
      lastMessageAt: '2023-11-15T09:43:00',
      coverage: { lines: 9, messages: 5, system: 0, media: 2, unparsedLines: 0, warnings: [] },
    });
    expect(conversation!.id).toBe(conversationId('wechat', memorySource('张伟_utf8.csv', ''), ''));
    expect(records.every((r) => r.conversationId === conversation!.id)).toBe(true);
  });

  it('#45 the same file with LF rows, and behind 70 KB of rows read in 7-byte chunks, gives the same messages', async () => {
    const lf = `${[MEMOTRACE_HEADER, ...MEMOTRACE_2_ROWS].join('\n')}\n`;
    expect(rows((await parseAllChunkings('张伟_utf8.csv', lf)).records)).toEqual(
      MEMOTRACE_2_EXPECTED,
    );

    // Small inputs are decoded in one piece; push the interesting rows past the decoder's 64 KB
    // sniff window so that they reach the splitter in pieces of a few characters.
    const filler = Array.from(
      { length: 900 },
      (_, i) =>
        `${i + 1},7,1,0,0,1700000000,2,填充消息 ${i} 好的好的好的好的好的好的,2023-11-15 06:00:00,张伟,Zhang Wei,wxid_k3j2h1g0f9e8`,
    );
    const big = `${[MEMOTRACE_HEADER, ...filler, ...MEMOTRACE_2_ROWS].join('\r\n')}\r\n`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(70_000);
    const whole = await parse('张伟_utf8.csv', big);
    const pieces = await parse('张伟_utf8.csv', big, 7);
    expect(pieces.records).toEqual(whole.records);
    expect(rows(whole.records.slice(-5))).toEqual(
      MEMOTRACE_2_EXPECTED.map(([line, ...rest]): Row => [line + 900, ...rest]),
    );
  });

  it('#46 WeChatMsg 0.2.x CSV with an unnamed leading index column and no BOM', async () => {
    const csv = [
      ',localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime',
      '0,1,5,10000,0,0,1698999940,2,你已添加了李娜，现在可以开始聊天了。,2023-11-03 16:25:40',
      '1,2,5,1,0,0,1699000000,2,你好，合同已经盖章了,2023-11-03 16:26:40',
      '2,3,5,1,0,1,1699000060,2,收到，谢谢,2023-11-03 16:27:40',
      '',
    ].join('\n');
    const { records, conversations, messages } = await parseAllChunkings('李娜.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2023-11-03T16:25:40', null, 'system', '你已添加了李娜，现在可以开始聊天了。'],
      [3, '2023-11-03T16:26:40', '李娜', 'text', '你好，合同已经盖章了'],
      [4, '2023-11-03T16:27:40', '我', 'text', '收到，谢谢'],
    ]);
    expect(messages[2]!.fromSelf).toBe(true);
    expect(conversations[0]).toMatchObject({
      title: '李娜',
      isGroup: false,
      source: { format: 'wechat-memotrace-0.2' },
    });
  });

  it("#47 WeChatMsg 1.0.x ragged rows: 9 header names, 12 fields, b'…' literals carry the group sender", async () => {
    const csv = [
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime',
      "1,12,1,0,0,1702000000,2,周五前把合同初稿发我,2023-12-08 09:46:40,7437267147299592543,b'\\n\\x04\\x08\\x10\\x10\\x00\\x1a\\x10\\x08\\x01\\x12\\x0cwxid_lisi001\\x1a\\x05\\x08\\x02\\x12\\x01x',",
      "2,12,1,0,1,1702000060,2,好的，今晚发,2023-12-08 09:47:40,7437267147299592544,b'\\n\\x04\\x08\\x10\\x10\\x00',",
      '3,12,1,0,0,1702000120,2,价格那块我再确认一下,2023-12-08 09:48:40,7437267147299592545,"b\'\\n\\x04\\x08\\x10\\x10\\x00\\x1a,\\x08\\x01\\x12\\x0bwxid_wangwu\\x1a\\x1d\\x08\\x07\'",',
      '4,12,10000,0,0,1702000180,2,"""王五""邀请""赵六""加入了群聊",2023-12-08 09:49:40,7437267147299592546,,',
      '',
    ].join('\r\n');
    const { records, conversations, messages } = await parseAllChunkings('项目群_utf8.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2023-12-08T09:46:40', 'wxid_lisi001', 'text', '周五前把合同初稿发我'],
      [3, '2023-12-08T09:47:40', '我', 'text', '好的，今晚发'],
      [4, '2023-12-08T09:48:40', 'wxid_wangwu', 'text', '价格那块我再确认一下'],
      [5, '2023-12-08T09:49:40', null, 'system', '"王五"邀请"赵六"加入了群聊'],
    ]);
    expect(messages[0]!.senderId).toBe('wxid_lisi001');
    const [conversation] = conversations;
    expect(conversation!.source.format).toBe('wechat-memotrace-1.0');
    expect(conversation!.coverage.warnings).toEqual([
      'ragged rows (first at line 2): 12 fields under 9 header names; fields 10-12 read as MsgSvrID, BytesExtra, CompressContent',
    ]);
    expect(conversation!.isGroup).toBe(true);
    expect(conversation!.groupEvidence).toEqual([
      'line 5: invitation notice ""王五"邀请"赵六"加入了群聊"',
      '3 distinct senders',
    ]);
  });

  it('#47 WeChatMsg 1.0.4 1:1 rows with 9 fields under 12 names: warned once, read as empty', async () => {
    const csv = withBom(
      [
        MEMOTRACE_HEADER,
        '1,7,1,0,0,1704067200,2,新年好,2024-01-01 08:00:00',
        '2,7,1,0,1,1704067260,2,新年好！,2024-01-01 08:01:00',
        '',
      ].join('\r\n'),
    );
    const { records, conversations } = await parse('张伟_utf8.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2024-01-01T08:00:00', '张伟', 'text', '新年好'],
      [3, '2024-01-01T08:01:00', '我', 'text', '新年好！'],
    ]);
    expect(conversations[0]!.coverage.warnings).toEqual([
      'ragged rows (first at line 2): 9 fields under 12 header names; missing fields read as empty',
    ]);
  });

  it('#48 WeChatMsg messages.csv (all chats): Sender 我, conversations only via TalkerId/NickName', async () => {
    const csv = withBom(
      [
        MEMOTRACE_HEADER,
        '1,7,1,0,0,1700012345,2,张总，报价单收到了吗？,2023-11-15 09:39:05,张伟,Zhang Wei,张伟',
        '2,7,1,0,1,1700012400,2,收到了，下午回复您,2023-11-15 09:40:00,张伟,Zhang Wei,我',
        '3,12,1,0,0,1700100000,2,周五聚餐谁去？,2023-11-16 10:00:00,,项目三组,李娜',
        '4,12,1,0,1,1700100030,2,我去,2023-11-16 10:00:30,,项目三组,我',
        '5,7,1,0,0,1700100100,2,"合同我改好了,\n你看下第5条",2023-11-16 10:01:40,张伟,Zhang Wei,张伟',
        '',
      ].join('\r\n'),
    );
    for (const name of ['messages.csv', '全部聊天.csv']) {
      const { records, conversations, messages } = await parseAllChunkings(name, csv);
      expect(conversations.map((c) => [c.title, c.isGroup, c.source.format])).toEqual([
        ['张伟', false, 'wechat-memotrace-all'],
        ['项目三组', true, 'wechat-memotrace-all'],
      ]);
      const [direct, group] = conversations;
      expect(rows(records)).toEqual([
        [2, '2023-11-15T09:39:05', '张伟', 'text', '张总，报价单收到了吗？'],
        [3, '2023-11-15T09:40:00', '我', 'text', '收到了，下午回复您'],
        [4, '2023-11-16T10:00:00', '李娜', 'text', '周五聚餐谁去？'],
        [5, '2023-11-16T10:00:30', '我', 'text', '我去'],
        [6, '2023-11-16T10:01:40', '张伟', 'text', '合同我改好了,\n你看下第5条'],
      ]);
      expect(records.map((r) => [r.conversationId, r.index])).toEqual([
        [direct!.id, 0],
        [direct!.id, 1],
        [group!.id, 0],
        [group!.id, 1],
        [direct!.id, 2],
      ]);
      expect(direct!.id).toBe(conversationId('wechat', memorySource(name, ''), '7'));
      expect(group!.groupEvidence).toEqual([
        'line 4: sender "李娜" is not the conversation "项目三组"',
      ]);
      expect(messages[1]!.fromSelf).toBe(true);
      expect(direct!.coverage.lines).toBe(7);
    }
  });

  it('#49 PyWxDump 3.1 chunk file <id>_0_5000.csv: no BOM, 19-digit MsgSvrID, multi-line voice, @chatroom', async () => {
    const csv = [
      'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime',
      '1,7437267147299592543,文本,0,wxid_lisi001,12345678901@chatroom,周五聚餐谁去？,,2024-10-04 12:00:00',
      '2,6375292937392956640,图片,1,wxid_me1234567890,12345678901@chatroom,图片,FileStorage\\MsgAttach\\9e1c\\Image\\2024-10\\01c1.dat,2024-10-04 12:00:30',
      '3,4073926741244663531,语音,0,wxid_wangwu01,12345678901@chatroom,"语音时长：3.00秒\n翻译结果：好的我去",wxid_wangwu01\\2024-10-04_12-01-02_0_4073926741244663531.wav,2024-10-04 12:01:02',
      '4,5073926741244663532,文件,0,wxid_lisi001,12345678901@chatroom,报价单.xlsx,FileStorage\\File\\2024-10\\报价单.xlsx,2024-10-04 12:02:00',
      '5,5173926741244663533,(分享)卡片式链接,0,wxid_lisi001,12345678901@chatroom,"合同模板\n标准采购合同\n\n<a href=""https://example.com/contract"" target=""_blank"">点击查看详情</a>",,2024-10-04 12:03:00',
      '6,5273926741244663534,系统通知,0,系统,12345678901@chatroom,"""李娜""邀请""赵六""加入了群聊",,2024-10-04 12:04:00',
      '',
    ].join('\r\n');
    const { records, conversations, messages } = await parseAllChunkings(
      '12345678901@chatroom_0_5000.csv',
      csv,
    );
    expect(rows(records)).toEqual([
      [2, '2024-10-04T12:00:00', 'wxid_lisi001', 'text', '周五聚餐谁去？'],
      [3, '2024-10-04T12:00:30', 'wxid_me1234567890', 'media', '图片'],
      [4, '2024-10-04T12:01:02', 'wxid_wangwu01', 'media', '语音时长：3.00秒\n翻译结果：好的我去'],
      [6, '2024-10-04T12:02:00', 'wxid_lisi001', 'media', '报价单.xlsx'],
      [
        7,
        '2024-10-04T12:03:00',
        'wxid_lisi001',
        'link',
        '合同模板\n标准采购合同\n\nhttps://example.com/contract',
      ],
      [11, '2024-10-04T12:04:00', null, 'system', '"李娜"邀请"赵六"加入了群聊'],
    ]);
    expect(messages[1]).toMatchObject({ fromSelf: true, senderId: 'wxid_me1234567890' });
    expect(messages[3]!.attachment).toBe('报价单.xlsx');
    expect(conversations[0]).toMatchObject({
      title: '12345678901@chatroom',
      isGroup: true,
      source: { format: 'wechat-pywxdump-3.1' },
    });
    expect(conversations[0]!.groupEvidence[0]).toBe(
      'conversation id "12345678901@chatroom" is a group id (@chatroom)',
    );
  });

  it('#50 PyWxDump 3.0 CSV with a JSON object string in content', async () => {
    const csv = [
      'id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime',
      '1,7437267147299592543,文本,0,wxid_k3j2h1g0f9e8,wxid_k3j2h1g0f9e8,"{""src"": """", ""msg"": ""明天见，带上合同""}",2024-03-01 09:00:00',
      '2,7437267147299592544,文本,1,我,wxid_k3j2h1g0f9e8,"{""src"": """", ""msg"": ""\\u597d\\u7684\\n\\u51e0\\u70b9\\uff1f""}",2024-03-01 09:01:00',
      '3,7437267147299592545,图片,0,wxid_k3j2h1g0f9e8,wxid_k3j2h1g0f9e8,"{""src"": ""FileStorage\\\\MsgAttach\\\\a.dat"", ""msg"": ""图片""}",2024-03-01 09:02:00',
      '',
    ].join('\r\n');
    const { records, conversations, messages } = await parseAllChunkings(
      'wxid_k3j2h1g0f9e8_0_5000.csv',
      csv,
    );
    expect(rows(records)).toEqual([
      [2, '2024-03-01T09:00:00', 'wxid_k3j2h1g0f9e8', 'text', '明天见，带上合同'],
      [3, '2024-03-01T09:01:00', '我', 'text', '好的\n几点？'],
      [4, '2024-03-01T09:02:00', 'wxid_k3j2h1g0f9e8', 'media', '图片'],
    ]);
    expect(messages[1]).toMatchObject({ fromSelf: true });
    expect(messages[1]!.senderId).toBeUndefined();
    expect(conversations[0]).toMatchObject({
      title: 'wxid_k3j2h1g0f9e8',
      isGroup: false,
      source: { format: 'wechat-pywxdump-3.0' },
    });
  });

  it('#51 chatlog CSV: LF rows, several Talker values, markdown media placeholders', async () => {
    const csv = [
      'Time,SenderName,Sender,TalkerName,Talker,Content',
      '2025-03-01 09:00:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,明天见',
      '2025-03-01 09:01:00,李娜,wxid_lina0001,项目三组,12345678901@chatroom,"![图片](http://127.0.0.1:5030/image/3f2a9c,FileStorage/a.dat)"',
      '2025-03-01 09:02:00,王强,wxid_wangqiang7,项目三组,12345678901@chatroom,[文件|采购合同_v2.docx](http://127.0.0.1:5030/file/9c1e)',
      '2025-03-01 09:03:00,李娜,wxid_lina0001,项目三组,12345678901@chatroom,[链接|报价系统登录](https://example.com/login)',
      '2025-03-01 09:04:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,"好的，\n我到了给你打电话"',
      '2025-03-01 09:05:00,,系统消息,项目三组,12345678901@chatroom,"""李娜""邀请""王强""加入了群聊"',
      '2025-03-01 09:06:00,王强,wxid_wangqiang7,项目三组,12345678901@chatroom,[位置|深圳市南山区科技园|深圳市|113.94|22.54]',
      '',
    ].join('\n');
    const { records, conversations, messages } = await parseAllChunkings(
      'wxid_k3j2h1g0f9e8,12345678901@chatroom_2025-03-01_2025-03-02.csv',
      csv,
    );
    expect(rows(records)).toEqual([
      [2, '2025-03-01T09:00:00', '张伟', 'text', '明天见'],
      [3, '2025-03-01T09:01:00', '李娜', 'media', '[图片]'],
      [4, '2025-03-01T09:02:00', '王强', 'media', '[文件]'],
      [5, '2025-03-01T09:03:00', '李娜', 'link', '报价系统登录\nhttps://example.com/login'],
      [6, '2025-03-01T09:04:00', '张伟', 'text', '好的，\n我到了给你打电话'],
      [8, '2025-03-01T09:05:00', null, 'system', '"李娜"邀请"王强"加入了群聊'],
      [9, '2025-03-01T09:06:00', '王强', 'location', '深圳市南山区科技园 深圳市'],
    ]);
    expect(messages[2]!.attachment).toBe('采购合同_v2.docx');
    expect(messages[1]!.senderId).toBe('wxid_lina0001');
    expect(conversations.map((c) => [c.title, c.isGroup, c.coverage.messages])).toEqual([
      ['张伟', false, 2],
      ['项目三组', true, 5],
    ]);
    expect(conversations[1]!.groupEvidence).toEqual([
      'conversation id "12345678901@chatroom" is a group id (@chatroom)',
      'line 8: invitation notice ""李娜"邀请"王强"加入了群聊"',
    ]);
  });

  it('#52 12425/wechat-exporter CSV: Chinese header names, 接收/发送, with or without BOM (.csv.bz2 not supported)', async () => {
    const lines = [
      '时刻,消息类型,消息方向,ID,微信号,昵称,备注名,内容',
      '2019-03-01 09:00:00,文本,接收,wxid_k3j2h1g0f9e8,zhangwei88,Zhang Wei,张伟,明天见',
      '2019-03-01 09:01:00,文本,发送,wxid_k3j2h1g0f9e8,zhangwei88,Zhang Wei,张伟,好的，合同我带过去',
      '2019-03-01 09:02:00,图片,接收,wxid_k3j2h1g0f9e8,zhangwei88,Zhang Wei,张伟,"<msg><img aeskey=""x"" /></msg>"',
      '2019-03-01 09:03:00,系统消息,接收,wxid_k3j2h1g0f9e8,zhangwei88,Zhang Wei,张伟,"""张伟"" 撤回了一条消息"',
      '',
    ].join('\r\n');
    const expected: Row[] = [
      [2, '2019-03-01T09:00:00', '张伟', 'text', '明天见'],
      [3, '2019-03-01T09:01:00', '我', 'text', '好的，合同我带过去'],
      [4, '2019-03-01T09:02:00', '张伟', 'media', '[图片]'],
      [5, '2019-03-01T09:03:00', null, 'system', '"张伟" 撤回了一条消息'],
    ];
    for (const csv of [lines, withBom(lines)]) {
      const { records, conversations, messages } = await parseAllChunkings('张伟.csv', csv);
      expect(rows(records)).toEqual(expected);
      expect(messages[0]).toMatchObject({ senderId: 'wxid_k3j2h1g0f9e8', fromSelf: false });
      expect(messages[1]).toMatchObject({ fromSelf: true });
      expect(conversations[0]).toMatchObject({
        title: '张伟',
        isGroup: false,
        source: { format: 'wechat-exporter-12425' },
      });
    }
  });

  it('#53 WeFlow WeClone CSV: BOM, CRLF, ISO-8601 UTC CreateTime, no room_name', async () => {
    const csv = withBom(
      [
        'id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime',
        '1,7437267147299592543,text,0,张伟,明天见,,2025-03-01T01:00:00.000Z',
        '2,7437267147299592544,text,1,我,好的，报价单发你邮箱 zhang.wei@example.com 了,,2025-03-01T01:00:30.000Z',
        '3,7437267147299592545,image,0,张伟,[图片],images/one.jpg,2025-03-01T01:01:00.000Z',
        '4,7437267147299592546,voice,0,张伟,[语音],,2025-03-01T01:02:00.000Z',
        '',
      ].join('\r\n'),
    );
    const { records, conversations, messages } = await parseAllChunkings('张伟.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2025-03-01T01:00:00', '张伟', 'text', '明天见'],
      [3, '2025-03-01T01:00:30', '我', 'text', '好的，报价单发你邮箱 zhang.wei@example.com 了'],
      [4, '2025-03-01T01:01:00', '张伟', 'media', '[图片]'],
      [5, '2025-03-01T01:02:00', '张伟', 'media', '[语音]'],
    ]);
    expect(messages[1]!.fromSelf).toBe(true);
    expect(conversations[0]).toMatchObject({ source: { format: 'wechat-weflow' }, isGroup: false });
    expect(conversations[0]!.coverage.warnings).toEqual([
      'times are UTC (ISO 8601 "Z"); shown as the UTC wall clock, not the local time of the chat',
    ]);
  });

  it('#54 raw Android message dump: ms timestamps, wxid:\\n prefixes in quoted content, @chatroom talker', async () => {
    const csv = [
      'msgId,msgSvrId,type,status,isSend,isShowTimer,createTime,talker,content,imgPath,reserved,lvbuffer,transContent',
      '1,7437267147299592543,1,3,0,0,1709254800000,wxid_k3j2h1g0f9e8,明天上午十点签合同,,,,',
      '2,7437267147299592544,1,2,1,0,1709254860000,wxid_k3j2h1g0f9e8,好的,,,,',
      '3,7437267147299592545,1,3,0,0,1709254920000,12345678901@chatroom,"wxid_lisi001:\n周五聚餐谁去？",,,,',
      '4,7437267147299592546,3,3,0,0,1709254980000,12345678901@chatroom,"wxid_wangwu01:\n<msg><img aeskey=""a"" /></msg>",THUMBNAIL_DIRPATH://th_abc,,,',
      '5,7437267147299592547,10000,4,0,0,1709255040000,12345678901@chatroom,"""李娜""邀请""赵六""加入了群聊",,,,',
      '6,7437267147299592548,1,2,1,0,1709255100000,12345678901@chatroom,我去,,,,',
      '',
    ].join('\n');
    const { records, conversations, messages } = await parseAllChunkings('message.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2024-03-01T09:00:00', 'wxid_k3j2h1g0f9e8', 'text', '明天上午十点签合同'],
      [3, '2024-03-01T09:01:00', '我', 'text', '好的'],
      [4, '2024-03-01T09:02:00', 'wxid_lisi001', 'text', '周五聚餐谁去？'],
      [6, '2024-03-01T09:03:00', 'wxid_wangwu01', 'media', '[图片]'],
      [8, '2024-03-01T09:04:00', null, 'system', '"李娜"邀请"赵六"加入了群聊'],
      [9, '2024-03-01T09:05:00', '我', 'text', '我去'],
    ]);
    expect(messages[2]!.senderId).toBe('wxid_lisi001');
    expect(conversations.map((c) => [c.title, c.isGroup, c.source.format])).toEqual([
      ['wxid_k3j2h1g0f9e8', false, 'wechat-android-dump'],
      ['12345678901@chatroom', true, 'wechat-android-dump'],
    ]);
    expect(conversations[1]!.groupEvidence).toEqual([
      'conversation id "12345678901@chatroom" is a group id (@chatroom)',
      '2 messages carry a group sender prefix (wxid:\\n)',
      'line 8: invitation notice ""李娜"邀请"赵六"加入了群聊"',
      '3 distinct senders',
    ]);
    for (const conversation of conversations) {
      expect(conversation.coverage.warnings).toEqual([
        'times are Unix timestamps without a zone; shown as China Standard Time (UTC+8)',
      ]);
    }
  });

  it('#55 WeChat 4.x local_type 244813135921 is a type 49 / subtype 57 quoted reply', async () => {
    const csv = [
      'local_id,server_id,local_type,sort_seq,real_sender_id,create_time,status,upload_status,download_status,server_seq,origin_source,source,message_content,compress_content,packed_info_data',
      '1,7437267147299592543,1,1740790800000,2,1740790800,4,0,0,0,0,,合同第5条的违约金太高了,,',
      '2,7437267147299592544,244813135921,1740790860000,1,1740790860,2,0,0,0,0,,"<msg><appmsg appid="""" sdkver=""0""><title>那就按20%来</title><type>57</type><refermsg><type>1</type><displayname>张伟</displayname><content>合同第5条的违约金太高了</content></refermsg></appmsg></msg>",,',
      '3,7437267147299592545,25769803825,1740790920000,2,1740790920,4,0,0,0,0,,"<msg><appmsg><title>违约条款修订.docx</title><type>6</type></appmsg></msg>",,',
      '',
    ].join('\n');
    const { records, conversations, messages } = await parseAllChunkings('张伟.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2025-03-01T09:00:00', '张伟', 'text', '合同第5条的违约金太高了'],
      [3, '2025-03-01T09:01:00', '我', 'text', '那就按20%来'],
      [4, '2025-03-01T09:02:00', '张伟', 'media', '[文件]'],
    ]);
    expect(messages[2]!.attachment).toBe('违约条款修订.docx');
    expect(conversations[0]!.source.format).toBe('wechat-pc4-dump');
  });

  describe('#56 the same WeChat CSV re-saved by Excel', () => {
    const header = 'id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime';
    const data = [
      [
        '1',
        '7.43727E+18',
        'Text',
        '0',
        'wxid_k3j2h1g0f9e8',
        'wxid_k3j2h1g0f9e8',
        '明天的会议改到下午三点',
        '',
        '2024/10/4 11:42',
      ],
      [
        '2',
        '6.37529E+18',
        'Image',
        '1',
        'wxid_me1234567890',
        'wxid_k3j2h1g0f9e8',
        '图片',
        'FileStorage\\MsgAttach\\9e1c\\Image\\2024-10\\01c1.dat',
        '2024/10/4 11:42',
      ],
      [
        '3',
        '4.07393E+18',
        'Text',
        '0',
        'wxid_k3j2h1g0f9e8',
        'wxid_k3j2h1g0f9e8',
        '价格 9,800 元; 含税',
        '',
        '2024/10/4 11:43',
      ],
      [
        '4',
        '4.07393E+18',
        'Text',
        '1',
        'wxid_me1234567890',
        'wxid_k3j2h1g0f9e8',
        '好的\n我下午回复',
        '',
        '2024/10/4 11:45',
      ],
    ];
    const expected: Row[] = [
      [2, '2024-10-04T11:42:00', 'wxid_k3j2h1g0f9e8', 'text', '明天的会议改到下午三点'],
      [3, '2024-10-04T11:42:00', 'wxid_me1234567890', 'media', '图片'],
      [4, '2024-10-04T11:43:00', 'wxid_k3j2h1g0f9e8', 'text', '价格 9,800 元; 含税'],
      [5, '2024-10-04T11:45:00', 'wxid_me1234567890', 'text', '好的\n我下午回复'],
    ];
    /** Excel quotes only cells holding the delimiter, a quote or a line break; adds empty rows. */
    const excel = (delimiter: string): string => {
      const cell = (value: string): string =>
        value.includes(delimiter) || value.includes('"') || value.includes('\n')
          ? `"${value.replaceAll('"', '""')}"`
          : value;
      const body = [header.split(','), ...data].map((row) => row.map(cell).join(delimiter));
      return `${[...body, delimiter.repeat(8), delimiter.repeat(8)].join('\r\n')}\r\n`;
    };

    it.each([
      ['GBK, comma', (): Uint8Array => encodeGbk(excel(',')), 'gb18030'],
      ['GBK, semicolon', (): Uint8Array => encodeGbk(excel(';')), 'gb18030'],
      ['UTF-16LE, TAB (Unicode Text)', (): Uint8Array => encodeUtf16le(excel('\t')), 'utf-16le'],
    ])('#56 %s, 7.43727E+18 ids, 2024/10/4 11:42 dates', async (_label, bytes, encoding) => {
      const { records, conversations, messages } = await parseAllChunkings(
        'wxid_k3j2h1g0f9e8_0_5000.csv',
        bytes(),
      );
      expect(rows(records)).toEqual(expected);
      expect(messages[1]!.fromSelf).toBe(true);
      expect(conversations[0]).toMatchObject({
        source: { format: 'wechat-pywxdump-3.1', encoding },
        coverage: { lines: 8, unparsedLines: 0 },
      });
      expect(conversations[0]!.coverage.warnings).toEqual([
        'times look re-saved by a spreadsheet program (e.g. "2024/10/4 11:42"); seconds may be missing',
      ]);
    });
  });

  it('#57 a GBK file where emoji became "?" is decoded, with a warning', async () => {
    const csv = [
      MEMOTRACE_HEADER,
      '1,7,1,0,0,1700012345,2,收到👍👍，明天见😀,2023-11-15 09:39:05,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
      '2,7,1,0,1,1700012400,2,合同签好了吗?,2023-11-15 09:40:00,,小明,wxid_me1234567890',
      '',
    ].join('\r\n');
    const bytes = encodeGbk(csv);
    const { records, conversations } = await parseAllChunkings('张伟_utf8.csv', bytes);
    expect(rows(records)).toEqual([
      [2, '2023-11-15T09:39:05', '张伟', 'text', '收到??，明天见?'],
      [3, '2023-11-15T09:40:00', '小明', 'text', '合同签好了吗?'],
    ]);
    expect(conversations[0]!.source.encoding).toBe('gb18030');
    expect(conversations[0]!.coverage.warnings).toEqual([
      'decoded as GB18030 (GBK); 1 messages contain "??" (first at line 2): emoji or rare characters were probably lost when the file was saved as GBK',
    ]);
    // The same text in UTF-8 carries no such warning.
    const utf8 = await parse('张伟_utf8.csv', csv.replace('👍👍', '??'));
    expect(utf8.conversations[0]!.coverage.warnings).toEqual([]);
  });

  it('#58 a stray unbalanced quote damages one record; parsing resumes at the next record', async () => {
    const csv = withBom(
      [
        MEMOTRACE_HEADER,
        '1,7,1,0,0,1700012345,2,第一条：报价 9800,2023-11-15 09:39:05,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
        '2,7,1,0,0,1700012346,2,"坏掉的引号 开始,2023-11-15 09:39:06,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
        '3,7,1,0,1,1700012400,2,"好的，收到\n我会通知其他人",2023-11-15 09:40:00,,小明,wxid_me1234567890',
        '4,7,1,0,0,1700012460,2,"说""行""xy"z,2023-11-15 09:41:00,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
        '5,7,1,0,0,1700012520,2,"第五条 ""引用""",2023-11-15 09:42:00,张伟,Zhang Wei,wxid_k3j2h1g0f9e8',
        '',
      ].join('\r\n'),
    );
    const { records, conversations } = await parseAllChunkings('张伟_utf8.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2023-11-15T09:39:05', '张伟', 'text', '第一条：报价 9800'],
      [4, '2023-11-15T09:40:00', '小明', 'text', '好的，收到\n我会通知其他人'],
      [6, '2023-11-15T09:41:00', '张伟', 'text', '"说""行""xy"z'],
      [7, '2023-11-15T09:42:00', '张伟', 'text', '第五条 "引用"'],
    ]);
    expect(conversations[0]!.coverage).toMatchObject({ lines: 7, messages: 4, unparsedLines: 1 });
    expect(conversations[0]!.coverage.warnings).toEqual([
      'line 3: unbalanced quote; record skipped',
      'line 6: malformed quotes; fields split leniently',
    ]);
  });

  it('#58 a stray quote in a chatlog file (time in the first column) and in the last record', async () => {
    const csv = [
      'Time,SenderName,Sender,TalkerName,Talker,Content',
      '2025-03-01 09:00:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,"好的',
      '2025-03-01 09:01:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,"多行\n消息"',
      '2025-03-01 09:02:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,最后一条',
      '2025-03-01 09:03:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,"没有结束的引号',
      '2025-03-01 09:04:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,真的最后',
    ].join('\n');
    const { records, conversations } = await parseAllChunkings('chatlog.csv', csv);
    expect(rows(records)).toEqual([
      [3, '2025-03-01T09:01:00', '张伟', 'text', '多行\n消息'],
      [5, '2025-03-01T09:02:00', '张伟', 'text', '最后一条'],
      [7, '2025-03-01T09:04:00', '张伟', 'text', '真的最后'],
    ]);
    expect(conversations[0]!.coverage).toMatchObject({ lines: 7, unparsedLines: 2 });
    expect(conversations[0]!.coverage.warnings).toEqual([
      'line 2: unbalanced quote; record skipped',
      'line 6: unbalanced quote; record skipped',
    ]);
  });
});

describe('WeChat CSV parser: sniffing and errors', () => {
  const source = memorySource('x.csv', '');

  it('sniffs known headers (names and aliases), not WhatsApp text or other CSVs', () => {
    expect(wechatCsvParser.sniff(`\uFEFF${MEMOTRACE_HEADER}\r\n1,2`, source)).toBe(true);
    expect(
      wechatCsvParser.sniff('\n\nTime,SenderName,Sender,TalkerName,Talker,Content\n', source),
    ).toBe(true);
    expect(wechatCsvParser.sniff('时刻;消息类型;消息方向;ID;微信号;昵称;备注名;内容', source)).toBe(
      true,
    );
    expect(wechatCsvParser.sniff('23/03/2022, 13:31 - Dmitry S: Hello', source)).toBe(false);
    expect(wechatCsvParser.sniff('[3/27/22, 21:41:35] Dmitry, S: Hello, World', source)).toBe(
      false,
    );
    expect(wechatCsvParser.sniff('ID,微信号,昵称,备注,国,省,市,签名', source)).toBe(false);
  });

  it('rejects an unknown header with the file and line 1', async () => {
    const error = await parse(
      'contacts.csv',
      'ID,微信号,昵称,备注,国,省,市,签名\nwxid_a,a,A,,中国,广东,深圳,\n',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toBe(
      'contacts.csv:1: unrecognised CSV header: ID,微信号,昵称,备注,国,省,市,签名 (not a WeChat export)',
    );
  });

  it('rejects an empty file', async () => {
    for (const content of ['', '\uFEFF', '\r\n\r\n']) {
      const error = await parse('empty.csv', content).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe('empty file');
    }
  });

  it('a header-only file is one empty conversation', async () => {
    const { records, conversations } = await parse('张伟_utf8.csv', `${MEMOTRACE_HEADER}\r\n`);
    expect(records).toEqual([]);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({ title: '张伟', coverage: { lines: 1, messages: 0 } });
  });

  it('keeps formula-shaped cells and bidi-free text as data; strips bidi marks', async () => {
    const csv = [
      'Time,SenderName,Sender,TalkerName,Talker,Content',
      '2025-03-01 09:00:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,=HYPERLINK("https://example.com")',
      '2025-03-01 09:01:00,\u200e张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,+86 138 0013 8000\u200f',
      '2025-03-01 09:02:00,张伟,wxid_k3j2h1g0f9e8,张伟,wxid_k3j2h1g0f9e8,@所有人 １３８　ok 👩‍💻',
    ].join('\n');
    const { records } = await parse('chatlog.csv', csv);
    expect(rows(records)).toEqual([
      [2, '2025-03-01T09:00:00', '张伟', 'text', '=HYPERLINK("https://example.com")'],
      [3, '2025-03-01T09:01:00', '张伟', 'text', '+86 138 0013 8000'],
      [4, '2025-03-01T09:02:00', '张伟', 'text', '@所有人 １３８　ok 👩‍💻'],
    ]);
  });
});
