import { describe, expect, it } from 'vitest';
import { buildSheetView, regroup, withCellValues } from '../../../../shared/sheet/sheet-view';
import type { GroupRow } from '../../../../shared/sheet/sheet-groups';
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
    { id: 1, name: 'Sales', parentId: null },
    { id: 2, name: 'Operations', parentId: null },
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

  it('subtotals stay exact past whole cents in a plain number: 18-digit amounts, negatives and cents in one department', () => {
    const huge = model();
    huge.lines = huge.lines.map((line, index) => (index === 0 ? { ...line, values: ['999999999999999999.99', '-0.01', '123456789012345678.9'] } : line));
    const [sales, revenue] = groups(buildSheetView(huge, 'department').display.rows);
    expect(summary(revenue)?.periods).toEqual(['999999999999999999.99', '-0.01', '123456789012345678.9']);
    // Contribution: revenue less the 100 and 50 of operating expenses.
    expect(summary(sales)?.periods).toEqual(['999999999999999899.99', '-0.01', '123456789012345628.9']);
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

  it('follows the department tree: a division sums the contributions of the departments under it', () => {
    const divided = model();
    divided.departments = [
      { id: 1, name: 'Sales', parentId: 3 },
      { id: 2, name: 'Operations', parentId: null },
      { id: 3, name: 'Commercial', parentId: null },
    ];
    // Sales sorts after Operations in the list, but sits under Commercial, which is last: the tree decides.
    const view = buildSheetView(divided, 'department');
    expect(view.display.rows.map((row) => (row.kind === 'group' ? `${'  '.repeat(row.level)}[${row.label}]` : row.line.description))).toEqual([
      '[Operations]',
      '  [Cost of goods sold]',
      'Line 3',
      '  [Drivers]',
      'Line 4',
      '[Commercial]',
      '  [Sales]',
      '    [Revenue]',
      'Line 1',
      '    [Operating expenses]',
      'Line 2',
    ]);
    const commercial = groups(view.display.rows).find((group) => group.label === 'Commercial');
    expect(summary(commercial)).toEqual({ label: 'Commercial', periods: ['900', '2000', '-50'], year: '2850' });
    expect(commercial?.contribution).toBe(true);
    // An edit in Sales moves Sales and Commercial alike.
    const next = withCellValues(view, [{ lineId: 1, period: 0, value: '1500' }]);
    expect(groups(next.display.rows).filter((group) => group.contribution && group.label !== 'Operations').map((group) => group.year?.toString())).toEqual(['3350', '3350']);
  });

  it('follows the account tree: a header account sums the accounts under it, within their type', () => {
    const headed = model();
    headed.lines.push({ id: 5, departmentId: 1, accountId: 2, description: 'Line 5', values: ['1', '2', '3'], formula: null });
    headed.accounts = [
      ...headed.accounts.map((account) => (account.id === 2 ? { ...account, parentId: 9 } : account)),
      { id: 9, code: '40', name: 'People', type: 'opex', unit: 'currency', parentId: null },
    ];
    const view = buildSheetView(headed, 'account');
    const labels = view.display.rows.map((row) => (row.kind === 'group' ? `${'  '.repeat(row.level)}[${row.label}]` : row.line.description));
    expect(labels.slice(labels.indexOf('[Operating expenses]'), labels.indexOf('[Drivers]'))).toEqual(['[Operating expenses]', '  [40 People]', '    [4001 Account 2]', 'Line 2', 'Line 5']);
    expect(summary(groups(view.display.rows).find((group) => group.label === '40 People'))?.year).toBe('156');
  });
});
