import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { Finding, ItemMatch, TextBlock } from '../../rules/api.js';
import { personalDataExposed } from '../../rules/personal-data-exposed.js';
import { extractPdf } from '../../main/engine/extract/pdf-adapter.js';
import { loadHealthWordList } from '../../main/engine/config/rule-data/health-words.js';
import { makeModel, runRule, type FileSpec } from './helpers/make-model.js';

const health = await loadHealthWordList();

const validId = '620422198001011230';
const noticePath = '红星村/张三/识别纳入/村级公示.docx';

function scan(file: Partial<FileSpec>): Finding[] {
  const model = makeModel({
    data: health,
    villages: [{ name: '红星村', households: [{ head: '张三', files: [{ path: noticePath, ...file }] }] }],
  });
  return runRule(personalDataExposed, model);
}

const kinds = (findings: Finding[]): unknown[] => findings.map((f) => f.details.kind);
const notice = (...text: string[]): Finding[] => scan({ text });

describe('personal-data-exposed: valid (nothing reported)', () => {
  const valid: Array<[string, string]> = [
    ['masked ID number', `户主张三，身份证号620422********1234，家庭人口4人。`],
    ['ID masked with X', '身份证号620422XXXXXXXX1234'],
    ['ID with a wrong check digit', '身份证号620422198001011231'],
    ['a mobile number inside a longer number', '档案编号0931139123456789'],
    ['16 digits failing the card checksum', '账号6222021234567895'],
    ['a household number of card length that passes the card checksum', '户编号：6222021234567894'],
    ['health word inside an exception', '认真贯彻会议精神，展现良好精神面貌，推进精神文明建设，参加大病保险。'],
    ['精神 as document wording', '按照上级的精神，经村民代表评议。'],
    ['risk type 因病 is allowed in a notice', '风险类型：因病，家庭人口4人。'],
  ];
  it.each(valid)('%s', (_name, text) => {
    expect(notice(text)).toEqual([]);
  });

  it('a file that is not a public notice is not checked', () => {
    expect(scan({ path: '红星村/张三/家庭基本情况表.docx', text: [`身份证号${validId}，电话13912345678，患有尿毒症`] })).toEqual([]);
  });

  it('in a combined document only the notice page is checked', () => {
    const blocks: TextBlock[] = [
      { text: `户主身份证号${validId}，电话13912345678`, location: '第2页', page: 2 },
      { text: '关于张三户纳入监测对象的公示', location: '第3页', page: 3 },
    ];
    const matches: ItemMatch[] = [{ item: '识别纳入程序', procedure: '识别纳入', step: '村级公示', years: [2023], via: 'content', location: '第3页' }];
    expect(scan({ path: '红星村/张三/识别纳入资料.pdf', content: { blocks, title: '识别纳入资料' }, matches })).toEqual([]);
  });
});

describe('personal-data-exposed: invalid (reported)', () => {
  it('a full ID number with a valid checksum, masked in message and details', () => {
    const findings = notice('户主：张三', `身份证号：${validId}`);
    expect(kinds(findings)).toEqual(['id-number']);
    const [f] = findings;
    expect(f.key).toBe(`personal-data-exposed|红星村|张三|${noticePath}|id-number`);
    expect(f).toMatchObject({ severity: 'error', village: '红星村', household: '张三', path: noticePath });
    expect(f.details).toMatchObject({ kind: 'id-number', location: '第2段', sample: '6204**********1230', count: 1 });
    expect(f.message).toBe('公示材料中出现完整身份证号（第2段，6204**********1230），共 1 处，公示前应隐去中间位数');
    expect(JSON.stringify(f)).not.toContain(validId);
  });

  it('an ID ending in X and one with a disability-card suffix', () => {
    const findings = notice('身份证号11010519491231002X', `残疾证号${validId}43`);
    expect(findings[0].details).toMatchObject({ kind: 'id-number', count: 2, locations: ['第1段', '第2段'] });
  });

  it('a mobile number, also written 3-4-4 and full-width', () => {
    const findings = notice('联系电话：13912345678', '监督电话 139 1234 5678', '手机１５８１２３４５６７８');
    expect(kinds(findings)).toEqual(['phone']);
    expect(findings[0].details).toMatchObject({ sample: '139****5678', count: 3 });
  });

  it('a bank card number passing the Luhn check, spaced or not', () => {
    const findings = notice('一卡通账号6222021234567894', '账号 6228 4812 3456 7890 011');
    expect(kinds(findings)).toEqual(['bank-account']);
    expect(findings[0].details).toMatchObject({ sample: '6222********7894', count: 2 });
    expect(findings[0].message).toContain('银行卡号');
  });

  it('an 18-digit ID number is not also a bank card', () => {
    expect(kinds(notice(`${validId}`))).toEqual(['id-number']);
  });

  it('health words, the longest at a place, also in OCR spacing', () => {
    const findings = notice('张三，患有尿毒症', '李四，重度残疾', '王五 患 有 大 病');
    expect(kinds(findings)).toEqual(['health']);
    expect(findings[0].details).toMatchObject({ sample: '尿毒症', count: 3, locations: ['第1段', '第2段', '第3段'] });
    expect(findings[0].message).toBe('公示材料中写明了健康状况“尿毒症”（第1段），共 3 处，公示时不应公开病情或残疾情况');
  });

  it('精神 alone outside its exceptions counts', () => {
    expect(kinds(notice('该户成员患精神病，精神面貌较差'))).toEqual(['health']);
    expect(notice('患有严重的精神疾病')[0].details).toMatchObject({ kind: 'health', sample: '精神疾病' });
  });

  it('one finding per kind, in order of first appearance', () => {
    const findings = notice(`张三 ${validId} 13912345678 肢体残疾二级`, `李四 620422196503150020`);
    expect(findings.map((f) => [f.details.kind, f.details.count])).toEqual([
      ['id-number', 2],
      ['phone', 1],
      ['health', 1],
    ]);
  });

  it('recognises a notice by its title, a 公告 by name, and a 村级公示 step for the whole file', () => {
    const text = ['联系电话：13912345678'];
    expect(kinds(scan({ path: '红星村/张三/扫描001.docx', text, content: { title: '关于拟纳入防返贫监测对象的公示' } }))).toEqual(['phone']);
    expect(kinds(scan({ path: '红星村/张三/县级审定结果公告.docx', text }))).toEqual(['phone']);
    const matches: ItemMatch[] = [{ item: '识别纳入程序', procedure: '识别纳入', step: '村级公示', years: [2023], via: 'folder' }];
    expect(kinds(scan({ path: '红星村/张三/材料3.docx', text, matches }))).toEqual(['phone']);
  });

  it('in a combined document the notice page is checked', () => {
    const blocks: TextBlock[] = [
      { text: '家庭基本情况', location: '第2页', page: 2 },
      { text: '公示：张三户，联系电话13912345678', location: '第3页', page: 3 },
    ];
    const matches: ItemMatch[] = [{ item: '识别纳入程序', procedure: '识别纳入', step: '村级公示', years: [2023], via: 'content', location: '第3页' }];
    const findings = scan({ path: '红星村/张三/识别纳入资料.pdf', content: { blocks, title: '识别纳入资料' }, matches });
    expect(findings.map((f) => f.details.location)).toEqual(['第3页']);
  });

  it('a notice sheet with ID numbers in cells, located Sheet!B7', () => {
    const rows = [['公示名单', ''], ['姓名', '身份证号'], ...Array.from({ length: 4 }, () => ['', '']), ['张三', validId]];
    const findings = scan({ path: '红星村/张三/公示名单.xlsx', content: { blocks: [], tables: [{ name: 'Sheet1', kind: 'sheet', rows, location: 'Sheet1' }] } });
    expect(findings[0].details).toMatchObject({ kind: 'id-number', location: 'Sheet1!B7' });
  });

  it('a village notice has no household', () => {
    const model = makeModel({ data: health, villages: [{ name: '红星村', files: [{ path: '红星村/公示/2023年监测对象公示.docx', text: ['张三 13912345678'] }] }] });
    expect(runRule(personalDataExposed, model).map((f) => f.key)).toEqual(['personal-data-exposed|红星村||红星村/公示/2023年监测对象公示.docx|phone']);
  });
});

describe('personal-data-exposed on a real PDF', () => {
  it('finds the ID number and health word on the notice page of a generated PDF', async () => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56 });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
    pdf.registerFont('zh', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYiZenHei');
    pdf.font('zh').fontSize(14);
    pdf.text('关于张三户纳入防返贫监测对象的公示');
    pdf.text(`户主张三，身份证号${validId}，家庭人口4人。`);
    pdf.text('李四户：620422********0020，风险类型：因病。');
    pdf.text('王五，患有白血病。');
    pdf.end();
    await ended;
    const content = await extractPdf(Buffer.concat(chunks));
    const findings = scan({ path: '红星村/张三/监测对象公示.pdf', content });
    expect(findings.map((f) => [f.details.kind, f.details.location, f.details.sample])).toEqual([
      ['id-number', '第1页', '6204**********1230'],
      ['health', '第1页', '白血病'],
    ]);
  });
});
