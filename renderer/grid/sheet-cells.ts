import { Decimal } from '../../shared/money/decimal';
import type { CellEdit } from '../../shared/domain/cell-edit';
import type { BudgetLine } from '../../shared/domain/workbook';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { boundsOf, type CellRange, type CellWrite } from '../selection/cell-range';
import { planPaste } from '../../shared/clipboard/plan-paste';
import { parseTabularText } from '../../shared/clipboard/tabular-text';
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

export type SheetPastePlan = { ok: true; edits: CellEdit[]; rounded: number; pasted: CellRange } | { ok: false; message: string; where?: string };

/**
 * A paste at a range of the sheet as shown (with the filter on, the shown lines only): rows go to
 * the lines shown from the range's top down, group rows passed by; all cells or none.
 */
export function planSheetPaste(view: SheetView, range: CellRange, text: string): SheetPastePlan {
  const bounds = boundsOf(range);
  const shownLines = view.display.rows.flatMap((row, index) => (row.kind === 'line' ? [{ line: { ...row.line, unit: row.account.unit }, index }] : []));
  const lineIndex = shownLines.findIndex((shown) => shown.index === bounds.top);
  if (lineIndex < 0) return { ok: false, message: 'Paste into a month cell of a budget line: move the cursor there first.' };
  const selectedLines = shownLines.filter((shown) => shown.index >= bounds.top && shown.index <= bounds.bottom).length;
  const plan = planPaste(
    { lines: shownLines.map((shown) => shown.line), periodLabels: view.model.periods.map((period) => period.label) },
    { lineIndex, period: bounds.left },
    parseTabularText(text),
    { rows: selectedLines, columns: bounds.right - bounds.left + 1 },
  );
  if (!plan.ok) return plan;
  const lastRow = shownLines[lineIndex + plan.rows - 1]?.index ?? bounds.top;
  return { ok: true, edits: plan.edits, rounded: plan.rounded, pasted: { anchor: { row: bounds.top, column: bounds.left }, focus: { row: lastRow, column: bounds.left + plan.columns - 1 } } };
}
