import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../../../main/engine/config/checklist/load-checklist.js';
import { parseChecklistYaml } from '../../../../main/engine/config/checklist/parse-checklist-yaml.js';

async function writeTemplate(rows: Array<Array<string | number | null>>, extraTitleRows = 2): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['本表为县户内档案资料目录']);
  const sheet = workbook.addWorksheet('资料目录');
  for (let i = 0; i < extraTitleRows; i++) sheet.addRow([i === 0 ? '某某县巩固拓展脱贫攻坚成果户内档案资料目录' : '']);
  for (const row of rows) sheet.addRow(row);
  const dir = await mkdtemp(path.join(tmpdir(), 'dc-checklist-'));
  const file = path.join(dir, '县资料目录.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('loadChecklist', () => {
  it('loads the default checklist with every canonical item and both procedures', async () => {
    const { checklist, warnings } = await loadChecklist();
    expect(warnings).toEqual([]);
    expect(checklist.items.filter((i) => i.level === 'village').map((i) => i.name)).toEqual([
      '防返贫监测对象台账', '脱贫人口花名册', '驻村工作队工作日志', '村两委会议记录', '政策宣传资料', '人居环境整治台账', '产业发展台账', '问题整改台账',
    ]);
    const combined = checklist.items.find((i) => i.name === '两不愁三保障及饮水安全核验表')!;
    expect(combined.requiredItself).toBe(false);
    expect(combined.covers).toEqual(['住房安全认定', '饮水安全评估', '医疗保障参保凭证', '义务教育保障印证']);
    const identification = checklist.procedures.find((p) => p.name === '识别纳入')!;
    expect(identification.steps.filter((s) => !s.optional).map((s) => [s.name, s.rank])).toEqual([
      ['农户申请', 1], ['入户核查', 1], ['民主评议', 3], ['村级公示', 4], ['乡镇审核', 5], ['县级审定', 6],
    ]);
    expect(checklist.procedures.find((p) => p.name === '风险消除')!.conditions).toEqual(['risk-eliminated']);
  });

  it('reads a county table below its title rows, skipping (and naming) rows it cannot read', async () => {
    const file = await writeTemplate([
      ['序号', '层级', '资料名称', '别名', '适用条件', '是否按年度', '备注'],
      [1, '户', '家庭基本情况表', '基本信息表、信息采集表', '', '否', ''],
      [2, '户', '家庭收入测算表', '收入测算，收入核算', null, '是', ''],
      [3, '户', '低保特困证明', '低保证', '享受低保、特困供养', '否', ''],
      [4, '乡镇', '乡镇工作方案', '', '', '否', ''],
      [5, '户', '学籍证明', '', '有大学生', '否', ''],
      [6, '监测户', '一户一策帮扶计划', '一户一策', '', '', ''],
      [7, '村', '问题整改台账', '整改台账 问题清单', '', '否', ''],
      [8, '组', '残疾证', '', '有大病', '每年', ''],
      [9, '户', '学生资助证明', '', '有学生', '否', ''],
    ]);
    const { checklist, warnings } = await loadChecklist(file);
    expect(checklist.items.map((i) => [i.name, i.level, i.yearly])).toEqual([
      ['家庭基本情况表', 'household', false],
      ['家庭收入测算表', 'household', true],
      ['低保特困证明', 'household', false],
      ['一户一策帮扶计划', 'monitored', false],
      ['问题整改台账', 'village', false],
      ['学生资助证明', 'household', false],
    ]);
    // 有学生 is one of the wordings in rules/data/checklist-words.yaml.
    expect(checklist.items.find((i) => i.name === '学生资助证明')!.anyOf).toEqual(['student']);
    expect(checklist.items[0]!.aliases).toEqual(['基本信息表', '信息采集表']);
    expect(checklist.items[2]!.anyOf).toEqual(['dibao', 'tekun']);
    expect(checklist.items[4]!.aliases).toEqual(['整改台账', '问题清单']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/「资料目录」第 7 行（乡镇工作方案）的层级“乡镇”无法识别/);
    expect(warnings[1]).toMatch(/第 8 行（学籍证明）的适用条件“有大学生”无法识别/);
    // Every bad cell of a row is named at once.
    expect(warnings[2]).toMatch(/第 11 行（残疾证）的层级“组”无法识别，应为 户、监测户 或 村；适用条件“有大病”无法识别.*；“是否按年度”应填 是 或 否，而不是“每年”，已跳过该行$/);
  });

  it('reads procedure steps from 所属程序 and 步骤顺序, equal numbers sharing a rank', async () => {
    const file = await writeTemplate(
      [
        ['层级', '资料名称', '别名', '适用条件', '是否按年度', '所属程序', '步骤顺序'],
        ['监测户', '农户申请', '申请书', '', '否', '识别纳入', 1],
        ['监测户', '入户核查', '核查表', '', '否', '识别纳入', 1],
        ['监测户', '村级公示', '公示', '', '否', '识别纳入', 2],
        ['监测户', '入户核实', '', '风险已消除', '否', '风险消除', 1],
      ],
      0,
    );
    const { checklist, warnings } = await loadChecklist(file);
    expect(warnings).toEqual([]);
    expect(checklist.items).toEqual([]);
    expect(checklist.procedures.map((p) => [p.name, p.conditions, p.steps.map((s) => `${s.name}:${s.rank}`)])).toEqual([
      ['识别纳入', [], ['农户申请:1', '入户核查:1', '村级公示:2']],
      ['风险消除', ['risk-eliminated'], ['入户核实:1']],
    ]);
  });

  it('refuses a table without the template columns, and a file that is not a checklist, in Chinese', async () => {
    const file = await writeTemplate([['序号', '名称', '备注']]);
    await expect(loadChecklist(file)).rejects.toThrow(/找不到表头：需要一行含有“层级”“资料名称”“别名”“适用条件”“是否按年度”/);
    const dir = await mkdtemp(path.join(tmpdir(), 'dc-checklist-'));
    const docx = path.join(dir, '目录.docx');
    await writeFile(docx, 'x');
    await expect(loadChecklist(docx)).rejects.toThrow(/资料目录须为 .yaml 或 .xlsx 文件/);
    await expect(loadChecklist(path.join(dir, '没有.yaml'))).rejects.toThrow('找不到资料目录文件 没有.yaml：请检查路径');
  });

  it('tells an unreadable checklist from a missing one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dc-checklist-'));
    await mkdir(path.join(dir, '县目录.yaml'));
    await expect(loadChecklist(path.join(dir, '县目录.yaml'))).rejects.toThrow('资料目录应是一个文件，而 县目录.yaml 是文件夹');
  });

  it('names the entry and the problem in a bad YAML checklist', () => {
    expect(() => parseChecklistYaml('items:\n  - name: 明白卡\n    level: 乡镇\n', '县目录.yaml')).toThrow(
      '县目录.yaml 第 1 项资料（明白卡）：层级“乡镇”无法识别',
    );
    expect(() => parseChecklistYaml('items:\n  - name: 明白卡\n    level: household\n    when: [大学生]\n', 'x.yaml')).toThrow(
      /未知的适用条件“大学生”/,
    );
    expect(() =>
      parseChecklistYaml('items:\n  - { name: 甲, level: household, covers: [乙] }\n', 'x.yaml'),
    ).toThrow(/声明可代替“乙”，但目录中没有“乙”/);
    expect(() => parseChecklistYaml('items: [\n', 'x.yaml')).toThrow(/不是有效的 YAML/);
  });
});
