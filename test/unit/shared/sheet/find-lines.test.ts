import { describe, expect, it } from 'vitest';
import { amountMatches, findInSheet, groupsAboveLine, matchedLineIds, parseFindQuery, type FindQuery } from '../../../../shared/sheet/find-lines';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import type { SheetModel } from '../../../../shared/domain/workbook';
import { sheetModel } from '../../../helpers/sheet-model';

/** Sales: a revenue line and a travel line; Opérations: materials and a rate line. */
function model(): SheetModel {
  const base = sheetModel([
    { type: 'revenue', values: ['1200', '2000', null], name: 'Sensor kits' },
    { type: 'opex', values: ['1200.5', null, '-300'], name: 'Travel' },
    { type: 'cogs', values: ['300', '1200', '300'], name: 'Materials' },
    { type: 'driver', values: ['0.22', '0.2', null], name: 'Tax rate' },
  ]);
  base.departments = [
    { id: 1, name: 'Sales', parentId: null },
    { id: 2, name: 'Opérations', parentId: null },
  ];
  base.accounts = base.accounts.map((account, index) => (index === 3 ? { ...account, unit: 'percent' as const, name: 'Rates' } : account));
  base.lines = base.lines.map((line, index) => ({ ...line, departmentId: index < 2 ? 1 : 2 }));
  base.comments = [
    { id: 1, lineId: 3, period: 1, text: 'Supplier quote pending', author: 'Ana', createdAt: '2027-01-01T00:00:00Z' },
    { id: 2, lineId: 2, period: null, text: 'Includes the offsite', author: 'Ana', createdAt: '2027-01-01T00:00:00Z' },
  ];
  return base;
}

const query = (text: string) => parseFindQuery(text, 'USD') as FindQuery;
const cells = (text: string, grouping: 'department' | 'none' = 'none', collapsed: ReadonlySet<string> = new Set()) =>
  findInSheet(buildSheetView(model(), grouping, collapsed), text).map((match) => `${match.lineId}:${match.column}:${match.field}`);

describe('find in the sheet', () => {
  it('an empty query finds nothing', () => {
    expect(parseFindQuery('   ', 'USD')).toBeNull();
    expect(cells('')).toEqual([]);
  });

  it('finds a line by its description, case-insensitively, on its Line column', () => {
    expect(cells('sensor')).toEqual(['1:description:text']);
  });

  it('finds every line of a department by name, ignoring accents', () => {
    expect(cells('operations')).toEqual(['3:department:text', '4:department:text']);
  });

  it('finds lines by account code or account name', () => {
    expect(cells('4001')).toEqual(['2:account:text']);
    expect(cells('rates')).toEqual(['4:account:text']);
  });

  it('finds a comment on a cell at that month, and a comment on a line at its Line column', () => {
    expect(cells('quote')).toEqual(['3:1:comment']);
    expect(cells('offsite')).toEqual(['2:description:comment']);
  });

  it('finds an amount by its exact value however it is typed, and never a partial number', () => {
    const expected = ['1:0:amount', '3:1:amount'];
    expect(cells('1200')).toEqual(expected);
    expect(cells('1,200.00')).toEqual(expected);
    // With the workbook's own currency mark, as an amount is often written.
    expect(cells('$1,200')).toEqual(expected);
    expect(cells('1.2k')).toEqual(expected);
    expect(cells('120')).toEqual([]);
    // 1,200.50 is not 1,200.
    expect(cells('1200.50')).toEqual(['2:0:amount']);
    expect(cells('(300)')).toEqual(['2:2:amount']);
  });

  it('finds a line by its full-year total', () => {
    expect(cells('3200')).toEqual(['1:year:amount']);
  });

  it('finds a rate by its percentage, with or without the sign; a percentage finds no money', () => {
    expect(cells('22%')).toEqual(['4:0:amount']);
    expect(cells('22')).toEqual(['4:0:amount']);
    expect(cells('1200%')).toEqual([]);
  });

  it('compares amounts as decimals when a stored value is not in canonical form', () => {
    expect(amountMatches('1200.00', 'currency', query('1,200'))).toBe(true);
    expect(amountMatches('1.2e3', 'currency', query('1200'))).toBe(true);
    expect(amountMatches('1200.01', 'currency', query('1200'))).toBe(false);
  });

  it('lists matches in the order the grid shows the lines, including lines in collapsed groups', () => {
    // Grouped by department, Operations' lines follow Sales' (the same order here), and collapsing Sales hides nothing from find.
    expect(cells('1200', 'department', new Set(['g:d1']))).toEqual(['1:0:amount', '3:1:amount']);
    expect([...matchedLineIds(findInSheet(buildSheetView(model(), 'none'), '300'))]).toEqual([3]);
  });
});

describe('the groups above a line', () => {
  it('are its department and its account type, outermost first, whether or not they are collapsed', () => {
    expect(groupsAboveLine(buildSheetView(model(), 'department'), 4)).toEqual(['g:d2', 'g:d2:driver']);
    expect(groupsAboveLine(buildSheetView(model(), 'department', new Set(['g:d2'])), 3)).toEqual(['g:d2', 'g:d2:cogs']);
    expect(groupsAboveLine(buildSheetView(model(), 'none'), 3)).toEqual([]);
  });
});
