import { describe, expect, it } from 'vitest';
import { formatSelectionStats, selectionStats } from '../../../../renderer/grid/selection-stats';
import { sheetCells } from '../../../../renderer/grid/sheet-cells';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { sheetModel } from '../../../helpers/sheet-model';

// Grouped by department: row 0 is the Sales group, then a revenue group and its line, an opex group and its lines.
const view = buildSheetView(
  sheetModel([
    { type: 'revenue', values: ['0.1', '0.2', null] },
    { type: 'opex', values: ['1000000000000.01', null, '-3'] },
    { type: 'opex', values: ['0.3', '7', null] },
  ]),
  'department',
);
const cells = sheetCells(view);
const range = (top: number, left: number, bottom: number, right: number) => ({ anchor: { row: top, column: left }, focus: { row: bottom, column: right } });

describe('the selection’s Sum, Average and Count', () => {
  it('adds the selected cells exactly, skipping blank cells and group rows', () => {
    // Rows 0..5 x months 0..2: every line cell; blanks and group rows are not counted.
    const stats = selectionStats(cells, range(0, 0, 5, 2));
    expect(stats?.count).toBe(6);
    expect(stats?.sum.toString()).toBe('1000000000004.61');
    expect(stats?.average.toString()).toBe(stats?.sum.div(6).toString());
  });

  it('0.1 + 0.2 is 0.3, not a float', () => {
    expect(selectionStats(cells, range(2, 0, 2, 1))?.sum.toString()).toBe('0.3');
  });

  it('is not shown for fewer than two cells with values', () => {
    expect(selectionStats(cells, null)).toBeNull();
    expect(selectionStats(cells, range(2, 0, 2, 0))).toBeNull();
    // One value and a blank.
    expect(selectionStats(cells, range(2, 1, 2, 2))).toBeNull();
  });

  it('formats with the workbook’s number format, the average rounded for display', () => {
    const stats = selectionStats(cells, range(4, 0, 5, 2));
    expect(stats).not.toBeNull();
    if (stats === null) return;
    expect(formatSelectionStats(stats, { negatives: 'parentheses', zero: 'dash' })).toEqual({ sum: '1,000,000,000,004.31', average: '250,000,000,001.08', count: '4' });
    expect(formatSelectionStats(stats, { negatives: 'minus', zero: 'dash', groupSeparator: '.', decimalSeparator: ',' }).sum).toBe('1.000.000.000.004,31');
  });

  it('says #ERROR when a selected cell is in error', () => {
    const stats = selectionStats(cells, range(2, 0, 2, 1), (row, column) => (column === 1 ? 'division by zero' : null));
    expect(stats?.error).toBe('division by zero');
    expect(stats === null ? null : formatSelectionStats(stats, { negatives: 'minus', zero: 'dash' }).sum).toBe('#ERROR');
  });
});
