// A corrected file whose size and mtime were restored (cp -p, touch -r, FAT's 2-second times) must be read again.
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractAll } from '../../main/engine/extract/extract-text.js';
import { runScan } from '../../main/engine/run-scan.js';
import type { SourceFile } from '../../main/engine/types.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-cache-stale-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the extraction cache', () => {
  it('reads a corrected file again though its size and mtime were restored', async () => {
    const archive = path.join(dir, '城关镇');
    const file = path.join(archive, '红星村', '户档', '0001_张三', '帮扶计划.txt');
    await mkdir(path.dirname(file), { recursive: true });
    // Same byte length before and after: 贫困 and 脱贫 are both two characters.
    await writeFile(file, '2023年4月1日 该户为贫困户，落实帮扶措施\n');
    // Whole seconds, as `touch -r` and FAT restore them exactly.
    await utimes(file, 1_690_000_000, 1_690_000_000);
    const before = await stat(file);
    const cacheDir = path.join(dir, 'cache');
    const scan = () => runScan({ root: archive, asOf: '2023-09-30', cacheDir, ocr: 'off' });
    expect((await scan()).findings.filter((f) => f.rule === 'outdated-term')).toHaveLength(1);

    await writeFile(file, '2023年4月1日 该户为脱贫户，落实帮扶措施\n');
    await utimes(file, 1_690_000_000, 1_690_000_000);
    const after = await stat(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect((await scan()).findings.filter((f) => f.rule === 'outdated-term')).toEqual([]);
  });

  it('with --verify-cache re-hashes a file whose every stamp is unchanged', async () => {
    let text = '2023年4月1日 该户为贫困户';
    const file: SourceFile = {
      path: '红星村/记录.txt',
      name: '记录.txt',
      ext: 'txt',
      size: Buffer.byteLength(text),
      mtimeMs: 1_700_000_000_000,
      ctimeMs: 1_700_000_000_000,
      ino: 42,
      absPath: path.join(dir, 'virtual', '记录.txt'),
      read: async () => Buffer.from(text),
    };
    const cacheDir = path.join(dir, 'cache-verify');
    const read = async (verifyCache: boolean) =>
      (await extractAll([file], { jobs: 1, cacheDir, verifyCache })).get(file.path)?.content?.blocks[0].text;
    expect(await read(false)).toBe('2023年4月1日 该户为贫困户');
    text = '2023年4月1日 该户为脱贫户';
    expect(await read(false)).toBe('2023年4月1日 该户为贫困户');
    expect(await read(true)).toBe('2023年4月1日 该户为脱贫户');
  });
});
