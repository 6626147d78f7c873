import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExtractedContent } from '../../../rules/api.js';
import { extractBytes } from '../../../main/engine/extract/registry.js';
import { looksLikeSystemExport, readSystemExport } from '../../../main/engine/system-export/read-system-export.js';
import { loadDataTables } from '../../../main/engine/config/rule-data/load-data-tables.js';

const vocab = loadDataTables();

async function readXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<ExtractedContent> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const outcome = await extractBytes(bytes, 'export.xlsx');
  expect(outcome.unreadable).toBeNull();
  return outcome.content!;
}

// A 2023 county export as clerks receive it: a merged title, a filter line, the header on row 3,
// county-specific column names, masked ID numbers and YYYYMM dates.
const header = [
  '县(市、区、旗)', '乡（镇）', '行政村', '自然村', '户编号', '姓名', '证件号码', '与户主关系', '户类型',
  '易返贫致贫户(监测对象)类型', '致贫/返贫风险1', '致贫/返贫风险2', '风险识别时间', '风险消除时间', '风险是否消除',
  '健康状况', '在校生情况', '享受低保政策情况', '是否特困供养人员', '工资性收入', '生产经营性收入', '转移性收入',
  '合规自负支出', '家庭纯收入', '家庭人均纯收入（元）', '家庭人口数',
];
const people = [
  ['榆中县', '金崖镇', '红星村', '上庄社', 'H001', '张三', '620123********1234', '户主', '一般农户', '突发严重困难户', '因病', '因学', '202303', '202308', '是', '患有大病', '非在校生', '是', '否', '12000', '3000', '2400', '1500', '15900', '7950', '2'],
  ['榆中县', '金崖镇', '红星村', '上庄社', 'H001', '张小明', '620123********56780011', '之子', '一般农户', '突发严重困难户', '因病', '因学', '202303', '202308', '是', '残疾', '初中', '否', '否', '12000', '3000', '2400', '1500', '15900', '7950', '2'],
  ['榆中县', '金崖镇', '红星村', '下庄社', 'H002', '王芳', '620123********2222', '配偶', '脱贫户', '', '', '', '', '', '', '健康', '已毕业', '未享受', '否', '8000', '1000', '500', '', '9500', '4750', '2'],
  ['榆中县', '金崖镇', '红星村', '下庄社', 'H002', '李四', '620123********3333', '户主', '脱贫户', '', '', '', '', '', '', '健康', '高中', '一类低保', '否', '8000', '1000', '500', '', '9500', '4750', '2'],
];

function writeExport(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('（自定义）监测对象信息');
  ws.addRow(['2023年度防返贫监测对象信息']);
  ws.mergeCells('A1:Z1');
  ws.addRow(['导出时间：2023-09-01', '', '筛选条件：全部']);
  ws.addRow(header);
  for (const row of people) ws.addRow(row);
}

describe('readSystemExport', () => {
  it('finds the header under title rows and folds person rows into households', async () => {
    const content = await readXlsx(writeExport);
    expect(looksLikeSystemExport(content, vocab)).toBe(true);
    const result = readSystemExport(content, '金崖镇/监测对象信息.xlsx', vocab);
    expect(result.isRoster).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.households.map((h) => [h.householdId, h.village, h.head, h.row])).toEqual([
      ['H001', '红星村', '张三', 4],
      // The head of H002 stands on the second row of the household.
      ['H002', '红星村', '李四', 7],
    ]);
  });

  it('reads the monitored household: type, risks, YYYYMM dates, elimination and income', async () => {
    const [zhang] = readSystemExport(await readXlsx(writeExport), 'x.xlsx', vocab).households;
    expect(zhang.source).toBe('x.xlsx');
    expect(zhang.facts).toMatchObject({
      source: 'system',
      householdType: '一般农户',
      monitorType: '突发严重困难户',
      isMonitored: true,
      risks: ['因病', '因学'],
      identifiedOn: '2023-03-01',
      eliminatedOn: '2023-08-01',
      riskEliminated: true,
      incomeYear: 2023,
      location: 'x.xlsx 第4行',
      income: { 工资性收入: 12000, 生产经营性收入: 3000, 转移性收入: 2400, 合规自付支出: 1500, 家庭纯收入: 15900, 人均纯收入: 7950, 家庭人口: 2 },
    });
  });

  it('reads each member: masked IDs kept, disability card numbers, schooling, 低保', async () => {
    const [zhang, li] = readSystemExport(await readXlsx(writeExport), 'x.xlsx', vocab).households;
    const [head, son] = zhang.facts.members;
    expect(head).toMatchObject({ name: '张三', idNumber: '620123********1234', isSeriouslyIll: true, isStudent: false, hasDibao: true });
    expect(son).toMatchObject({ name: '张小明', isDisabled: true, isStudent: true, isCompulsoryStudent: true, hasDibao: false });
    const [wang, liSi] = li.facts.members;
    expect(wang).toMatchObject({ isStudent: false, hasDibao: false, isDisabled: false });
    expect(liSi).toMatchObject({ isStudent: true, isCompulsoryStudent: false, hasDibao: true });
    expect(li.facts.isMonitored).toBe(false);
    expect(li.facts.riskEliminated).toBe(false);
    expect(li.facts.monitorType).toBeUndefined();
  });

  it('never takes 自然村 for the village', async () => {
    const content = await readXlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['自然村', '县', '乡', '村', '姓名', '证件号码', '与户主关系', '人均纯收入(元)']);
      ws.addRow(['上庄社', '榆中县', '金崖镇', '红星村', '赵六', '620123********4444', '户主', '9000']);
    });
    const [zhao] = readSystemExport(content, 'x.xlsx', vocab).households;
    expect(zhao.village).toBe('红星村');
    expect(zhao.facts.income).toEqual({ 人均纯收入: 9000 });
  });

  it('groups rows by the head without a household number, and reads dates written other ways', async () => {
    const content = await readXlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['村', '姓名', '证件号码', '与户主关系', '监测对象类型', '识别监测时间', '消除监测时间', '风险是否已消除']);
      ws.addRow(['红星村', '陈一', '620123********0001', '户主', '边缘易致贫户', '2023年3月', '2023/9/15', '已消除']);
      ws.addRow(['红星村', '陈二', '620123********0002', '之女', '边缘易致贫户', '2023年3月', '2023/9/15', '已消除']);
      ws.addRow(['红星村', '周一', '620123********0003', '户主', '脱贫不稳定户', '2022-05', '', '否']);
      const serial = ws.addRow(['红星村', '吴一', '620123********0004', '户主', '边缘易致贫户', '', '', '']);
      serial.getCell(6).value = new Date(Date.UTC(2023, 1, 10));
    });
    const households = readSystemExport(content, 'x.xlsx', vocab).households;
    expect(households.map((h) => [h.head, h.facts.members.length])).toEqual([['陈一', 2], ['周一', 1], ['吴一', 1]]);
    expect(households[0].facts).toMatchObject({ identifiedOn: '2023-03-01', eliminatedOn: '2023-09-15', riskEliminated: true });
    expect(households[1].facts).toMatchObject({ identifiedOn: '2022-05-01', riskEliminated: false });
    expect(households[2].facts.identifiedOn).toBe('2023-02-10');
  });

  it('tells a 户信息 workbook from the person roster', async () => {
    const content = await readXlsx((wb) => {
      const ws = wb.addWorksheet('户信息');
      ws.addRow(['县', '乡', '村', '户编号', '户主姓名', '家庭人口数', '人均纯收入']);
      ws.addRow(['榆中县', '金崖镇', '红星村', 'H001', '张三', '2', '7950']);
    });
    expect(looksLikeSystemExport(content, vocab)).toBe(true);
    const result = readSystemExport(content, 'x.xlsx', vocab);
    expect(result.isRoster).toBe(false);
    expect(result.households).toEqual([]);
  });

  it('does not take a household member table for an export', async () => {
    const content = await readXlsx((wb) => {
      const ws = wb.addWorksheet('家庭基本情况表');
      ws.addRow(['家庭基本情况表']);
      ws.addRow(['姓名', '证件号码', '与户主关系', '健康状况', '在校生状况', '是否享受低保', '是否特困供养', '劳动技能']);
      ws.addRow(['张三', '620123********1234', '户主', '健康', '非在校生', '否', '否', '普通劳动力']);
    });
    expect(looksLikeSystemExport(content, vocab)).toBe(false);
  });

  it('says so when a household has no 户主 row', async () => {
    const content = await readXlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['村', '户编号', '姓名', '证件号码', '与户主关系']);
      ws.addRow(['红星村', 'H9', '孙一', '620123********0009', '配偶']);
    });
    const result = readSystemExport(content, '导出.xlsx', vocab);
    expect(result.households[0].head).toBe('孙一');
    expect(result.problems).toEqual([expect.stringContaining('导出.xlsx 第2行')]);
  });
});
