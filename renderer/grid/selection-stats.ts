import { formatAmount, type AmountFormat } from '../../shared/money/format-amount';
import type { Decimal } from '../../shared/money/decimal';
import { ExactSum } from '../../shared/money/exact-sum';
import { boundsOf, type CellGrid, type CellRange } from '../selection/cell-range';

/**
 * Sum, Average and Count of the selected cells, as a spreadsheet's status bar shows them: exact
 * (cents summed as whole numbers, anything finer in decimals; never a float), over the cells that
 * hold a value; blank cells are not counted (Excel's COUNT). Shown, as in Excel, once at least two
 * cells with values are selected. A selected cell in error makes the sum an error too.
 */
export interface SelectionStats {
  sum: Decimal;
  average: Decimal;
  count: number;
  /** why the figures cannot be trusted (a selected cell in error), or null */
  error: string | null;
}

/** What the figures need of a grid: which rows hold cells and their values as stored. */
export type StatsGrid = Pick<CellGrid, 'rows' | 'columns' | 'isDataRow' | 'value'>;

/** The selection's figures, or null when fewer than two of its cells hold a value. */
export function selectionStats(grid: StatsGrid, range: CellRange | null, errorAt?: (row: number, column: number) => string | null): SelectionStats | null {
  if (range === null) return null;
  const bounds = boundsOf(range);
  const sum = new ExactSum();
  let count = 0;
  let error: string | null = null;
  const bottom = Math.min(bounds.bottom, grid.rows - 1);
  const right = Math.min(bounds.right, grid.columns - 1);
  for (let row = Math.max(bounds.top, 0); row <= bottom; row += 1) {
    if (!grid.isDataRow(row)) continue;
    for (let column = Math.max(bounds.left, 0); column <= right; column += 1) {
      error ??= errorAt?.(row, column) ?? null;
      const value = grid.value(row, column);
      if (value === null || value === '') continue;
      sum.add(value);
      count += 1;
    }
  }
  if (count < 2) return null;
  const total = sum.value();
  return { sum: total, average: total.div(count), count, error };
}

/** "Sum 12,345.00 · Average 1,028.75 · Count 12", in the workbook's number format (the average rounded half-even for display only). */
export function formatSelectionStats(stats: SelectionStats, format: AmountFormat): { sum: string; average: string; count: string } {
  const shown = { ...format, zero: 'digits' as const };
  return {
    sum: stats.error === null ? formatAmount(stats.sum, shown) : '#ERROR',
    average: stats.error === null ? formatAmount(stats.average, shown) : '#ERROR',
    count: stats.count.toLocaleString('en-US'),
  };
}
