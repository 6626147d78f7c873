// A cell's text from an exceljs cell value. Shared by the exceljs readers and the fast reader, which hands
// over values of the same shapes so that both give the same text.
import type { CellValue } from 'exceljs';
import { formatCellDate, formatCellNumber } from './sheet-grid.js';

/** A cell's text as the clerk sees it: formula results, rich text joined, dates as YYYY-MM-DD. */
export function cellValueToText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return formatCellNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatCellDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result !== null && typeof result === 'object' && 'error' in result) return String((result as { error: string }).error);
      return cellValueToText(result as CellValue | undefined);
    }
    if ('text' in value) return cellValueToText((value as { text: CellValue }).text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
