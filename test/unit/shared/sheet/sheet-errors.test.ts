import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../../shared/export/budget-table';
import { buildSheetView, rowError, withCellValues, type GridRow } from '../../../../shared/sheet/sheet-view';
import { sheetModel } from '../../../helpers/sheet-model';

const model = sheetModel([
  { type: 'revenue', name: 'Sales', values: ['1000', '1000', '1000'] },
  { type: 'driver', name: 'Units', values: ['10', '0', '5'] },
  { type: 'opex', name: 'Cost per unit', values: [null, null, null], formula: 'Sales / Units' },
  { type: 'capex', name: 'Machine', values: ['500', null, null] },
]);

describe('errors travel into every subtotal and total that includes them', () => {
  const view = buildSheetView(model);
  const total = (id: string): GridRow => view.totalRows.find((row) => row.id === id) as GridRow;
  const group = (id: string): GridRow => view.display.rows.find((row) => row.kind === 'group' && row.id === id) as GridRow;

  it('a division by zero in one month shows in its line, its groups, the operating expenses and operating income, in that month only', () => {
    expect(rowError(view, view.rows[2], [1])).toBe('Division by zero.');
    expect(rowError(view, view.rows[2], [0])).toBeNull();
    expect(rowError(view, total('total-opex'), [1])).toBe('Includes “Cost per unit”, which has an error: Division by zero.');
    expect(rowError(view, total('operating-income'), [1])).toContain('Cost per unit');
    expect(rowError(view, total('operating-income'), [0, 1, 2])).toContain('Division by zero');
    expect(rowError(view, group('g:d1'), [1])).toContain('Cost per unit');
    expect(rowError(view, group('g:d1:opex'), [1])).toContain('Cost per unit');
    // Totals that do not include the line stay numbers.
    expect(rowError(view, total('total-revenue'), [1])).toBeNull();
    expect(rowError(view, total('total-capex'), [1])).toBeNull();
    expect(rowError(view, group('g:d1:revenue'), [1])).toBeNull();
    expect(rowError(view, total('operating-income'), [0])).toBeNull();
  });

  it('an edit that removes the cause clears the error everywhere; one that brings it back restores it', () => {
    const fixed = withCellValues(view, [{ lineId: 2, period: 1, value: '4' }]);
    expect(fixed.lineErrors.size).toBe(0);
    expect(rowError(fixed, fixed.totalRows.find((row) => row.id === 'operating-income'), [1])).toBeNull();
    const broken = withCellValues(fixed, [{ lineId: 2, period: 2, value: '0' }]);
    expect(rowError(broken, broken.totalRows.find((row) => row.id === 'operating-income'), [2])).toContain('Division by zero');
  });

  it('an export refuses a version with a line in error, naming the line and the month', () => {
    expect(() => budgetTable(model)).toThrow('“Cost per unit” has an error in Feb 2027 (Division by zero.), so the totals that include it cannot be written.');
  });
});
