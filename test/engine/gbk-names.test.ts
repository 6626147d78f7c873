// Folders copied from an old Windows machine keep GBK names on Linux: not UTF-8. Such a household folder used to be
// skipped whole and its files called corrupt (ENOENT); now the names are read as GBK and the files opened by their
// bytes, so the scan finds exactly what it finds with the same names in UTF-8.
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../main/engine/run-scan.js';

const sample = fileURLToPath(new URL('../../fixtures/sample-township/01 红星村', import.meta.url));
let dir: string;
afterAll(() => rm(dir, { recursive: true, force: true }));

const gbk = (name: string): Buffer => iconv.encode(name, 'gbk');

describe('names that are not UTF-8', () => {
  it('a household folder and its files named in GBK are read like their UTF-8 twins, with one notice', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dc-gbk-'));
    const utf8Copy = path.join(dir, 'utf8', '01 红星村');
    const gbkCopy = path.join(dir, 'gbk', '01 红星村');
    await cp(sample, utf8Copy, { recursive: true });
    await cp(sample, gbkCopy, { recursive: true });
    const households = path.join(gbkCopy, '二、户档');
    // Files first (inside the folder, by their UTF-8 names), then the folder itself.
    const folder = path.join(households, '0001_张三');
    const renamed = (await readdir(folder)).filter((n) => /户口本|收入测算|走访/.test(n));
    expect(renamed.length).toBe(3);
    for (const name of renamed) await rename(path.join(folder, name), Buffer.concat([Buffer.from(folder + path.sep), gbk(name)]));
    await rename(folder, Buffer.concat([Buffer.from(households + path.sep), gbk('0001_张三')]));
    // The names on disk are now bytes no UTF-8 reader takes.
    expect((await readdir(households)).some((n) => n.includes('\ufffd'))).toBe(true);

    const options = { asOf: '2023-09-30', cacheDir: null, ocr: 'off' as const };
    const [plain, copied] = await Promise.all([runScan({ root: utf8Copy, ...options }), runScan({ root: gbkCopy, ...options })]);
    const keys = (r: typeof plain) => r.findings.map((f) => `${f.key} ${f.path ?? ''}`).sort();
    const unreadable = (r: typeof plain) => r.findings.filter((f) => f.rule === 'unreadable-file').map((f) => f.path);
    // Only the sample's own planted corrupt file, in both.
    expect(unreadable(copied)).toEqual(['村级台账/2023年村民大会签到表.docx']);
    expect(unreadable(plain)).toEqual(unreadable(copied));
    expect(keys(copied)).toEqual(keys(plain));
    expect(copied.findings.length).toBeGreaterThan(0);
    expect(copied.notices.filter((n) => n.includes('GBK'))).toEqual([
      '有 4 个文件或文件夹的名称是 GBK 编码（多为从旧 Windows 电脑拷贝而来），已按 GBK 读出名称并照常审查；在其他软件中这些名称可能显示为乱码：' +
        '二、户档/0001_张三、二、户档/0001_张三/户口本.jpg、二、户档/0001_张三/家庭收入测算表.xlsx、二、户档/0001_张三/走访记录.docx',
    ]);
  });
});
