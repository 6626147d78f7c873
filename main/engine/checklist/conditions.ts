import type { Condition, ItemLevel } from '../../../rules/api.js';

/** Condition words a county's table may use, and the YAML ids. */
export const conditionWords: Record<string, Condition> = {
  有在校生: 'student',
  在校生: 'student',
  有义务教育在校生: 'compulsory-student',
  义务教育在校生: 'compulsory-student',
  残疾: 'disabled',
  有残疾人: 'disabled',
  享受低保: 'dibao',
  低保: 'dibao',
  特困供养: 'tekun',
  享受特困供养: 'tekun',
  风险已消除: 'risk-eliminated',
  监测户: 'monitored',
  监测对象: 'monitored',
};

export const conditionIds: Condition[] = [
  'student',
  'compulsory-student',
  'disabled',
  'dibao',
  'tekun',
  'risk-eliminated',
  'monitored',
];

export const levelWords: Record<string, ItemLevel> = {
  户: 'household',
  每户: 'household',
  户级: 'household',
  脱贫户: 'household',
  监测户: 'monitored',
  监测对象: 'monitored',
  村: 'village',
  村级: 'village',
  行政村: 'village',
};

export const levelIds: ItemLevel[] = ['household', 'monitored', 'village'];
