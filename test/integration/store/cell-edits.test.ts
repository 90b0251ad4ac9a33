import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { CellEdit } from '../../../shared/domain/cell-edit';
import type { SheetModel } from '../../../shared/domain/workbook';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** Every line's values, as the file holds them. */
function valuesOf(sheet: SheetModel): Record<number, (string | null)[]> {
  return Object.fromEntries(sheet.lines.map((line) => [line.id, [...line.values]]));
}

/** The refusal a change meets, or null when it is taken. */
function refusalOf(change: () => unknown): { code: string; message: string; where: string | undefined } | null {
  try {
    change();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { code: error.code, message: error.message, where: error.where };
  }
}

async function pasteScene() {
  const back = startBack(tempFolder());
  const store = back.session.requireStore();
  const budget = await back.budgetId();
  const sheet = await back.call('sheet/get-sheet', { versionId: budget });
  const entered = sheet.lines.filter((line) => line.formula === null);
  const computed = sheet.lines.find((line) => line.formula !== null);
  if (computed === undefined || entered.length < 12) throw new Error('The sample workbook needs entered and computed lines.');
  // A block over 12 lines from the third month, lines not in sheet order, a few cells left as they are.
  const lines = [...entered.slice(0, 12)].reverse();
  const edits: CellEdit[] = lines.flatMap((line, row) =>
    sheet.periods.slice(2).map((period) => ({ lineId: line.id, period: period.index, value: (row + period.index) % 5 === 0 ? (line.values[period.index] ?? null) : (row + period.index) % 3 === 0 ? null : `${row + 1}${period.index}.5` })),
  );
  return { back, store, budget, sheet, edits, computed };
}

describe('cell edits in the store', () => {
  it('a large change writes each cell, leaves out cells that stay the same, and undoes and redoes exactly', async () => {
    const { back, store, budget, sheet, edits } = await pasteScene();
    const expected = valuesOf(sheet);
    for (const edit of edits) (expected[edit.lineId] as (string | null)[])[edit.period] = edit.value;
    const unchanged = edits.filter((edit) => (sheet.lines.find((line) => line.id === edit.lineId)?.values[edit.period] ?? null) === edit.value).length;
    expect(unchanged).toBeGreaterThan(0);

    store.setCells(budget, edits, 'paste', 'ann');
    const after = await back.call('sheet/get-sheet', { versionId: budget });
    expect(valuesOf(after)).toEqual(expected);
    const detail = store.database.prepare<[], string>("SELECT detail FROM audit_log WHERE action = 'sheet/set-cells' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(detail)).toEqual({ cells: edits.length - unchanged });

    store.stepHistory('undo', budget, 'ann');
    expect(valuesOf(await back.call('sheet/get-sheet', { versionId: budget }))).toEqual(valuesOf(sheet));
    store.stepHistory('redo', budget, 'ann');
    expect(valuesOf(await back.call('sheet/get-sheet', { versionId: budget }))).toEqual(expected);
    back.stop();
  });

  it('refuses a change, large or of one cell, at the first invalid edit by its index, and changes nothing', async () => {
    const { back, store, budget, sheet, edits, computed } = await pasteScene();
    const revision = store.info().revision;
    const missing = Math.max(...sheet.lines.map((line) => line.id)) + 1;
    const at = 100;
    const withEdit = (edit: CellEdit) => [...edits.slice(0, at), edit, ...edits.slice(at)];
    const twice = edits[7] as CellEdit;

    expect(refusalOf(() => store.setCells(budget, withEdit({ lineId: missing, period: 3, value: '1' }), 'paste', 'ann'))).toEqual({
      code: 'not-found',
      message: `Budget line ${missing} does not exist in this workbook (it may have been deleted).`,
      where: `edits.${at}.lineId`,
    });
    expect(refusalOf(() => store.setCells(budget, withEdit({ lineId: computed.id, period: 3, value: '1' }), 'paste', 'ann'))?.where).toBe(`edits.${at}.lineId`);
    expect(refusalOf(() => store.setCells(budget, withEdit({ ...twice, value: '1' }), 'paste', 'ann'))).toEqual({
      code: 'invalid-input',
      message: `The same cell (line ${twice.lineId}, period ${twice.period}) is set twice in one change.`,
      where: `edits.${at}`,
    });
    expect(refusalOf(() => store.setCells(budget, withEdit({ lineId: twice.lineId, period: sheet.periods.length, value: '1' }), 'paste', 'ann'))?.where).toBe(`edits.${at}.period`);
    expect(refusalOf(() => store.setCells(budget, [{ lineId: twice.lineId, period: 0, value: '1.005' }], 'edit', 'ann'))?.where).toBe('edits.0.value');
    expect(refusalOf(() => store.setCells(budget, [{ lineId: twice.lineId, period: 1, value: '1' }, { lineId: twice.lineId, period: 1, value: '2' }], 'edit', 'ann'))?.where).toBe('edits.1');

    expect(store.info().revision).toBe(revision);
    expect(valuesOf(await back.call('sheet/get-sheet', { versionId: budget }))).toEqual(valuesOf(sheet));
    back.stop();
  });
});
