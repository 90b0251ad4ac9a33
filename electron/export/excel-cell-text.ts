import type ExcelJS from 'exceljs';

/** A cell as text: numbers in their shortest exact form, dates as ISO days, a formula by its saved result. */
export function excelCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return value.result === undefined || value.result === null ? `=${value.formula ?? ''}` : excelCellText(value.result as ExcelJS.CellValue);
    if ('formula' in value) return `=${String(value.formula)}`;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
