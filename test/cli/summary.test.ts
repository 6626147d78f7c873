import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../main/cli/summary.js';
import { sampleReport } from '../engine/report/sample-report.js';

describe('formatSummary', () => {
  it('fits one screen: villages with households, completeness, errors and warnings, findings by rule, where the report is', () => {
    const text = formatSummary(sampleReport(), ['/home/clerk/dossier-report.xlsx']);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('扫描完成：2 个村、3 户、40 个文件（1 个无法读取），用时 4.1 秒。审查日期 2023-09-30。');
    expect(text).toMatch(/红星村\s+1\s+93\.0%\s+2\s+0/);
    expect(text).toMatch(/东风村\s+2\s+50\.0%\s+0\s+1/);
    expect(text).toContain('共发现 5 个问题：错误 2，警告 2，提示 1。');
    expect(text).toMatch(/缺少资料\s+1/);
    expect(text).toMatch(/文件无法读取\s+1/);
    expect(lines.at(-1)).toBe('报告已写入：/home/clerk/dossier-report.xlsx');
    expect(lines.length).toBeLessThan(25);
  });

  it('counts the export files beside the archive files, as the progress line counted them all', () => {
    const report = sampleReport();
    report.stats = { ...report.stats, exportFiles: 1 };
    expect(formatSummary(report, []).split('\n')[0]).toBe('扫描完成：2 个村、3 户、40 个文件和 1 个系统导出表（1 个无法读取），用时 4.1 秒。审查日期 2023-09-30。');
  });

  it('puts the export checks held back for want of a column in one line', () => {
    const report = sampleReport({
      notices: [
        '本次导出缺少“是否危房户”列，以下检查未执行：export/housing-unsafe（登记为危房户）',
        '本次导出缺少“劳动技能”列，以下检查未执行：export/labour-capacity-age（劳动技能与年龄不符）',
        '2024 年未配置监测线，收入临界检查已跳过。',
      ],
    });
    const text = formatSummary(report, []);
    expect(text).toContain('· 2024 年未配置监测线，收入临界检查已跳过。');
    expect(text).toContain('有 2 条系统数据疑点检查未执行或只执行了一部分');
    expect(text).not.toContain('export/housing-unsafe');
  });

  it('aligns the village columns though names differ in width', () => {
    const report = sampleReport();
    report.villages[1] = { ...report.villages[1], name: '东风新村' };
    const rows = formatSummary(report, []).split('\n').filter((l) => /%/.test(l));
    const ends = rows.map((l) => l.replace(/[\u4e00-\u9fff]/g, 'xx').indexOf('%'));
    expect(new Set(ends).size).toBe(1);
  });

  it('tells how the scan compares with the previous report', () => {
    const report = sampleReport();
    report.findings = report.findings.map((f, i) => ({ ...f, status: i < 2 ? 'open' : 'new' }));
    report.resolved = [report.findings[0]];
    expect(formatSummary(report, ['-'])).toContain('与上次报告相比：新增 3 个，未整改 2 个，已整改 1 个。');
  });

  it('prints every notice on its own line instead of pointing to the report', () => {
    const report = sampleReport();
    report.notices = ['没有找到监测系统导出表（可用 --system 指定），未做系统与档案的比对', '2024 年未配置防返贫监测收入标准'];
    const text = formatSummary(report, []);
    expect(text).toContain('说明：\n  · 没有找到监测系统导出表（可用 --system 指定），未做系统与档案的比对\n  · 2024 年未配置防返贫监测收入标准\n');
    expect(text).not.toContain('见报告。\n\n');
  });

  it('counts accepted exceptions (无需整改) apart from the problems still to fix', () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0], suppressed: true, rectification: { state: '无需整改', note: '历史文件' } };
    const text = formatSummary(report, []);
    expect(text).toContain(`共发现 ${report.findings.length - 1} 个问题`);
    expect(text).toContain('另有 1 个问题已确认无需整改（见 Excel 台账的“无需整改”表）。');
  });
});
