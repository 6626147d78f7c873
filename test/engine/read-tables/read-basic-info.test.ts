import { describe, expect, it } from 'vitest';
import { readBasicInfo } from '../../../main/engine/read-tables/read-basic-info.js';
import { loadDataTables } from '../../../main/engine/config/rule-data/load-data-tables.js';
import { docxFile, xlsxFile } from './income-files.js';

const vocab = loadDataTables();

describe('readBasicInfo', () => {
  it('reads the members table and the label cells of a Word form', async () => {
    const file = await docxFile(
      '红星村/张三/家庭基本情况表.docx',
      ['家庭基本情况表', '监测对象类别：边缘易致贫户'],
      [
        ['户主姓名', '张三', '家庭人口', '4人'],
        ['户类型', '一般农户', '风险类型', '因病、因学'],
        ['姓名', '与户主关系', '身份证号', '健康状况', '就学情况', '是否享受低保'],
        ['张三', '户主', '620123********1234', '患有大病', '非在校生', '是'],
        ['李梅', '配偶', '620123********2345', '健康', '', '否'],
        ['张小明', '之子', '620123********34560011', '健康', '小学', '否'],
        ['张小红', '之女', '620123********4567', '健康', '已毕业', '否'],
        ['', '', '', '', '', ''],
        ['帮扶责任人', '王干部', '联系电话', '138****0000', '', ''],
      ],
    );
    const facts = readBasicInfo(file, vocab)!;
    expect(facts).toMatchObject({
      source: 'archive',
      householdType: '一般农户',
      monitorType: '边缘易致贫户',
      isMonitored: true,
      risks: ['因病', '因学'],
      income: { 家庭人口: 4 },
      location: '红星村/张三/家庭基本情况表.docx',
    });
    expect(facts.members.map((m) => [m.name, m.relation, m.isSeriouslyIll, m.isDisabled, m.isCompulsoryStudent, m.hasDibao])).toEqual([
      ['张三', '户主', true, false, false, true],
      ['李梅', '配偶', false, false, false, false],
      ['张小明', '之子', false, true, true, false],
      ['张小红', '之女', false, false, false, false],
    ]);
  });

  it('reads a spreadsheet form and gives null for a file without the form', async () => {
    const form = await xlsxFile('a/基本信息表.xlsx', {
      Sheet1: [
        ['农户基本信息表'],
        ['家庭人口数', '2', '监测对象类型', '脱贫不稳定户'],
        ['成员姓名', '关系', '健康状况', '在校生状况'],
        ['赵六', '户主', '残疾', '非在校生'],
        ['赵小六', '之子', '健康', '高中'],
      ],
    });
    const facts = readBasicInfo(form, vocab)!;
    expect(facts.monitorType).toBe('脱贫不稳定户');
    expect(facts.income['家庭人口']).toBe(2);
    expect(facts.members.map((m) => [m.name, m.isDisabled, m.isStudent])).toEqual([
      ['赵六', true, false],
      ['赵小六', false, true],
    ]);
    const other = await xlsxFile('a/照片说明.xlsx', { Sheet1: [['照片', '说明'], ['1', '入户走访']] });
    expect(readBasicInfo(other, vocab)).toBeNull();
  });
});
