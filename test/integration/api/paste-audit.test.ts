import { describe, expect, it } from 'vitest';
import type { CellEdit } from '../../../shared/domain/cell-edit';
import type { SheetModel } from '../../../shared/domain/workbook';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** Every month of every line typed by hand: a block larger than one statement's hundred rows, with a remainder. */
function pasteOver(sheet: SheetModel): CellEdit[] {
  const entered = sheet.lines.filter((line) => line.formula === null);
  // Every third cell cleared, the others set to a value no cell holds yet.
  return entered.flatMap((line, row) => sheet.periods.map((period) => ({ lineId: line.id, period: period.index, value: (row + period.index) % 3 === 0 ? null : `${row + 1}${period.index}.25` })));
}

const stored = (sheet: SheetModel, lineId: number, period: number) => sheet.lines.find((line) => line.id === lineId)?.values[period] ?? null;

async function pasted(back: TestBack): Promise<{ before: SheetModel; edits: CellEdit[]; changed: CellEdit[] }> {
  const before = await back.call('sheet/get-sheet', {});
  const edits = pasteOver(before);
  await back.call('sheet/set-cells', { edits, label: `paste ${edits.length} cells` });
  return { before, edits, changed: edits.filter((edit) => stored(before, edit.lineId, edit.period) !== edit.value) };
}

describe('a large paste in the file', () => {
  it('lists every changed cell in the audit trail with its before and after, under one record', async () => {
    const back = startBack(tempFolder());
    const { before, edits, changed } = await pasted(back);
    expect(edits.length).toBeGreaterThan(250);

    const trail = await back.call('audit/list', { limit: 5000 });
    const record = trail.entries[0]?.auditId;
    const entries = trail.entries.filter((entry) => entry.auditId === record);
    expect(entries[0]?.label).toBe(`paste ${edits.length} cells`);
    expect(entries).toHaveLength(changed.length);
    const byCell = new Map(entries.map((entry) => [`${entry.lineId}:${entry.period}`, entry]));
    for (const edit of changed) {
      const entry = byCell.get(`${edit.lineId}:${edit.period}`);
      expect(entry?.kind).toBe('value');
      expect(entry?.before).toBe(stored(before, edit.lineId, edit.period));
      expect(entry?.after).toBe(edit.value);
    }
    back.stop();
  });

  it('finds one pasted cell’s change by its line and month', async () => {
    const back = startBack(tempFolder());
    const { before, changed } = await pasted(back);
    const cell = changed[Math.floor(changed.length / 2)];
    if (cell === undefined) throw new Error('the paste changed nothing');

    const history = await back.call('audit/list', { lineId: cell.lineId, period: cell.period });
    expect(history.entries.every((entry) => entry.lineId === cell.lineId && entry.period === cell.period)).toBe(true);
    expect(history.entries[0]).toMatchObject({ before: stored(before, cell.lineId, cell.period), after: cell.value });
    back.stop();
  });

  it('is one undo step that restores every cell, and one redo that writes them again', async () => {
    const back = startBack(tempFolder());
    const { before, edits } = await pasted(back);
    const after = await back.call('sheet/get-sheet', {});
    for (const edit of edits) expect(stored(after, edit.lineId, edit.period)).toBe(edit.value);

    const undone = await back.call('sheet/undo', {});
    expect(undone.label).toBe(`paste ${edits.length} cells`);
    expect((await back.call('sheet/get-sheet', {})).lines.map((line) => line.values)).toEqual(before.lines.map((line) => line.values));
    expect(undone.history.redo).toBe(`paste ${edits.length} cells`);
    expect(undone.history.undo).not.toBe(`paste ${edits.length} cells`);

    await back.call('sheet/redo', {});
    expect((await back.call('sheet/get-sheet', {})).lines.map((line) => line.values)).toEqual(after.lines.map((line) => line.values));
    back.stop();
  });
});
