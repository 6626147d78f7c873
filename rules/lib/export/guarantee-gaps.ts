// The three guarantees and safe water as the export states them (export-checks.md 1.1–1.4). Several checks
// ask the same questions — the guarantee itself (1.x), unmonitored (6.3), eliminated (6.1), risk (5.4),
// measure (8.1) — so the tests live here once.
import type { ExportHousehold, ExportPerson } from '../../api.js';
import type { ExportKit } from './check-kit.js';
import { isInSchool } from './values.js';

export interface Dropout {
  person: ExportPerson;
  age: number;
  status: string;
  reason: string;
  reasonText: string;
}

/** Members of compulsory school age out of school without a valid excuse (1.1); empty without birth dates. */
export function findDropouts(kit: ExportKit, household: ExportHousehold): Dropout[] {
  const { params, values } = kit;
  const result: Dropout[] = [];
  if (!kit.has('出生日期|证件号码', '在校生状况')) return result;
  for (const person of household.members) {
    const age = kit.schoolAge(person);
    if (age === null || age < params.compulsoryAge.min || age > params.compulsoryAge.max) continue;
    const status = person.row.get('在校生状况');
    const inSchool = isInSchool(values.schooling(status));
    if (inSchool !== false && status !== '') continue;
    if (inSchool === null && status !== '') continue;
    const reason = person.row.get('义务教育阶段未上学原因');
    const health = values.health(person.row.get('健康状况'));
    let reasonText: string;
    if (!values.isFilled(reason)) reasonText = '未填写未上学原因';
    else if (/因病|因残/.test(reason) && health === 'healthy') reasonText = `未上学原因为“${reason}”但健康状况为“健康”`;
    else continue;
    result.push({ person, age, status, reason, reasonText });
  }
  return result;
}

/** A member in neither basic medical insurance: neither is 是 and at least one is 否 (1.2). */
export function isUninsured(kit: ExportKit, person: ExportPerson): boolean {
  const a = kit.values.yesNo(person.row.get('是否参加城乡居民基本医疗保险'), '是否参加城乡居民基本医疗保险');
  const b = kit.values.yesNo(person.row.get('是否参加城镇职工基本医疗保险'), '是否参加城镇职工基本医疗保险');
  if (a === 'yes' || b === 'yes' || a === 'unknown' || b === 'unknown') return false;
  return a === 'no' || b === 'no';
}

/** Within the newborn grace period for enrolment (data: newbornInsuranceGraceDays); false without a birth date. */
export function isNewbornInGrace(kit: ExportKit, person: ExportPerson): boolean {
  if (!person.birthDate) return false;
  const days = (Date.parse(kit.asOf) - Date.parse(person.birthDate)) / 86_400_000;
  return days >= 0 && days <= kit.params.newbornInsuranceGraceDays;
}

/** 是否危房户 = 是, or 风险消除后是否住房损毁 = 是 (1.3). */
export function isHousingUnsafe(kit: ExportKit, household: ExportHousehold): boolean {
  return (
    kit.values.yesNo(kit.field(household, '是否危房户'), '是否危房户') === 'yes' ||
    kit.values.yesNo(kit.field(household, '风险消除后是否住房损毁'), '风险消除后是否住房损毁') === 'yes'
  );
}

/** 是否解决安全饮用水 = 否, or 风险消除后是否饮水设施损毁 = 是 (1.4). */
export function isWaterUnsafe(kit: ExportKit, household: ExportHousehold): boolean {
  return (
    kit.values.yesNo(kit.field(household, '是否解决安全饮用水'), '是否解决安全饮用水') === 'no' ||
    kit.values.yesNo(kit.field(household, '风险消除后是否饮水设施损毁'), '风险消除后是否饮水设施损毁') === 'yes'
  );
}
