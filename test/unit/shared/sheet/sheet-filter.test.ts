import { describe, expect, it } from 'vitest';
import { filterSheet, refilterSheet } from '../../../../shared/sheet/sheet-filter';
import { buildSheetView, regroup, withCellValues } from '../../../../shared/sheet/sheet-view';
import type { GroupRow } from '../../../../shared/sheet/sheet-groups';
import type { SheetModel } from '../../../../shared/domain/workbook';
import { sheetModel } from '../../../helpers/sheet-model';

function model(): SheetModel {
  const base = sheetModel([
    { type: 'revenue', values: ['1000.10', '2000', null], name: 'Kits' },
    { type: 'opex', values: ['100', null, '50'], name: 'Travel' },
    { type: 'revenue', values: ['0.1', '0.2', '0.3'], name: 'Service' },
    { type: 'cogs', values: ['300', '300', '300'], name: 'Materials' },
  ]);
  base.departments = [
    { id: 1, name: 'Sales', parentId: null },
    { id: 2, name: 'Operations', parentId: null },
  ];
  base.lines = base.lines.map((line, index) => ({ ...line, departmentId: index < 3 ? 1 : 2 }));
  return base;
}

const groups = (rows: readonly unknown[]) => rows.filter((row): row is GroupRow => (row as { kind: string }).kind === 'group');
const shape = (rows: readonly { kind: string }[]) =>
  rows.map((row) => (row.kind === 'group' ? `[${(row as GroupRow).label} ${(row as GroupRow).lineCount}]` : (row as unknown as { line: { description: string } }).line.description));

describe('filtering the sheet', () => {
  it('shows only the matching lines and the groups above them', () => {
    const filtered = filterSheet(buildSheetView(model(), 'department'), new Set([1, 3]));
    expect(shape(filtered.view.display.rows)).toEqual(['[Sales 2]', '[Revenue 2]', 'Kits', 'Service']);
    expect(filtered.shownLines).toBe(2);
    expect(filtered.totalLines).toBe(4);
    expect(filtered.groupLineCounts.get('g:d1')).toBe(3);
  });

  it('subtotals and totals add the shown lines only, exactly, and the totals say they are filtered', () => {
    const filtered = filterSheet(buildSheetView(model(), 'department'), new Set([1, 3]));
    const [sales] = groups(filtered.view.display.rows);
    expect(sales?.periods?.map(String)).toEqual(['1000.2', '2000.2', '0.3']);
    expect(sales?.year?.toString()).toBe('3000.7');
    const revenue = filtered.view.totalRows.find((row) => row.id === 'total-revenue');
    expect(revenue?.label).toBe('Total revenue (filtered: 2 of 4 lines)');
    expect(revenue?.year.toString()).toBe('3000.7');
    // Travel and Materials are filtered out: their totals are zero, not the whole sheet's.
    expect(filtered.view.totalRows.find((row) => row.id === 'total-opex')?.year.toString()).toBe('0');
    expect(filtered.view.totalRows.find((row) => row.id === 'operating-income')?.periods.map(String)).toEqual(['1000.2', '2000.2', '0.3']);
  });

  it('leaves the whole sheet as it was', () => {
    const view = buildSheetView(model(), 'department');
    filterSheet(view, new Set([1]));
    expect(view.totalRows.find((row) => row.id === 'total-revenue')?.label).toBe('Total revenue');
    expect(view.display.rows).toHaveLength(9);
  });

  it('an edit of a shown line moves the filtered subtotals and totals by the difference, as filtering again would', () => {
    const view = buildSheetView(model(), 'department');
    const filtered = filterSheet(view, new Set([1, 2]));
    const edited = withCellValues(view, [{ lineId: 1, period: 2, value: '0.05' }, { lineId: 4, period: 0, value: '1' }]);
    const incremental = refilterSheet(filtered, edited);
    const fresh = filterSheet(edited, new Set([1, 2]));
    const figures = (sheet: typeof fresh) => ({
      groups: groups(sheet.view.display.rows).map((group) => [group.id, group.periods?.map(String), group.year?.toString()]),
      totals: sheet.view.totalRows.map((row) => [row.label, row.periods.map(String), row.year.toString()]),
    });
    expect(figures(incremental)).toEqual(figures(fresh));
    expect(incremental.view.totalRows.find((row) => row.id === 'operating-income')?.year.toString()).toBe('2850.15');
  });

  it('filters again when the sheet is regrouped', () => {
    const view = buildSheetView(model(), 'department');
    const filtered = refilterSheet(filterSheet(view, new Set([4])), regroup(view, 'none', new Set()));
    expect(shape(filtered.view.display.rows)).toEqual(['Materials']);
  });
});
