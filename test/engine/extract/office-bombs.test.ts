// Office files are zips: a part that inflates to hundreds of times its size is refused from the directory,
// before any reader inflates it; an oversized text file is refused before it is read.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractAll } from '../../../main/engine/extract/extract-text.js';
import type { SourceFile } from '../../../main/engine/types.js';
import { extract } from './fixture.js';

function bomb(partName: string, partBytes: number): Buffer {
  const filler = Buffer.alloc(partBytes, '<w:p><w:r><w:t>扶</w:t></w:r></w:p>');
  return Buffer.from(zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), [partName]: filler }, { level: 9 }));
}

describe('zip bombs inside Office containers', () => {
  it('refuses a .docx whose document.xml inflates 300× and more, without inflating it', async () => {
    const bytes = bomb('word/document.xml', 64 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(64 * 1024 * 1024 / 200);
    const { content, unreadable } = await extract(bytes, '帮扶计划.docx');
    expect(content).toBeNull();
    expect(unreadable).toEqual({ reason: 'zip-bomb', message: '压缩包内的文件解压后过大（疑似压缩炸弹），已拒绝解压' });
  });

  it('refuses an .xlsx whose sheet does the same', async () => {
    const { unreadable } = await extract(bomb('xl/worksheets/sheet1.xml', 64 * 1024 * 1024), '台账.xlsx');
    expect(unreadable?.reason).toBe('zip-bomb');
  });
});

describe('an oversized text file', () => {
  it('is too large to read, said in Chinese with the limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dc-bigtext-'));
    const abs = path.join(dir, '日志.txt');
    // A sparse file: 100 MB on paper, nothing on disk.
    const handle = await open(abs, 'w');
    await handle.truncate(100 * 1024 * 1024);
    await handle.close();
    const file: SourceFile = { path: '日志.txt', name: '日志.txt', ext: 'txt', size: 100 * 1024 * 1024, mtimeMs: 0, absPath: abs, read: async () => { throw new Error('must not be read'); } };
    const outcome = (await extractAll([file], { jobs: 1, cacheDir: null })).get(file.path);
    expect(outcome?.unreadable).toEqual({ reason: 'too-large', message: '文件过大（超过 64 MB），未读取内容' });
    await rm(dir, { recursive: true, force: true });
  });
});
