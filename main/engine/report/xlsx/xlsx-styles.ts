// Fills, borders and measures the ledger's sheets share.
import type ExcelJS from 'exceljs';
import { displayWidth } from '../text-width.js';

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const HEADER_FILL = solid('FFD9E1F2');
export const ERROR_FILL = solid('FFFDE2E1');
export const WARNING_FILL = solid('FFFFF4CE');
/** 整改未到位 and 逾期: the rows a station chief looks at first. */
export const ALERT_FILL = solid('FFF8CBAD');
export const OK_FILL = solid('FFE2EFDA');
export const MUTED_FILL = solid('FFEDEDED');

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
  });
}

export function fitWidth(texts: string[], spec: { maxWidth: number; minWidth?: number }): number {
  const widest = Math.max(0, ...texts.map(displayWidth));
  return Math.min(spec.maxWidth, Math.max(spec.minWidth ?? 6, widest + 2));
}

/** Lines a wrapped cell takes in a column `width` characters wide (explicit line breaks count). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(4, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Excel stores a date as a day; a UTC midnight Date shows as that day whatever the zone. */
export function excelDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2023-10-01 16:00` in the machine's own time zone (the report stores UTC ISO time). */
export function localTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
