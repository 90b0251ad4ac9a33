import { describe, expect, it } from 'vitest';
import { buildSheetView, regroup, withCellValues } from '../../../../renderer/state/sheet-view';
import type { GroupRow } from '../../../../renderer/state/sheet-groups';
import type { SheetModel } from '../../../../shared/domain/workbook';
import { sheetModel } from '../../../helpers/sheet-model';

/** Two departments: Sales with revenue and travel, Operations with materials and a headcount driver. */
function model(): SheetModel {
  const base = sheetModel([
    { type: 'revenue', values: ['1000', '2000', null] },
    { type: 'opex', values: ['100', null, '50'] },
    { type: 'cogs', values: ['300', '300', '300'] },
    { type: 'driver', values: ['12', '12', '13'] },
  ]);
  base.departments = [
    { id: 1, name: 'Sales' },
    { id: 2, name: 'Operations' },
  ];
  base.lines = base.lines.map((line, index) => ({ ...line, departmentId: index < 2 ? 1 : 2 }));
  return base;
}

const groups = (rows: readonly unknown[]) => rows.filter((row): row is GroupRow => (row as { kind: string }).kind === 'group');
const summary = (group: GroupRow | undefined) => (group === undefined ? undefined : { label: group.label, periods: group.periods?.map(String) ?? null, year: group.year?.toString() ?? null });

describe('grouping the sheet', () => {
  it('by department: a contribution subtotal per department, a plain sum per account type within it', () => {
    const view = buildSheetView(model(), 'department');
    expect(view.display.rows.map((row) => (row.kind === 'group' ? `${'  '.repeat(row.level)}[${row.label}]` : row.line.description))).toEqual([
      '[Sales]',
      '  [Revenue]',
      'Line 1',
      '  [Operating expenses]',
      'Line 2',
      '[Operations]',
      '  [Cost of goods sold]',
      'Line 3',
      '  [Drivers]',
      'Line 4',
    ]);
    const [sales, revenue, , operations, , drivers] = groups(view.display.rows);
    expect(summary(sales)).toEqual({ label: 'Sales', periods: ['900', '2000', '-50'], year: '2850' });
    expect(summary(revenue)).toEqual({ label: 'Revenue', periods: ['1000', '2000', '0'], year: '3000' });
    expect(summary(operations)).toEqual({ label: 'Operations', periods: ['-300', '-300', '-300'], year: '-900' });
    expect(summary(drivers)).toEqual({ label: 'Drivers', periods: null, year: null });
  });

  it('by account type, then account', () => {
    const view = buildSheetView(model(), 'account');
    expect(groups(view.display.rows).map((group) => group.label)).toEqual(['Revenue', '4000 Account 1', 'Cost of goods sold', '4002 Account 3', 'Operating expenses', '4001 Account 2', 'Drivers', '4003 Account 4']);
  });

  it('collapsing a group hides its lines but keeps its subtotal', () => {
    const view = buildSheetView(model(), 'department', new Set(['g:d1']));
    expect(view.display.rows.map((row) => (row.kind === 'group' ? row.label : row.line.description))).toEqual(['Sales', 'Operations', 'Cost of goods sold', 'Line 3', 'Drivers', 'Line 4']);
    expect(summary(groups(view.display.rows)[0])?.year).toBe('2850');
  });

  it('an edit moves every subtotal it belongs to by exactly the difference', () => {
    const view = buildSheetView(model(), 'department');
    const next = withCellValues(view, [{ lineId: 2, period: 1, value: '0.1' }]);
    const [sales, , opex] = groups(next.display.rows);
    expect(summary(sales)?.periods).toEqual(['900', '1999.9', '-50']);
    expect(summary(opex)?.year).toBe('150.1');
    // The same numbers as grouping from scratch.
    expect(groups(regroup(next, 'department', new Set()).display.rows).map(summary)).toEqual(groups(next.display.rows).map(summary));
  });
});
