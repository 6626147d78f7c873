// A report with many findings spread over villages and households, for the ledger's round trip and print tests.
import type { Finding } from '../../../rules/api.js';
import type { ScanReport } from '../../../main/engine/types.js';
import { sampleReport } from '../report/sample-report.js';

const VILLAGES = ['红星村', '东风村', '青山村', '石门村'];
const HEADS = ['张三', '李四', '王五', '赵六', '陈建国', '刘桂兰', '杨志强', '马永福', '周八', '吴九'];
const ITEMS = ['家庭收入测算表', '帮扶政策明白卡', '户口簿复印件', '一户一策帮扶计划', '残疾证复印件'];

export function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => {
    const village = VILLAGES[i % VILLAGES.length]!;
    const head = `${HEADS[Math.floor(i / 4) % HEADS.length]}${Math.floor(i / 40) || ''}`;
    const item = ITEMS[i % ITEMS.length]!;
    const year = 2000 + (i % 24);
    return {
      key: `missing-document|${village}|${head}|${item}|${year}`,
      rule: 'missing-document',
      severity: i % 3 === 0 ? 'warning' : 'error',
      village,
      household: head,
      path: `${village}/户档/${head}`,
      // Some long enough to wrap onto several lines.
      message: i % 7 === 0 ? `缺少 ${year} 年${item}，请到户核实后补充，并在村级台账中登记补充日期和经办人签字（第 ${i} 条）` : `缺少 ${year} 年${item}`,
      details: { item, year },
    };
  });
}

export function manyFindingsReport(count: number): ScanReport {
  return sampleReport({ findings: manyFindings(count), notices: [] });
}
