import { describe, expect, it } from 'vitest';
import type { ExtractedContent } from '../../../rules/api.js';
import { loadChecklist } from '../../../main/engine/config/checklist/load-checklist.js';
import { identifyFile, prepareChecklist, readYears } from '../../../main/engine/identify/identify-documents.js';

const prepared = prepareChecklist((await loadChecklist()).checklist);
const content = (title: string, extra: Partial<ExtractedContent> = {}): ExtractedContent => ({
  format: 'docx',
  title,
  blocks: [{ text: title, location: '第1段' }],
  tables: [],
  dates: [],
  ...extra,
});
const household = (path: string, c: ExtractedContent | null = null) =>
  identifyFile({ path, name: path.split('/').pop()!, content: c }, '红星村/户档/0001_张三', 'household', prepared).map((m) => [m.item, m.years, m.via]);

describe('identifyFile', () => {
  it('matches file names after numbering and punctuation are stripped', () => {
    expect(household('红星村/户档/0001_张三/01、帮扶政策明白卡.pdf')).toEqual([['帮扶政策明白卡', [], 'filename']]);
    expect(household('红星村/户档/0001_张三/（三）户口本.jpg')).toEqual([['户口簿及身份证复印件', [], 'filename']]);
  });

  it('reads the year from the name, or from sheet names, or from the latest date in the text', () => {
    expect(household('红星村/户档/0001_张三/2023年家庭收入测算表.xlsx')).toEqual([['家庭收入测算表', [2023], 'filename']]);
    const workbook = content('家庭收入测算表', {
      format: 'xlsx',
      tables: [
        { name: '2022年', kind: 'sheet', rows: [], location: '2022年' },
        { name: '2023年', kind: 'sheet', rows: [], location: '2023年' },
      ],
    });
    expect(household('红星村/户档/0001_张三/收入测算.xlsx', workbook)).toEqual([['家庭收入测算表', [2022, 2023], 'filename']]);
    const dated = content('收入核算', { dates: [{ date: '2022-03-01', precision: 'day', location: '第2段', text: '' }, { date: '2023-03-15', precision: 'day', location: '第9段', text: '' }] });
    expect(household('红星村/户档/0001_张三/扫描件.docx', dated)).toEqual([['家庭收入测算表', [2023], 'title']]);
  });

  it('falls back to the document title, then to the folder name', () => {
    expect(household('红星村/户档/0001_张三/新建文档.docx', content('帮扶责任人走访记录'))).toEqual([['帮扶责任人走访记录', [], 'title']]);
    expect(household('红星村/户档/0001_张三/明白卡/IMG_0001.jpg')).toEqual([['帮扶政策明白卡', [], 'folder']]);
  });

  it('counts a combined three-guarantees form for the items it covers', () => {
    expect(household('红星村/户档/0001_张三/两不愁三保障及饮水安全核验表.docx').map((m) => m[0]).sort()).toEqual([
      '两不愁三保障及饮水安全核验表',
      '住房安全认定',
      '饮水安全评估',
      '医疗保障参保凭证',
      '义务教育保障印证',
    ].sort());
  });

  it('matches village files against village items only', () => {
    const village = identifyFile({ path: '红星村/村级台账/2023年监测对象台账.xlsx', name: '2023年监测对象台账.xlsx', content: null }, '红星村', 'village', prepared);
    expect(village.map((m) => m.item)).toEqual(['防返贫监测对象台账']);
    expect(household('红星村/户档/0001_张三/监测台账.xlsx')).toEqual([]);
  });

  it('reads years but not from ID numbers', () => {
    expect(readYears('2022年度收入（620422200312125678）')).toEqual([2022]);
    expect(readYears('二〇二三年收入测算')).toEqual([2023]);
  });
});
