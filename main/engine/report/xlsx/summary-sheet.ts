// 汇总: per village the archive's size, completeness, findings by severity and the 整改 progress
// (问题数 in the 问题清单, 新增, 已整改 since last time, 逾期).
import type ExcelJS from 'exceljs';
import type { Finding } from '../../../../rules/api.js';
import type { ScanReport } from '../../types.js';
import { maskIdNumbers } from '../mask-id-numbers.js';
import { countBySeverity, overallCompleteness, titleBefore } from '../report-rows.js';
import { TOWNSHIP_LEVEL } from '../rule-names.js';
import { displayWidth } from '../text-width.js';
import { SHEETS } from './ledger-headers.js';
import { fitWidth, localTime, styleHeader, THIN_BORDER } from './xlsx-styles.js';

interface Progress {
  total: number;
  fresh: number;
  resolved: number;
  overdue: number;
}

function progress(active: readonly Finding[], resolved: readonly Finding[], village: string | null): Progress {
  const mine = active.filter((f) => f.village === village);
  return {
    total: mine.length,
    fresh: mine.filter((f) => f.status === 'new').length,
    resolved: resolved.filter((f) => f.village === village && f.rectification?.state !== '已销号').length,
    overdue: mine.filter((f) => f.overdue).length,
  };
}

export function addSummarySheet(workbook: ExcelJS.Workbook, report: ScanReport): void {
  const sheet = workbook.addWorksheet(SHEETS.summary, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const doubts = report.findings.some((f) => f.exportCategory);
  const headers = ['村', '户数', '文件数', '资料完整率', '错误', '警告', '提示', '问题数', '新增', '已整改', '逾期', ...(doubts ? ['系统数据疑点'] : [])];
  const width = headers.length;
  const active = report.findings.filter((f) => !f.suppressed);
  const compared = report.findings.some((f) => f.status !== undefined) || report.resolved.length > 0;

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = `${titleBefore(report.root, '档案自查汇总')}（审查日期 ${report.asOf}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value =
    `共 ${report.stats.villages} 个村、${report.stats.households} 户、${report.stats.files} 个文件` +
    `（${report.stats.unreadable} 个无法读取）；检查清单：${report.checklist || '默认清单'}；生成时间：${localTime(report.generatedAt)}`;
  sheet.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).height = 32;

  const headerRow = sheet.getRow(4);
  headerRow.values = headers;
  styleHeader(headerRow);

  const addDataRow = (values: Array<string | number | null>, p: Progress, bold = false, village?: string | null): void => {
    const exportCount = active.filter((f) => f.exportCategory && (village === undefined || f.village === village)).length;
    const row = sheet.addRow([...values, p.total, compared ? p.fresh : null, compared ? p.resolved : null, p.overdue, ...(doubts ? [exportCount] : [])]);
    row.getCell(4).numFmt = '0.0%';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= width) cell.border = THIN_BORDER;
    });
    if (p.overdue > 0) row.getCell(11).font = { bold: true, color: { argb: 'FFC00000' } };
    if (bold) row.font = { bold: true };
  };
  for (const v of report.villages) {
    addDataRow(
      [maskIdNumbers(v.name), v.households, v.files, v.completeness, v.findings.error, v.findings.warning, v.findings.info],
      progress(active, report.resolved, v.name),
      false,
      v.name,
    );
  }
  const township = countBySeverity(report.findings.filter((f) => f.village === null));
  if (township.error + township.warning + township.info > 0) {
    addDataRow([TOWNSHIP_LEVEL, null, null, null, township.error, township.warning, township.info], progress(active, report.resolved, null), false, null);
  }
  const all = countBySeverity(report.findings);
  addDataRow(
    [
      '合计',
      report.villages.reduce((n, v) => n + v.households, 0),
      report.villages.reduce((n, v) => n + v.files, 0),
      overallCompleteness(report.villages),
      all.error,
      all.warning,
      all.info,
    ],
    {
      total: active.length,
      fresh: active.filter((f) => f.status === 'new').length,
      resolved: report.resolved.filter((f) => f.rectification?.state !== '已销号').length,
      overdue: active.filter((f) => f.overdue).length,
    },
    true,
  );

  const notes: string[] = [];
  if (compared) {
    const fresh = active.filter((f) => f.status === 'new').length;
    const open = active.filter((f) => f.status === 'open').length;
    const resolved = report.resolved.filter((f) => f.rectification?.state !== '已销号').length;
    notes.push(`与上次台账相比：新增 ${fresh} 条，未整改 ${open} 条，已整改 ${resolved} 条（见“${SHEETS.resolved}”表，核实后在该表把整改状态改为“已销号”）。`);
  }
  const overdue = active.filter((f) => f.overdue).length;
  if (overdue > 0) notes.push(`逾期 ${overdue} 条：已过整改时限仍未整改，已在“${SHEETS.findings}”中标红。`);
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  if (suppressed > 0) notes.push(`无需整改 ${suppressed} 条，不再列入问题清单，理由见“${SHEETS.suppressed}”表。`);
  if (doubts) {
    notes.push(`系统数据疑点 ${active.filter((f) => f.exportCategory).length} 条：监测系统导出表自身的矛盾，见“${SHEETS.exportDoubts}”表，入户核实后填写核实情况，并在系统中更正。`);
  }
  notes.push(...report.notices.map(maskIdNumbers));
  if (notes.length > 0) {
    sheet.addRow([]);
    sheet.addRow(['说明']).font = { bold: true };
    for (const note of notes) {
      const row = sheet.addRow([note]);
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.height = Math.max(15, Math.ceil(displayWidth(note) / 110) * 15);
    }
  }
  const villageNames = report.villages.map((v) => v.name);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? fitWidth(['合计', TOWNSHIP_LEVEL, ...villageNames], { maxWidth: 24, minWidth: 12 }) : 10;
  });
}
