import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extract, sample } from './fixture.js';

describe('docx adapter', () => {
  it('reads the title, paragraphs with 第N段 and the table with cell locations', async () => {
    const { content, unreadable } = await extract(sample('sample.docx'), '家庭基本情况表.docx');
    expect(unreadable).toBeNull();
    expect(content?.format).toBe('docx');
    expect(content?.title).toBe('脱贫户家庭基本情况表');
    expect(content?.blocks.slice(0, 3)).toEqual([
      { text: '脱贫户家庭基本情况表', location: '第1段' },
      { text: '户主：张三\t所在村：红星村', location: '第2段' },
      { text: '填表日期：2023年3月5日', location: '第3段' },
    ]);
    expect(content?.blocks).toContainEqual({ text: '620102198001011234', location: '表格1 第2行第3列' });
    expect(content?.blocks.at(-1)).toEqual({ text: '二〇二三年三月八日', location: '第5段' });
    expect(content?.tables).toEqual([
      {
        name: '表格1',
        kind: 'table',
        location: '表格1',
        rows: [
          ['姓名', '与户主关系', '身份证号'],
          ['张三', '户主', '620102198001011234'],
          ['李四', '配偶', '620102198203041245'],
          // The vertically merged name and the horizontally merged note repeat over their cells.
          ['李四', '签字日期', '2023-03-06'],
          ['备注', '收入稳定，已落实帮扶措施', '收入稳定，已落实帮扶措施'],
        ],
      },
    ]);
    expect(content?.dates).toEqual([
      { date: '2023-03-05', precision: 'day', location: '第3段', text: '2023年3月5日' },
      { date: '2023-03-06', precision: 'day', location: '表格1 第4行第3列', text: '2023-03-06' },
      { date: '2023-03-08', precision: 'day', location: '第5段', text: '二〇二三年三月八日' },
    ]);
  });

  it('reads a .doc name holding .docx bytes as a docx', async () => {
    const { content } = await extract(sample('sample.docx'), '改了扩展名.doc');
    expect(content?.format).toBe('docx');
  });

  it('reports a truncated file as corrupt with a Chinese message', async () => {
    const bytes = sample('sample.docx');
    const outcome = await extract(bytes.subarray(0, bytes.length / 2), '损坏.docx');
    expect(outcome).toEqual({ content: null, unreadable: { reason: 'corrupt', message: '文件已损坏，无法打开（不是有效的 Word 文档）' } });
  });

  it('reports a zip without word/document.xml as corrupt', async () => {
    const bytes = Buffer.from(zipSync({ 'readme.txt': new TextEncoder().encode('not word') }));
    expect((await extract(bytes, '假文档.docx')).unreadable?.reason).toBe('corrupt');
  });

  it('reports a password-protected .docx (an OLE container with EncryptedPackage) as encrypted', async () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.alloc(64, 1));
    XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096, 7));
    const bytes = Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
    const outcome = await extract(bytes, '加密.docx');
    expect(outcome.unreadable).toEqual({ reason: 'encrypted', message: '文件设有打开密码（已加密），无法读取内容（Word 文档）' });
  });
});
