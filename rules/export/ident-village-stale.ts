import type { ExportHousehold } from '../api.js';
import { defineExportCheck } from '../lib/export/check-kit.js';
import { monthsBetween } from '../lib/export/ages.js';
import { parseMonth } from '../lib/export/work-spells.js';

export const identVillageStale = defineExportCheck({
  id: 'export/ident-village-stale',
  name: '村长期无新识别监测对象',
  severity: 'info',
  description: '行政村最近一次识别纳入监测对象已过多个月，或没有监测对象，排查应纳未纳',
  category: '识别纳入、风险消除',
  level: 'V',
  columns: ['村', '监测对象类别', '识别监测时间'],
  messages: {
    stale: '{village}最近一次识别纳入监测对象是{lastDate}，已{months}个月没有新识别。请排查是否存在应纳未纳。',
    none: '{village}在导出表中没有监测对象。请排查是否存在应纳未纳。',
  },
  run(kit) {
    const villages = new Map<string, ExportHousehold[]>();
    for (const h of kit.data.households) villages.set(h.village, [...(villages.get(h.village) ?? []), h]);
    for (const [village, households] of villages) {
      if (!village) continue;
      const dates = households
        .filter((h) => kit.isMonitored(h))
        .map((h) => parseMonth(kit.field(h, '识别监测时间')))
        .filter((d): d is string => d !== null)
        .sort();
      const path = households[0].headRow.path;
      if (!households.some((h) => kit.isMonitored(h))) {
        kit.reportVillage({ village, path, messageId: 'none', values: { 监测户数: 0 } });
        continue;
      }
      const last = dates[dates.length - 1];
      if (!last) continue;
      const months = monthsBetween(last, kit.asOf);
      if (months <= kit.params.villageStaleMonths) continue;
      kit.reportVillage({ village, path, messageId: 'stale', data: { lastDate: last.slice(0, 7), months }, values: { 最近识别监测时间: last.slice(0, 7) } });
    }
  },
});
