import { mkdir, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInsideFolder, resolveReportTargets } from '../../main/cli/report-targets.js';
import { writeReports } from '../../main/cli/write-reports.js';
import { sampleReport } from '../engine/report/sample-report.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-out-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveReportTargets', () => {
  it('defaults to ./dossier-report.<ext> in the working folder', async () => {
    expect(await resolveReportTargets(['xlsx'], null, dir)).toEqual({
      kind: 'files',
      files: [{ format: 'xlsx', path: path.join(dir, 'dossier-report.xlsx') }],
    });
  });

  it('treats --out as a folder with several formats or when it names an existing folder', async () => {
    const several = await resolveReportTargets(['json', 'html'], '报告', dir);
    expect(several).toEqual({
      kind: 'files',
      files: [
        { format: 'json', path: path.join(dir, '报告', 'dossier-report.json') },
        { format: 'html', path: path.join(dir, '报告', 'dossier-report.html') },
      ],
    });
    expect(await resolveReportTargets(['html'], '.', dir)).toMatchObject({ files: [{ path: path.join(dir, 'dossier-report.html') }] });
    expect(await resolveReportTargets(['html'], '台账.html', dir)).toMatchObject({ files: [{ path: path.join(dir, '台账.html') }] });
    expect(await resolveReportTargets(['json'], '-', dir)).toEqual({ kind: 'stdout', format: 'json' });
  });
});

describe('isInsideFolder', () => {
  it('sees a report path inside the archive, also through a symlink and for files not yet created', async () => {
    const archive = path.join(dir, '城关镇');
    await mkdir(path.join(archive, '红星村'), { recursive: true });
    const link = path.join(dir, 'link-to-archive');
    await symlink(archive, link);
    expect(await isInsideFolder(path.join(archive, 'r.xlsx'), archive)).toBe(true);
    expect(await isInsideFolder(path.join(archive, '红星村', '新文件夹', 'r.xlsx'), archive)).toBe(true);
    expect(await isInsideFolder(path.join(link, 'r.xlsx'), archive)).toBe(true);
    expect(await isInsideFolder(archive, archive)).toBe(true);
    expect(await isInsideFolder(path.join(dir, '城关镇报告.xlsx'), archive)).toBe(false);
    expect(await isInsideFolder(path.join(dir, 'r.xlsx'), archive)).toBe(false);
  });
});

describe('writeReports', () => {
  it('writes each format into the --out folder, creating it, and leaves no temporary files', async () => {
    const out = path.join(dir, 'reports', '2023');
    const written = await writeReports(sampleReport(), ['json', 'xlsx', 'html'], out);
    expect(written).toEqual(['json', 'xlsx', 'html'].map((ext) => path.join(out, `dossier-report.${ext}`)));
    expect((await readdir(out)).sort()).toEqual(['dossier-report.html', 'dossier-report.json', 'dossier-report.xlsx']);
    expect(JSON.parse(await readFile(written[0], 'utf8')).schema).toBe('dossier-check/report@1');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(written[1]);
    // Title, header, five findings, a blank row and the signature line.
    expect(workbook.getWorksheet('问题清单')!.rowCount).toBe(9);
    expect(await readFile(written[2], 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('writes a single json report to stdout for `--out -`', async () => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    expect(await writeReports(sampleReport(), ['json'], '-', { stdout })).toEqual(['-']);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).findings).toHaveLength(5);
  });

  it('explains in Chinese when the report cannot be written', async () => {
    const blocker = path.join(dir, 'blocker');
    await writeReports(sampleReport(), ['json'], blocker);
    // A file stands where the folder should be.
    await expect(writeReports(sampleReport(), ['json'], path.join(blocker, 'r.json'))).rejects.toThrow(/无法写入报告/);
  });
});
