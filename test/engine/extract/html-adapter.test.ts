import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract, sample } from './fixture.js';

function quotedPrintable(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('').replace(/(.{70})/g, '$1=\r\n');
}

describe('Word documents saved in other shapes under a .doc name', () => {
  it('reads an HTML export (LibreOffice) named .doc', async () => {
    const { content, unreadable } = await extract(sample('html-as.doc'), '网页导出.doc');
    expect(unreadable).toBeNull();
    expect(content?.format).toBe('html');
    expect(content?.title).toBe('脱贫户家庭基本情况表');
    expect(content?.blocks).toContainEqual({ text: '620102198001011234', location: '表格1 第2行第3列' });
    expect(content?.dates.map((d) => d.date)).toEqual(['2023-03-05', '2023-03-06', '2023-03-08']);
  });

  it('reads a Word 2003 XML document (LibreOffice) named .doc', async () => {
    const { content, unreadable } = await extract(sample('wordml-as.doc'), '旧版.doc');
    expect(unreadable).toBeNull();
    expect(content?.format).toBe('docx');
    expect(content?.title).toBe('脱贫户家庭基本情况表');
    expect(content?.tables[0].rows[1]).toEqual(['张三', '户主', '620102198001011234']);
  });

  it('reads an MHT file with a GBK quoted-printable HTML part named .doc', async () => {
    const html = iconv.encode('<html><body><h1>风险消除告知书</h1><p>告知日期：2023年6月1日</p></body></html>', 'gbk');
    const mht = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart"',
      '',
      '------=_NextPart',
      'Content-Type: text/html; charset="gb2312"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(html),
      '------=_NextPart--',
      '',
    ].join('\r\n');
    const { content } = await extract(Buffer.from(mht, 'latin1'), '告知书.doc');
    expect(content?.title).toBe('风险消除告知书');
    expect(content?.blocks[1]).toEqual({ text: '告知日期：2023年6月1日', location: '第2段' });
  });
});
