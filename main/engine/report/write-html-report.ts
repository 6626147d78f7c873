// One offline page: summary, per-village completeness, and a filterable problem list.
import type { ScanReport } from '../types.js';
import { escapeHtml as esc } from './html-escape.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { localTime } from './xlsx/xlsx-styles.js';
import { maskIdNumbers } from './mask-id-numbers.js';
import { titleBefore, countByRule, countBySeverity, toFindingRows, type FindingRow } from './report-rows.js';
import { SEVERITY_NAMES, SEVERITY_ORDER } from './rule-names.js';
import { categoryRank, formatExportValues } from '../../../rules/index.js';

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function options(values: Array<[string, string]>): string {
  return values.map(([value, label]) => `<option value="${esc(value)}">${esc(label)}</option>`).join('');
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function summarySection(report: ScanReport): string {
  const sev = countBySeverity(listedFindings(report));
  const card = (label: string, value: string | number, cls = ''): string =>
    `<div class="card ${cls}"><b>${esc(String(value))}</b>${esc(label)}</div>`;
  const cards = [
    card('村', report.stats.villages),
    card('户', report.stats.households),
    card('文件', report.stats.files),
    card('无法读取的文件', report.stats.unreadable),
    ...SEVERITY_ORDER.map((s) => card(SEVERITY_NAMES[s], sev[s], s)),
  ];
  const doubts = report.findings.filter((f) => f.exportCategory && !f.suppressed).length;
  if (doubts > 0) cards.push(card('系统数据疑点', doubts));

  if (report.resolved.length > 0 || report.findings.some((f) => f.status !== undefined)) {
    cards.push(card('新增', report.findings.filter((f) => f.status === 'new').length));
    cards.push(card('已整改', report.resolved.length));
  }
  const villageRows = report.villages
    .map(
      (v) =>
        `<tr><td>${esc(maskIdNumbers(v.name))}</td><td class="num">${v.households}</td><td class="num">${v.files}</td>` +
        `<td class="num"><span class="bar" style="width:${Math.round(Math.min(1, Math.max(0, v.completeness)) * 60)}px"></span>${percent(v.completeness)}</td>` +
        `<td class="num">${v.findings.error}</td><td class="num">${v.findings.warning}</td><td class="num">${v.findings.info}</td>` +
        `${doubts ? `<td class="num">${v.exportFindings ?? 0}</td>` : ''}</tr>`,
    )
    .join('');
  const ruleRows = countByRule(listedFindings(report))
    .map((r) => `<tr><td>${esc(r.name)}</td><td class="num">${r.count}</td></tr>`)
    .join('');
  return `<section><h2>概况</h2><div class="cards">${cards.join('')}</div></section>
<section><h2>各村情况</h2><table id="villages"><thead><tr><th>村</th><th>户数</th><th>文件数</th><th>资料完整率</th><th>错误</th><th>警告</th><th>提示</th>${doubts ? '<th>系统数据疑点</th>' : ''}</tr></thead><tbody>${villageRows}</tbody></table></section>
<section><h2>问题类型</h2>${ruleRows ? `<table class="narrow"><thead><tr><th>问题类型</th><th>条数</th></tr></thead><tbody>${ruleRows}</tbody></table>` : '<p class="empty">未发现问题。</p>'}</section>`;
}

function findingRow(row: FindingRow): string {
  return (
    `<tr class="sev-row-${row.severity}" data-village="${esc(row.village)}" data-rule="${esc(row.ruleId)}" data-severity="${row.severity}">` +
    `<td class="num">${row.index}</td><td class="nw">${esc(row.village)}</td><td class="nw">${esc(row.household)}</td><td class="nw">${esc(row.ruleName)}</td>` +
    `<td>${esc(row.message)}${row.ocrNote ? `<div class="ocr">${esc(row.ocrNote)}</div>` : ''}</td><td class="path">${esc(row.path)}</td>` +
    `<td class="sev sev-${row.severity}">${esc(row.severityName)}</td><td class="nw">${esc(row.statusName)}</td></tr>`
  );
}

function findingsSection(report: ScanReport): string {
  const rows = toFindingRows(listedFindings(report));
  const villages = unique(rows.map((r) => r.village));
  const rules = unique(rows.map((r) => r.ruleId)).map((id) => [id, rows.find((r) => r.ruleId === id)!.ruleName] as [string, string]);
  const filters =
    `<div class="filters">` +
    `<label>村 <select id="f-village"><option value="">全部</option>${options(villages.map((v) => [v, v]))}</select></label>` +
    `<label>问题类型 <select id="f-rule"><option value="">全部</option>${options(rules)}</select></label>` +
    `<label>严重程度 <select id="f-severity"><option value="">全部</option>${options(SEVERITY_ORDER.map((s) => [s, SEVERITY_NAMES[s]]))}</select></label>` +
    `<input id="f-search" type="search" placeholder="搜索户主、文件、描述…" aria-label="搜索">` +
    `<span id="f-count" class="count">共 ${rows.length} 条</span></div>`;
  return `<section><h2>问题清单</h2>${filters}
<table id="findings"><thead><tr><th class="nw">序号</th><th>村</th><th class="nw">户主</th><th>问题类型</th><th>问题描述</th><th>文件位置</th><th class="nw">严重程度</th><th class="nw">整改状态</th></tr></thead>
<tbody>${rows.map(findingRow).join('\n')}</tbody></table>
<p id="f-no-match" class="empty" hidden>没有符合筛选条件的问题。</p>${rows.length === 0 ? '<p class="empty">未发现问题。</p>' : ''}</section>`;
}

function exportSection(report: ScanReport): string {
  const findings = report.findings.filter((f) => f.exportCategory && !f.suppressed);
  if (findings.length === 0 && !report.notices.some((n) => n.includes('以下检查未执行'))) return '';
  const rows = toFindingRows(findings);
  const byKey = new Map(findings.map((f) => [maskIdNumbers(f.key), f]));
  const withCategory = rows
    .map((row) => ({ row, finding: byKey.get(row.key)! }))
    .sort((a, b) => categoryRank(a.finding.exportCategory) - categoryRank(b.finding.exportCategory) || a.row.index - b.row.index);
  const categories = unique(withCategory.map((r) => r.finding.exportCategory!));
  const rules = unique(rows.map((r) => r.ruleId)).map((id) => [id, rows.find((r) => r.ruleId === id)!.ruleName] as [string, string]);
  const filters =
    `<div class="filters">` +
    `<label>类别 <select id="x-category"><option value="">全部</option>${options(categories.map((c) => [c, c]))}</select></label>` +
    `<label>村 <select id="x-village"><option value="">全部</option>${options(unique(rows.map((r) => r.village)).map((v) => [v, v]))}</select></label>` +
    `<label>疑点类型 <select id="x-rule"><option value="">全部</option>${options(rules)}</select></label>` +
    `<label>严重程度 <select id="x-severity"><option value="">全部</option>${options(SEVERITY_ORDER.map((s) => [s, SEVERITY_NAMES[s]]))}</select></label>` +
    `<input id="x-search" type="search" placeholder="搜索户主、成员、疑点…" aria-label="搜索疑点">` +
    `<span id="x-count" class="count">共 ${rows.length} 条</span></div>`;
  const body = withCategory
    .map(({ row, finding }, i) => {
      const member = typeof finding.details.member === 'string' ? maskIdNumbers(finding.details.member) : '';
      return (
        `<tr class="sev-row-${row.severity}" data-village="${esc(row.village)}" data-rule="${esc(row.ruleId)}" data-severity="${row.severity}" data-category="${esc(finding.exportCategory!)}">` +
        `<td class="num">${i + 1}</td><td class="nw">${esc(finding.exportCategory!)}</td><td class="nw">${esc(row.village)}</td><td class="nw">${esc(row.household)}</td>` +
        `<td class="nw">${esc(member)}</td><td>${esc(row.message)}</td><td class="values">${esc(maskIdNumbers(formatExportValues(finding.details.values)))}</td>` +
        `<td class="sev sev-${row.severity}">${esc(row.severityName)}</td></tr>`
      );
    })
    .join('\n');
  return `<section><h2>系统数据疑点（监测系统导出表自身的矛盾，入户核实后在系统中更正）</h2>${filters}
<table id="export-findings"><thead><tr><th class="nw">序号</th><th>类别</th><th>村</th><th class="nw">户主</th><th class="nw">成员</th><th>疑点</th><th>系统中的值</th><th class="nw">严重程度</th></tr></thead>
<tbody>${body}</tbody></table>
<p id="x-no-match" class="empty" hidden>没有符合筛选条件的疑点。</p>${rows.length === 0 ? '<p class="empty">系统导出表未发现疑点数据。</p>' : ''}</section>`;
}

function resolvedSection(report: ScanReport): string {
  if (report.resolved.length === 0) return '';
  const rows = toFindingRows(report.resolved)
    .map(
      (r) =>
        `<tr><td class="num">${r.index}</td><td>${esc(r.village)}</td><td>${esc(r.household)}</td><td>${esc(r.ruleName)}</td>` +
        `<td>${esc(r.message)}</td><td class="path">${esc(r.path)}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>已整改（上次报告中有、本次未再发现）</h2><table id="resolved"><thead><tr><th>序号</th><th>村</th><th>户主</th><th>问题类型</th><th>问题描述</th><th>文件位置</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The report as one self-contained HTML page (inline style and script, no external resources). */
export function writeHtmlReport(report: ScanReport): string {
  const title = `${titleBefore(report.root, '档案自查报告')}（审查日期 ${report.asOf}）`;
  const notices = report.notices.length
    ? `<section><h2>说明</h2><ul class="notices">${report.notices.map((n) => `<li>${esc(maskIdNumbers(n))}</li>`).join('')}</ul></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p>检查清单：${esc(report.checklist || '默认清单')} · 生成时间：${esc(localTime(report.generatedAt))} · 用时 ${report.stats.seconds.toFixed(1)} 秒</p></header>
<main>
${summarySection(report)}
${notices}
${findingsSection(report)}
${exportSection(report)}
${resolvedSection(report)}
</main>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

/** The findings the clerk still has to act on: accepted exceptions (无需整改 with a reason) are listed in the ledger only. */
function listedFindings(report: ScanReport): ScanReport['findings'] {
  return report.findings.filter((f) => !f.suppressed && !f.exportCategory);
}
