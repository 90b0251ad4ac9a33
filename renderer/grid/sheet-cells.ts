import { Decimal } from '../../shared/money/decimal';
import type { CellEdit } from '../../shared/domain/cell-edit';
import type { BudgetLine } from '../../shared/domain/workbook';
import type { SheetView } from '../../shared/sheet/sheet-view';
import type { CellWrite } from '../selection/cell-range';
import type { SpreadsheetCells } from './spreadsheet/use-spreadsheet';

/** The month column of a period: `p0`, `p1`… */
export function periodColumnId(period: number): string {
  return `p${period}`;
}

/** The month a column shows, from its id (`p0`, `p1`…), or null for other columns. */
export function periodOfColumn(colId: string): number | null {
  return /^p\d+$/.test(colId) ? Number(colId.slice(1)) : null;
}

/** The budget line shown at a display position, or undefined for a group row. */
export function lineAt(view: SheetView, row: number): BudgetLine | undefined {
  const shown = view.display.rows[row];
  return shown?.kind === 'line' ? shown.line : undefined;
}

/**
 * The budget sheet's month cells as the shared grid behaviour sees them: a range's columns are
 * the months, its rows the sheet's display rows (group rows hold no cells). Formula lines
 * compute their months, so clears and fills pass them by. A rate copies as its percentage
 * (`22%`), as a spreadsheet copies a percent cell, so pasting it back reads the same.
 */
export function sheetCells(view: SheetView): SpreadsheetCells {
  return {
    rows: view.display.rows.length,
    columns: view.model.periods.length,
    columnIds: view.model.periods.map((period) => periodColumnId(period.index)),
    isDataRow: (row) => view.display.rows[row]?.kind === 'line',
    value: (row, column) => lineAt(view, row)?.values[column] ?? null,
    isWritable: (row, column) => {
      const line = lineAt(view, row);
      return line !== undefined && line.formula === null && column < view.model.periods.length;
    },
    copyText: (row, column) => {
      const shown = view.display.rows[row];
      if (shown?.kind !== 'line') return '';
      const value = shown.line.values[column] ?? '';
      return shown.account.unit === 'percent' && value !== '' ? `${new Decimal(value).times(100).toString()}%` : value;
    },
  };
}

/** Cell writes as edits of budget lines: a write's row is a display row, its column a month. */
export function editsOf(view: SheetView, writes: readonly CellWrite[]): CellEdit[] {
  return writes.flatMap((write) => {
    const line = lineAt(view, write.row);
    return line === undefined ? [] : [{ lineId: line.id, period: write.column, value: write.value }];
  });
}

