// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../../../shared/money/decimal';
import { flushWrites, useSheetStore } from '../../../../renderer/state/sheet-store';
import { useNoticeStore } from '../../../../renderer/state/notice-store';
import { useSelectionStore } from '../../../../renderer/state/selection-store';
import { startBack, type TestBack } from '../../../helpers/back';
import { resetStore, useRendererOverBack } from '../../../helpers/in-process-api';

const startRenderer = useRendererOverBack();
let back: TestBack;
let dataDir: string;

beforeEach(() => {
  resetStore(useSheetStore);
  resetStore(useNoticeStore);
  resetStore(useSelectionStore);
  ({ back, dataDir } = startRenderer());
});

const sheet = () => useSheetStore.getState();

function view() {
  const shown = sheet().view;
  if (shown === null) throw new Error('The sheet shows nothing: load it first.');
  return shown;
}

function row(lineId: number) {
  const found = view().rows[view().rowIndex.get(lineId) ?? -1];
  if (found === undefined) throw new Error(`Line ${lineId} is not on the sheet.`);
  return found;
}

/** The first line of the sample typed by hand (not computed), with its account type. */
function firstEnteredLine(type: 'revenue' | 'opex' = 'revenue') {
  const found = view().rows.find((candidate) => candidate.line.formula === null && candidate.account.type === type && candidate.account.unit === 'currency');
  if (found === undefined) throw new Error(`The sample has no entered ${type} line.`);
  return found.line;
}

function total(id: string, period: number): string {
  const found = view().totalRows.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`No total row ${id}.`);
  return found.periods[period]?.toString() ?? 'none';
}

const errors = () => useNoticeStore.getState().notices.filter((notice) => notice.tone === 'error');

async function valueInFile(lineId: number, period: number, versionId?: number): Promise<string | null> {
  const model = await back.call('sheet/get-sheet', versionId === undefined ? {} : { versionId });
  return model.lines.find((line) => line.id === lineId)?.values[period] ?? null;
}

describe('the sheet store', () => {
  it('loads the workbook’s first version when none is chosen, with its lines and totals', async () => {
    await sheet().load();
    expect(sheet().versionId).toBe(await back.budgetId());
    expect(view().model.version.kind).toBe('budget');
    expect(view().rows.length).toBeGreaterThan(10);
    expect(sheet().history).toEqual({ undo: null, redo: null });
    expect(sheet().revision).toBe(view().model.workbook.revision);
  });

  it('shows an edit and the totals that include it at once, and the edit is in the file once the writes are flushed', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    const old = line.values[0] ?? '0';
    const revenueBefore = total('total-revenue', 0);
    const incomeBefore = total('operating-income', 0);

    const saving = sheet().editCell(line.id, 0, '1,250.50');
    // Before the back has answered: the cell, its line's year and the totals already show it.
    expect(row(line.id).line.values[0]).toBe('1250.5');
    expect(sheet().pendingWrites).toBe(1);
    const delta = new Decimal('1250.5').minus(old);
    expect(total('total-revenue', 0)).toBe(new Decimal(revenueBefore).plus(delta).toString());
    expect(total('operating-income', 0)).toBe(new Decimal(incomeBefore).plus(delta).toString());

    expect(await saving).toBe(true);
    await flushWrites();
    expect(sheet().pendingWrites).toBe(0);
    expect(sheet().saveError).toBeNull();
    expect(await valueInFile(line.id, 0)).toBe('1250.5');
  });

  it('keeps a saved edit across a restart of the back', async () => {
    await sheet().load();
    const line = firstEnteredLine('opex');
    expect(await sheet().editCell(line.id, 3, '(300)')).toBe(true);
    await flushWrites();
    back.stop();
    back = startBack(dataDir);
    try {
      expect(await valueInFile(line.id, 3)).toBe('-300');
    } finally {
      back.stop();
    }
  });

  it('offers the edit to undo by its label, and undo and redo move the value and the labels back and forth', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    const old = line.values[1] ?? null;
    await sheet().editCell(line.id, 1, '42');
    const label = sheet().history.undo;
    expect(label).toContain(line.description);
    expect(sheet().history.redo).toBeNull();

    await sheet().undo();
    expect(row(line.id).line.values[1]).toBe(old);
    expect(sheet().history).toEqual({ undo: null, redo: label });
    expect(await valueInFile(line.id, 1)).toBe(old);

    await sheet().redo();
    expect(row(line.id).line.values[1]).toBe('42');
    expect(sheet().history).toEqual({ undo: label, redo: null });
    expect(await valueInFile(line.id, 1)).toBe('42');
  });

  it('undoes an edit pressed before the back has answered it: the step is offered at once, and undo waits for it', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    const old = line.values[2] ?? null;
    const saving = sheet().editCell(line.id, 2, '77');
    // Ctrl+Z right after the edit, while it is still on its way: it is offered by its label...
    expect(sheet().history.undo).toContain(line.description);
    const undoing = sheet().undo();
    expect(await saving).toBe(true);
    await undoing;
    // ...and takes that very edit back, on screen and in the file.
    expect(row(line.id).line.values[2]).toBe(old);
    expect(await valueInFile(line.id, 2)).toBe(old);
    expect(sheet().history.undo).toBeNull();
  });

  it('undoes a new line pressed before the back has answered it', async () => {
    await sheet().load();
    const like = firstEnteredLine('opex');
    const count = view().rows.length;
    const adding = sheet().addLine(like.departmentId, like.accountId, 'Quick offsite');
    expect(sheet().pendingWrites).toBe(1);
    const undoing = sheet().undo();
    expect(await adding).toBe(true);
    await undoing;
    expect(view().rows).toHaveLength(count);
    expect(sheet().pendingWrites).toBe(0);
    expect((await back.call('sheet/get-sheet', {})).lines.some((candidate) => candidate.description === 'Quick offsite')).toBe(false);
  });

  it('does nothing on undo when there is nothing to undo', async () => {
    await sheet().load();
    const revision = sheet().revision;
    await sheet().undo();
    expect(sheet().revision).toBe(revision);
    expect(errors()).toEqual([]);
  });

  it('refuses a malformed amount before sending anything, and says what and where', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    const revision = sheet().revision;
    expect(await sheet().editCell(line.id, 0, '12abc')).toBe(false);
    expect(row(line.id).line.values[0]).toBe(line.values[0]);
    expect(sheet().pendingWrites).toBe(0);
    expect((await back.call('sheet/get-sheet', {})).workbook.revision).toBe(revision);
    const [notice] = errors();
    expect(notice?.where).toContain(line.description);
    expect(notice?.message).toMatch(/\S/);
  });

  it('an edit refused by the back leaves the sheet as the file has it and says why', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    // Approved elsewhere (another window, say): this sheet still shows the draft.
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    expect(view().model.version.status).toBe('draft');

    expect(await sheet().editCell(line.id, 0, '999')).toBe(false);
    await flushWrites();
    expect(row(line.id).line.values[0]).toBe(line.values[0]);
    expect(view().model.version.status).toBe('approved');
    expect(sheet().pendingWrites).toBe(0);
    // Read again, the sheet is what the file holds: nothing is left unsaved, the notice says why.
    expect(sheet().saveError).toBeNull();
    expect(errors().map((notice) => notice.message)).toEqual([expect.stringMatching(/was approved.*Reopen the version/)]);
    expect(await valueInFile(line.id, 0)).toBe(line.values[0]);
  });

  it('refuses at once to edit a version it shows as approved, without a round trip', async () => {
    await back.call('version/set-status', { action: 'submit' });
    await back.call('version/set-status', { action: 'approve' });
    await sheet().load();
    const line = firstEnteredLine('revenue');
    const saving = sheet().editCell(line.id, 0, '1');
    expect(sheet().pendingWrites).toBe(0);
    expect(await saving).toBe(false);
    expect(errors()[0]?.message).toMatch(/was approved.*so its values are locked/);
  });

  it('refuses an amount typed into a line computed by its formula, pointing to the formula', async () => {
    await sheet().load();
    const line = firstEnteredLine('opex');
    expect(await sheet().setFormula(line.id, '1000 * 2')).toBe(true);
    expect(row(line.id).line.values.every((value) => value === '2000')).toBe(true);
    expect(await sheet().editCell(line.id, 0, '5')).toBe(false);
    expect(errors()[0]?.message).toContain('=1000 * 2');
  });

  it('keeps a formula that cannot be computed and says so', async () => {
    await sheet().load();
    const line = firstEnteredLine('opex');
    expect(await sheet().setFormula(line.id, 'No Such Line * 2')).toBe(true);
    expect(row(line.id).line.formula).toBe('No Such Line * 2');
    expect(row(line.id).formulaError).not.toBeNull();
    expect(errors()[0]?.message).toMatch(/^The formula was saved but cannot be computed/);
  });

  it('opens another version, and edits from then on go to that version only', async () => {
    await sheet().load();
    const budgetId = await back.budgetId();
    const { versions } = await back.call('version/list', {});
    const scenario = versions.find((version) => version.kind === 'scenario');
    if (scenario === undefined) throw new Error('The sample has no scenario.');
    expect(await sheet().openVersion(scenario.id)).toBe(true);
    expect(sheet().versionId).toBe(scenario.id);
    expect(view().model.version.name).toBe(scenario.name);

    const line = firstEnteredLine('opex');
    const inBudget = await valueInFile(line.id, 0, budgetId);
    await sheet().editCell(line.id, 0, '777');
    await flushWrites();
    expect(await valueInFile(line.id, 0, scenario.id)).toBe('777');
    expect(await valueInFile(line.id, 0, budgetId)).toBe(inBudget);

    // A reload keeps the version the user chose.
    await sheet().load();
    expect(sheet().versionId).toBe(scenario.id);
  });

  it('says why it cannot open a version that does not exist, and keeps showing the one it had', async () => {
    await sheet().load();
    const shown = sheet().versionId;
    expect(await sheet().openVersion(9999)).toBe(false);
    expect(sheet().versionId).toBe(shown);
    expect(errors()).toHaveLength(1);
  });

  it('adds a line where the user asked, puts the cursor on it, and undo takes it away', async () => {
    await sheet().load();
    const like = firstEnteredLine('opex');
    const count = view().rows.length;
    expect(await sheet().addLine(like.departmentId, like.accountId, 'Team offsite')).toBe(true);
    const added = view().rows.find((candidate) => candidate.line.description === 'Team offsite');
    expect(added?.line).toMatchObject({ departmentId: like.departmentId, accountId: like.accountId, formula: null });
    expect(view().rows).toHaveLength(count + 1);
    expect(useSelectionStore.getState().cursorRequest).toEqual({ lineId: added?.line.id, period: 0 });
    expect(sheet().history.undo).not.toBeNull();

    await sheet().undo();
    expect(view().rows).toHaveLength(count);
    expect(view().rows.some((candidate) => candidate.line.description === 'Team offsite')).toBe(false);
  });

  it('deletes a line, takes its amounts out of the totals, and undo brings both back', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    const revenueBefore = total('total-revenue', 0);
    expect(await sheet().deleteLine(line.id)).toBe(true);
    expect(view().rowIndex.has(line.id)).toBe(false);
    expect(total('total-revenue', 0)).toBe(new Decimal(revenueBefore).minus(line.values[0] ?? '0').toString());

    await sheet().undo();
    expect(row(line.id).line.values).toEqual(line.values);
    expect(total('total-revenue', 0)).toBe(revenueBefore);
  });

  it('refuses a line without a name before asking the back', async () => {
    await sheet().load();
    const line = firstEnteredLine('revenue');
    expect(await sheet().renameLine(line.id, '   ')).toBe(false);
    expect(row(line.id).line.description).toBe(line.description);
    expect(errors()[0]?.message).toMatch(/A line needs a name/);
  });

  it('spreads an amount over the months exactly to the cent, as one undoable step', async () => {
    await sheet().load();
    const line = firstEnteredLine('opex');
    const months = view().model.periods.length;
    expect(await sheet().spreadTotal(line.id, '1,000', { kind: 'even' })).toBe(true);
    const values = row(line.id).line.values;
    expect(values.reduce((sum, value) => sum.plus(value ?? '0'), new Decimal(0)).toString()).toBe('1000');
    expect(values).toHaveLength(months);
    expect(sheet().history.undo).toMatch(/^spread/);
    await flushWrites();
    expect((await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.id === line.id)?.values).toEqual(values);
  });

  it('pastes a block from a spreadsheet over the lines from the cursor down, all cells or none', async () => {
    await sheet().load();
    const top = view().display.rows.findIndex((candidate) => candidate.kind === 'line');
    const [first, second] = view().display.rows.slice(top, top + 2);
    if (first?.kind !== 'line' || second?.kind !== 'line') throw new Error('The sample’s first group has fewer than two lines.');
    const cursor = { anchor: { row: top, column: 0 }, focus: { row: top, column: 0 } };

    expect(await sheet().paste(cursor, '10\t20\nnot money\t40')).toBeNull();
    expect(row(first.line.id).line.values[0]).toBe(first.line.values[0]);
    expect(errors()).toHaveLength(1);

    const pasted = await sheet().paste(cursor, '10\t20\n30\t40');
    expect(pasted).toEqual({ anchor: { row: top, column: 0 }, focus: { row: top + 1, column: 1 } });
    expect(row(first.line.id).line.values.slice(0, 2)).toEqual(['10', '20']);
    expect(row(second.line.id).line.values.slice(0, 2)).toEqual(['30', '40']);
    expect(sheet().history.undo).toBe('paste 4 cells');
    await sheet().undo();
    expect(row(second.line.id).line.values.slice(0, 2)).toEqual(second.line.values.slice(0, 2));
  });
  it('saves a large change (sent as runs of months) cell for cell, as one undoable step', async () => {
    await sheet().load();
    const lines = view().rows.filter((candidate) => candidate.line.formula === null && candidate.account.unit === 'currency').slice(0, 10);
    // Every other month, so runs break, and a cleared cell among them.
    const edits = lines.flatMap((candidate, index) =>
      [0, 1, 2, 4, 5, 7, 8, 9, 10, 11].map((period) => ({ lineId: candidate.line.id, period, value: period === 5 ? null : `${index * 100 + period}.25` })),
    );
    expect(edits.length).toBeGreaterThanOrEqual(100);
    expect(await sheet().applyEdits(edits, 'paste 100 cells')).toBe(true);
    const model = await back.call('sheet/get-sheet', {});
    for (const edit of edits) expect([edit.lineId, edit.period, model.lines.find((line) => line.id === edit.lineId)?.values[edit.period]]).toEqual([edit.lineId, edit.period, edit.value]);
    const untouched = lines[0]?.line;
    expect(model.lines.find((line) => line.id === untouched?.id)?.values[3]).toBe(untouched?.values[3] ?? null);
    expect(sheet().history.undo).toBe('paste 100 cells');
  });
});
