/** Canonical column names of a monitoring-system export, the keys of `rules/data/system-columns.yaml`. */
export const SYSTEM_COLUMN_NAMES = [
  '县',
  '乡',
  '村',
  '户编号',
  '户主姓名',
  '姓名',
  '证件号码',
  '证件类型',
  '与户主关系',
  '户类型',
  '监测对象类别',
  '致贫返贫风险',
  '致贫原因',
  '识别监测时间',
  '消除监测时间',
  '风险是否已消除',
  '风险消除方式',
  '健康状况',
  '残疾类别',
  '在校生状况',
  '劳动技能',
  '是否享受低保',
  '是否特困供养',
  '年度',
] as const;

export type SystemColumnName = (typeof SYSTEM_COLUMN_NAMES)[number];

/** Columns that come numbered (`致贫/返贫风险1` … `风险5`); each numbered copy is read. */
export const NUMBERED_COLUMNS: ReadonlySet<string> = new Set(['致贫返贫风险', '致贫原因']);
