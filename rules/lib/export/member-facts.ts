// Member and household facts several export checks share (export-checks.md §3 "Member predicates"), read
// through the value tables; `null` means the export does not say (blank or an unknown value).
import type { ExportHousehold, ExportPerson } from '../../api.js';
import type { ExportKit } from './check-kit.js';
import { findDropouts, isHousingUnsafe, isNewbornInGrace, isUninsured, isWaterUnsafe } from './guarantee-gaps.js';
import type { LabourClass } from './params.js';
import { isInSchool } from './values.js';

/** An amount cell as a number: `12,345`, `3000元`; null when blank or not a number. */
export function amount(text: string): number | null {
  const s = text.normalize('NFKC').replace(/[\s,，]/g, '').replace(/元$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

export function isIll(kit: ExportKit, p: ExportPerson): boolean | null {
  const h = kit.values.health(p.row.get('健康状况'));
  if (h === 'blank' || h === 'unknown') return null;
  return h === 'chronic' || h === 'serious';
}

/** 健康状况 残疾, or a disability card (a 20/22-character ID, or 证件类型 残疾人证). */
export function isDisabled(kit: ExportKit, p: ExportPerson): boolean | null {
  if (p.disabilityCard) return true;
  const h = kit.values.health(p.row.get('健康状况'));
  if (h === 'blank' || h === 'unknown') return null;
  return h === 'disabled';
}

export function isStudent(kit: ExportKit, p: ExportPerson): boolean | null {
  return isInSchool(kit.values.schooling(p.row.get('在校生状况')));
}

export function labourOf(kit: ExportKit, p: ExportPerson): LabourClass | null {
  const l = kit.values.labour(p.row.get('劳动技能'));
  return l === 'blank' || l === 'unknown' ? null : l;
}

/** 技能 or 普通 labour. */
export const isAble = (l: LabourClass | null): boolean => l === 'skilled' || l === 'ordinary';

/** Whether some member has the fact: true, false, or null when no member has it and some member's value is unknown. */
export function someMember(members: ExportPerson[], test: (p: ExportPerson) => boolean | null): boolean | null {
  let unknown = false;
  for (const p of members) {
    const v = test(p);
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

export function hasWord(kit: ExportKit, h: ExportHousehold, column: string, word: string): boolean {
  return kit.field(h, column).includes(word);
}

export function isYesCell(kit: ExportKit, p: ExportPerson, column: string): boolean {
  return kit.values.yesNo(p.row.get(column), column) === 'yes';
}

/** Whether a work row says the person is working (是否已务工 = 是) or plans to (是否计划务工 = 是). */
export function isWorking(kit: ExportKit, p: ExportPerson): boolean {
  return p.work.some((w) => kit.values.yesNo(w.get('是否已务工'), '是否已务工') === 'yes');
}

export function hasWorkRecord(kit: ExportKit, p: ExportPerson): boolean {
  return p.work.some(
    (w) => kit.values.yesNo(w.get('是否已务工'), '是否已务工') === 'yes' || kit.values.yesNo(w.get('是否计划务工'), '是否计划务工') === 'yes',
  );
}

/** The columns each three-guarantee test reads: the parts a check over all gaps runs where they are present. */
export const GAP_PARTS: Record<string, string[]> = {
  住房: ['是否危房户'],
  饮水: ['是否解决安全饮用水'],
  基本医保: ['是否参加城乡居民基本医疗保险', '是否参加城镇职工基本医疗保险'],
  义务教育: ['出生日期|证件号码', '在校生状况', '义务教育阶段未上学原因', '健康状况'],
};

export type GapName = 'housing-unsafe' | 'water-unsafe' | 'uninsured' | 'dropout';

export interface Gap {
  gap: GapName;
  person?: ExportPerson;
  /** `住房为危房`, `张三未参加基本医疗保险` … */
  text: string;
}

/** The household's open three-guarantee problems (1.1–1.4), each judged only where its columns are present. */
export function openGaps(kit: ExportKit, h: ExportHousehold): Gap[] {
  const gaps: Gap[] = [];
  if (kit.has('是否危房户') && isHousingUnsafe(kit, h)) gaps.push({ gap: 'housing-unsafe', text: '住房为危房' });
  if (kit.has('是否解决安全饮用水') && isWaterUnsafe(kit, h)) gaps.push({ gap: 'water-unsafe', text: '未解决安全饮水' });
  if (kit.has('是否参加城乡居民基本医疗保险', '是否参加城镇职工基本医疗保险')) {
    for (const p of h.members) if (isUninsured(kit, p) && !isNewbornInGrace(kit, p)) gaps.push({ gap: 'uninsured', person: p, text: `${p.name}未参加基本医疗保险` });
  }
  if (kit.has('出生日期|证件号码', '在校生状况', '义务教育阶段未上学原因', '健康状况')) {
    for (const d of findDropouts(kit, h)) gaps.push({ gap: 'dropout', person: d.person, text: `${d.person.name}（${d.age}周岁）疑似失学辍学` });
  }
  return gaps;
}

/** The measure word a measure cell registers (export-checks.yaml `values.measureWords`), or null. */
export function registers(kit: ExportKit, text: string, measure: keyof ExportKit['params']['values']['measureWords']): string | null {
  return kit.params.values.measureWords[measure].find((w) => text.includes(w)) ?? null;
}

/** Eliminated by 帮扶消除 (the words are data: `values.eliminationByHelp`). */
export function isEliminatedByHelp(kit: ExportKit, h: ExportHousehold): boolean {
  return kit.isEliminated(h) && kit.params.values.eliminationByHelp.includes(kit.field(h, '风险消除方式'));
}
