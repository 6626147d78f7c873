import { beforeAll, describe, expect, it } from 'vitest';
import type { Checklist, ItemMatch, ProcedureName, Thresholds } from '../../rules/api.js';
import { optionsFromThresholds } from '../../main/engine/evaluate/run-rules.js';
import { loadChecklist } from '../../main/engine/config/checklist/load-checklist.js';
import { incompleteProcedure } from '../../rules/incomplete-procedure.js';
import { makeFacts, makeModel, runRule, type FileSpec, type HouseholdSpec } from './helpers/make-model.js';

let checklist: Checklist;
beforeAll(async () => {
  checklist = (await loadChecklist()).checklist;
});

const items: Record<ProcedureName, string> = { 识别纳入: '识别纳入程序', 风险消除: '风险消除程序' };

/** A household file recognised as one step, with the step's dates. */
function stepFile(name: string, step: string, dates: string[] = [], procedure: ProcedureName = '识别纳入', location?: string): FileSpec {
  const match: ItemMatch = {
    item: items[procedure],
    procedure,
    step,
    years: [],
    via: 'filename',
    ...(dates.length ? { dates } : {}),
    ...(location ? { location } : {}),
  };
  return { path: `红星村/张三/${name}`, matches: [match] };
}

const orderly: FileSpec[] = [
  stepFile('01申请书.pdf', '农户申请', ['2023-03-01']),
  stepFile('02入户核查表.pdf', '入户核查', ['2023-03-02']),
  stepFile('03民主评议记录.docx', '民主评议', ['2023-03-05']),
  stepFile('04村级公示.docx', '村级公示', ['2023-03-06', '2023-03-10']),
  stepFile('05乡镇审核意见.pdf', '乡镇审核', ['2023-03-12']),
  stepFile('06县级审定.pdf', '县级审定', ['2023-03-15']),
];

/** `thresholds`: a county's thresholds.yaml values, which reach the rule as options the way the engine passes them. */
function run(household: Partial<HouseholdSpec>, options: Record<string, unknown> = {}, thresholds: Partial<Thresholds> = {}) {
  const fromCounty = optionsFromThresholds([incompleteProcedure], thresholds)[incompleteProcedure.meta.id] ?? {};
  const model = makeModel({
    checklist,
    villages: [{ name: '红星村', households: [{ head: '张三', facts: makeFacts({ isMonitored: true }), ...household }] }],
  });
  return runRule(incompleteProcedure, model, { ...fromCounty, ...options });
}

describe('incomplete-procedure', () => {
  describe('valid', () => {
    it('a complete 识别纳入 procedure dated in order', () => {
      expect(run({ files: orderly })).toEqual([]);
    });

    it('application and household check share a rank: either order, and same-day steps are in order', () => {
      const files = orderly.map((f) =>
        f.path.endsWith('01申请书.pdf') ? stepFile('01申请书.pdf', '农户申请', ['2023-03-05']) : f,
      );
      expect(run({ files })).toEqual([]);
    });

    it('a household that is not monitored', () => {
      expect(run({ files: [], facts: makeFacts({ isMonitored: false }) })).toEqual([]);
      expect(run({ files: [], facts: null, folderCategory: '脱贫户' })).toEqual([]);
    });

    it('a notice of exactly five days, counted to the next step when no end is written', () => {
      const files = orderly.map((f) => (f.path.includes('村级公示') ? stepFile('04村级公示.jpg', '村级公示', ['2023-03-06']) : f));
      files[4] = stepFile('05乡镇审核意见.pdf', '乡镇审核', ['2023-03-11']);
      expect(run({ files })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('lists the missing steps, optional ones left out', () => {
      const [finding, ...rest] = run({ files: orderly.slice(0, 2) });
      expect(rest).toEqual([]);
      expect(finding.key).toBe('incomplete-procedure|红星村|张三|识别纳入');
      expect(finding.path).toBe('红星村/张三');
      expect(finding.details).toMatchObject({
        messageId: 'missing',
        procedure: '识别纳入',
        missingSteps: ['民主评议', '村级公示', '乡镇审核', '县级审定'],
        outOfOrder: [],
      });
      expect(finding.message).toBe('识别纳入程序缺少：民主评议、村级公示、乡镇审核、县级审定');
    });

    it('reports a monitored household with no procedure documents at all (folder says 监测户, no facts)', () => {
      const [finding] = run({ files: [], facts: null, folderCategory: '监测户' });
      expect(finding.details).toMatchObject({
        messageId: 'absent',
        missingSteps: ['农户申请', '入户核查', '民主评议', '村级公示', '乡镇审核', '县级审定'],
      });
    });

    it('an application dated after the county approval', () => {
      const files = [...orderly.slice(1), stepFile('01申请书.pdf', '农户申请', ['2023-03-20'])];
      const [finding] = run({ files });
      expect(finding.details.messageId).toBe('outOfOrder');
      expect(finding.details.outOfOrder).toEqual([
        ['民主评议', '农户申请'],
        ['村级公示', '农户申请'],
        ['乡镇审核', '农户申请'],
        ['县级审定', '农户申请'],
      ]);
      expect((finding.details.dates as string[][])[3]).toEqual(['2023-03-15', '2023-03-20']);
      expect(finding.message).toContain('县级审定（2023-03-15，06县级审定.pdf）早于农户申请（2023-03-20，01申请书.pdf）');
    });

    it('names the page of a combined document in the message', () => {
      const bundle = (step: string, date: string, page: number) => stepFile('识别程序资料.pdf', step, [date], '识别纳入', `第${page}页`);
      const files = [
        bundle('农户申请', '2023-03-16', 2),
        bundle('入户核查', '2023-03-02', 3),
        bundle('民主评议', '2023-03-05', 4),
        bundle('村级公示', '2023-03-06', 5),
        bundle('乡镇审核', '2023-03-12', 6),
        bundle('县级审定', '2023-03-15', 7),
      ];
      const [finding] = run({ files });
      expect(finding.details.outOfOrder).toContainEqual(['县级审定', '农户申请']);
      expect(finding.message).toContain('县级审定（2023-03-15，识别程序资料.pdf 第7页）早于农户申请（2023-03-16，识别程序资料.pdf 第2页）');
    });

    it('a notice of three days is too short; five days is not', () => {
      const short = orderly.map((f) => (f.path.includes('村级公示') ? stepFile('04村级公示.docx', '村级公示', ['2023-03-06', '2023-03-08']) : f));
      const [finding] = run({ files: short });
      expect(finding.details).toMatchObject({ outOfOrder: [['村级公示', '乡镇审核']], noticeDays: 3, noticeMinDays: 5, missingSteps: [] });
      expect(finding.message).toContain('村级公示只有 3 天（2023-03-06至2023-03-08，04村级公示.docx），少于 5 天');
      expect(run({ files: orderly })).toEqual([]);
    });

    it('a township review inside the notice period cuts the notice short', () => {
      const files = orderly.map((f) => (f.path.includes('乡镇审核') ? stepFile('05乡镇审核意见.pdf', '乡镇审核', ['2023-03-08']) : f));
      const [finding] = run({ files });
      expect(finding.details).toMatchObject({ outOfOrder: [['村级公示', '乡镇审核']], dates: [['2023-03-06', '2023-03-08']], noticeDays: 2 });
    });

    it('a county requiring seven days (option or county data)', () => {
      expect(run({ files: orderly }, { publicNoticeMinDays: 7 })[0].details).toMatchObject({ noticeDays: 5, noticeMinDays: 7 });
      expect(run({ files: orderly }, {}, { publicNoticeMinDays: 7 })[0].details).toMatchObject({ noticeDays: 5 });
    });

    it('checks 风险消除 once the risk is eliminated, apart from 识别纳入', () => {
      const facts = makeFacts({ isMonitored: true, riskEliminated: true });
      const elimination = [
        stepFile('风险消除/入户核实.pdf', '入户核实', ['2023-08-01'], '风险消除'),
        stepFile('风险消除/民主评议.pdf', '民主评议', ['2023-08-03'], '风险消除'),
      ];
      const findings = run({ files: [...orderly, ...elimination], facts });
      expect(findings.map((f) => f.key)).toEqual(['incomplete-procedure|红星村|张三|风险消除']);
      expect(findings[0].details.missingSteps).toEqual(['村级公示', '乡镇审核', '县级审定']);
      expect(run({ files: orderly, facts: makeFacts({ isMonitored: true }) })).toEqual([]);
    });

    it('uses the steps of a county\'s own procedure definition', () => {
      const county: Checklist = {
        ...checklist,
        procedures: [
          {
            name: '识别纳入',
            item: '识别纳入程序',
            level: 'monitored',
            conditions: [],
            steps: [
              { name: '农户申请', aliases: [], rank: 1, optional: false },
              { name: '村级公示', aliases: ['公示'], rank: 2, optional: false },
            ],
          },
        ],
      };
      const model = makeModel({
        checklist: county,
        villages: [{ name: '红星村', households: [{ head: '张三', facts: makeFacts({ isMonitored: true }), files: orderly.slice(0, 1) }] }],
      });
      expect(runRule(incompleteProcedure, model)[0].details.missingSteps).toEqual(['村级公示']);
    });
  });
});
