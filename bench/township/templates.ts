// The household documents' templates, built once per run with the real libraries.
import { DocTemplates } from './doc-templates.js';
import { DocxTemplate, num, XlsxTemplate, type DocBlock, type TemplateCell } from './office-templates.js';
import { TOWNSHIP } from './roster.js';

export const MAX_MEMBERS = 6;
export const VISIT_ENTRIES = 4;
export const INCOME_KEYS = ['W', 'B', 'P', 'T', 'E', 'N', 'PC', 'S'] as const;
export const INCOME_LABELS = ['工资性收入', '生产经营性收入', '财产性收入', '转移性收入', '生产经营性支出', '家庭纯收入', '人均纯收入', '家庭人口'] as const;
const INCOME_NOTES = ['{{NOTE_W}}', '{{NOTE_B}}', '{{NOTE_P}}', '{{NOTE_T}}', '{{NOTE_E}}', '', '', '人'];

export interface Templates {
  docx: Record<DocxKind, DocxTemplate>;
  basicInfo: XlsxTemplate[];
  income: XlsxTemplate;
  subsidy: XlsxTemplate;
  doc: DocTemplates;
}

export type DocxKind = 'visits' | 'guarantees' | 'measures' | 'subsidyApplication' | 'employment' | 'needs' | 'plan' | 'check' | 'review' | 'notice' | 'townshipReview';

const t = (text: string): DocBlock => ({ kind: 'title', text });
const p = (text: string): DocBlock => ({ kind: 'p', text });
const table = (rows: string[][]): DocBlock => ({ kind: 'table', rows });

const headLine = p('户主：{{HEAD}}　家庭人口：{{SIZE}}人　所在村：{{VILLAGE}}');

const DOCX: Record<DocxKind, DocBlock[]> = {
  visits: [
    t('帮扶责任人走访记录'),
    headLine,
    table([['走访日期', '走访内容'], ...Array.from({ length: VISIT_ENTRIES }, (_, i) => [`{{VD${i}}}`, `{{VT${i}}}`])]),
    p('帮扶责任人：{{CADRE}}　联系电话见帮扶手册'),
  ],
  guarantees: [
    t('两不愁三保障及饮水安全核验表'),
    headLine,
    table([['核验项目', '核验情况'], ['吃穿不愁', '不愁吃、不愁穿'], ['住房安全', '{{HOUSE}}'], ['饮水安全', '{{WATER}}'], ['基本医疗', '{{MEDICAL}}'], ['义务教育', '{{SCHOOL}}']]),
    p('核验人：{{CADRE}}　核验日期：{{DATE}}'),
  ],
  measures: [t('帮扶措施落实情况登记表'), headLine, table([['措施', '落实情况'], ['{{M0}}', '{{R0}}'], ['{{M1}}', '{{R1}}'], ['{{M2}}', '{{R2}}']]), p('登记日期：{{DATE}}')],
  subsidyApplication: [
    t('到户产业奖补申请书'),
    p('{{VILLAGE}}村民委员会：'),
    p('本人{{HEAD}}，家庭人口{{SIZE}}人，{{YEAR}}年{{CROP}}，现申请到户产业奖补资金{{AMOUNT}}元。'),
    p('申请人：{{HEAD}}　{{DATE}}'),
  ],
  employment: [t('家庭成员务工就业情况登记表'), headLine, table([['姓名', '务工地点', '务工月数', '月收入（元）'], ['{{EN}}', '{{EP}}', '{{EM}}', '{{EI}}']]), p('登记日期：{{DATE}}')],
  needs: [t('帮扶需求调查表'), headLine, p('主要需求：{{NEED}}'), p('调查人：{{CADRE}}　调查日期：{{DATE}}')],
  plan: [
    t('一户一策帮扶计划'),
    p('户主：{{HEAD}}　监测对象类别：{{CAT}}　主要风险：{{RISK}}'),
    p('帮扶措施一：{{P0}}'),
    p('帮扶措施二：{{P1}}'),
    p('帮扶措施三：{{P2}}'),
    p('帮扶责任人：{{CADRE}}　制定日期：{{DATE}}'),
  ],
  check: [t('入户核查表'), headLine, p('核查情况：{{CHECK}}'), p('核查人：{{CADRE}}　核查日期：{{DATE}}')],
  review: [t('民主评议记录'), p('评议对象：{{HEAD}}户　参加人数：{{PEOPLE}}人'), p('评议意见：同意纳入防返贫监测对象，类别为{{CAT}}。'), p('评议日期：{{DATE}}')],
  notice: [
    t('{{VILLAGE}}防返贫监测对象村级公示'),
    p('经农户申请、入户核查、民主评议，拟将{{HEAD}}户（{{SIZE}}人）纳入防返贫监测对象，现予公示。'),
    p('公示期：{{FROM}}至{{TO}}。如有异议，请向村委会反映。'),
    p('{{VILLAGE}}村民委员会　{{FROM}}'),
  ],
  townshipReview: [t('乡镇审核意见'), p(`经${TOWNSHIP}审核，同意{{HEAD}}户纳入防返贫监测对象。`), p('审核日期：{{DATE}}')],
};

function basicInfoTemplate(members: number): Promise<XlsxTemplate> {
  const pad = (row: TemplateCell[]): TemplateCell[] => [...row, ...Array(8 - row.length).fill(null)];
  const header = ['序号', '姓名', '与户主关系', '证件号码', '健康状况', '在校生状况', '是否享受低保', '是否特困供养'];
  const rows: TemplateCell[][] = Array.from({ length: members }, (_, i) => [i + 1, `{{N${i}}}`, `{{REL${i}}}`, `{{ID${i}}}`, `{{H${i}}}`, `{{SC${i}}}`, `{{DB${i}}}`, '否']);
  return XlsxTemplate.build(`basic-info-${members}`, [
    {
      name: '基本情况',
      merges: ['A1:H1', 'A2:H2'],
      rows: [
        pad(['家庭基本情况表']),
        pad([`乡镇：${TOWNSHIP}　行政村：{{VILLAGE}}　户主：{{HEAD}}　填表日期：{{DATE}}`]),
        header,
        ...rows,
        pad([]),
        pad(['户类型', '{{TYPE}}']),
        pad(['监测对象类别', '{{CAT}}']),
        pad(['致贫/返贫风险', '{{RISK}}']),
        pad(['风险是否已消除', '{{ELIM}}']),
        pad(['家庭人口', num('SIZE')]),
      ],
    },
  ]);
}

function incomeTemplate(): Promise<XlsxTemplate> {
  const sheet = (year: number) => ({
    name: `${year}年`,
    rows: [
      [`${year}年度家庭收入测算表`, null, null],
      [`户主：{{HEAD}}　家庭人口：{{SIZE}}人　测算日期：{{D${year}}}`, null, null],
      ['项目', '金额（元）', '备注'],
      ...INCOME_LABELS.map((label, i) => [label, num(`${INCOME_KEYS[i]}${year}`), INCOME_NOTES[i]!]),
      ['帮扶责任人：{{CADRE}}', null, null],
    ] as TemplateCell[][],
  });
  return XlsxTemplate.build('income', [sheet(2022), sheet(2023)]);
}

function subsidyTemplate(): Promise<XlsxTemplate> {
  return XlsxTemplate.build('subsidy', [
    {
      name: '奖补明细',
      rows: [
        ['到户产业奖补资金明细', null, null, null],
        ['户主：{{HEAD}}', null, null, null],
        ['发放日期', '项目', '数量', '奖补金额（元）'],
        ...Array.from({ length: 3 }, (_, i) => [`{{SD${i}}}`, `{{SP${i}}}`, num(`SQ${i}`), num(`SA${i}`)]),
        ['合计', null, null, num('STOTAL')],
      ],
    },
  ]);
}

export async function buildTemplates(): Promise<Templates> {
  const docxEntries = await Promise.all((Object.keys(DOCX) as DocxKind[]).map(async (kind) => [kind, await DocxTemplate.build(kind, DOCX[kind])] as const));
  const doc = await DocTemplates.build([
    {
      label: 'contact',
      slots: [{ key: 'HEAD', length: 4 }, { key: 'ID', length: 18 }, { key: 'CADRE', length: 4 }, { key: 'NOTE', length: 40 }],
      blocks: [t('帮扶联系卡'), p('户主：[[HEAD]]　户编号：[[ID]]'), p('帮扶责任人：[[CADRE]]'), p('本年帮扶重点：[[NOTE]]'), table([['户主', '[[HEAD]]'], ['帮扶责任人', '[[CADRE]]']])],
    },
  ]);
  return {
    docx: Object.fromEntries(docxEntries) as Record<DocxKind, DocxTemplate>,
    basicInfo: await Promise.all(Array.from({ length: MAX_MEMBERS }, (_, i) => basicInfoTemplate(i + 1))),
    income: await incomeTemplate(),
    subsidy: await subsidyTemplate(),
    doc,
  };
}
