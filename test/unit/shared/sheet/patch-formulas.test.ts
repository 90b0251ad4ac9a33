import { describe, expect, it } from 'vitest';
import { renameReference } from '../../../../shared/formula/rename-reference';
import { formulasNeedRebuild } from '../../../../shared/sheet/patch-formulas';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { sheetModel } from '../../../helpers/sheet-model';

describe('whether a patch needs the formulas computed again', () => {
  const view = buildSheetView(
    sheetModel([
      { type: 'driver', values: ['3', null, null], name: 'Heads' },
      { type: 'opex', values: ['10', null, null], name: 'Rent' },
      { type: 'opex', values: [null, null, null], name: 'Salaries', formula: '[Heads] * 5000' },
    ]),
  );
  const line = (index: number) => {
    const row = view.rows[index];
    if (row === undefined) throw new Error(`no row ${index}`);
    return row.line;
  };
  const need = (placed: Parameters<typeof formulasNeedRebuild>[2], removed: number[] = []) => formulasNeedRebuild(view.rows, view.rowIndex, placed, removed);

  it('not for a rename of a line no formula names, nor for a line that only moved', () => {
    expect(need([{ ...line(1), description: 'Office rent' }])).toBe(false);
    expect(need([line(0), line(2)])).toBe(false);
  });

  it('not for a rename whose formulas follow it, as the back rewrites them', () => {
    const followed = renameReference(line(2).formula ?? '', 'Heads', 'Headcount');
    expect(followed).not.toBe(line(2).formula);
    expect(need([{ ...line(0), description: 'Headcount' }, { ...line(2), formula: followed }])).toBe(false);
  });

  it('for a rename a formula does not follow, or to a name a line has or a formula uses', () => {
    expect(need([{ ...line(0), description: 'Headcount' }])).toBe(true);
    expect(need([{ ...line(1), description: 'heads' }])).toBe(true);
    expect(need([{ ...line(1), description: 'Salaries' }])).toBe(true);
  });

  it('for a formula written, changed or cleared, and for a new or removed line that formulas may name', () => {
    expect(need([{ ...line(1), formula: 'Heads * 2' }])).toBe(true);
    expect(need([{ ...line(2), formula: null }])).toBe(true);
    expect(need([{ ...line(1), id: 9, description: 'Heads' }])).toBe(true);
    expect(need([{ ...line(1), id: 9, description: 'Travel' }])).toBe(false);
    expect(need([], [1])).toBe(true);
    expect(need([], [2])).toBe(false);
    expect(need([], [3])).toBe(true);
  });
});
