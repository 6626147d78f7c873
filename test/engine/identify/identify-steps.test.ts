import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedContent, ItemMatch, ProcedureDefinition } from '../../../rules/api.js';
import { loadChecklist } from '../../../main/engine/config/checklist/load-checklist.js';
import { normalizeName, stripNumbering } from '../../../main/engine/discover/archive-names.js';
import { findDates } from '../../../rules/lib/find-dates.js';
import { identifySteps } from '../../../main/engine/identify/identify-steps.js';

let procedures: ProcedureDefinition[];
let itemWords: string[];

beforeAll(async () => {
  const { checklist } = await loadChecklist();
  procedures = checklist.procedures;
  itemWords = checklist.items.flatMap((i) => [i.name, ...i.aliases]);
});

/** Name parts the way the identify stage passes them: the file's own name, then its folders nearest first. */
function partsOf(relativePath: string): string[] {
  const segments = relativePath.split('/');
  const name = segments.pop()!.replace(/\.[^.]+$/, '');
  return [name, ...segments.reverse()].map((s) => normalizeName(stripNumbering(s)));
}

function pdf(pages: string[], title: string | null = null): ExtractedContent {
  const blocks = pages.map((text, i) => ({ text, location: `第${i + 1}页`, page: i + 1 }));
  return { format: 'pdf', title: title ?? pages[0].split('\n')[0], blocks, tables: [], dates: findDates(blocks), pageCount: pages.length };
}

function docx(paragraphs: string[]): ExtractedContent {
  const blocks = paragraphs.map((text, i) => ({ text, location: `第${i + 1}段` }));
  return { format: 'docx', title: paragraphs[0], blocks, tables: [], dates: findDates(blocks) };
}

const photo: ExtractedContent = { format: 'image', title: null, blocks: [], tables: [], dates: [], isScan: true };

function identify(relativePath: string, content: ExtractedContent | null, masks: string[] = []): ItemMatch[] {
  const name = relativePath.split('/').pop()!;
  return identifySteps({ name, path: `红星村/张三/${relativePath}`, content }, procedures, partsOf(relativePath), masks);
}

const brief = (m: ItemMatch) => `${m.procedure}/${m.step}`;

describe('identifySteps: files and photos named by a step', () => {
  it('recognises a photo by its numbered file name', () => {
    const [match, ...rest] = identify('03村级公示.jpg', photo);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ item: '识别纳入程序', procedure: '识别纳入', step: '村级公示', via: 'filename' });
  });

  it('gives a step both procedures share to 识别纳入 unless the folder says 风险消除', () => {
    expect(identify('民主评议记录.docx', null).map(brief)).toEqual(['识别纳入/民主评议']);
    expect(identify('风险消除/民主评议记录.docx', null).map(brief)).toEqual(['风险消除/民主评议']);
    expect(identify('2023年退出/入户核查表.pdf', null).map(brief)).toEqual(['风险消除/入户核实']);
    expect(identify('入户核查表.pdf', null).map(brief)).toEqual(['识别纳入/入户核查']);
  });

  it('reads the step from the folder a photo is filed in', () => {
    const [match] = identify('识别纳入程序/04公示照片/IMG_0001.jpg', photo);
    expect(match).toMatchObject({ procedure: '识别纳入', step: '村级公示', via: 'folder' });
    expect(identify('风险消除程序/02民主评议/IMG_0002.jpg', photo).map(brief)).toEqual(['风险消除/民主评议']);
  });

  it('does not confuse 公告 with 公示', () => {
    expect(identify('结果公告.jpg', photo).map(brief)).toEqual(['识别纳入/结果公告']);
    expect(identify('公示.jpg', photo).map(brief)).toEqual(['识别纳入/村级公示']);
  });

  it('takes a single-step file\'s own dates, and a notice\'s period from its text', () => {
    const [notice] = identify(
      '村级公示.docx',
      docx(['关于张三纳入防返贫监测对象的公示', '经民主评议，拟将张三户纳入监测对象。', '公示时间：2023年3月6日至3月10日。', '红星村村民委员会', '2023年3月6日']),
    );
    expect(notice).toMatchObject({ step: '村级公示', dates: ['2023-03-06', '2023-03-10'], years: [2023] });
    const [review] = identify('乡镇审核意见.docx', docx(['乡镇审核意见', '同意纳入。', '2023年3月12日']));
    expect(review).toMatchObject({ step: '乡镇审核', dates: ['2023-03-12'] });
  });

  it('lets a longer checklist item name win over a step alias inside it', () => {
    expect(identify('基本情况核查表.docx', null, itemWords)).toEqual([]);
    expect(identify('家庭收入测算表.xlsx', null, itemWords)).toEqual([]);
    expect(identify('风险消除信息采集表.docx', null, itemWords).map(brief)).toEqual(['风险消除/入户核实']);
  });
});

describe('identifySteps: a combined procedure document', () => {
  const pages = [
    '红星村防返贫监测对象识别纳入程序资料\n户主：张三',
    '农户申请书\n本人张三，因病导致家庭收入下降，申请纳入防返贫监测对象。\n申请人：张三 2023年3月1日',
    '入户核查表\n核查时间：2023年3月2日\n核查人：李四',
    '民主评议记录\n时间：2023年3月5日\n经村民代表评议，同意纳入，并将结果进行公示，请乡镇审定确认。',
    '关于张三纳入防返贫监测对象的公示\n公示时间：2023年3月6日至3月10日\n红星村村民委员会\n2023年3月6日',
    '乡镇审核意见\n同意。\n2023年3月12日',
    '县级审定\n经审定，同意纳入。\n2023年3月15日',
  ];

  it('finds each step at the top of its page, with that page\'s dates', () => {
    const matches = identify('识别程序资料.pdf', pdf(pages));
    expect(matches.map((m) => [m.step, m.location, m.dates, m.via])).toEqual([
      ['农户申请', '第2页', ['2023-03-01'], 'content'],
      ['入户核查', '第3页', ['2023-03-02'], 'content'],
      ['民主评议', '第4页', ['2023-03-05'], 'content'],
      ['村级公示', '第5页', ['2023-03-06', '2023-03-10'], 'content'],
      ['乡镇审核', '第6页', ['2023-03-12'], 'content'],
      ['县级审定', '第7页', ['2023-03-15'], 'content'],
    ]);
    expect(matches.every((m) => m.procedure === '识别纳入' && m.item === '识别纳入程序')).toBe(true);
  });

  it('reads a whole PDF page as one block or line by line alike', () => {
    const lineBlocks = pages.flatMap((text, i) => text.split('\n').map((line) => ({ text: line, location: `第${i + 1}页`, page: i + 1 })));
    const content: ExtractedContent = { format: 'pdf', title: null, blocks: lineBlocks, tables: [], dates: [] };
    expect(identify('识别程序资料.pdf', content).map((m) => m.location)).toEqual(['第2页', '第3页', '第4页', '第5页', '第6页', '第7页']);
  });

  it('gives the shared steps of a 风险消除 document to 风险消除, and ignores words in running text and form fields', () => {
    const matches = identify(
      '风险消除程序.docx',
      docx([
        '张三户风险消除程序资料',
        '一、入户核实',
        '2023年8月1日入户核实，家庭收入稳定，经确认风险已消除。',
        '二、民主评议',
        '2023年8月3日召开村民代表会议评议，同意消除，评议结果予以公示',
        '三、公示',
        '公示期：2023年8月4日至2023年8月6日',
        '四、乡镇审核',
        '审定意见：同意',
        '2023年8月8日',
      ]),
    );
    expect(matches.map((m) => [m.procedure, m.step, m.location, m.dates])).toEqual([
      ['风险消除', '入户核实', '第2段', ['2023-08-01']],
      ['风险消除', '民主评议', '第4段', ['2023-08-03']],
      ['风险消除', '村级公示', '第6段', ['2023-08-04', '2023-08-06']],
      ['风险消除', '乡镇审核', '第8段', ['2023-08-08']],
    ]);
  });

  it('follows a part heading that switches procedure inside one bundle', () => {
    const matches = identify(
      '张三程序资料.docx',
      docx(['一、识别纳入程序', '民主评议', '2022年5月3日', '二、风险消除程序', '民主评议', '2023年9月2日']),
    );
    expect(matches.map((m) => [brief(m), m.dates])).toEqual([
      ['识别纳入/民主评议', ['2022-05-03']],
      ['风险消除/民主评议', ['2023-09-02']],
    ]);
  });

  it('does not read steps out of an ordinary document\'s headings', () => {
    const content = docx(['家庭基本情况表', '审核意见', '确认', '2023年3月1日']);
    expect(identify('家庭基本情况表.docx', content, itemWords)).toEqual([]);
  });
});
