import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { extract, sample } from './fixture.js';

/** The same .doc with the FIB's fEncrypted flag set, as Word writes for a password-protected file. */
function withEncryptedFlag(doc: Buffer): Buffer {
  const container = XLSX.CFB.read(doc, { type: 'buffer' });
  const stream = XLSX.CFB.find(container, 'WordDocument')!;
  const content = Buffer.from(stream.content as Uint8Array);
  content[11] |= 0x01;
  stream.content = content;
  return Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

describe('doc adapter', () => {
  for (const name of ['sample.doc', 'sample.wps']) {
    it(`reads paragraphs and the table of a LibreOffice-made ${name}`, async () => {
      const { content, unreadable } = await extract(sample(name), name);
      expect(unreadable).toBeNull();
      expect(content?.format).toBe('doc');
      expect(content?.title).toBe('脱贫户家庭基本情况表');
      expect(content?.blocks.slice(0, 3).map((b) => b.location)).toEqual(['第1段', '第2段', '第3段']);
      expect(content?.blocks).toContainEqual({ text: '620102198001011234', location: '表格1 第2行第3列' });
      expect(content?.tables[0].rows.slice(0, 2)).toEqual([
        ['姓名', '与户主关系', '身份证号'],
        ['张三', '户主', '620102198001011234'],
      ]);
      expect(content?.dates.map((d) => d.date)).toEqual(['2023-03-05', '2023-03-06', '2023-03-08']);
    });
  }

  it('reports a .doc that is not an OLE file as corrupt, and an RTF as unsupported', async () => {
    const garbage = await extract(Buffer.from('随便写的文字，不是 Word'), '通知.doc');
    expect(garbage.unreadable).toEqual({ reason: 'corrupt', message: '文件已损坏，无法打开（不是有效的 Word 文档）' });
    const rtf = await extract(Buffer.from('{\\rtf1\\ansi hello}'), '通知.doc');
    expect(rtf.unreadable?.reason).toBe('unsupported');
  });

  it('reports a damaged OLE file as corrupt', async () => {
    const bytes = sample('sample.doc');
    const damaged = Buffer.concat([bytes.subarray(0, 512), Buffer.alloc(2048, 0xff)]);
    expect((await extract(damaged, '损坏.doc')).unreadable?.reason).toBe('corrupt');
  });

  it('reports a password-protected .doc as encrypted', async () => {
    const outcome = await extract(withEncryptedFlag(sample('sample.doc')), '加密.doc');
    expect(outcome.unreadable?.reason).toBe('encrypted');
  });
});
