// Column headers of the ledger's sheets: the writer prints them and `--previous` finds columns by them,
// so a clerk may reorder, widen or add columns and the ledger still reads back.
export const H = {
  index: '序号',
  village: '村',
  household: '户主',
  rule: '问题类型',
  message: '问题描述',
  path: '文件位置',
  severity: '严重程度',
  comparison: '对比',
  measure: '整改措施',
  owner: '责任人',
  deadline: '整改时限',
  state: '整改状态',
  note: '备注',
  resolvedOn: '复查已无日期',
  acceptedOn: '认定日期',
  key: '问题编号',
} as const;

export const SHEETS = {
  summary: '汇总',
  findings: '问题清单',
  resolved: '已整改',
  suppressed: '无需整改',
  dossiers: '资料对照表',
  exportDoubts: '系统数据疑点',
} as const;

/** The 系统数据疑点 sheet's own headers; 核实情况 and 核实人 are read back as the finding's measure and owner. */
export const EXPORT_H = {
  member: '成员',
  doubt: '疑点',
  values: '系统中的值',
  verification: '核实情况',
  verifier: '核实人',
} as const;
