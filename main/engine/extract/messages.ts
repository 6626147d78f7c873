// Chinese sentences the clerk reads when a file cannot be read. Kept together so wording stays consistent.

const formatNames: Record<string, string> = {
  docx: 'Word 文档',
  doc: 'Word 文档',
  wps: 'WPS 文字文档',
  xlsx: 'Excel 表格',
  xls: 'Excel 表格',
  et: 'WPS 表格',
  pdf: 'PDF 文件',
  ofd: 'OFD 版式文件',
  csv: 'CSV 表格',
  txt: '文本文件',
  zip: '压缩包',
};

export function describeFormat(ext: string): string {
  return formatNames[ext] ?? `${ext || '无扩展名'} 文件`;
}

export const unreadableMessages = {
  corrupt: (ext: string) => `文件已损坏，无法打开（不是有效的 ${describeFormat(ext)}）`,
  encrypted: (ext: string) => `文件设有打开密码（已加密），无法读取内容（${describeFormat(ext)}）`,
  empty: () => '文件是空的（0 字节），没有任何内容',
  notText: (ext: string) => `文件内容不是文字（已损坏，或是改了扩展名的其他文件），无法读取（${describeFormat(ext)}）；请打开核对后重新保存`,
  emptyImage: () => '图片文件是空的（0 字节），不能作为这份材料；请重新扫描或拍照后放回',
  notImage: () => '文件名是图片，但内容不是图片（已损坏，或是改了扩展名的其他文件），打不开；请重新扫描或拍照后放回',
  unsupported: (ext: string) => `不支持读取此类文件（.${ext || '无扩展名'}），未检查其内容`,
  rtf: () => '文件实际是 RTF 格式，暂不支持读取内容，请另存为 .docx',
  timeout: (seconds: number) => `读取文件超时（超过 ${seconds} 秒），已跳过此文件`,
  crashed: () => '读取文件时解析程序异常退出，已跳过此文件',
  tooLarge: (mib: number) => `文件过大（超过 ${mib} MB），未读取内容`,
  permission: () => '没有读取这个文件的权限：请用有权限的账户运行，或在文件属性中允许读取后再审查',
  readFailed: () => '无法读取文件：文件可能正被其他程序占用、已被移走，或磁盘出错；请关闭占用它的程序后再审查',
  zipSlip: () => '压缩包内的文件路径不安全（指向压缩包以外的位置），已拒绝解压',
  zipBomb: () => '压缩包内的文件解压后过大（疑似压缩炸弹），已拒绝解压',
  zipCorrupt: () => '压缩包已损坏，无法打开',
  zipTooDeep: (levels: number) => `压缩包嵌套过深（压缩包里套压缩包超过 ${levels} 层），未打开；请解压后放回`,
} as const;
