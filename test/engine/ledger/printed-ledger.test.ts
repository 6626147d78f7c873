// The 问题清单 as it comes out of the printer: LibreOffice prints the .xlsx to PDF, and every page must carry
// the header row, with the rows spread over as many pages as they need (not shrunk onto one).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsxReport } from '../../../main/engine/report/write-xlsx-report.js';
import { manyFindingsReport } from './many-findings.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-print-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function requireSoffice(): void {
  // .ci/run installs it; on a developer machine say exactly what is missing instead of skipping.
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('打印版式测试需要 LibreOffice：请先运行 apt-get install -y libreoffice-calc-nogui（.ci/run 会自动安装）');
  }
}

async function pdfPages(file: string): Promise<string[]> {
  const { PDFParse } = await import('pdf-parse');
  const pdfjs = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const parser = new PDFParse({ data: new Uint8Array(await readFile(file)), cMapUrl: path.join(pdfjs, 'cmaps') + '/', cMapPacked: true, verbosity: 0 });
  try {
    return (await parser.getText()).pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

describe('the printed 问题清单', () => {
  it('200 findings print on several A4 pages, each with the header row, page numbers and readable text', async () => {
    requireSoffice();
    const report = manyFindingsReport(200);
    const xlsx = path.join(dir, 'ledger.xlsx');
    await writeXlsxReport(report, xlsx);
    // LibreOffice prints every sheet; the 问题清单's pages are told apart by its header row.
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, xlsx], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pages = await pdfPages(path.join(dir, 'ledger.pdf'));
    const squash = (t: string) => t.replace(/\s+/g, '');
    const listPages = pages.filter((t) => squash(t).includes('序号村户主问题类型问题描述'));
    // At a readable size 200 rows take several pages; fit-to-one-page would give one.
    expect(listPages.length).toBeGreaterThan(3);
    const first = listPages.findIndex((t) => squash(t).includes('档案问题整改台账'));
    expect(first).toBeGreaterThanOrEqual(0);
    // Every page from the title page to the signature line carries the header row (repeated print titles).
    const last = pages.findIndex((t, i) => i >= pages.indexOf(listPages[first]!) && squash(t).includes('填表人'));
    const span = pages.slice(pages.indexOf(listPages[first]!), last + 1);
    expect(span.length).toBe(listPages.length);
    for (const page of span) expect(squash(page)).toContain('整改措施责任人整改时限');
    // Every finding is printed somewhere, the internal key never.
    const all = squash(span.join('\n'));
    expect(all).not.toContain('missing-document|');
    for (const f of report.findings.slice(0, 200)) expect(all).toContain(squash(f.message));
    // Page numbers run through the whole workbook (汇总 is page 1).
    const second = pages.indexOf(span[1]!) + 1;
    expect(squash(span[1]!)).toContain(`第${second}页，共${pages.length}页`);
  }, 180_000);
});
