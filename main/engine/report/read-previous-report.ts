import { readFile } from 'node:fs/promises';
import type { Finding, Severity } from '../../../rules/api.js';
import type { ScanReport } from '../types.js';

export const REPORT_SCHEMA = 'dossier-check/report@1';

import { PreviousReportError } from './previous-report-error.js';
import { readLedgerXlsx } from '../ledger/read-ledger-xlsx.js';
import { sanitizeRectification } from '../ledger/rectification-fields.js';

export { PreviousReportError };

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function isFinding(value: unknown): value is Finding {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    typeof f.key === 'string' &&
    typeof f.rule === 'string' &&
    SEVERITIES.includes(f.severity as Severity) &&
    typeof f.message === 'string'
  );
}

function normaliseFinding(f: Finding): Finding {
  const r = sanitizeRectification(f.rectification);
  return {
    key: f.key,
    rule: f.rule,
    severity: f.severity,
    village: f.village ?? null,
    household: f.household ?? null,
    path: f.path ?? null,
    message: f.message,
    details: typeof f.details === 'object' && f.details !== null ? f.details : {},
    ...(f.status === 'new' || f.status === 'open' ? { status: f.status } : {}),
    ...(r ? { rectification: r } : {}),
    ...(f.suppressed === true ? { suppressed: true } : {}),
  };
}

/** Parses and checks an earlier JSON report's text; `label` names it in error messages. */
export function parsePreviousReport(text: string, label: string): ScanReport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new PreviousReportError(`上次的报告 ${label} 既不是本工具生成的 Excel 整改台账，也不是有效的 JSON 报告，请指定上次生成的 .xlsx 或 .json 报告。`);
  }
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (raw.schema !== REPORT_SCHEMA) {
    const found = typeof raw.schema === 'string' ? `（其格式标识为 ${raw.schema}）` : '';
    throw new PreviousReportError(
      `上次的报告 ${label} 不是本工具生成的 JSON 报告${found}，应为 ${REPORT_SCHEMA}。`,
    );
  }
  if (!Array.isArray(raw.findings) || !raw.findings.every(isFinding)) {
    throw new PreviousReportError(`上次的报告 ${label} 的问题清单（findings）缺失或已损坏，无法用于对比。`);
  }
  const resolved = Array.isArray(raw.resolved) ? raw.resolved.filter(isFinding) : [];
  const stats = (raw.stats ?? {}) as Partial<ScanReport['stats']>;
  return {
    schema: REPORT_SCHEMA,
    root: typeof raw.root === 'string' ? raw.root : '',
    asOf: typeof raw.asOf === 'string' ? raw.asOf : '',
    generatedAt: typeof raw.generatedAt === 'string' ? raw.generatedAt : '',
    checklist: typeof raw.checklist === 'string' ? raw.checklist : '',
    stats: {
      villages: Number(stats.villages ?? 0),
      households: Number(stats.households ?? 0),
      files: Number(stats.files ?? 0),
      unreadable: Number(stats.unreadable ?? 0),
      seconds: Number(stats.seconds ?? 0),
    },
    villages: Array.isArray(raw.villages) ? (raw.villages as ScanReport['villages']) : [],
    notices: Array.isArray(raw.notices) ? raw.notices.filter((n): n is string => typeof n === 'string') : [],
    findings: (raw.findings as Finding[]).map(normaliseFinding),
    resolved: resolved.map(normaliseFinding),
    // Not needed to compare; kept when present so a re-read report is whole.
    dossiers: Array.isArray(raw.dossiers) ? (raw.dossiers as ScanReport['dossiers']) : [],
  };
}

/** Reads an earlier report for `--previous`: the JSON report or the filled .xlsx ledger; throws PreviousReportError with a Chinese message. */
export async function readPreviousReport(path: string): Promise<ScanReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    throw new PreviousReportError(`无法打开上次的报告 ${path}：${why}。`);
  }
  // A zip (PK…) is the .xlsx ledger the clerk filled in; anything else must be the JSON report.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readLedgerXlsx(bytes, path);
  return parsePreviousReport(bytes.toString('utf8'), path);
}
