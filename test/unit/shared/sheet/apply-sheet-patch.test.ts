import { describe, expect, it } from 'vitest';
import type { BudgetLine, SheetModel } from '../../../../shared/domain/workbook';
import { applySheetPatch } from '../../../../shared/sheet/apply-sheet-patch';
import { emptyPatch, type SheetPatch } from '../../../../shared/sheet/sheet-patch';
import { buildSheetView, type SheetView } from '../../../../shared/sheet/sheet-view';
import { comparableView } from '../../../helpers/comparable-view';
import { sheetModel } from '../../../helpers/sheet-model';

const receipt = { revision: 7, history: { undo: 'the change', redo: null } };

/** Revenue and opex lines, a driver line and a formula line that uses it (revenue too). */
function model(): SheetModel {
  return sheetModel([
    { type: 'revenue', values: ['1000', '1000', null], name: 'Sales' },
    { type: 'opex', values: ['250.25', null, '100'], name: 'Rent' },
    { type: 'driver', values: ['3', '4', '5'], name: 'Heads' },
    { type: 'revenue', values: [null, null, null], name: 'Services', formula: 'Heads * 100' },
  ]);
}

/** The sheet a fresh read would give after the same change: the model changed, then built whole. */
function rebuilt(change: (model: SheetModel) => void): SheetView {
  const changed = model();
  change(changed);
  changed.workbook.revision = receipt.revision;
  changed.history = receipt.history;
  return buildSheetView(changed);
}

/** A line as the back reads it (entered values, not what a formula computes). */
const lineOf = (id: number): BudgetLine => {
  const line = model().lines.find((candidate) => candidate.id === id);
  if (line === undefined) throw new Error(`no line ${id}`);
  return line;
};

function patch(parts: Partial<SheetPatch>): SheetPatch {
  return { ...emptyPatch(1), ...parts };
}

describe('applying a structural patch to the sheet', () => {
  const view = buildSheetView(model());

  it('a comment replaces only its line’s row: the totals, groups, order and formulas are the same objects', () => {
    const comment = { id: 9, lineId: 2, period: 1, text: 'Check', author: 'Ann', createdAt: '2027-01-01T00:00:00Z' };
    const next = applySheetPatch(view, patch({ commentsAdded: [comment] }), receipt);
    expect(next?.commentsByPlace.get('2:1')).toEqual([comment]);
    expect(next?.rows[1]).not.toBe(view.rows[1]);
    expect(next?.rows[0]).toBe(view.rows[0]);
    expect(next?.totals).toBe(view.totals);
    expect(next?.rowIndex).toBe(view.rowIndex);
    expect(next?.formulas).toBe(view.formulas);
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => changed.comments.push(comment))));
  });

  it('renaming a line no formula uses keeps the formula graph and the totals', () => {
    const renamed = { ...lineOf(2), description: 'Office rent' };
    const next = applySheetPatch(view, patch({ lines: [{ line: renamed, after: 1, priorYear: null }] }), receipt);
    expect(next?.rows[1]?.line.description).toBe('Office rent');
    expect(next?.formulas).toBe(view.formulas);
    expect(next?.totals).toBe(view.totals);
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => Object.assign(changed.lines[1] ?? {}, { description: 'Office rent' }))));
  });

  it('renaming a line a formula uses, the formula following it, keeps the formula graph and every result', () => {
    const renamed = { ...lineOf(3), description: 'Headcount' };
    const follower = { ...lineOf(4), formula: 'Headcount * 100' };
    const next = applySheetPatch(view, patch({ lines: [{ line: renamed, after: 2, priorYear: null }, { line: follower, after: 3, priorYear: null }] }), receipt);
    expect(next?.formulas).toBe(view.formulas);
    expect(next?.rows[3]?.line.values).toEqual(['300', '400', '500']);
    expect(comparableView(next as SheetView)).toEqual(
      comparableView(
        rebuilt((changed) => {
          Object.assign(changed.lines[2] ?? {}, { description: 'Headcount' });
          Object.assign(changed.lines[3] ?? {}, { formula: 'Headcount * 100' });
        }),
      ),
    );
  });

  it('a new line with amounts adds one row, and the totals and its group count it', () => {
    const added: BudgetLine = { id: 5, departmentId: 1, accountId: 2, description: 'Cleaning', values: ['10', null, '0.5'], formula: null };
    const next = applySheetPatch(view, patch({ lines: [{ line: added, after: 2, priorYear: null }] }), receipt);
    expect(next?.rows.map((row) => row.line.id)).toEqual([1, 2, 5, 3, 4]);
    expect(next?.totals.byType.opex.year.toString()).toBe('360.75');
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => changed.lines.splice(2, 0, added))));
  });

  it('a removed line leaves the rows, the totals and its comments', () => {
    const withComment = model();
    withComment.comments.push({ id: 3, lineId: 1, period: null, text: 'Big', author: 'Ann', createdAt: '2027-01-01T00:00:00Z' });
    const next = applySheetPatch(buildSheetView(withComment), patch({ removedLines: [1] }), receipt);
    expect(next?.totals.byType.revenue.year.toString()).toBe('1200');
    expect(next?.commentsByPlace.size).toBe(0);
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => changed.lines.splice(0, 1))));
  });

  it('a formula on a line shows what it computes, in its row and the totals', () => {
    const driven = { ...lineOf(1), formula: 'Heads * 2' };
    const next = applySheetPatch(view, patch({ lines: [{ line: driven, after: null, priorYear: null }] }), receipt);
    expect(next?.rows[0]?.line.values).toEqual(['6', '8', '10']);
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => Object.assign(changed.lines[0] ?? {}, { formula: 'Heads * 2' }))));
  });

  it('two lines that swap places swap rows, and nothing else changes', () => {
    const next = applySheetPatch(view, patch({ lines: [{ line: lineOf(2), after: null, priorYear: null }, { line: lineOf(1), after: 2, priorYear: null }] }), receipt);
    expect(next?.rows.map((row) => row.line.id)).toEqual([2, 1, 3, 4]);
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => changed.lines.splice(0, 2, ...changed.lines.slice(0, 2).reverse()))));
  });

  it('a renamed department relabels its group and its lines without grouping again', () => {
    const departments = [{ id: 1, name: 'Field sales', parentId: null }];
    const next = applySheetPatch(view, patch({ departments, accounts: model().accounts }), receipt);
    const group = next?.display.rows.find((row) => row.id === 'g:d1');
    expect(group?.kind === 'group' ? group.label : null).toBe('Field sales');
    expect(next?.display.groupIndex).toBe(view.display.groupIndex);
    expect(next?.rows.every((row) => row.department === 'Field sales')).toBe(true);
    expect(comparableView(next as SheetView)).toEqual(comparableView(rebuilt((changed) => (changed.departments = departments))));
  });

  it('refuses a patch read for another version, or one that places a line after a line the sheet does not have', () => {
    expect(applySheetPatch(view, { ...emptyPatch(2) }, receipt)).toBeNull();
    expect(applySheetPatch(view, patch({ lines: [{ line: lineOf(2), after: 99, priorYear: null }] }), receipt)).toBeNull();
  });
});
