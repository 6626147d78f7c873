import ExcelJS from '/work/main/node_modules/exceljs/excel.js';
import { mkdirSync } from 'node:fs'; import path from 'node:path';
const rows = Number(process.argv[2]); const root = process.argv[3];
const file = path.join(root, '红星村', '台账', `花名册${rows}行.xlsx`);
mkdirSync(path.dirname(file), { recursive: true });
const workbook = new (ExcelJS as any).stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
const sheet = workbook.addWorksheet('花名册');
sheet.addRow(['序号', '户主姓名', '人口', '户类型', '登记日期', '备注']).commit();
for (let r = 1; r <= rows; r++) {
  const day = `2023-${String((r % 12) + 1).padStart(2, '0')}-${String((r % 28) + 1).padStart(2, '0')}`;
  sheet.addRow([r, `户主${r}`, (r % 6) + 1, r % 9 === 0 ? '贫困户' : '脱贫户', day, `第${r}户 入户核实`]).commit();
}
sheet.commit(); await workbook.commit();
