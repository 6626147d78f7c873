// Village ledgers (村级台账) and the township's monitoring-system export (~15,000 person rows).
import type { OutFile } from './household-files.js';
import { DocxTemplate, XlsxTemplate, type SheetTemplate } from './office-templates.js';
import { makePdf } from './pdf-writer.js';
import { COUNTY, TOWNSHIP, isEliminated, type Household, type Village } from './roster.js';

const LEDGER_DIR = '一、村级台账';

async function xlsx(label: string, sheets: SheetTemplate[], date: string): Promise<Uint8Array> {
  return (await XlsxTemplate.build(label, sheets)).fill({}, date);
}

const pad = (row: Array<string | number | null>, width: number) => [...row, ...Array(Math.max(0, width - row.length)).fill(null)];

export async function buildVillageFiles(village: Village): Promise<OutFile[]> {
  const at = (name: string) => `${village.folder}/${LEDGER_DIR}/${name}`;
  const monitored = village.households.filter((h) => h.monitoring);
  const files: OutFile[] = [];
  files.push({
    path: at('01防返贫监测对象台账.xlsx'),
    bytes: await xlsx('monitoring', [{ name: '监测对象', merges: ['A1:I1'], rows: [
      pad([`${village.name}防返贫监测对象台账`], 9),
      ['序号', '户主姓名', '家庭人口', '监测对象类别', '致贫/返贫风险', '识别监测时间', '风险是否消除', '消除监测时间', '最近走访日期'],
      ...monitored.map((h, i) => [i + 1, h.head, h.members.length, h.monitoring!.category, h.monitoring!.risks.join('、'), h.monitoring!.identified,
        isEliminated(h) ? '是' : '否', h.monitoring!.eliminated ?? '', `2023-09-${String(1 + (i % 25)).padStart(2, '0')}`]),
    ] }], '2023-09-26'),
  });
  const people = village.households.filter((h) => h.householdType === '脱贫户').flatMap((h) => h.members.map((p) => [h.head, p.name, p.relation, h.members.length]));
  files.push({
    path: at('02脱贫人口花名册.xlsx'),
    bytes: await xlsx('roster', [{ name: '花名册', merges: ['A1:E1'], rows: [
      pad([`${village.name}脱贫人口花名册（2023年6月30日更新）`], 5),
      ['序号', '户主姓名', '成员姓名', '与户主关系', '家庭人口'],
      ...people.map((r, i) => [i + 1, ...r]),
    ] }], '2023-06-30'),
  });
  const logDates: string[] = [];
  for (let month = 1; month <= 9; month++) for (const d of [6, 16, 26]) logDates.push(`2023年${month}月${d}日`);
  const logTexts = ['入户走访监测户，核实收入和“三保障”情况', '召开村两委会议，研究防返贫监测工作', '开展政策宣讲，发放明白纸', '协调落实到户产业奖补资金', '排查住房和饮水安全'];
  files.push({
    path: at('03驻村工作队工作日志.docx'),
    bytes: (await DocxTemplate.build('log', [{ kind: 'title', text: '驻村工作队工作日志' }, ...logDates.map((d, i) => ({ kind: 'p' as const, text: `${d}　${logTexts[i % logTexts.length]}` }))])).fill({}, '2023-09-26'),
  });
  files.push({
    path: at('04村两委会议记录.docx'),
    bytes: (await DocxTemplate.build('meetings', [{ kind: 'title', text: '村两委会议记录' }, { kind: 'p', text: '2023年9月5日　研究本村防返贫监测对象风险消除事宜，参会9人。' }, { kind: 'p', text: '2023年6月12日　研究到户产业奖补资金分配方案。' }])).fill({}, '2023-09-05'),
  });
  files.push({
    path: at('05政策宣传资料.pdf'),
    bytes: await makePdf([{ kind: 'title', text: '政策宣传资料' }, { kind: 'p', text: `${village.name}巩固拓展脱贫攻坚成果同乡村振兴有效衔接政策明白纸。` }, { kind: 'p', text: '防返贫监测：农户可自主申报，村里入户核查，符合条件的纳入监测帮扶。' }], '2023-04-20', '政策宣传资料'),
  });
  files.push({
    path: at('06人居环境整治台账.xlsx'),
    bytes: await xlsx('environment', [{ name: '整治台账', rows: [[`${village.name}人居环境整治台账`, null, null, null], ['日期', '整治内容', '参与人数', '备注'], ['2023-04-12', '村道垃圾清运', 26, '春季集中整治'], ['2023-08-30', '房前屋后杂物清理', 31, '']] }], '2023-08-30'),
  });
  files.push({
    path: at('07产业发展台账.xlsx'),
    bytes: await xlsx('industry', [{ name: '产业发展', rows: [[`${village.name}产业发展台账`, null, null, null, null], ['日期', '项目名称', '受益户数', '资金（万元）', '备注'], ['2023-03-18', '马铃薯良种推广', 42, 12.6, '衔接资金'], ['2023-05-10', '肉牛养殖合作社', 18, 30, '入股分红']] }], '2023-05-10'),
  });
  files.push({
    path: at('08问题整改台账.xlsx'),
    bytes: await xlsx('fixes', [{ name: '整改台账', rows: [[`${village.name}问题整改台账`, null, null, null, null], ['序号', '问题', '整改措施', '责任人', '完成时间'], [1, '部分户档资料填写不规范', '逐户核对补正', '村文书', '2023-07-31']] }], '2023-09-10'),
  });
  return files;
}

const EXPORT_HEADER = [
  '县', '乡(镇)', '行政村', '户编号', '姓名', '证件号码', '与户主关系', '户类型', '监测对象类别', '致贫/返贫风险1', '致贫/返贫风险2',
  '识别监测时间', '风险是否已消除', '消除监测时间', '健康状况', '在校生状况', '是否享受低保', '是否特困供养',
  '工资性收入', '生产经营性收入', '财产性收入', '转移性收入', '生产经营性支出', '家庭纯收入', '人均纯收入（元）', '家庭人口数',
];

function personRows(h: Household): Array<Array<string | number>> {
  const m = h.monitoring;
  const i = h.income[2023];
  const yyyymm = (month: string | undefined) => (month ? month.replace('-', '') : '');
  return h.members.map((p) => [
    COUNTY, TOWNSHIP, h.village, h.id, p.name, p.maskedId, p.relation, h.householdType, m?.category ?? '', m?.risks[0] ?? '', m?.risks[1] ?? '',
    yyyymm(m?.identified), m ? (isEliminated(h) ? '是' : '否') : '', yyyymm(m?.eliminated), p.health, p.schooling, p.dibao ? '是' : '否', '否',
    i.工资性收入, i.生产经营性收入, i.财产性收入, i.转移性收入, i.生产经营性支出, i.家庭纯收入, i.人均纯收入, i.家庭人口,
  ]);
}

export async function buildSystemExport(villages: Village[]): Promise<OutFile> {
  const rows = villages.flatMap((v) => v.households.flatMap(personRows));
  const width = EXPORT_HEADER.length;
  return {
    path: '00 系统导出/（自定义）监测对象信息.xlsx',
    bytes: await xlsx('export', [{ name: '（自定义）监测对象信息', merges: ['A1:Z1', 'A2:Z2'], rows: [
      pad(['（自定义）监测对象信息'], width),
      pad([`导出单位：${COUNTY}${TOWNSHIP}　导出时间：2023-09-25　收入年度：2023`], width),
      EXPORT_HEADER,
      ...rows,
    ] }], '2023-09-25'),
  };
}
