import { describe, expect, it } from 'vitest';
import { buildSheetView, withCellValues } from '../../../../shared/sheet/sheet-view';
import { sheetModel } from '../../../helpers/sheet-model';

describe('the sheet view', () => {
  const view = buildSheetView(
    sheetModel([
      { type: 'revenue', values: ['1000', '1000', null] },
      { type: 'opex', values: ['250.25', null, '100'] },
      { type: 'capex', values: [null, null, '5000'] },
    ]),
  );

  it('shows line totals and total rows per type, with operating income', () => {
    expect(view.rows.map((row) => row.year.toString())).toEqual(['2000', '350.25', '5000']);
    const totals = Object.fromEntries(view.totalRows.map((row) => [row.id, [...row.periods.map(String), row.year.toString()]]));
    expect(totals['total-revenue']).toEqual(['1000', '1000', '0', '2000']);
    expect(totals['operating-income']).toEqual(['749.75', '1000', '-100', '1649.75']);
    expect(totals['total-capex']).toEqual(['0', '0', '5000', '5000']);
  });

  it('after edits, changes exactly the rows and totals they touch and keeps the other rows as they were', () => {
    const next = withCellValues(view, [
      { lineId: 2, period: 1, value: '0.1' },
      { lineId: 2, period: 2, value: '0.2' },
    ]);
    expect(next.rows[0]).toBe(view.rows[0]);
    expect(next.rows[2]).toBe(view.rows[2]);
    expect(next.rows[1]?.line.values).toEqual(['250.25', '0.1', '0.2']);
    expect(next.rows[1]?.year.toString()).toBe('250.55');
    expect(next.totalRows.find((row) => row.id === 'operating-income')?.year.toString()).toBe('1749.45');
    expect(view.rows[1]?.line.values).toEqual(['250.25', null, '100']);
  });
});

describe('formula lines in the sheet view', () => {
  const view = buildSheetView(
    sheetModel([
      { type: 'driver', name: 'Headcount', values: ['2', '3', null] },
      { type: 'opex', name: 'Salaries', values: [null, null, null], formula: 'Headcount * 8500' },
      { type: 'opex', name: 'Benefits', values: [null, null, null], formula: 'Salaries * 20%' },
    ]),
    'none',
  );

  it('show what their formula computes, and the totals count it', () => {
    expect(view.rows[1]?.line.values).toEqual(['17000', '25500', '0']);
    expect(view.rows[2]?.year.toString()).toBe('8500');
    expect(view.totalRows.find((row) => row.id === 'total-opex')?.year.toString()).toBe('51000');
  });

  it('follow an edit of what they use, through chains, in the same update', () => {
    const next = withCellValues(view, [{ lineId: 1, period: 2, value: '1' }]);
    expect(next.rows[1]?.line.values[2]).toBe('8500');
    expect(next.rows[2]?.line.values[2]).toBe('1700');
    expect(next.totalRows.find((row) => row.id === 'total-opex')?.year.toString()).toBe('61200');
  });
});
