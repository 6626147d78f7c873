// A photo is known by its name and not read, but only when it is a photo: an empty `.jpg` or a text file saved
// as one is an unreadable file and stands for no document.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../main/engine/run-scan.js';
import type { ScanReport } from '../../main/engine/types.js';

let dir: string;
let report: ScanReport;
const ITEM = '户口簿及身份证复印件';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-images-'));
  const households = { '0001_张三': Buffer.alloc(0), '0002_李四': Buffer.from('这不是图片，是改了扩展名的文字'), '0003_王五': realJpeg() };
  for (const [folder, bytes] of Object.entries(households)) {
    const dirPath = path.join(dir, '红星村', '户档', folder);
    await mkdir(dirPath, { recursive: true });
    await writeFile(path.join(dirPath, '户口簿.jpg'), bytes);
  }
  report = await runScan({ root: dir, asOf: '2023-09-30', cacheDir: null, ocr: 'off' });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function realJpeg(): Buffer {
  const width = 8;
  const height = 8;
  return Buffer.from(jpeg.encode({ data: Buffer.alloc(width * height * 4, 200), width, height }, 80).data);
}

const missingFor = (head: string) =>
  report.findings.some((f) => f.rule === 'missing-document' && f.household === head && f.details.item === ITEM);
const unreadableFor = (head: string) => report.findings.find((f) => f.rule === 'unreadable-file' && f.household === head);

describe('image files', () => {
  it('calls a 0-byte photo empty, and it satisfies nothing', () => {
    expect(unreadableFor('张三')?.details.reason).toBe('empty');
    expect(unreadableFor('张三')?.message).toContain('图片文件是空的');
    expect(missingFor('张三')).toBe(true);
  });

  it('calls a text file named .jpg no image, and it satisfies nothing', () => {
    expect(unreadableFor('李四')?.details.reason).toBe('corrupt');
    expect(unreadableFor('李四')?.message).toContain('内容不是图片');
    expect(missingFor('李四')).toBe(true);
  });

  it('takes a real photo as the document its name says', () => {
    expect(unreadableFor('王五')).toBeUndefined();
    expect(missingFor('王五')).toBe(false);
  });
});
