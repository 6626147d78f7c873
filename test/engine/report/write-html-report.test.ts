import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../../../main/engine/report/write-html-report.js';
import { finding, ID_NUMBER, MASKED_ID, sampleReport } from './sample-report.js';

describe('writeHtmlReport', () => {
  const html = writeHtmlReport(sampleReport());

  it('is one self-contained page: no external script, style, image or link', () => {
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('leaves accepted exceptions (无需整改) out of the problem list', () => {
    const report = sampleReport();
    const kept = '缺少 2023 年家庭收入测算表';
    report.findings[1] = { ...report.findings[1], message: '这条已确认无需整改', suppressed: true, rectification: { state: '无需整改', note: '历史文件' } };
    const html = writeHtmlReport(report);
    expect(html).not.toContain('这条已确认无需整改');
    expect(html).toContain(kept);
  });

  it('escapes markup in messages, so a file name or text cannot inject a script', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The page's own script is the only one.
    expect(html.match(/<script\b/g)).toHaveLength(1);
  });

  it('says when a finding rests on text read from a scan, with its confidence', () => {
    const page = writeHtmlReport(
      sampleReport({
        findings: [
          finding({ rule: 'outdated-term', severity: 'error', message: '使用了已停用的表述“贫困户”', details: { via: 'ocr', ocrConfidence: 93 } }),
          finding({ rule: 'outdated-term', severity: 'warning', message: '使用了已停用的表述“扶贫车间”', details: { via: 'ocr', ocrConfidence: 41, lowConfidence: true } }),
        ],
      }),
    );
    expect(page).toContain('<div class="ocr">据扫描件文字识别（可信度 93%）</div>');
    expect(page).toContain('据扫描件文字识别（可信度 41%），识别把握不大，请对照原件核实');
    expect(html).not.toContain('<div class="ocr">');
  });

  it('masks ID numbers', () => {
    expect(html).not.toContain(ID_NUMBER);
    expect(html).toContain(MASKED_ID);
  });

  it('shows the summary in Chinese: stats, per-village completeness, notices', () => {
    expect(html).toContain('城关镇档案自查报告（审查日期 2023-09-30）');
    expect(html).toMatch(/<td>红星村<\/td><td class="num">1<\/td><td class="num">20<\/td><td class="num">.*93\.0%/);
    expect(html).toContain('50.0%');
    expect(html).toContain('2024 年未配置监测线，收入临界检查已跳过。');
  });

  it('lists resolved findings when compared with an earlier report', () => {
    const withResolved = writeHtmlReport(
      sampleReport({ resolved: [finding({ rule: 'stale-ledger', severity: 'warning', household: null, message: '帮扶台账已一年未更新' })] }),
    );
    expect(withResolved).toContain('已整改');
    expect(withResolved).toContain('帮扶台账已一年未更新');
  });
});

describe('the HTML report in a browser', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-html-'));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('filters findings by village, severity and free text, with a count, and never runs injected script', async () => {
    const file = path.join(dir, 'report.html');
    await writeFile(file, writeHtmlReport(sampleReport()));
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    const visible = () => page.locator('#findings tbody tr:visible').count();

    expect(await visible()).toBe(5);
    expect(await page.locator('#count').textContent()).toBe('显示 5 / 5 条');
    await page.selectOption('#f-village', '东风村');
    expect(await visible()).toBe(2);
    await page.selectOption('#f-severity', 'info');
    expect(await visible()).toBe(1);
    expect(await page.locator('#count').textContent()).toBe('显示 1 / 5 条');
    await page.selectOption('#f-village', '');
    await page.selectOption('#f-severity', '');
    await page.fill('#f-search', '身份证');
    expect(await visible()).toBe(1);
    await page.fill('#f-search', '没有这个词');
    expect(await visible()).toBe(0);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.selectOption('#f-rule', 'missing-document');
    await page.fill('#f-search', '');
    expect(await visible()).toBe(1);

    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.close();
  });
});

describe('the report title', () => {
  it('names the archive folder, and nothing odd when the folder was given as `.`', () => {
    expect(writeHtmlReport(sampleReport({ root: 'D:\\档案\\城关镇\\' }))).toContain('<title>城关镇档案自查报告（审查日期 2023-09-30）</title>');
    expect(writeHtmlReport(sampleReport({ root: '.' }))).toContain('<title>档案自查报告（审查日期 2023-09-30）</title>');
  });
});
