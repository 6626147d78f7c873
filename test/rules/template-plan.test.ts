import { describe, expect, it } from 'vitest';
import type { ItemMatch } from '../../rules/api.js';
import { templatePlan } from '../../rules/template-plan.js';
import { makeFacts, makeMember, makeModel, runRule, type FileSpec, type HouseholdSpec, type VillageSpec } from './helpers/make-model.js';

const planMatch: ItemMatch = { item: '一户一策帮扶计划', years: [2023], via: 'filename' };

function planFile(head: string, measures: string[], extra: { member?: string; amount?: number; date?: string; name?: string } = {}): FileSpec {
  const { member = '', amount = 5000, date = '2023年3月15日', name = '一户一策帮扶计划.docx' } = extra;
  return {
    path: `红星村/${head}/${name}`,
    matches: [planMatch],
    text: [
      '一户一策帮扶计划',
      `户主：${head}　家庭人口：${amount % 7}人　监测类型：边缘易致贫户`,
      `致贫风险：因病${member ? `（${member}患慢性病）` : ''}`,
      '帮扶措施：',
      ...measures.map((m) => m.replace('{head}', head).replace('{amount}', String(amount)).replace('{member}', member)),
      `帮扶责任人签字：王干部　${date}`,
    ],
  };
}

const templateMeasures = [
  '1.为{head}户申请产业奖补资金{amount}元，发展肉牛养殖，预计年增收8000元。',
  '2.落实医疗保障政策，协助{member}办理慢性病卡，减轻家庭医疗负担。',
  '3.推荐家庭劳动力到县城务工，稳定工资性收入。',
  '4.落实低保政策，确保基本生活，每季度入户走访一次。',
];
const otherMeasures = [
  '1.为其子申请雨露计划补助，支持完成职业教育学业。',
  '2.安排乡村公益性岗位护林员一个，月收入{amount}元。',
  '3.协调发放脱贫人口小额信贷用于种植中药材。',
  '4.实施危房改造，落实住房安全保障。',
];

function household(head: string, files: FileSpec[], members: string[] = []): HouseholdSpec {
  return { head, files, facts: makeFacts({ isMonitored: true, members: members.map((name) => makeMember({ name })) }) };
}

function run(villages: VillageSpec[], options = {}) {
  return runRule(templatePlan, makeModel({ villages }), options);
}

describe('template-plan', () => {
  describe('valid', () => {
    it('plans with different measures', () => {
      const findings = run([
        {
          name: '红星村',
          households: [
            household('张三', [planFile('张三', templateMeasures)]),
            household('李四', [planFile('李四', otherMeasures)]),
          ],
        },
      ]);
      expect(findings).toEqual([]);
    });

    it('plans sharing one measure of four are different plans', () => {
      const mixed = [templateMeasures[0], ...otherMeasures.slice(1)];
      expect(run([{ name: '红星村', households: [household('张三', [planFile('张三', templateMeasures)]), household('李四', [planFile('李四', mixed)])] }])).toEqual([]);
    });

    it('one household keeping the same plan for two years', () => {
      const files = [planFile('张三', templateMeasures, { name: '2022年一户一策.docx' }), planFile('张三', templateMeasures, { name: '2023年一户一策.docx' })];
      expect(run([{ name: '红星村', households: [household('张三', files)] }])).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('groups plans that differ only in names, amounts and dates, naming the others\' villages when different', () => {
      const findings = run([
        {
          name: '红星村',
          households: [
            household('张三', [planFile('张三', templateMeasures, { member: '张小明', amount: 5000 })], ['张三', '张小明']),
            household('李四', [planFile('李四', templateMeasures, { member: '李大妹', amount: 3000, date: '2023年4月2日' })], ['李四', '李大妹']),
            household('赵六', [planFile('赵六', otherMeasures)]),
          ],
        },
        {
          name: '青山村',
          households: [household('王五', [planFile('王五', templateMeasures, { member: '王二', amount: 12000, date: '2023年5月8日' })], ['王五', '王二'])],
        },
      ]);
      expect(findings.map((f) => [f.household, f.details.households, f.details.similarity])).toEqual([
        ['张三', ['李四', '王五（青山村）'], 1],
        ['李四', ['张三', '王五（青山村）'], 1],
        ['王五', ['张三（红星村）', '李四（红星村）'], 1],
      ]);
      expect(findings[0]).toMatchObject({
        key: 'template-plan|红星村|张三',
        severity: 'warning',
        path: '红星村/张三/一户一策帮扶计划.docx',
        message: '一户一策帮扶计划的帮扶措施与李四、王五（青山村）的几乎相同（相似度 1.00），疑似套用模板',
      });
    });

    it('an unknown member\'s name keeps a plan above the threshold, with its similarity', () => {
      const findings = run([
        {
          name: '红星村',
          households: [
            household('张三', [planFile('张三', templateMeasures, { member: '张小明' })]),
            household('李四', [planFile('李四', templateMeasures, { member: '李大妹' })]),
          ],
        },
      ]);
      expect(findings).toHaveLength(2);
      const similarity = findings[0].details.similarity as number;
      expect(similarity).toBeGreaterThanOrEqual(0.9);
      expect(similarity).toBeLessThan(1);
      expect(run([{ name: '红星村', households: [household('张三', [planFile('张三', templateMeasures, { member: '张小明' })]), household('李四', [planFile('李四', templateMeasures, { member: '李大妹' })])] }], { threshold: 0.99 })).toEqual([]);
    });

    it('stays fast for 2,000 plans and finds the templated ones among them', () => {
      let seed = 7;
      const random = (): number => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 4294967296; };
      const pool = Array.from({ length: 60 }, (_, i) => `措施${'甲乙丙丁戊己庚辛壬癸'[i % 10]}：${['发展养殖', '务工就业', '公益岗位', '教育资助', '医疗救助', '危房改造'][i % 6]}${['申请奖补资金支持扩大规模', '联系企业提供稳定岗位', '落实政策确保应享尽享', '定期入户核实帮扶成效', '加强技能培训提升能力'][i % 5]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(i / 5)]}`);
      const households: HouseholdSpec[] = [];
      for (let i = 0; i < 2000; i++) {
        const head = `户${String.fromCharCode(0x4e00 + 200 + i)}${String.fromCharCode(0x4e00 + 3000 + (i % 97))}`;
        const measures = i % 4 === 0 ? templateMeasures : Array.from({ length: 6 }, () => pool[Math.floor(random() * pool.length)]);
        households.push(household(head, [planFile(head, measures, { amount: 1000 + i })]));
      }
      const started = performance.now();
      const findings = run([{ name: '红星村', households }]);
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeLessThan(10);
      const templated = findings.filter((f) => (f.details.households as string[]).length >= 499);
      expect(templated).toHaveLength(500);
    });
  });
});
