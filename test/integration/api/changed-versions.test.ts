import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function versionsOf(back: TestBack) {
  const { versions } = await back.call('version/list', {});
  const named = (kind: string) => {
    const found = versions.find((version) => version.kind === kind);
    if (found === undefined) throw new Error(`The sample has no ${kind} version.`);
    return found.id;
  };
  return { budget: named('budget'), actuals: named('actuals'), forecast: named('forecast') };
}

/** The first line typed by hand (not computed) in the version. */
async function enteredLine(back: TestBack, versionId: number): Promise<number> {
  const line = (await back.call('sheet/get-sheet', { versionId })).lines.find((candidate) => candidate.formula === null);
  if (line === undefined) throw new Error('The sample has no entered line.');
  return line.id;
}

/** The workbook's mark now (as after reading every version). */
async function markNow(back: TestBack): Promise<string> {
  return (await back.call('compare/changed-versions', { versions: [] })).mark;
}

/** Which of the versions changed since the mark. */
async function changedSince(back: TestBack, mark: string, versionIds: number[]): Promise<number[]> {
  return (await back.call('compare/changed-versions', { versions: versionIds.map((versionId) => ({ versionId, mark })) })).changed;
}

/** Sets a cell of the plan year's last month: still open in the latest estimate. */
async function setCell(back: TestBack, versionId: number, value: string): Promise<void> {
  await back.call('sheet/set-cells', { versionId, edits: [{ lineId: await enteredLine(back, versionId), period: 11, value }], label: 'edit' });
}

describe('which versions changed since a mark', () => {
  it('calls a version never read changed, and one nothing was written to since unchanged', async () => {
    const back = startBack(tempFolder());
    const { budget, forecast } = await versionsOf(back);
    const first = await back.call('compare/changed-versions', { versions: [{ versionId: budget, mark: null }] });
    expect(first.changed).toEqual([budget]);
    expect(first.revision).toBe((await back.call('sheet/get-sheet', { versionId: budget })).workbook.revision);
    expect(await changedSince(back, first.mark, [budget, forecast])).toEqual([]);
    back.stop();
  });

  it('tells an edit of one version’s cells from the others, and an undo or redo of it too', async () => {
    const back = startBack(tempFolder());
    const { budget, forecast } = await versionsOf(back);
    const mark = await markNow(back);
    await setCell(back, budget, '123.45');
    expect(await changedSince(back, mark, [budget, forecast])).toEqual([budget]);
    await setCell(back, forecast, '67.89');
    expect(await changedSince(back, mark, [budget, forecast])).toEqual([budget, forecast]);
    const afterEdits = await markNow(back);
    await back.call('sheet/undo', { versionId: budget });
    expect(await changedSince(back, afterEdits, [budget, forecast])).toEqual([forecast]);
    const afterUndo = await markNow(back);
    await back.call('sheet/redo', { versionId: budget });
    expect(await changedSince(back, afterUndo, [budget, forecast])).toEqual([forecast]);
    back.stop();
  });

  it('calls every version changed after an edit of the actuals, which the latest estimate shows', async () => {
    const back = startBack(tempFolder());
    const { budget, actuals, forecast } = await versionsOf(back);
    const mark = await markNow(back);
    await setCell(back, actuals, '42');
    expect(await changedSince(back, mark, [budget, forecast])).toEqual([budget, forecast]);
    back.stop();
  });

  it('calls every version changed after a change of the sheet’s lines, formulas, settings or versions', async () => {
    const back = startBack(tempFolder());
    const { budget, forecast } = await versionsOf(back);
    const lineId = await enteredLine(back, budget);
    const writes = [
      () => back.call('sheet/rename-line', { lineId, description: 'Renamed line', versionId: budget }),
      () => back.call('sheet/set-formula', { versionId: budget, lineId, formula: '100' }),
      () => back.call('sheet/add-comment', { versionId: budget, lineId, period: 0, text: 'why' }),
      () => back.call('version/rename', { versionId: budget, name: 'Budget renamed' }),
      () => back.call('version/set-actuals-through', { period: 1 }),
    ];
    for (const write of writes) {
      const mark = await markNow(back);
      await write();
      expect(await changedSince(back, mark, [budget, forecast])).toEqual([budget, forecast]);
    }
    back.stop();
  });

  it('calls the version an import wrote to changed, and leaves the others', async () => {
    const back = startBack(tempFolder());
    const { budget, forecast } = await versionsOf(back);
    const file = join(back.dataDir, 'values.csv');
    writeFileSync(file, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,Dec 2027,"1,250.50"\r\n');
    const target = { kind: 'version' as const, versionId: forecast };
    const inspected = await back.call('import/inspect', { source: { path: file }, target });
    const mapping = { columns: inspected.suggested, decimalSeparator: '.' as const };
    const mark = await markNow(back);
    await back.call('import/commit', { token: inspected.token, mapping, target });
    expect(await changedSince(back, mark, [budget, forecast])).toEqual([forecast]);
    back.stop();
  });

  it('leaves every version unchanged after a KPI write, which no sheet holds', async () => {
    const back = startBack(tempFolder());
    const { budget, forecast } = await versionsOf(back);
    const [kpi] = (await back.call('kpi/list', {})).kpis;
    if (kpi === undefined) throw new Error('The sample has no KPI.');
    const mark = await markNow(back);
    const { id, sortOrder, ...fields } = kpi;
    expect(sortOrder).toBeGreaterThanOrEqual(0);
    await back.call('kpi/update', { ...fields, kpiId: id, description: 'Said again' });
    expect(await changedSince(back, mark, [budget, forecast])).toEqual([]);
    back.stop();
  });

  it('calls every version changed for a mark it cannot read, of another workbook, or of a file that went another way', async () => {
    const back = startBack(tempFolder());
    const { budget } = await versionsOf(back);
    const mark = await markNow(back);
    const [workbookId, revision, auditId, at] = JSON.parse(mark) as [string, number, number, string];
    expect(await changedSince(back, 'not a mark', [budget])).toEqual([budget]);
    expect(await changedSince(back, JSON.stringify(['another workbook', revision, auditId, at]), [budget])).toEqual([budget]);
    // The same number of writes since, but the marked record is not the one this file holds.
    expect(await changedSince(back, JSON.stringify([workbookId, revision, auditId, '2000-01-01T00:00:00.000Z']), [budget])).toEqual([budget]);
    // A mark from ahead of the file (an older copy opened in its place).
    expect(await changedSince(back, JSON.stringify([workbookId, revision + 1, auditId + 1, at]), [budget])).toEqual([budget]);
    expect(await changedSince(back, mark, [budget])).toEqual([]);
    back.stop();
  });

  it('calls a deleted version changed', async () => {
    const back = startBack(tempFolder());
    const { budget } = await versionsOf(back);
    const copy = (await back.call('version/create', { name: 'Scenario copy', kind: 'scenario', copyFrom: budget })).version.id;
    const mark = await markNow(back);
    await back.call('version/delete', { versionId: copy });
    expect(await changedSince(back, mark, [copy])).toEqual([copy]);
    back.stop();
  });
});
