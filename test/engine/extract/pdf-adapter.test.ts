import { describe, expect, it } from 'vitest';
import { extract, sample } from './fixture.js';
import { predefinedCMapPdf } from './predefined-cmap-pdf.js';

describe('pdf adapter', () => {
  it('reads Chinese text per page with 第N页 locations, the title and dates', async () => {
    const { content, unreadable } = await extract(sample('sample.pdf'), '民主评议.pdf');
    expect(unreadable).toBeNull();
    expect(content).toMatchObject({ format: 'pdf', title: '民主评议会议记录', pageCount: 2, isScan: false });
    expect(content?.blocks).toEqual([
      { text: '民主评议会议记录', location: '第1页', page: 1 },
      { text: '时间：2023年4月10日', location: '第1页', page: 1 },
      { text: '地点：红星村村委会', location: '第1页', page: 1 },
      { text: '参会人员签字', location: '第2页', page: 2 },
      { text: '公示时间：2023.4.12至2023.4.18', location: '第2页', page: 2 },
    ]);
    expect(content?.dates.map((d) => [d.date, d.location])).toEqual([
      ['2023-04-10', '第1页'],
      ['2023-04-12', '第2页'],
      ['2023-04-18', '第2页'],
    ]);
  });

  it('reads Chinese set in a non-embedded font through pdfjs-dist\'s CMaps, again for the next document', async () => {
    for (const name of ['收入核查表.pdf', '第二份.pdf']) {
      const { content, unreadable } = await extract(predefinedCMapPdf(['脱贫户收入核查表', '核查日期：2023年5月6日']), name);
      expect(unreadable).toBeNull();
      expect(content).toMatchObject({ title: '脱贫户收入核查表', isScan: false });
      expect(content?.blocks.map((b) => b.text)).toEqual(['脱贫户收入核查表', '核查日期：2023年5月6日']);
      expect(content?.dates.map((d) => d.date)).toEqual(['2023-05-06']);
    }
  });

  it('reports a password-protected PDF as encrypted', async () => {
    const outcome = await extract(sample('encrypted.pdf'), '申请书.pdf');
    expect(outcome).toEqual({ content: null, unreadable: { reason: 'encrypted', message: '文件设有打开密码（已加密），无法读取内容（PDF 文件）' } });
  });

  it('marks a PDF without a text layer as a scan', async () => {
    const { content } = await extract(sample('scan.pdf'), '扫描件.pdf');
    expect(content).toMatchObject({ format: 'pdf', title: null, blocks: [], isScan: true, pageCount: 1 });
  });

  it('reports a .pdf without the PDF marker, and a truncated PDF, as corrupt', async () => {
    const fake = await extract(Buffer.from('<html>这不是PDF</html>'), '公示.pdf');
    expect(fake.unreadable).toEqual({ reason: 'corrupt', message: '文件已损坏，无法打开（不是有效的 PDF 文件）' });
    const truncated = await extract(sample('sample.pdf').subarray(0, 400), '公示.pdf');
    expect(truncated.unreadable?.reason).toBe('corrupt');
  });
});
