import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxAdapter } from '../../../main/engine/extract/docx-adapter.js';
import { extractAll } from '../../../main/engine/extract/extract-text.js';
import type { SourceFile } from '../../../main/engine/types.js';

const formats = join(import.meta.dirname, '../../../fixtures/formats');
const work = mkdtempSync(join(tmpdir(), 'extract-text-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sourceFiles(root: string): SourceFile[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const abs = join(d.parentPath, d.name);
      const st = statSync(abs);
      const dot = d.name.lastIndexOf('.');
      return {
        path: relative(root, abs).split('\\').join('/'),
        name: d.name,
        ext: dot > 0 ? d.name.slice(dot + 1).toLowerCase() : '',
        size: st.size,
        mtimeMs: st.mtimeMs,
        absPath: abs,
        read: () => readFile(abs),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** An archive folder with one household's files of several formats. */
function makeArchive(name: string): string {
  const root = join(work, name);
  const household = join(root, '红星村', '张三');
  mkdirSync(household, { recursive: true });
  cpSync(join(formats, 'sample.docx'), join(household, '家庭基本情况表.docx'));
  cpSync(join(formats, 'sample.xlsx'), join(household, '收入测算表.xlsx'));
  cpSync(join(formats, 'sample.pdf'), join(household, '民主评议.pdf'));
  cpSync(join(formats, 'gbk.txt'), join(household, '帮扶记录.txt'));
  writeFileSync(join(household, '入户照片.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  writeFileSync(join(household, '空白.docx'), Buffer.alloc(0));
  return root;
}

describe('extractAll', () => {
  it('reads every file of an archive, images by name only', async () => {
    const files = sourceFiles(makeArchive('basic'));
    const progress: number[] = [];
    const outcomes = await extractAll(files, { jobs: 2, cacheDir: null, onProgress: (p) => progress.push(p.done) });
    expect([...outcomes.keys()]).toEqual(files.map((f) => f.path));
    const byName = (n: string) => outcomes.get(`红星村/张三/${n}`)!;
    expect(byName('家庭基本情况表.docx').content?.title).toBe('脱贫户家庭基本情况表');
    expect(byName('收入测算表.xlsx').content?.title).toBe('2023年度家庭收入测算表');
    expect(byName('民主评议.pdf').content?.dates.map((d) => d.date)).toContain('2023-04-10');
    expect(byName('帮扶记录.txt').content?.blocks[1]).toEqual({ text: '2023年1月15日 走访张三户', location: '第2行' });
    expect(byName('入户照片.jpg')).toEqual({
      content: { format: 'image', title: null, blocks: [], tables: [], dates: [], isScan: true },
      unreadable: null,
    });
    expect(byName('空白.docx').unreadable?.reason).toBe('empty');
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('serves a second scan from the cache, also for a copied folder, and misses after a version bump', async () => {
    const root = makeArchive('cached');
    const cacheDir = join(work, 'cache');
    const count = async (paths: SourceFile[]) => {
      let fromCache = 0;
      const outcomes = await extractAll(paths, { jobs: 2, cacheDir, onProgress: (p) => (fromCache = p.fromCache) });
      return { fromCache, outcomes };
    };
    const first = await count(sourceFiles(root));
    expect(first.fromCache).toBe(0);

    const second = await count(sourceFiles(root));
    // Everything but the image (never read) and the empty file (nothing to cache).
    expect(second.fromCache).toBe(4);
    expect(second.outcomes).toEqual(first.outcomes);

    const copy = join(work, 'cached-copy');
    cpSync(root, copy, { recursive: true });
    const copied = await count(sourceFiles(copy));
    expect(copied.fromCache).toBe(4);
    expect(copied.outcomes.get('红星村/张三/家庭基本情况表.docx')?.content?.title).toBe('脱贫户家庭基本情况表');

    const before = docxAdapter.version;
    docxAdapter.version = before + 1;
    try {
      const bumped = await count(sourceFiles(root));
      expect(bumped.fromCache).toBe(3);
    } finally {
      docxAdapter.version = before;
    }
    expect(readdirSync(join(root, '红星村', '张三')).sort()).toEqual(
      ['入户照片.jpg', '家庭基本情况表.docx', '帮扶记录.txt', '收入测算表.xlsx', '民主评议.pdf', '空白.docx'].sort(),
    );
  });

  it('looks at a photo once: an unchanged photo is not opened again, a replaced one is', async () => {
    const root = makeArchive('photos');
    const cacheDir = join(work, 'photo-cache');
    const opened: string[] = [];
    const tracked = (): SourceFile[] =>
      sourceFiles(root).map((f) => ({ ...f, read: () => (opened.push(f.path), f.read()) }));
    const photo = '红星村/张三/入户照片.jpg';
    await extractAll(tracked(), { jobs: 1, cacheDir });
    expect(opened).toContain(photo);
    opened.length = 0;
    const warm = await extractAll(tracked(), { jobs: 1, cacheDir });
    expect(opened).not.toContain(photo);
    expect(warm.get(photo)).toEqual({ content: expect.objectContaining({ format: 'image' }), unreadable: null });
    // Text saved over the photo (a new size and times): looked at again, and no image.
    writeFileSync(join(root, '红星村', '张三', '入户照片.jpg'), '这不是照片，是一段文字。');
    const replaced = await extractAll(tracked(), { jobs: 1, cacheDir });
    expect(opened).toContain(photo);
    expect(replaced.get(photo)?.unreadable?.reason).toBe('corrupt');
  });

  it('writes no cache when the cache is disabled', async () => {
    const files = sourceFiles(makeArchive('nocache'));
    const home = join(work, 'xdg');
    const previous = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = home;
    try {
      let fromCache = -1;
      await extractAll(files, { jobs: 1, cacheDir: null, onProgress: (p) => (fromCache = p.fromCache) });
      await extractAll(files, { jobs: 1, cacheDir: null, onProgress: (p) => (fromCache = p.fromCache) });
      expect(fromCache).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = previous;
    }
    expect(() => statSync(home)).toThrow();
  });

  it('ignores a damaged cache', async () => {
    const files = sourceFiles(makeArchive('damaged'));
    const cacheDir = join(work, 'damaged-cache');
    mkdirSync(join(cacheDir, 'extraction'), { recursive: true });
    writeFileSync(join(cacheDir, 'extraction', 'index.json'), '{"format":"dossier-check/extr');
    const outcomes = await extractAll(files, { jobs: 1, cacheDir });
    expect(outcomes.get('红星村/张三/家庭基本情况表.docx')?.content?.title).toBe('脱贫户家庭基本情况表');
    let fromCache = 0;
    await extractAll(files, { jobs: 1, cacheDir, onProgress: (p) => (fromCache = p.fromCache) });
    expect(fromCache).toBe(4);
  });

  it('keeps going past a hanging and a crashing file', async () => {
    const root = makeArchive('hooks');
    writeFileSync(join(root, '红星村', '张三', '卡住__hang__.txt'), '2023年');
    writeFileSync(join(root, '红星村', '张三', '崩溃__crash__.txt'), '2023年');
    const outcomes = await extractAll(sourceFiles(root), { jobs: 2, cacheDir: null, timeoutMs: 8_000, testHooks: true });
    expect(outcomes.get('红星村/张三/卡住__hang__.txt')?.unreadable?.reason).toBe('timeout');
    expect(outcomes.get('红星村/张三/崩溃__crash__.txt')?.unreadable?.reason).toBe('crashed');
    expect(outcomes.get('红星村/张三/民主评议.pdf')?.content?.title).toBe('民主评议会议记录');
    expect(outcomes.size).toBe(8);
  });

  it('rejects with an AbortError when the scan is cancelled', async () => {
    const root = makeArchive('abort');
    writeFileSync(join(root, '红星村', '张三', '卡住__hang__.txt'), '2023年');
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 1_500);
    await expect(
      extractAll(sourceFiles(root), { jobs: 1, cacheDir: null, timeoutMs: 60_000, testHooks: true, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
