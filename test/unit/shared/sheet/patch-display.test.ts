import { describe, expect, it } from 'vitest';
import { displayAfterMoves } from '../../../../shared/sheet/patch-display';
import { buildDisplay } from '../../../../shared/sheet/sheet-groups';
import { buildSheetView, rowFor, type LineRow } from '../../../../shared/sheet/sheet-view';
import { Decimal } from '../../../../shared/money/decimal';
import { sheetModel } from '../../../helpers/sheet-model';

describe('moving lines in the display without grouping again', () => {
  const model = sheetModel([
    { type: 'revenue', values: ['100', null, null], name: 'Sales' },
    { type: 'opex', values: ['40', '1', null], name: 'Rent' },
  ]);
  const view = buildSheetView(model);
  const row = (index: number): LineRow => {
    const found = view.rows[index];
    if (found === undefined) throw new Error(`no row ${index}`);
    return found;
  };
  const summary = (display: ReturnType<typeof buildDisplay>) =>
    display.rows.map((shown) => (shown.kind === 'line' ? shown.line.id : [shown.id, shown.lineCount, shown.periods?.map(String) ?? null, shown.year?.toString() ?? null]));

  it('a new line on an account that has lines joins its group: one more line, its amounts in the subtotals', () => {
    const added = rowFor({ id: 3, departmentId: 1, accountId: 2, description: 'Cleaning', values: ['5', null, '2'], formula: null }, view, new Decimal(7), undefined);
    const rows = [row(0), row(1), added];
    const rowIndex = new Map(rows.map((shown, position) => [shown.line.id, position]));
    const display = displayAfterMoves(view.display, { leaving: [], arriving: [added], changedInPlace: [], renewed: new Set([added.line.id]) }, rows, rowIndex, model);
    expect(display).not.toBeNull();
    expect(summary(display ?? view.display)).toEqual(summary(buildDisplay(rows, 3, 'department', new Set(), model)));
  });

  it('a line whose group would be new, or would empty, asks for grouping again', () => {
    const elsewhere = rowFor({ id: 3, departmentId: 1, accountId: 1, description: 'Upsell', values: [null, null, null], formula: null }, view, new Decimal(0), undefined);
    const withNewAccount = { ...elsewhere, account: { ...elsewhere.account, id: 9, type: 'capex' as const } };
    const rows = [row(0), row(1), withNewAccount];
    expect(displayAfterMoves(view.display, { leaving: [], arriving: [withNewAccount], changedInPlace: [], renewed: new Set<number>() }, rows, new Map(rows.map((shown, position) => [shown.line.id, position])), model)).toBeNull();
    expect(displayAfterMoves(view.display, { leaving: [row(1)], arriving: [], changedInPlace: [], renewed: new Set<number>() }, [row(0)], new Map([[1, 0]]), model)).toBeNull();
  });
});
