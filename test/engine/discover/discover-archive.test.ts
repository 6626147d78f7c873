import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverArchive } from '../../../main/engine/discover/discover-archive.js';

const made: string[] = [];

/** Writes files (relative paths → text) under a fresh folder named `rootName`. */
async function makeArchive(files: Record<string, string>, rootName = '某某镇档案'): Promise<string> {
  const base = await mkdtemp(path.join(tmpdir(), 'dc-discover-'));
  made.push(base);
  const root = path.join(base, rootName);
  await mkdir(root);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
  }
  return root;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const summary = async (root: string) => {
  const a = await discoverArchive(root);
  return {
    villages: a.villages.map((v) => ({
      name: v.name,
      files: v.files.map((f) => f.path).sort(),
      households: v.households.map((h) => ({ head: h.head, path: h.path, category: h.category, idHint: h.idHint, files: h.files.length })),
    })),
    township: a.townshipFiles.map((f) => f.path),
  };
};

describe('discoverArchive', () => {
  it('reads numbered villages, a household-archive folder, ledgers and the township export', async () => {
    const root = await makeArchive({
      '系统导出/监测对象信息.xlsx': 'x',
      '01 红星村/村级台账/监测台账.xlsx': 'x',
      '01 红星村/二、户档/0001_张三/家庭基本情况表.xlsx': 'x',
      '01 红星村/二、户档/0001_张三/识别纳入程序/01申请书.pdf': 'x',
      '01 红星村/二、户档/0002_李四/明白卡.pdf': 'x',
    });
    expect(await summary(root)).toEqual({
      villages: [
        {
          name: '红星村',
          files: ['01 红星村/村级台账/监测台账.xlsx'],
          households: [
            { head: '张三', path: '01 红星村/二、户档/0001_张三', category: undefined, idHint: undefined, files: 2 },
            { head: '李四', path: '01 红星村/二、户档/0002_李四', category: undefined, idHint: undefined, files: 1 },
          ],
        },
      ],
      township: ['系统导出/监测对象信息.xlsx'],
    });
  });

  it('recognises households directly under a village folder with no space in its name, with ID numbers in the name', async () => {
    const root = await makeArchive({
      '01红星村/王五户（620422********5678）/明白卡.pdf': 'x',
      '01红星村/赵六户/走访记录.docx': 'x',
      '01红星村/工作日志.docx': 'x',
    });
    const s = await summary(root);
    expect(s.villages.map((v) => v.name)).toEqual(['红星村']);
    expect(s.villages[0]!.households).toEqual([
      { head: '王五', path: '01红星村/王五户（620422********5678）', category: undefined, idHint: '620422********5678', files: 1 },
      { head: '赵六', path: '01红星村/赵六户', category: undefined, idHint: undefined, files: 1 },
    ]);
    expect(s.villages[0]!.files).toEqual(['01红星村/工作日志.docx']);
  });

  it('takes the category from 脱贫户 / 监测户 folders', async () => {
    const root = await makeArchive({
      '03 石门村/脱贫户/孙七户/明白卡.pdf': 'x',
      '03 石门村/监测户/周八户/一户一策.docx': 'x',
      '03 石门村/监测户/吴九/收入测算.xlsx': 'x',
    });
    const s = await summary(root);
    expect(s.villages[0]!.households.map((h) => [h.head, h.category])).toEqual([
      // Folders sort as Explorer shows them in Chinese (by pinyin): 监测户 before 脱贫户.
      ['吴九', '监测户'],
      ['周八', '监测户'],
      ['孙七', '脱贫户'],
    ]);
  });

  it('ignores Office lock files, Thumbs.db, .DS_Store and empty folders', async () => {
    const root = await makeArchive({
      '01 红星村/张三户/~$走访记录.docx': 'x',
      '01 红星村/张三户/Thumbs.db': 'x',
      '01 红星村/张三户/.DS_Store': 'x',
      '01 红星村/张三户/走访记录.docx': 'x',
      '01 红星村/空文件夹/.DS_Store': 'x',
    });
    const a = await discoverArchive(root);
    expect(a.allFiles.map((f) => f.path)).toEqual(['01 红星村/张三户/走访记录.docx']);
    expect(a.villages[0]!.households[0]!.files.map((f) => f.name)).toEqual(['走访记录.docx']);
  });

  it('treats a root named after one village as that village, and a root without villages but with households as one village', async () => {
    const asVillage = await makeArchive({ '张三户/明白卡.pdf': 'x', '台账/整改台账.xlsx': 'x' }, '红星村档案');
    expect((await summary(asVillage)).villages.map((v) => [v.name, v.households.length, v.files.length])).toEqual([['红星村', 1, 1]]);
    const unnamed = await makeArchive({ '户档/张三户/明白卡.pdf': 'x' }, 'archive');
    expect((await summary(unnamed)).villages.map((v) => [v.name, v.households.length])).toEqual([['archive', 1]]);
  });

  it('keeps document folders inside a household with the household, not as households', async () => {
    const root = await makeArchive({
      '01 红星村/张三户/户口本/1.jpg': 'x',
      '01 红星村/张三户/明白卡/扫描.pdf': 'x',
    });
    const s = await summary(root);
    expect(s.villages[0]!.households).toHaveLength(1);
    expect(s.villages[0]!.households[0]!.files).toBe(2);
  });
});
