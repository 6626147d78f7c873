// One household folder: about 20 files in the formats villages keep — Excel forms, Word records,
// PDFs with a text layer, one Word 97 file and photos. Text differs per household (names, numbers,
// dates, chosen sentences), so a content-addressed cache cannot fold households together.
import { makePdf } from './pdf-writer.js';
import { between, cnDate, isEliminated, makeRandom, pick, type Household, type Random, type Village } from './roster.js';
import { INCOME_KEYS, MAX_MEMBERS, VISIT_ENTRIES, type Templates } from './templates.js';
import type { DocBlock, Values } from './office-templates.js';

export interface OutFile {
  path: string;
  bytes: Uint8Array;
}

const VISIT_TEXTS = [
  '入户了解家庭收入和务工情况，宣传防返贫监测政策',
  '核实家庭成员就业、就医、就学情况，无新增风险',
  '宣讲医保参保缴费和大病救助政策，提醒按时缴费',
  '了解种植养殖收益，协调落实产业奖补',
  '查看住房和饮水情况，住房安全，自来水正常',
  '帮助联系县内务工岗位，登记就业意向',
  '了解子女上学情况，落实教育资助政策',
  '核对收入测算数据，户主签字确认',
];
const CROPS = ['种植马铃薯{n}亩', '种植玉米{n}亩', '养羊{n}只', '养牛{n}头', '种植中药材{n}亩', '种植花椒{n}亩'];
const MEASURES = ['产业奖补', '务工交通补贴', '技能培训', '公益性岗位', '小额信贷', '医疗救助', '教育资助', '临时救助'];
const PLACES = ['县城', '兰州市', '西安市', '本镇', '新疆', '宁波市', '乡镇企业'];
const NEEDS = ['希望落实务工岗位', '需要产业技术指导', '申请小额信贷发展养殖', '希望解决子女上学交通问题', '需要申请临时救助', '希望参加技能培训'];

function seededRandom(household: Household): Random {
  let hash = 2166136261;
  for (const c of household.id) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  return makeRandom(hash);
}

function day(random: Random, year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A tiny valid JPEG; photos are listed by name, never read, so one image serves every photo. */
export const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABsSFBcUERsXFhceHBsgKEIrKCUlKFE6PTBCYFVlZF9VXVtqeJmBanGQc1tdhbWGkJ6jq62rZ4C8ybqmx5moq6T/2wBDARweHigjKE4rK06kbl1upKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKSkpKT/wAARCAAQABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAQL/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwC6Agv/2Q==',
  'base64',
);
const PHOTOS = ['户口簿.jpg', '身份证.jpg', '帮扶照片1.jpg', '帮扶照片2.jpg', '帮扶照片3.jpg', '住房照片.jpg', '明白卡张贴照片.jpg'];

export function householdFolder(village: Village, household: Household): string {
  return `${village.folder}/二、户档/${String(household.seq).padStart(4, '0')}_${household.head}`;
}

export async function buildHouseholdFiles(village: Village, h: Household, t: Templates): Promise<OutFile[]> {
  const random = seededRandom(h);
  const folder = householdFolder(village, h);
  const files: OutFile[] = [];
  const add = (name: string, bytes: Uint8Array) => files.push({ path: `${folder}/${name}`, bytes });
  const m = h.monitoring;
  const size = h.members.length;
  const base: Values = { HEAD: h.head, SIZE: size, VILLAGE: h.village, CADRE: h.cadre };

  // Excel: basic information, two years of income, subsidies.
  const infoDate = day(random, 2023, 3);
  const info: Values = { ...base, DATE: cnDate(infoDate), TYPE: h.householdType, CAT: m?.category ?? '无', RISK: m ? m.risks.join('、') : '无', ELIM: m ? (isEliminated(h) ? '是' : '否') : '—' };
  h.members.slice(0, MAX_MEMBERS).forEach((person, i) => {
    Object.assign(info, { [`N${i}`]: person.name, [`REL${i}`]: person.relation, [`ID${i}`]: person.maskedId, [`H${i}`]: person.health, [`SC${i}`]: person.schooling, [`DB${i}`]: person.dibao ? '是' : '否' });
  });
  add('01家庭基本情况表.xlsx', t.basicInfo[Math.min(size, MAX_MEMBERS) - 1]!.fill(info, infoDate));

  const income: Values = { ...base, D2022: cnDate(day(random, 2022, 12)), D2023: cnDate(day(random, 2023, 8)) };
  for (const year of [2022, 2023] as const) {
    const items = Object.values(h.income[year]);
    INCOME_KEYS.forEach((key, i) => (income[`${key}${year}`] = items[i]!));
  }
  Object.assign(income, { NOTE_W: `${pick(random, PLACES)}务工${between(random, 3, 11)}个月`, NOTE_B: pick(random, CROPS).replace('{n}', String(between(random, 2, 30))), NOTE_P: '土地流转及村集体分红', NOTE_T: '养老金、地力补贴、生态补偿等', NOTE_E: '种子、化肥、饲料' });
  add('02家庭收入测算表.xlsx', t.income.fill(income, '2023-08-20'));

  const subsidy: Values = { HEAD: h.head, STOTAL: 0 };
  for (let i = 0; i < 3; i++) {
    const qty = between(random, 1, 20);
    const amount = qty * pick(random, [100, 150, 200, 300]);
    Object.assign(subsidy, { [`SD${i}`]: day(random, 2023, 3 + i * 2), [`SP${i}`]: pick(random, CROPS).replace('{n}', ''), [`SQ${i}`]: qty, [`SA${i}`]: amount });
    subsidy.STOTAL = (subsidy.STOTAL as number) + amount;
  }
  add('到户产业奖补资金明细.xlsx', t.subsidy.fill(subsidy, '2023-07-01'));

  // Word: visits and the guarantees form for every household.
  const visits: Values = { ...base };
  const months = [2, 4, 6, 8].map((mo) => mo + between(random, 0, 1));
  months.slice(0, VISIT_ENTRIES).forEach((month, i) => {
    visits[`VD${i}`] = cnDate(day(random, 2023, month));
    visits[`VT${i}`] = `${pick(random, VISIT_TEXTS)}；家庭人均纯收入约${h.income[2023].人均纯收入 + between(random, -300, 300)}元`;
  });
  add('走访记录.docx', t.docx.visits.fill(visits, day(random, 2023, 9)));
  const students = h.members.filter((person) => person.schooling === '义务教育').map((person) => person.name);
  const guaranteeDate = day(random, 2023, 4);
  add('两不愁三保障及饮水安全核验表.docx', t.docx.guarantees.fill({
    ...base, DATE: cnDate(guaranteeDate), HOUSE: `住房安全等级${pick(random, ['A', 'B'])}级，${between(random, 60, 160)}平方米`,
    WATER: pick(random, ['自来水入户，水质水量达标', '集中供水到户，全年不断水']), MEDICAL: `全家${size}人参加城乡居民医保`,
    SCHOOL: students.length > 0 ? `${students.join('、')}在校就读，无失学辍学` : '家中无义务教育阶段学生',
  }, guaranteeDate));

  if (m) {
    const planDate = addDays(`${m.identified}-01`, between(random, 14, 25));
    const plan = () => `${pick(random, MEASURES)}：${pick(random, VISIT_TEXTS)}，预计增收${between(random, 5, 60) * 100}元`;
    add('一户一策帮扶计划.docx', t.docx.plan.fill({ ...base, CAT: m.category, RISK: m.risks.join('、'), P0: plan(), P1: plan(), P2: plan(), DATE: cnDate(planDate) }, planDate));
    const start = `${m.identified}-${String(between(random, 1, 8)).padStart(2, '0')}`;
    const step = (days: number) => addDays(start, days);
    add('识别纳入程序/01农户申请书.jpg', JPEG);
    add('识别纳入程序/02入户核查表.docx', t.docx.check.fill({ ...base, CHECK: `${m.risks.join('、')}，家庭人均纯收入${h.income[2023].人均纯收入}元`, DATE: cnDate(step(1)) }, step(1)));
    add('识别纳入程序/03民主评议记录.docx', t.docx.review.fill({ ...base, PEOPLE: between(random, 15, 40), CAT: m.category, DATE: cnDate(step(3)) }, step(3)));
    add('识别纳入程序/04村级公示.docx', t.docx.notice.fill({ ...base, FROM: cnDate(step(4)), TO: cnDate(step(11)) }, step(4)));
    add('识别纳入程序/05乡镇审核意见.docx', t.docx.townshipReview.fill({ ...base, DATE: cnDate(step(12)) }, step(12)));
    add('识别纳入程序/06县级审定.pdf', await makePdf([{ kind: 'title', text: '县级审定意见' }, { kind: 'p', text: `经县乡村振兴局审定，同意${h.village}${h.head}户（${size}人）纳入防返贫监测对象，类别：${m.category}。` }, { kind: 'p', text: `审定日期：${cnDate(step(14))}` }], step(14), '县级审定意见'));
    if (m.eliminated) add('风险消除程序资料.pdf', await makePdf(eliminationBlocks(h, `${m.eliminated}-${String(between(random, 1, 8)).padStart(2, '0')}`, random), `${m.eliminated}-20`, '风险消除程序资料'));
  } else {
    const measureDate = day(random, 2023, 5);
    const measures: Values = { ...base, DATE: cnDate(measureDate) };
    for (let i = 0; i < 3; i++) Object.assign(measures, { [`M${i}`]: pick(random, MEASURES), [`R${i}`]: `已落实，${between(random, 2, 50) * 100}元` });
    add('帮扶措施落实情况登记表.docx', t.docx.measures.fill(measures, measureDate));
    const applyDate = day(random, 2023, 3);
    add('到户产业奖补申请书.docx', t.docx.subsidyApplication.fill({ ...base, YEAR: 2023, CROP: pick(random, CROPS).replace('{n}', String(between(random, 2, 30))), AMOUNT: between(random, 5, 40) * 100, DATE: cnDate(applyDate) }, applyDate));
    const worker = h.members.find((person) => person.relation !== '户主' && person.schooling === '非在校生') ?? h.members[0]!;
    add('务工就业情况登记表.docx', t.docx.employment.fill({ ...base, EN: worker.name, EP: pick(random, PLACES), EM: between(random, 3, 11), EI: between(random, 25, 60) * 100, DATE: cnDate(day(random, 2023, 6)) }, '2023-06-30'));
    add('帮扶需求调查表.docx', t.docx.needs.fill({ ...base, NEED: `${pick(random, NEEDS)}；${pick(random, NEEDS)}`, DATE: cnDate(day(random, 2023, 2)) }, '2023-02-28'));
  }

  // PDFs: every household's own.
  const cardDate = day(random, 2023, 3);
  add('帮扶政策明白卡.pdf', await makePdf([
    { kind: 'title', text: '帮扶政策明白卡' },
    { kind: 'p', text: `户主：${h.head}　家庭人口：${size}人　帮扶责任人：${h.cadre}` },
    { kind: 'p', text: `产业帮扶：${pick(random, CROPS).replace('{n}', String(between(random, 2, 30)))}，落实到户产业奖补。` },
    { kind: 'p', text: `就业帮扶：${pick(random, ['落实务工交通补贴', '推荐公益性岗位', '参加技能培训'])}。` },
    { kind: 'p', text: '医疗保障：城乡居民医保个人缴费按规定资助。' },
    { kind: 'p', text: `填卡日期：${cnDate(cardDate)}` },
  ], cardDate, '帮扶政策明白卡'));
  add('医保参保缴费证明.pdf', await makePdf([
    { kind: 'title', text: '城乡居民基本医疗保险参保缴费证明' },
    { kind: 'table', rows: [['姓名', '证件号码', '缴费年度', '缴费金额'], ...h.members.map((person) => [person.name, person.maskedId, '2023', String(pick(random, [0, 190, 350, 380]))])] },
    { kind: 'p', text: `打印日期：${cnDate(day(random, 2023, 2))}` },
  ], '2023-02-15', '参保缴费证明'));
  add('住房安全等级鉴定表.pdf', await makePdf([
    { kind: 'title', text: '农村住房安全等级鉴定表' },
    { kind: 'p', text: `户主：${h.head}　房屋结构：${pick(random, ['砖混', '砖木', '框架'])}　建筑面积：${between(random, 60, 180)}平方米` },
    { kind: 'p', text: `鉴定结论：${pick(random, ['A', 'B'])}级，安全。鉴定日期：${cnDate(day(random, 2022, 10))}` },
  ], '2022-10-20', '住房安全等级鉴定表'));

  // Word 97 and photos.
  add('帮扶联系卡.doc', t.doc.fill('contact', { HEAD: h.head, ID: h.id, CADRE: h.cadre, NOTE: `${pick(random, MEASURES)}、${pick(random, MEASURES)}，${pick(random, NEEDS)}` }));
  for (const name of PHOTOS) add(name, JPEG);
  // Most, not all, households with a 低保 or disabled member keep the certificate: some gaps stay real.
  if (h.members.some((person) => person.dibao) && random() < 0.9) add('低保证.jpg', JPEG);
  if (h.members.some((person) => person.health === '残疾') && random() < 0.9) add('残疾证复印件.jpg', JPEG);
  return files;
}

function eliminationBlocks(h: Household, start: string, random: Random): DocBlock[] {
  const step = (days: number) => cnDate(addDays(start, days));
  return [
    { kind: 'title', text: '风险消除入户核实表' },
    { kind: 'p', text: `户主：${h.head}　核实日期：${step(0)}　家庭人均纯收入${h.income[2023].人均纯收入}元，风险已稳定消除。` },
    { kind: 'page' },
    { kind: 'title', text: '民主评议记录' },
    { kind: 'p', text: `评议日期：${step(2)}　参加人数${between(random, 15, 40)}人，同意${h.head}户风险消除。` },
    { kind: 'page' },
    { kind: 'title', text: '村级公示' },
    { kind: 'p', text: `拟对${h.head}户标注风险消除，公示期：${step(3)}至${step(10)}。` },
    { kind: 'page' },
    { kind: 'title', text: '乡镇审核意见' },
    { kind: 'p', text: `审核日期：${step(11)}　同意风险消除。` },
    { kind: 'page' },
    { kind: 'title', text: '县级审定' },
    { kind: 'p', text: `审定日期：${step(13)}　同意${h.head}户风险消除。` },
  ];
}
