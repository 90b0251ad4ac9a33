import { describe, expect, it } from 'vitest';
import { renameReference } from '../../../../shared/formula/rename-reference';
import { applySheetPatch } from '../../../../shared/sheet/apply-sheet-patch';
import { formulasNeedRebuild } from '../../../../shared/sheet/patch-formulas';
import { emptyPatch } from '../../../../shared/sheet/sheet-patch';
import { buildSheetView, withCellValue } from '../../../../shared/sheet/sheet-view';
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

  it('for a rename to a name a line has in another case, with spaces around it, or in letters past ASCII', () => {
    const named = buildSheetView(
      sheetModel([
        { type: 'opex', values: ['1', null, null], name: ' Équipe İstanbul ' },
        { type: 'opex', values: ['2', null, null], name: 'Rent' },
        { type: 'opex', values: [null, null, null], name: 'Total', formula: '[Rent] * 2' },
        { type: 'opex', values: ['3', null, null], name: 'Travel' },
      ]),
    );
    // Travel: a line no formula names, so only the new name decides.
    const travel = named.rows[3]?.line;
    if (travel === undefined) throw new Error('no Travel line');
    const rename = (description: string) => formulasNeedRebuild(named.rows, named.rowIndex, [{ ...travel, description }], []);
    expect(rename('ÉQUIPE İSTANBUL')).toBe(true);
    expect(rename('équipe i̇stanbul')).toBe(true);
    expect(rename('  total ')).toBe(true);
    expect(rename('Équipe Ankara')).toBe(false);
    expect(rename('Totals')).toBe(false);
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

describe('error messages after a rename the formulas follow', () => {
  /** Heads, a cost per head computed from them, and a team cost that names the cost per head. */
  const lines = (costName: string): Parameters<typeof sheetModel>[0] => [
    { type: 'driver', values: ['3', '4', '5'], name: 'Heads' },
    { type: 'opex', values: [null, null, null], name: costName, formula: '1000 / Heads' },
    { type: 'opex', values: [null, null, null], name: 'Team cost', formula: `[${costName}] * 2` },
  ];
  const receipt = { revision: 2, history: { undo: 'rename', redo: null } };

  it('name the line by its new name when a later edit makes an error, as a fresh read of the sheet would', () => {
    const view = buildSheetView(sheetModel(lines('Cost per head')));
    const [heads, perHead, team] = view.rows.map((row) => row.line);
    if (heads === undefined || perHead === undefined || team === undefined) throw new Error('three lines expected');
    const follower = { ...team, formula: renameReference(team.formula ?? '', 'Cost per head', 'Unit cost') };
    const renamed = applySheetPatch(
      view,
      { ...emptyPatch(1), lines: [{ line: { ...perHead, description: 'Unit cost' }, after: heads.id, priorYear: null }, { line: follower, after: perHead.id, priorYear: null }] },
      receipt,
    );
    if (renamed === null) throw new Error('the patch should apply');
    // The graph is kept (no rebuild); only the names it reports must follow.
    expect(renamed.formulas).toBe(view.formulas);
    const edited = withCellValue(renamed, heads.id, 0, '0');
    const fresh = withCellValue(buildSheetView(sheetModel(lines('Unit cost'))), heads.id, 0, '0');
    expect(edited.lineErrors.get(team.id)?.[0]).toBe('“Unit cost” has no value here: Division by zero.');
    expect(edited.lineErrors.get(team.id)).toEqual(fresh.lineErrors.get(team.id));
  });
});
