// `dossier-check template checklist <file.xlsx>`: the county checklist template a clerk fills in Excel or WPS — the
// columns the reader takes, dropdowns of the allowed values, two example rows, and a sheet explaining each column.
import ExcelJS from 'exceljs';
import { conditionWords, levelWords } from './conditions.js';

const HEADER = ['序号', '层级', '资料名称', '别名', '适用条件', '是否按年度', '所属程序', '步骤顺序', '是否必需', '可代替', '备注'];

const EXAMPLES: Array<Array<string | number>> = [
  [1, '户', '家庭收入测算表', '收入测算、收入核算', '', '是', '', '', '', '', '每户每年一份'],
  [2, '监测户', '民主评议记录', '评议会议记录', '', '否', '识别纳入', 3, '是', '', '识别纳入程序的第 3 步'],
];

const unique = (words: string[]): string[] => [...new Set(words)];

export function buildChecklistTemplate(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'dossier-check';
  const sheet = book.addWorksheet('资料目录', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, HEADER.length);
  sheet.getCell(1, 1).value = '某某县户内档案资料目录（按本表填写后，审查时用 --checklist 或在程序“开始”页导入）';
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getRow(2).values = HEADER;
  sheet.getRow(2).font = { bold: true };
  sheet.columns = [6, 8, 22, 24, 22, 10, 10, 8, 8, 16, 24].map((width) => ({ width }));
  for (const row of EXAMPLES) sheet.addRow(row);
  const levels = unique(['户', '监测户', '村', ...Object.keys(levelWords)]).slice(0, 8);
  for (let r = 3; r <= 500; r++) {
    sheet.getCell(r, 2).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${levels.join(',')}"`], showErrorMessage: true, error: '层级应为 户、监测户 或 村' };
    sheet.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    sheet.getCell(r, 7).dataValidation = { type: 'list', allowBlank: true, formulae: ['"识别纳入,风险消除"'] };
    sheet.getCell(r, 9).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  const help = book.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 90 }];
  help.addRow(['列', '怎么填']).font = { bold: true };
  for (const [column, text] of [
    ['层级', `户（每户都要有）、监测户（只有监测对象要有）、村（村级台账）。也认：${Object.keys(levelWords).join('、')}`],
    ['资料名称', '报告里使用的名称，每行一项，不重名'],
    ['别名', '文件名或标题里的其他叫法，用顿号、逗号或空格分开'],
    ['适用条件', `写了才要求，可写多个（用顿号分开）：${unique(Object.keys(conditionWords)).join('、')}；“享受低保、特困供养”表示二者之一`],
    ['是否按年度', '是：审查年度和上一年度都要有（如收入测算表）；否：有一份即可'],
    ['所属程序', '程序步骤才填：识别纳入 或 风险消除；同一程序的各步骤分行填写'],
    ['步骤顺序', '程序步骤的先后（1、2、3…），同序号的步骤可以不分先后'],
    ['是否必需', '程序步骤可填 否，表示可以没有'],
    ['可代替', '一份合并的表同时满足的其他资料名称'],
    ['备注', '程序不读，留给县里说明'],
  ]) help.addRow([column, text]).alignment = { wrapText: true, vertical: 'top' };
  return book;
}
