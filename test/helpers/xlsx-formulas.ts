import type ExcelJS from 'exceljs';
import { Decimal } from '../../shared/money/decimal';

/** Column letters to a 1-based index: A → 1, AA → 27. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}

function parseReference(reference: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(reference);
  if (match === null) throw new Error(`not a cell reference: ${reference}`);
  return { column: columnIndex(match[1] ?? ''), row: Number(match[2]) };
}

/**
 * Recomputes an exported formula in decimals, independently of the results Tandem cached in the
 * file: SUM over a range, and sums and differences of cells and constants (what the export
 * writes). A formula cell referred to is recomputed in turn.
 */
export function evaluateFormula(sheet: ExcelJS.Worksheet, formula: string): Decimal {
  const valueAt = (reference: string): Decimal => {
    const { row, column } = parseReference(reference);
    const value = sheet.getRow(row).getCell(column).value;
    if (value === null || value === undefined || value === '') return new Decimal(0);
    if (typeof value === 'number') return new Decimal(String(value));
    if (typeof value === 'object' && 'formula' in value) return evaluateFormula(sheet, value.formula ?? '');
    throw new Error(`cell ${reference} holds ${JSON.stringify(value)}, not a number`);
  };
  const sum = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(formula);
  if (sum !== null) {
    const from = parseReference(sum[1] ?? '');
    const to = parseReference(sum[2] ?? '');
    let total = new Decimal(0);
    for (let row = from.row; row <= to.row; row += 1) {
      for (let column = from.column; column <= to.column; column += 1) {
        const value = sheet.getRow(row).getCell(column).value;
        if (typeof value === 'number') total = total.plus(String(value));
        else if (value !== null && typeof value === 'object' && 'formula' in value) total = total.plus(evaluateFormula(sheet, value.formula ?? ''));
        else if (value !== null && value !== undefined && value !== '') throw new Error(`SUM over a non-number at row ${row}, column ${column}`);
      }
    }
    return total;
  }
  let total = new Decimal(0);
  for (const term of formula.match(/[+-]?[A-Z0-9.]+/g) ?? []) {
    const sign = term.startsWith('-') ? -1 : 1;
    const body = term.replace(/^[+-]/, '');
    const value = /^\d+(\.\d+)?$/.test(body) ? new Decimal(body) : valueAt(body);
    total = total.plus(value.times(sign));
  }
  return total;
}
