import type { GridApi } from 'ag-grid-community';
import type { GridRow, LineRow } from '../../shared/sheet/sheet-view';
import { periodOfColumn } from '../grid/sheet-cells';

/** The budget grid, as the shell sees it: where its cursor is, for commands on "the line under the cursor". */
let budgetGrid: GridApi<GridRow> | null = null;

export function setBudgetGrid(api: GridApi<GridRow> | null): void {
  budgetGrid = api;
}

export function budgetGridApi(): GridApi<GridRow> | null {
  return budgetGrid !== null && !budgetGrid.isDestroyed() ? budgetGrid : null;
}

export interface BudgetCursor {
  row: GridRow;
  rowIndex: number;
  colId: string;
  /** the month under the cursor, or null on the line's other columns */
  period: number | null;
}

/** The row and column under the budget grid's cursor, when the grid is on screen and has one. */
export function budgetCursor(): BudgetCursor | null {
  const api = budgetGridApi();
  const focused = api?.getFocusedCell();
  if (api === null || focused === null || focused === undefined || focused.rowPinned != null) return null;
  const row = api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
  if (row === undefined) return null;
  const colId = focused.column.getColId();
  return { row, rowIndex: focused.rowIndex, colId, period: periodOfColumn(colId) };
}

/** The line under the cursor, if the cursor is on a line. */
export function lineUnderCursor(): LineRow | null {
  const row = budgetCursor()?.row;
  return row?.kind === 'line' ? row : null;
}
