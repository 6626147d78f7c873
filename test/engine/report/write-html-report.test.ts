import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../../../main/engine/report/write-html-report.js';
import type { Finding } from '../../../rules/api.js';
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
    expect(await page.locator('#f-count').textContent()).toBe('显示 5 / 5 条');
    await page.selectOption('#f-village', '东风村');
    expect(await visible()).toBe(2);
    await page.selectOption('#f-severity', 'info');
    expect(await visible()).toBe(1);
    expect(await page.locator('#f-count').textContent()).toBe('显示 1 / 5 条');
    await page.selectOption('#f-village', '');
    await page.selectOption('#f-severity', '');
    await page.fill('#f-search', '身份证');
    expect(await visible()).toBe(1);
    await page.fill('#f-search', '没有这个词');
    expect(await visible()).toBe(0);
    expect(await page.locator('#f-no-match').isVisible()).toBe(true);
    await page.selectOption('#f-rule', 'missing-document');
    await page.fill('#f-search', '');
    expect(await visible()).toBe(1);

    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.close();
  });
});

describe('the 系统数据疑点 section', () => {
  const doubt = (over: Partial<Finding> & { message: string }) =>
    finding({ household: '张三', exportCategory: '三保障和饮水安全', ...over, rule: over.rule ?? 'export/education-dropout', severity: over.severity ?? 'error' });
  const report = sampleReport({
    findings: [
      ...sampleReport().findings,
      doubt({ message: '张小明（11周岁）处于义务教育阶段……疑似失学辍学', details: { member: '张小明', values: { 在校生状况: '非在校生', 义务教育阶段未上学原因: '' } } }),
      doubt({ rule: 'export/registry-household-head', severity: 'error', village: '东风村', household: '李四', message: '户编号H9没有户主', exportCategory: '证件、年龄、关系、户主', details: {} }),
    ],
  });
  const page = writeHtmlReport(report);

  it('lists the export 疑点 apart from the problem list, with the member and the values the system holds', () => {
    const [list, doubts] = page.split('<h2>系统数据疑点');
    expect(list).not.toContain('疑似失学辍学');
    expect(doubts).toContain('<td class="nw">张小明</td>');
    expect(doubts).toContain('在校生状况：非在校生；义务教育阶段未上学原因：（空）');
    // Grouped in the catalogue's order: 三保障 before 证件.
    expect(doubts.indexOf('三保障和饮水安全')).toBeLessThan(doubts.indexOf('证件、年龄、关系、户主'));
    expect(page).toContain('<b>2</b>系统数据疑点');
  });

  it('filters the 疑点 by category in a browser, as the problem list filters', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-html-x-'));
    try {
      const file = path.join(dir, 'report.html');
      await writeFile(file, page);
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(file).href);
      const visible = () => tab.locator('#export-findings tbody tr:visible').count();
      expect(await visible()).toBe(2);
      await tab.selectOption('#x-category', '证件、年龄、关系、户主');
      expect(await visible()).toBe(1);
      expect(await tab.locator('#x-count').textContent()).toBe('显示 1 / 2 条');
      // The problem list's filters are untouched.
      expect(await tab.locator('#findings tbody tr:visible').count()).toBe(5);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the report title', () => {
  it('names the archive folder, and nothing odd when the folder was given as `.`', () => {
    expect(writeHtmlReport(sampleReport({ root: 'D:\\档案\\城关镇\\' }))).toContain('<title>城关镇档案自查报告（审查日期 2023-09-30）</title>');
    expect(writeHtmlReport(sampleReport({ root: '.' }))).toContain('<title>档案自查报告（审查日期 2023-09-30）</title>');
    // A folder named 某某镇档案 does not read 「某某镇档案档案自查报告」.
    expect(writeHtmlReport(sampleReport({ root: '/迎检/某某镇档案' }))).toContain('<title>某某镇档案自查报告（审查日期 2023-09-30）</title>');
  });

  it('shows the generation time in local time, not UTC ISO', () => {
    const page = writeHtmlReport(sampleReport({ generatedAt: '2023-10-01T02:03:00.000Z' }));
    const t = new Date('2023-10-01T02:03:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(page).toContain(`生成时间：${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`);
    expect(page).not.toContain('2023-10-01T02:03:00.000Z');
  });
});
