import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { extractBytes } from '../../../main/engine/extract/registry.js';
import { decodeEntryName, isUnsafeEntryName, listZip } from '../../../main/engine/discover/zip-source.js';
import { buildZip, deflatedZeros } from '../extract/zip-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'zip-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const formats = join(import.meta.dirname, '../../../fixtures/formats');

function writeZip(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('listZip', () => {
  it('reads a valid file two zips deep, and names a zip three levels in as nested too deep', async () => {
    const innermost = buildZip([{ name: '太深.txt', data: Buffer.from('不会被读到') }]);
    const level2 = buildZip([
      { name: '张三户/走访记录.txt', data: Buffer.from('2023年3月5日 入户走访张三户') },
      { name: '更深.zip', data: innermost },
    ]);
    const level1 = buildZip([{ name: '红星村/户档.zip', data: level2 }, { name: '红星村/说明.txt', data: Buffer.from('村说明') }]);
    const zip = writeZip('nested.zip', buildZip([{ name: '档案/红星村.zip', data: level1 }]));
    const { files, problems } = await listZip(zip, '乡镇/档案.zip');
    expect(files.map((f) => f.path)).toEqual([
      '乡镇/档案.zip/档案/红星村.zip/红星村/户档.zip/张三户/走访记录.txt',
      '乡镇/档案.zip/档案/红星村.zip/红星村/说明.txt',
    ]);
    expect((await files[0].read()).toString('utf8')).toBe('2023年3月5日 入户走访张三户');
    expect((await files[1].read()).toString('utf8')).toBe('村说明');
    expect(problems).toEqual([
      {
        path: '乡镇/档案.zip/档案/红星村.zip/红星村/户档.zip/更深.zip',
        unreadable: { reason: 'too-deep', message: '压缩包嵌套过深（压缩包里套压缩包超过 3 层），未打开；请解压后放回' },
      },
    ]);
  });

  it('decodes GBK entry names written without the UTF-8 flag and reads the entries', async () => {
    const docx = readFileSync(join(formats, 'sample.docx'));
    const zip = writeZip(
      'gbk.zip',
      buildZip([
        { name: iconv.encode('红星村/', 'gbk') },
        { name: iconv.encode('红星村/张三户/家庭基本情况表.docx', 'gbk'), data: docx },
        { name: '红星村/说明.txt', data: Buffer.from('2023年3月5日 入户走访'), utf8Flag: true },
      ]),
    );
    const { files, problems } = await listZip(zip, '乡镇/档案.zip');
    expect(problems).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(['乡镇/档案.zip/红星村/张三户/家庭基本情况表.docx', '乡镇/档案.zip/红星村/说明.txt']);
    const [word, note] = files;
    expect(word).toMatchObject({ name: '家庭基本情况表.docx', ext: 'docx', size: docx.length, absPath: zip });
    expect(word.zipEntry?.entryName).toBe('红星村/张三户/家庭基本情况表.docx');
    const outcome = await extractBytes(await word.read(), word.name);
    expect(outcome.content?.title).toBe('脱贫户家庭基本情况表');
    expect((await note.read()).toString('utf8')).toBe('2023年3月5日 入户走访');
  });

  it('refuses entries whose names escape the archive and keeps the others', async () => {
    const zip = writeZip(
      'slip.zip',
      buildZip([
        { name: '../../outside.txt', data: Buffer.from('x') },
        { name: '/etc/passwd', data: Buffer.from('x') },
        { name: 'C:\\Windows\\evil.txt', data: Buffer.from('x') },
        { name: 'ok.txt', data: Buffer.from('好') },
      ]),
    );
    const { files, problems } = await listZip(zip, 'a.zip');
    expect(files.map((f) => f.name)).toEqual(['ok.txt']);
    expect(problems.map((p) => p.unreadable.reason)).toEqual(['zip-slip', 'zip-slip', 'zip-slip']);
    expect(problems[0].path).toBe('a.zip/../../outside.txt');
    expect(problems[0].unreadable.message).toContain('路径不安全');
  });

  it('refuses a 600 MB entry of zeros without inflating it', async () => {
    const zeros = await deflatedZeros(600 * 1024 * 1024);
    expect(zeros.bytes.length).toBeLessThan(2 * 1024 * 1024);
    const zip = writeZip('bomb.zip', buildZip([{ name: 'bomb.txt', deflated: zeros }, { name: 'fine.txt', data: Buffer.from('正常') }]));
    const { files, problems } = await listZip(zip, 'bomb.zip');
    expect(files.map((f) => f.name)).toEqual(['fine.txt']);
    expect(problems).toEqual([{ path: 'bomb.zip/bomb.txt', unreadable: { reason: 'zip-bomb', message: expect.stringContaining('压缩炸弹') } }]);
  });

  it('stops inflating an entry whose header understates its size', async () => {
    const zeros = await deflatedZeros(8 * 1024 * 1024);
    const zip = writeZip('liar.zip', buildZip([{ name: 'small.txt', deflated: { ...zeros, size: 1000 } }]));
    const { files, problems } = await listZip(zip, 'liar.zip');
    expect(problems).toEqual([]);
    await expect(files[0].read()).rejects.toMatchObject({ reason: 'zip-bomb' });
  });

  it('applies the ratio and total limits given', async () => {
    const zeros = await deflatedZeros(4 * 1024 * 1024);
    const zip = writeZip('ratio.zip', buildZip([{ name: 'a.txt', deflated: zeros }, { name: 'b.txt', data: Buffer.alloc(3000, 65) }]));
    const ratio = await listZip(zip, 'r.zip', { ratioMinBytes: 1024 * 1024 });
    expect(ratio.problems.map((p) => [p.path, p.unreadable.reason])).toEqual([['r.zip/a.txt', 'zip-bomb']]);
    const total = await listZip(zip, 'r.zip', { maxTotalBytes: 4 * 1024 * 1024 + 100 });
    expect(total.files.map((f) => f.name)).toEqual(['a.txt']);
    expect(total.problems.map((p) => p.path)).toEqual(['r.zip/b.txt']);
  });

  it('reports a damaged archive as one corrupt problem', async () => {
    const zip = writeZip('broken.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    const result = await listZip(zip, '村/broken.zip');
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([{ path: '村/broken.zip', unreadable: { reason: 'corrupt', message: '压缩包已损坏，无法打开' } }]);
  });

  it('lists a zip inside the zip under the inner zip path', async () => {
    const inner = buildZip([{ name: iconv.encode('户/申请书.txt', 'gbk'), data: iconv.encode('农户申请书\n2023年2月1日', 'gbk') }]);
    const zip = writeZip('outer.zip', buildZip([{ name: 'inner.zip', data: inner }, { name: 'top.txt', data: Buffer.from('上层') }]));
    const { files, problems } = await listZip(zip, 'outer.zip');
    expect(problems).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(['outer.zip/inner.zip/户/申请书.txt', 'outer.zip/top.txt']);
    const outcome = await extractBytes(await files[0].read(), files[0].name);
    expect(outcome.content?.dates.map((d) => d.date)).toEqual(['2023-02-01']);
  });
});

describe('entry names', () => {
  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeEntryName(Buffer.from('村级台账.xlsx'), 0)).toBe('村级台账.xlsx');
    expect(decodeEntryName(iconv.encode('村级台账.xlsx', 'gbk'), 0)).toBe('村级台账.xlsx');
  });

  it('tells unsafe names from safe ones', () => {
    expect(isUnsafeEntryName('a/../../b')).toBe(true);
    expect(isUnsafeEntryName('..\\b')).toBe(true);
    expect(isUnsafeEntryName('d:/b')).toBe(true);
    expect(isUnsafeEntryName('a/..b/c')).toBe(false);
  });
});
