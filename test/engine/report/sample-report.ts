// A literal report as runScan would return it, with the awkward cases a real archive has:
// ID numbers in folder names and messages, markup in a message, township- and village-level findings.
import type { Finding } from '../../../rules/api.js';
import type { ScanReport } from '../../../main/engine/types.js';

export const ID_NUMBER = '620422199001015678';
export const MASKED_ID = '620422********5678';

export function finding(partial: Partial<Finding> & Pick<Finding, 'rule' | 'severity' | 'message'>): Finding {
  const village = partial.village === undefined ? '红星村' : partial.village;
  const household = partial.household === undefined ? '张三' : partial.household;
  return {
    key: partial.key ?? [partial.rule, village ?? '', household ?? '', partial.message].join('|'),
    village,
    household,
    path: partial.path === undefined ? `${village}/户档/0001_${household}` : partial.path,
    details: {},
    ...partial,
  };
}

export function sampleReport(overrides: Partial<ScanReport> = {}): ScanReport {
  const findings: Finding[] = [
    finding({
      key: 'missing-document|红星村|张三|家庭收入测算表|2023',
      rule: 'missing-document',
      severity: 'error',
      household: '张三',
      path: `红星村/户档/0001_张三_${ID_NUMBER}`,
      message: '缺少 2023 年家庭收入测算表',
      details: { item: '家庭收入测算表', level: 'household', year: 2023 },
    }),
    finding({
      key: 'personal-data-exposed|红星村||公示.docx|id-number',
      rule: 'personal-data-exposed',
      severity: 'error',
      household: null,
      path: '红星村/村级/公示.docx',
      message: `公示中出现身份证号 ${ID_NUMBER}（第 3 行）`,
      details: { kind: 'id-number', location: 'line 3' },
    }),
    finding({
      key: 'outdated-term|东风村|李四|扶贫手册.docx|贫困户',
      rule: 'outdated-term',
      severity: 'warning',
      village: '东风村',
      household: '李四',
      path: '东风村/户档/李四/扶贫手册.docx',
      message: '使用了停用的表述“贫困户”<script>alert(1)</script>，应改为“脱贫户”',
      details: { term: '贫困户', suggestion: '脱贫户', location: 'page 1' },
    }),
    finding({
      key: 'near-threshold|东风村|王五',
      rule: 'near-threshold',
      severity: 'info',
      village: '东风村',
      household: '王五',
      path: '东风村/户档/王五',
      message: '人均纯收入 7200 元，高出监测线 6900 元不足 10%',
      details: { perCapita: 7200, threshold: 6900, margin: 0.1 },
    }),
    finding({
      key: 'unreadable-file|||系统导出.xlsx',
      rule: 'unreadable-file',
      severity: 'warning',
      village: null,
      household: null,
      path: '系统导出.xlsx',
      message: '文件已加密，无法读取',
      details: { reason: 'encrypted' },
    }),
  ];
  return {
    schema: 'dossier-check/report@1',
    root: '/data/城关镇',
    asOf: '2023-09-30',
    generatedAt: '2023-10-01T08:00:00.000Z',
    checklist: '默认资料目录',
    stats: { villages: 2, households: 3, files: 40, unreadable: 1, seconds: 4.1 },
    villages: [
      { name: '红星村', households: 1, files: 20, completeness: 0.93, findings: { error: 2, warning: 0, info: 0 } },
      { name: '东风村', households: 2, files: 19, completeness: 0.5, findings: { error: 0, warning: 1, info: 1 } },
    ],
    notices: ['2024 年未配置监测线，收入临界检查已跳过。'],
    findings,
    resolved: [],
    dossiers: [],
    ...overrides,
  };
}
