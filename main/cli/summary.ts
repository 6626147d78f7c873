// The one-screen summary printed when the scan ends.
import { maskIdNumbers } from '../engine/report/mask-id-numbers.js';
import { countByRule, countBySeverity } from '../engine/report/report-rows.js';
import { displayWidth } from '../engine/report/text-width.js';
import { isExportSkip } from '../../rules/index.js';
import type { ScanReport } from '../engine/types.js';

const MAX_VILLAGE_ROWS = 15;
const MAX_RULE_ROWS = 14;
const MAX_NOTICE_ROWS = 20;

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

export function formatSummary(report: ScanReport, written: readonly string[]): string {
  const lines: string[] = [];
  const s = report.stats;
  const exportOnly = report.dossiers.length === 0 && report.checklist.startsWith('（只查系统导出表）');
  if (exportOnly) {
    lines.push(`检查完成：系统导出表 ${s.files} 个文件、${s.villages} 个村、${s.households} 户，用时 ${s.seconds.toFixed(1)} 秒。审查日期 ${report.asOf}。`);
  } else lines.push(
    // The progress line counted every file read, the export's too: the summary says both, so the numbers add up.
    `扫描完成：${s.villages} 个村、${s.households} 户、${s.files} 个文件${s.exportFiles ? `和 ${s.exportFiles} 个系统导出表` : ''}` +
      `${s.unreadable > 0 ? `（${s.unreadable} 个无法读取）` : ''}，用时 ${s.seconds.toFixed(1)} 秒。审查日期 ${report.asOf}。`,
  );

  if (report.villages.length > 0 && exportOnly) {
    lines.push('');
    const names = report.villages.map((v) => maskIdNumbers(v.name));
    const nameWidth = Math.max(4, ...names.slice(0, MAX_VILLAGE_ROWS).map(displayWidth));
    lines.push(`${padEnd('村', nameWidth)}  ${padStart('户数', 6)}  ${padStart('疑点', 6)}  ${padStart('错误', 6)}  ${padStart('警告', 6)}`);
    report.villages.slice(0, MAX_VILLAGE_ROWS).forEach((v, i) => {
      lines.push(
        `${padEnd(names[i], nameWidth)}  ${padStart(String(v.households), 6)}  ${padStart(String(v.exportFindings ?? 0), 6)}  ` +
          `${padStart(String(v.findings.error), 6)}  ${padStart(String(v.findings.warning), 6)}`,
      );
    });
    if (report.villages.length > MAX_VILLAGE_ROWS) lines.push(`……另有 ${report.villages.length - MAX_VILLAGE_ROWS} 个村，见报告。`);
  } else if (report.villages.length > 0) {
    const names = report.villages.map((v) => maskIdNumbers(v.name));
    const nameWidth = Math.max(4, ...names.slice(0, MAX_VILLAGE_ROWS).map(displayWidth));
    lines.push('');
    lines.push(`${padEnd('村', nameWidth)}  ${padStart('户数', 6)}  ${padStart('完整率', 8)}  ${padStart('错误', 6)}  ${padStart('警告', 6)}`);
    report.villages.slice(0, MAX_VILLAGE_ROWS).forEach((v, i) => {
      lines.push(
        `${padEnd(names[i], nameWidth)}  ${padStart(String(v.households), 6)}  ${padStart(`${(v.completeness * 100).toFixed(1)}%`, 8)}  ` +
          `${padStart(String(v.findings.error), 6)}  ${padStart(String(v.findings.warning), 6)}`,
      );
    });
    if (report.villages.length > MAX_VILLAGE_ROWS) lines.push(`……另有 ${report.villages.length - MAX_VILLAGE_ROWS} 个村，见报告。`);
  }

  // Accepted exceptions (无需整改 with a reason) are counted apart, as the ledger lists them apart.
  const findings = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.length - findings.length;
  const sev = countBySeverity(findings);
  lines.push('');
  if (findings.length === 0) lines.push('未发现问题。');
  else {
    lines.push(`共发现 ${findings.length} 个问题：错误 ${sev.error}，警告 ${sev.warning}，提示 ${sev.info}。`);
    const byRule = countByRule(findings);
    const ruleWidth = Math.max(...byRule.slice(0, MAX_RULE_ROWS).map((r) => displayWidth(r.name)));
    for (const r of byRule.slice(0, MAX_RULE_ROWS)) lines.push(`  ${padEnd(r.name, ruleWidth)}  ${padStart(String(r.count), 6)}`);
    if (byRule.length > MAX_RULE_ROWS) lines.push(`  ……另有 ${byRule.length - MAX_RULE_ROWS} 类问题，见报告。`);
  }
  if (suppressed > 0) lines.push(`另有 ${suppressed} 个问题已确认无需整改（见 Excel 台账的“无需整改”表）。`);
  if (report.findings.some((f) => f.status !== undefined) || report.resolved.length > 0) {
    const fresh = report.findings.filter((f) => f.status === 'new').length;
    const open = report.findings.filter((f) => f.status === 'open').length;
    lines.push(`与上次报告相比：新增 ${fresh} 个，未整改 ${open} 个，已整改 ${report.resolved.length} 个。`);
  }
  // Export checks held back for want of a column are many on a basic export: counted in one line, listed in the report.
  const skips = report.notices.filter(isExportSkip);
  const notices = report.notices.filter((n) => !isExportSkip(n));
  if (notices.length > 0 || skips.length > 0) {
    // A notice changes how the findings read (no export found, a check that could not run): each is said here.
    lines.push('', '说明：');
    for (const notice of notices.slice(0, MAX_NOTICE_ROWS)) lines.push(`  · ${maskIdNumbers(notice)}`);
    if (notices.length > MAX_NOTICE_ROWS) lines.push(`  ……另有 ${notices.length - MAX_NOTICE_ROWS} 条说明，见报告。`);
    if (skips.length > 0) {
      lines.push(`  · 系统导出表缺少部分列（或县里未配置参数），有 ${skips.length} 条系统数据疑点检查未执行或只执行了一部分，缺哪些列见报告的说明。`);
    }
  }

  lines.push('');
  const files = written.filter((w) => w !== '-');
  if (files.length === 1) lines.push(`报告已写入：${files[0]}`);
  else if (files.length > 1) lines.push('报告已写入：', ...files.map((f) => `  ${f}`));
  else if (written.includes('-')) lines.push('报告已输出到标准输出。');
  return lines.join('\n') + '\n';
}
