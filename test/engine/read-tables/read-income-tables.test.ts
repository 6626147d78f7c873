import { describe, expect, it } from 'vitest';
import { readIncomeTables } from '../../../main/engine/read-tables/read-income-tables.js';
import { loadDataTables } from '../../../main/engine/config/rule-data/load-data-tables.js';
import { docxFile, incomeMatch, xlsxFile } from './income-files.js';

const vocab = loadDataTables();

describe('readIncomeTables', () => {
  it('reads a workbook with a sheet per year, labels in rows, notes ignored, sub-items summed', async () => {
    const rows = (wage: string, planting: string): Array<Array<string | number>> => [
      ['家庭收入测算表'],
      ['项目', '金额（元）', '备注'],
      ['一、务工收入', wage, '在兰州务工8个月，月均1500元'],
      ['二、公益岗位收入', '6,000', '护林员'],
      ['三、生产经营性收入（其中：）', '', ''],
      ['1.种植收入', planting, '玉米5亩'],
      ['2.养殖收入', '3000', '养羊'],
      ['四、政策性收入', '２４００', '养老金、地力补贴'],
      ['五、生产性支出', '1500', ''],
      ['家庭纯收入', '', ''],
      ['家庭人口', '3', ''],
    ];
    const file = await xlsxFile('红星村/张三/家庭收入测算表.xlsx', { '2022年': rows('12000', '2000'), '2023年': rows('13,000', '2500') }, [
      incomeMatch([2022, 2023]),
    ]);
    const tables = readIncomeTables(file, vocab);
    expect(tables.map((t) => [t.year, t.location])).toEqual([
      [2022, '2022年'],
      [2023, '2023年'],
    ]);
    expect(tables[1].items).toEqual({
      务工收入: 13000,
      公益岗位收入: 6000,
      工资性收入: 19000,
      种植收入: 2500,
      养殖收入: 3000,
      生产经营性收入: 5500,
      转移性收入: 2400,
      生产经营性支出: 1500,
      家庭人口: 3,
    });
    expect(tables[0].items['生产经营性收入']).toBe(5000);
  });

  it('keeps the canonical item when the table gives it besides its sub-items', async () => {
    const file = await xlsxFile('a/2023收入测算.xlsx', {
      Sheet1: [
        ['经营性收入', '9000'],
        ['种植收入', '2000'],
        ['工资性收入', '1000'],
      ],
    });
    expect(readIncomeTables(file, vocab)).toEqual([
      { path: 'a/2023收入测算.xlsx', year: 2023, location: 'Sheet1', items: { 生产经营性收入: 9000, 种植收入: 2000, 工资性收入: 1000 } },
    ]);
  });

  it('takes the year from the identify stage for a file per year', async () => {
    const file = await xlsxFile('红星村/张三/收入测算表.xlsx', { Sheet1: [['工资性收入', '5000'], ['转移性收入', '1200']] }, [incomeMatch([2022])]);
    expect(readIncomeTables(file, vocab).map((t) => t.year)).toEqual([2022]);
  });

  it('reads an income table in a Word document, with the year from its title', async () => {
    const file = await docxFile(
      '红星村/张三/收入测算.docx',
      ['2023年度家庭收入测算表', '户主：张三'],
      [
        ['收入项目', '金额', '说明'],
        ['工资性收入', '15,600元', '务工'],
        ['生产经营性收入', '4200', '种植'],
        ['财产性收入', '0', ''],
        ['转移性收入', '3100', '养老金'],
        ['人均纯收入', '7633.33', ''],
      ],
    );
    const [table] = readIncomeTables(file, vocab);
    expect(table.year).toBe(2023);
    expect(table.location).toContain('表格1');
    expect(table.items).toEqual({ 工资性收入: 15600, 生产经营性收入: 4200, 财产性收入: 0, 转移性收入: 3100, 人均纯收入: 7633.33 });
  });

  it('reads labels in columns with one row per year and amounts in 万元', async () => {
    const file = await xlsxFile('a/收支情况.xlsx', {
      汇总: [
        ['家庭收支情况统计'],
        ['年度', '工资性收入（万元）', '经营性收入（万元）', '转移性收入（万元）', '人均纯收入（元）', '备注'],
        ['2022', '1.2', '0.35', '0.24', '8950', '无'],
        ['2023', '1.5', '0.4', '0.3', '11000', '新增公益岗'],
      ],
    });
    expect(readIncomeTables(file, vocab).map((t) => [t.year, t.items])).toEqual([
      [2022, { 工资性收入: 12000, 生产经营性收入: 3500, 转移性收入: 2400, 人均纯收入: 8950 }],
      [2023, { 工资性收入: 15000, 生产经营性收入: 4000, 转移性收入: 3000, 人均纯收入: 11000 }],
    ]);
  });

  it('applies a table-wide 单位：万元 to money items but not to the head count', async () => {
    const file = await xlsxFile('a/2024年收入核算.xlsx', {
      Sheet1: [
        ['2024年收入核算表', '', '单位：万元'],
        ['工资性收入', '0.8', ''],
        ['转移性收入', '0.25', ''],
        ['家庭人口', '4', ''],
      ],
    });
    expect(readIncomeTables(file, vocab)[0].items).toEqual({ 工资性收入: 8000, 转移性收入: 2500, 家庭人口: 4 });
  });

  it('reads labels in rows with a column per year', async () => {
    const file = await xlsxFile('a/收入对比.xlsx', {
      Sheet1: [
        ['项目', '2022年', '2023年'],
        ['工资性收入', '10000', '11000'],
        ['转移性收入', '2000', '2100'],
      ],
    });
    expect(readIncomeTables(file, vocab).map((t) => [t.year, t.items])).toEqual([
      [2022, { 工资性收入: 10000, 转移性收入: 2000 }],
      [2023, { 工资性收入: 11000, 转移性收入: 2100 }],
    ]);
  });

  it('skips a table whose year cannot be told', async () => {
    const file = await xlsxFile('a/收入.xlsx', { Sheet1: [['工资性收入', '5000']] });
    expect(readIncomeTables(file, vocab)).toEqual([]);
  });
});
