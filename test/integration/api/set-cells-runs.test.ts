import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/domain/workbook';
import { startBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

function inputLines(sheet: SheetModel) {
  return sheet.lines.filter((line) => line.formula === null).slice(0, 3);
}

describe('sheet/set-cell-runs: cells as runs of months (how a large change travels)', () => {
  it('sets the same cells as the same change given as edits, as one undo step', async () => {
    const byRuns = startBack(tempFolder());
    const byEdits = startBack(tempFolder());
    const sheet = await byRuns.call('sheet/get-sheet', {});
    const lines = inputLines(sheet);
    const runs = lines.map((line, index) => ({ lineId: line.id, period: 2, values: [String(100 + index), null, `${index}.25`] }));
    const edits = runs.flatMap((run) => run.values.map((value, offset) => ({ lineId: run.lineId, period: run.period + offset, value })));
    const receipt = await byRuns.call('sheet/set-cell-runs', { versionId: sheet.version.id, runs, label: 'paste 9 cells' });
    await byEdits.call('sheet/set-cells', { edits, label: 'paste 9 cells' });
    expect(receipt.history.undo).toBe('paste 9 cells');
    const values = (sheet: SheetModel) => sheet.lines.map((line) => [line.id, line.values]);
    const after = await byRuns.call('sheet/get-sheet', {});
    expect(values(after)).toEqual(values(await byEdits.call('sheet/get-sheet', {})));
    expect(after.lines.find((line) => line.id === lines[1]?.id)?.values.slice(2, 5)).toEqual(['101', null, '1.25']);
    byRuns.stop();
    byEdits.stop();
  });

  it('refuses a bad run whole, naming the cell, and changes nothing', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('sheet/get-sheet', {});
    const [first] = inputLines(before);
    if (first === undefined) throw new Error('no input line');
    const versionId = before.version.id;
    const badValue = await rejection(back.call('sheet/set-cell-runs', { versionId, runs: [{ lineId: first.id, period: 0, values: ['1', '1,000'] }], label: 'paste' }));
    expect([badValue.code, badValue.where]).toEqual(['invalid-input', 'runs.0.values.1']);
    expect(badValue.message).toContain('expected an amount');
    const outside = await rejection(back.call('sheet/set-cell-runs', { versionId, runs: [{ lineId: first.id, period: 10, values: ['1', '2', '3'] }], label: 'paste' }));
    expect([outside.where, outside.message]).toEqual(['runs.0.values.2', expect.stringContaining('outside')]);
    const missing = await rejection(back.call('sheet/set-cell-runs', { versionId, runs: [{ lineId: first.id, period: 0, values: ['1'] }, { lineId: 99999, period: 0, values: ['2'] }], label: 'paste' }));
    expect([missing.code, missing.where, missing.message]).toEqual(['not-found', 'runs.1.lineId', expect.stringContaining('99999')]);
    const none = await rejection(back.call('sheet/set-cell-runs', { versionId, runs: [], label: 'paste' }));
    expect([none.where, none.message]).toEqual(['runs', 'Invalid input for sheet/set-cell-runs at runs: give at least one cell.']);
    const emptyRun = await rejection(back.call('sheet/set-cell-runs', { versionId, runs: [{ lineId: first.id, period: 0, values: [] }], label: 'paste' }));
    expect(emptyRun.where).toBe('runs.0.values');
    expect(await back.call('sheet/get-sheet', {})).toEqual(before);
    back.stop();
  });
});
