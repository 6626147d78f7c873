// 资料对照表: one row per household, one column per checklist item (and year), ✓ / 缺 / 不适用 — the
// completeness matrix stations otherwise build by hand, read from the report's `dossiers`.
import type ExcelJS from 'exceljs';
import type { RequiredDocument } from '../../../../rules/api.js';
import type { ScanReport } from '../../types.js';
import { maskIdNumbers } from '../mask-id-numbers.js';
import { archiveTitle } from '../report-rows.js';
import { SHEETS } from './ledger-headers.js';
import { ERROR_FILL, MUTED_FILL, styleHeader, THIN_BORDER } from './xlsx-styles.js';

const label = (r: Pick<RequiredDocument, 'item' | 'year'>): string => (r.year === null ? r.item : `${r.item}（${r.year}年）`);
const MARK: Record<RequiredDocument['status'], string> = { present: '✓', missing: '缺', 'not-applicable': '不适用' };

export function addDossierSheet(workbook: ExcelJS.Workbook, report: ScanReport): void {
  const households = report.dossiers.filter((d) => d.household !== null);
  if (households.length === 0) return;
  // Columns in checklist order as first met; an item no household owes at all gets no column.
  const columns: string[] = [];
  for (const d of households) for (const r of d.items) if (r.status !== 'not-applicable' && !columns.includes(label(r))) columns.push(label(r));
  const sheet = workbook.addWorksheet(SHEETS.dossiers, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  const width = columns.length + 3;
  sheet.mergeCells(1, 1, 1, width);
  const place = archiveTitle(report.root);
  sheet.getCell(1, 1).value = `${place ? `${place} · ` : ''}户档资料对照表（审查日期 ${report.asOf}；✓ 齐全，缺 缺少，不适用 本户不需要）`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = ['村', '户主', ...columns, '缺项数'];
  styleHeader(header);
  header.height = 60;
  for (const d of households) {
    const byLabel = new Map(d.items.map((r) => [label(r), r]));
    const cells = columns.map((c) => byLabel.get(c));
    const missing = cells.filter((r) => r?.status === 'missing').length;
    const row = sheet.addRow([maskIdNumbers(d.village), maskIdNumbers(d.household ?? ''), ...cells.map((r) => (r ? MARK[r.status] : '')), missing]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > width) return;
      cell.border = THIN_BORDER;
      cell.alignment = { horizontal: col > 2 ? 'center' : 'left', vertical: 'middle' };
      const r = col > 2 && col <= columns.length + 2 ? cells[col - 3] : undefined;
      if (r?.status === 'missing') {
        cell.fill = ERROR_FILL;
        cell.font = { bold: true, color: { argb: 'FFC00000' } };
      }
      if (r?.status === 'not-applicable') {
        cell.fill = MUTED_FILL;
        // Why it is not owed, for the clerk who disagrees (e.g. the system does not list the disabled member).
        if (r.reason) cell.note = r.reason;
      }
    });
  }
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 10;
  for (let i = 3; i <= columns.length + 2; i++) sheet.getColumn(i).width = 9;
  sheet.getColumn(width).width = 7;
  sheet.pageSetup.printTitlesRow = '2:2';
}
