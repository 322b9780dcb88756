import { describe, expect, it } from 'vitest';
import {
  cleanText,
  decodeContent,
  decodeEntities,
  decodeXml,
  isInvitation,
  isSystemText,
  replaceAnchors,
  senderFromBytesExtra,
  splitGroupPrefix,
  unwrapJsonCell,
} from '../../src/ingest/wechat/content.js';
import { titleFromFileName } from '../../src/ingest/wechat/conversations.js';
import { detectLayout } from '../../src/ingest/wechat/layouts.js';
import {
  decodeTypeCode,
  kindForType,
  parseChatlogPlaceholder,
  typeFromLabel,
} from '../../src/ingest/wechat/message-types.js';
import { parseTime } from '../../src/ingest/wechat/time.js';

describe('WeChat times', () => {
  it('reads the exporters’ wall-clock forms', () => {
    expect(parseTime('2023-11-15 09:39:05')).toEqual({
      timestamp: '2023-11-15T09:39:05',
      kind: 'wall',
    });
    expect(parseTime(' 2023-11-15 09:39:05 ')).toEqual({
      timestamp: '2023-11-15T09:39:05',
      kind: 'wall',
    });
    expect(parseTime('2016-04-29 10:30:00.123456')).toEqual({
      timestamp: '2016-04-29T10:30:00',
      kind: 'wall',
    });
    expect(parseTime('2024-10-04 下午3:04:05')).toEqual({
      timestamp: '2024-10-04T15:04:05',
      kind: 'excel',
    });
  });

  it('#56 reads Excel-mangled dates with lost seconds and locale orders', () => {
    expect(parseTime('2024/10/4 11:42')).toEqual({
      timestamp: '2024-10-04T11:42:00',
      kind: 'excel',
    });
    expect(parseTime('4.10.2024 11:42')).toEqual({
      timestamp: '2024-10-04T11:42:00',
      kind: 'excel',
    });
    expect(parseTime('10/4/2024 11:42 AM')).toEqual({
      timestamp: '2024-10-04T11:42:00',
      kind: 'excel',
      ambiguous: true,
    });
    expect(parseTime('25/10/2024 23:05')).toEqual({
      timestamp: '2024-10-25T23:05:00',
      kind: 'excel',
    });
  });

  it('renders Unix seconds and milliseconds as China Standard Time, whatever the machine TZ', () => {
    expect(parseTime('1700012345')).toEqual({ timestamp: '2023-11-15T09:39:05', kind: 'unix' });
    expect(parseTime('1700012345000')).toEqual({ timestamp: '2023-11-15T09:39:05', kind: 'unix' });
    expect(parseTime('1.70001E+09')?.kind).toBe('imprecise');
    expect(parseTime('45569.5')).toEqual({ timestamp: '2024-10-04T12:00:00', kind: 'imprecise' });
  });

  it('#53 keeps the UTC wall clock of ISO-8601 times', () => {
    expect(parseTime('2025-03-01T01:00:00.000Z')).toEqual({
      timestamp: '2025-03-01T01:00:00',
      kind: 'utc',
    });
    expect(parseTime('2025-03-01T09:00:00+08:00')).toEqual({
      timestamp: '2025-03-01T09:00:00',
      kind: 'offset',
    });
  });

  it('rejects what is not a time', () => {
    for (const bad of [
      '',
      'abc',
      '2023-13-01 00:00:00',
      '2023-02-30 10:00:00',
      '12345',
      '2023-11-15 24:00:00',
    ]) {
      expect(parseTime(bad), bad).toBeNull();
    }
  });
});

describe('WeChat message types', () => {
  it('#55 splits WeChat 4.x packed local_type into type and subtype', () => {
    expect(decodeTypeCode('244813135921')).toEqual({ type: 49, subType: 57 });
    expect(decodeTypeCode('21474836529')).toEqual({ type: 49, subType: 5 });
    expect(decodeTypeCode('25769803825')).toEqual({ type: 49, subType: 6 });
    expect(kindForType({ type: 49, subType: 57 })).toBe('text');
    expect(kindForType({ type: 49, subType: 6 })).toBe('media');
  });

  it('reads Android composite codes and plain codes', () => {
    expect(decodeTypeCode('1090519089')).toEqual({ type: 49, subType: 6 });
    expect(decodeTypeCode('419430449')).toEqual({ type: 49, subType: 2000 });
    expect(decodeTypeCode('822083633')).toEqual({ type: 49, subType: 57 });
    expect(decodeTypeCode('-1879048186')).toEqual({ type: 49, subType: 17 });
    expect(decodeTypeCode('3', '0')).toEqual({ type: 3, subType: 0 });
    expect(decodeTypeCode('49', '6')).toEqual({ type: 49, subType: 6 });
    expect(decodeTypeCode('7.43727E+18')).toBeNull();
  });

  it('maps Chinese and English type labels', () => {
    expect(typeFromLabel('文本')).toEqual({ type: 1, subType: 0 });
    expect(typeFromLabel('(分享)卡片式链接')).toEqual({ type: 49, subType: 5 });
    expect(typeFromLabel('消息撤回57')).toEqual({ type: 10000, subType: 57 });
    expect(typeFromLabel('Image')).toEqual({ type: 3, subType: 0 });
    expect(typeFromLabel('sticker')).toEqual({ type: 47, subType: 0 });
    expect(typeFromLabel('9999')).toEqual({ type: 9999, subType: 0 });
    expect(typeFromLabel('火星文')).toBeNull();
  });

  it('#51 recognizes chatlog placeholders', () => {
    expect(parseChatlogPlaceholder('![图片](http://127.0.0.1:5030/image/3f2a,a.dat)')).toEqual({
      kind: 'media',
      text: '[图片]',
    });
    expect(
      parseChatlogPlaceholder('[文件|报价单2025.xlsx](http://127.0.0.1:5030/file/9c1e)'),
    ).toEqual({
      kind: 'media',
      text: '[文件]',
      attachment: '报价单2025.xlsx',
    });
    expect(parseChatlogPlaceholder('[链接|合同模板下载](https://example.com/t)')).toEqual({
      kind: 'link',
      text: '合同模板下载\nhttps://example.com/t',
    });
    expect(parseChatlogPlaceholder('[位置|深圳市南山区科技园|深圳市|113.9|22.5]')).toEqual({
      kind: 'location',
      text: '深圳市南山区科技园 深圳市',
    });
    expect(parseChatlogPlaceholder('[语音](http://127.0.0.1:5030/voice/12)')).toEqual({
      kind: 'media',
      text: '[语音]',
    });
    expect(parseChatlogPlaceholder('[名片]')).toEqual({ kind: 'contact', text: '[名片]' });
    expect(parseChatlogPlaceholder('[捂脸]')).toBeNull();
    expect(parseChatlogPlaceholder('[链接] 不是占位符')).toBeNull();
  });
});

describe('WeChat content layers', () => {
  it('#54 splits wxid group-sender prefixes', () => {
    expect(splitGroupPrefix('wxid_lisi001:\n周五聚餐谁去？', 'wxid')).toEqual({
      senderId: 'wxid_lisi001',
      rest: '周五聚餐谁去？',
    });
    expect(splitGroupPrefix('zhangsan88:\n好', 'wxid')).toBeNull();
    expect(splitGroupPrefix('zhangsan88:\n好', 'any')).toEqual({
      senderId: 'zhangsan88',
      rest: '好',
    });
    expect(splitGroupPrefix('注意:\n明天', 'any')).toBeNull();
  });

  it('#50 unwraps PyWxDump 3.0 JSON cells', () => {
    expect(unwrapJsonCell('{"src": "", "msg": "明天见"}')).toEqual({ msg: '明天见', src: '' });
    expect(unwrapJsonCell('{不是 JSON}')).toBeNull();
    expect(unwrapJsonCell('{"a": 1}')).toBeNull();
  });

  it('decodes entities and PyWxDump anchors', () => {
    expect(decodeEntities('a &lt;b&gt; &amp; &#x4E2D;&#25991; &quot;')).toBe('a <b> & 中文 "');
    expect(
      replaceAnchors(
        '合同\n条款\n\n<a href="https://example.com/c?a=1&amp;b=2" target="_blank">点击查看详情</a>',
      ),
    ).toBe('合同\n条款\n\nhttps://example.com/c?a=1&b=2');
  });

  it('#45 media XML is not message text; a shared file keeps its name as the attachment', () => {
    expect(
      decodeXml('<?xml version="1.0"?>\n<msg><img aeskey="a" length="1" /></msg>', {
        type: 3,
        subType: 0,
      }),
    ).toMatchObject({
      kind: 'media',
      text: '[图片]',
    });
    const file =
      '<msg><appmsg appid="" sdkver="0"><title>合同_v3.pdf</title><type>6</type><appattach><totallen>1024</totallen></appattach></appmsg></msg>';
    expect(decodeXml(file, { type: 49, subType: 0 })).toMatchObject({
      kind: 'media',
      text: '[文件]',
      attachment: '合同_v3.pdf',
    });
    const link =
      '&lt;msg&gt;&lt;appmsg&gt;&lt;title&gt;季度报价&lt;/title&gt;&lt;type&gt;5&lt;/type&gt;&lt;url&gt;https://example.com/q?a=1&amp;amp;b=2&lt;/url&gt;&lt;/appmsg&gt;&lt;/msg&gt;';
    expect(decodeXml(link, null)).toMatchObject({
      kind: 'link',
      text: '季度报价\nhttps://example.com/q?a=1&b=2',
    });
    const quote =
      '<msg><appmsg><title><![CDATA[收到，按这个价格签]]></title><type>57</type><refermsg><type>1</type><content>报价 9800</content></refermsg></appmsg></msg>';
    expect(decodeXml(quote, { type: 49, subType: 57 })).toMatchObject({
      kind: 'text',
      text: '收到，按这个价格签',
    });
    const transfer =
      '<msg><appmsg><title>微信转账</title><type>2000</type><wcpayinfo><feedesc>￥5,000.00</feedesc><pay_memo>定金</pay_memo></wcpayinfo></appmsg></msg>';
    expect(decodeXml(transfer, null)).toMatchObject({
      kind: 'transfer',
      text: '转账 ￥5,000.00\n定金',
    });
    expect(
      decodeXml(
        '<msg><location x="22.5" y="113.9" label="深圳市南山区科技园" poiname="腾讯大厦" /></msg>',
        {
          type: 48,
          subType: 0,
        },
      ),
    ).toMatchObject({ kind: 'location', text: '腾讯大厦\n深圳市南山区科技园' });
    expect(
      decodeXml(
        '<sysmsg type="revokemsg"><revokemsg><replacemsg><![CDATA["张伟" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>',
        {
          type: 10002,
          subType: 0,
        },
      ),
    ).toMatchObject({ kind: 'system', text: '"张伟" 撤回了一条消息' });
  });

  it('recognizes system notices written as text', () => {
    expect(isSystemText('"王五"邀请"赵六"加入了群聊')).toBe(true);
    expect(isInvitation('"王五"邀请"赵六"加入了群聊')).toBe(true);
    expect(isSystemText('"张伟" 撤回了一条消息')).toBe(true);
    expect(isSystemText('"李娜" 拍了拍我')).toBe(true);
    expect(isSystemText('我拍了拍"张伟"')).toBe(true);
    expect(isSystemText('我觉得应该邀请他加入群聊')).toBe(false);
    expect(isSystemText('他拍了拍桌子')).toBe(false);
  });

  it('#47 finds the group sender inside a MemoTrace 1.0 BytesExtra bytes literal', () => {
    expect(
      senderFromBytesExtra(
        "b'\\n\\x04\\x08\\x10\\x10\\x00\\x1a\\x10\\x08\\x01\\x12\\x0cwxid_lisi001\\x1a\\x05\\x08\\x02\\x12\\x01x'",
      ),
    ).toBe('wxid_lisi001');
    expect(senderFromBytesExtra("b'\\n\\x04\\x08\\x10\\x10\\x00'")).toBeNull();
  });

  it('removes bidi marks and NULs only', () => {
    expect(cleanText('\u200e合同\u0000 ok\u2068x\u2069 👍🏽')).toBe('合同 okx 👍🏽');
  });

  it('decodes a whole cell: JSON, prefix, then body', () => {
    expect(decodeContent('wxid_wangwu01:\r\n"张伟" 拍了拍我', null, { prefix: 'wxid' })).toEqual({
      kind: 'system',
      text: '"张伟" 拍了拍我',
      prefixSender: 'wxid_wangwu01',
    });
    expect(
      decodeContent(
        '{"src": "C:\\\\a\\\\报价.xlsx", "msg": "报价.xlsx"}',
        { type: 49, subType: 6 },
        { json: true },
      ),
    ).toEqual({
      kind: 'media',
      text: '报价.xlsx',
      src: 'C:\\a\\报价.xlsx',
    });
  });
});

describe('WeChat layouts and titles', () => {
  const formatOf = (header: string): string | null =>
    detectLayout(header.split(','))?.format ?? null;

  it('recognizes every layout by header names, not by position', () => {
    expect(
      formatOf(',localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime'),
    ).toBe('wechat-memotrace-0.2');
    expect(
      formatOf('localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime'),
    ).toBe('wechat-memotrace-1.0');
    expect(
      formatOf(
        '\uFEFFlocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
      ),
    ).toBe('wechat-memotrace-2');
    expect(
      formatOf(
        'Sender , nickname,REMARK,StrTime,StrContent,type,subtype,IsSender,TalkerId,localId,,,',
      ),
    ).toBe('wechat-memotrace-2');
    expect(formatOf('id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime')).toBe(
      'wechat-pywxdump-3.1',
    );
    expect(formatOf('id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime')).toBe(
      'wechat-pywxdump-3.0',
    );
    expect(formatOf('id,MsgSvrID,type_name,is_sender,talker,msg,src,CreateTime')).toBe(
      'wechat-weflow',
    );
    expect(formatOf('Time,SenderName,Sender,TalkerName,Talker,Content')).toBe('wechat-chatlog');
    expect(formatOf('时刻,消息类型,消息方向,ID,微信号,昵称,备注名,内容')).toBe(
      'wechat-exporter-12425',
    );
    expect(formatOf('时刻,消息类型,消息方向,ID,微信号,昵称,显示名称,内容')).toBe(
      'wechat-exporter-12425',
    );
    expect(
      formatOf(
        'msgId,msgSvrId,type,status,isSend,isShowTimer,createTime,talker,content,imgPath,reserved,lvbuffer,transContent',
      ),
    ).toBe('wechat-android-dump');
    expect(
      formatOf(
        'localId,TalkerId,MsgSvrID,Type,SubType,IsSender,CreateTime,Sequence,StatusEx,FlagEx,Status,MsgServerSeq,MsgSequence,StrTalker,StrContent,DisplayContent,Reserved0,CompressContent,BytesExtra,BytesTrans',
      ),
    ).toBe('wechat-pc-dump');
    expect(
      formatOf(
        'local_id,server_id,local_type,sort_seq,real_sender_id,create_time,status,upload_status,download_status,server_seq,origin_source,source,message_content,compress_content,packed_info_data',
      ),
    ).toBe('wechat-pc4-dump');
    expect(formatOf('ID,微信号,昵称,备注,国,省,市,签名')).toBeNull();
    expect(formatOf('date,time,name,message')).toBeNull();
  });

  it('derives titles from exporters’ file names', () => {
    expect(titleFromFileName('data/聊天记录/张伟/张伟_utf8.csv')).toBe('张伟');
    expect(titleFromFileName('wxid_k3j2h1g0f9e8_0_5000.csv')).toBe('wxid_k3j2h1g0f9e8');
    expect(titleFromFileName('C:\\exports\\李娜.csv.bz2')).toBe('李娜');
    expect(titleFromFileName('.csv')).toBe('WeChat chat');
  });
});
