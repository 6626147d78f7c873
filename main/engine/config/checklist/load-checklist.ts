import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ChecklistError } from './checklist-error.js';
import { parseChecklistYaml } from './parse-checklist-yaml.js';
import { parseChecklistXlsx, type ParsedChecklist } from './parse-checklist-xlsx.js';

export const defaultChecklistPath = fileURLToPath(new URL('../../../../rules/data/checklist.yaml', import.meta.url));

/** Loads the default checklist, or a county's own in YAML or in the .xlsx table template. */
export async function loadChecklist(filePath: string = defaultChecklistPath): Promise<ParsedChecklist> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const name = path.basename(filePath);
    if (code === 'ENOENT') throw new ChecklistError(`找不到资料目录文件 ${name}：请检查路径`);
    if (code === 'EACCES' || code === 'EPERM') throw new ChecklistError(`没有读取资料目录文件 ${name} 的权限：请在文件属性中允许读取`);
    if (code === 'EISDIR') throw new ChecklistError(`资料目录应是一个文件，而 ${name} 是文件夹`);
    throw new ChecklistError(`无法读取资料目录文件 ${name}：文件可能正被其他程序（如 Excel）占用，请关闭后再试`);
  }
  const ext = path.extname(filePath).toLowerCase();
  const source = filePath === defaultChecklistPath ? '默认资料目录' : path.basename(filePath);
  if (ext === '.xlsx') return parseChecklistXlsx(bytes, source);
  if (ext === '.yaml' || ext === '.yml') return { checklist: parseChecklistYaml(bytes.toString('utf8'), source), warnings: [] };
  throw new ChecklistError(`资料目录须为 .yaml 或 .xlsx 文件（模板列：层级、资料名称、别名、适用条件、是否按年度），收到的是：${path.basename(filePath)}`);
}
