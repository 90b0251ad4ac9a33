import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetModel, VersionSummary } from '../../../shared/domain/workbook';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';
import { Decimal } from '../../../shared/money/decimal';

const tempFolder = useTempFolder();

async function versionNamed(back: TestBack, name: string): Promise<VersionSummary> {
  const { versions } = await back.call('version/list', {});
  const version = versions.find((candidate) => candidate.name === name);
  if (version === undefined) throw new Error(`no version "${name}" among ${versions.map((candidate) => candidate.name).join(', ')}`);
  return version;
}

function lineNamed(sheet: SheetModel, description: string) {
  const line = sheet.lines.find((candidate) => candidate.description === description);
  if (line === undefined) throw new Error(`no line "${description}"`);
  return line;
}

const valuesOf = (sheet: SheetModel) => Object.fromEntries(sheet.lines.map((line) => [line.description, line.values]));

describe('versions of the plan year', () => {
  it('the sample holds its budget, this year’s actuals through September, a forecast and a scenario', async () => {
    const back = startBack(tempFolder());
    const { versions, actualsThrough } = await back.call('version/list', {});
    expect(versions.map((version) => [version.name, version.kind])).toEqual([
      ['Budget FY2027', 'budget'],
      ['Actuals FY2027', 'actuals'],
      ['Q3 forecast', 'forecast'],
      ['Revenue −10%', 'scenario'],
    ]);
    expect(actualsThrough).toBe(8);
    const actuals = await back.call('sheet/get-sheet', { versionId: (await versionNamed(back, 'Actuals FY2027')).id });
    // Actuals are recorded: no formulas, and nothing after the last closed month.
    expect(actuals.lines.every((line) => line.formula === null)).toBe(true);
    expect(actuals.lines.every((line) => line.values.slice(9).every((value) => value === null))).toBe(true);
    expect(lineNamed(actuals, 'Engineering salaries').values.slice(0, 9).every((value) => value !== null)).toBe(true);
    // The forecast's closed months are the actuals.
    const forecast = await back.call('sheet/get-sheet', { versionId: (await versionNamed(back, 'Q3 forecast')).id });
    expect(lineNamed(forecast, 'OEM modules').values.slice(0, 9)).toEqual(lineNamed(actuals, 'OEM modules').values.slice(0, 9));
    back.stop();
  });

  it('every sheet call names its version: one without is refused, and a write reaches only the version named', async () => {
    const back = startBack(tempFolder());
    expect((await back.raw('sheet/get-sheet', {})).ok).toBe(false);
    const missing = await back.raw('sheet/set-cells', { edits: [{ lineId: 1, period: 0, value: '1' }], label: 'edit' });
    expect(missing.ok ? '' : missing.error.message).toContain('versionId');
    const budget = await versionNamed(back, 'Budget FY2027');
    const scenario = await versionNamed(back, 'Revenue −10%');
    const before = await back.call('sheet/get-sheet', { versionId: budget.id });
    const visits = lineNamed(before, 'Customer visits');
    await back.call('sheet/set-cells', { versionId: scenario.id, edits: [{ lineId: visits.id, period: 0, value: '777.77' }], label: 'edit' });
    await back.call('sheet/add-comment', { versionId: scenario.id, lineId: visits.id, period: 0, text: 'Only in the scenario.' });
    const after = await back.call('sheet/get-sheet', { versionId: budget.id });
    expect(valuesOf(after)).toEqual(valuesOf(before));
    expect(after.comments.some((comment) => comment.text === 'Only in the scenario.')).toBe(false);
    const inScenario = await back.call('sheet/get-sheet', { versionId: scenario.id });
    expect(lineNamed(inScenario, 'Customer visits').values[0]).toBe('777.77');
    expect(inScenario.comments.map((comment) => comment.text)).toContain('Only in the scenario.');
    // Undo lists the cells of the version shown, and puts the scenario back.
    await back.call('sheet/undo', { versionId: scenario.id });
    const undone = await back.call('sheet/undo', { versionId: scenario.id });
    expect(undone.cells).toEqual([{ lineId: visits.id, period: 0, value: lineNamed(before, 'Customer visits').values[0] ?? null }]);
    expect((await rejection(back.call('sheet/get-sheet', { versionId: 9999 }))).message).toContain('Version 9999 does not exist');
    back.stop();
  });

  it('a copy equals its source, is one undo step, and comes back whole on redo', async () => {
    const back = startBack(tempFolder());
    const forecast = await versionNamed(back, 'Q3 forecast');
    const source = await back.call('sheet/get-sheet', { versionId: forecast.id });
    const created = await back.call('version/create', { name: 'Q4 forecast', kind: 'forecast', copyFrom: forecast.id });
    expect(created.version).toMatchObject({ name: 'Q4 forecast', kind: 'forecast', status: 'draft', basedOn: forecast.id });
    const copy = await back.call('sheet/get-sheet', { versionId: created.version.id });
    expect(valuesOf(copy)).toEqual(valuesOf(source));
    expect(copy.comments.map((comment) => [comment.lineId, comment.period, comment.text])).toEqual(source.comments.map((comment) => [comment.lineId, comment.period, comment.text]));
    expect(created.history.undo).toBe('“Q4 forecast”, a copy of “Q3 forecast”');
    await back.call('sheet/undo', { versionId: forecast.id });
    expect((await back.call('version/list', {})).versions.map((version) => version.name)).not.toContain('Q4 forecast');
    expect((await rejection(back.call('sheet/get-sheet', { versionId: created.version.id }))).code).toBe('not-found');
    await back.call('sheet/redo', { versionId: forecast.id });
    expect(valuesOf(await back.call('sheet/get-sheet', { versionId: created.version.id }))).toEqual(valuesOf(source));
    // An empty version has the lines and no values.
    const empty = await back.call('version/create', { name: 'Stretch plan', kind: 'scenario', copyFrom: null });
    const blank = await back.call('sheet/get-sheet', { versionId: empty.version.id });
    expect(blank.lines).toHaveLength(source.lines.length);
    expect(blank.lines.filter((line) => line.formula === null).every((line) => line.values.every((value) => value === null))).toBe(true);
    back.stop();
  });

  it('names are required and unique, the last version and approved ones stay, and a deletion can be undone', async () => {
    const back = startBack(tempFolder());
    const budget = await versionNamed(back, 'Budget FY2027');
    const scenario = await versionNamed(back, 'Revenue −10%');
    expect((await rejection(back.call('version/create', { name: 'q3 FORECAST', kind: 'forecast', copyFrom: null }))).message).toBe('A version named “q3 FORECAST” already exists. Choose another name.');
    expect((await rejection(back.call('version/create', { name: '   ', kind: 'forecast', copyFrom: null }))).message).toContain('Name the version.');
    expect((await rejection(back.call('version/rename', { versionId: scenario.id, name: 'Budget FY2027' }))).message).toContain('already exists');
    const contents = await back.call('version/contents', { versionId: scenario.id });
    expect(contents.cells).toBeGreaterThan(400);
    await back.call('version/delete', { versionId: scenario.id });
    expect((await back.call('version/list', {})).versions.map((version) => version.name)).not.toContain('Revenue −10%');
    // Its name is free again; undoing the new one and then the deletion brings the old one back whole.
    await back.call('version/create', { name: 'Revenue −10%', kind: 'scenario', copyFrom: null });
    await back.call('sheet/undo', { versionId: budget.id });
    await back.call('sheet/undo', { versionId: budget.id });
    expect((await versionNamed(back, 'Revenue −10%')).id).toBe(scenario.id);
    expect((await back.call('version/contents', { versionId: scenario.id })).cells).toBe(contents.cells);
    // An approved version is neither deleted nor renamed; the last version is not deleted.
    await back.call('version/set-status', { versionId: budget.id, action: 'submit' });
    await back.call('version/set-status', { versionId: budget.id, action: 'approve' });
    expect((await rejection(back.call('version/delete', { versionId: budget.id }))).code).toBe('locked');
    expect((await rejection(back.call('version/rename', { versionId: budget.id, name: 'Plan' }))).code).toBe('locked');
    back.stop();
    const solo = startBack(tempFolder(), { startUp: false });
    solo.session.startUp();
    await solo.call('workbook/create-file', { path: 'Solo', name: 'Solo', sample: false });
    const only = (await solo.call('version/list', {})).versions;
    expect(only).toHaveLength(1);
    expect((await rejection(solo.call('version/delete', { versionId: only[0]?.id ?? 0 }))).message).toContain('only version');
    solo.stop();
  });

  it('approval locks one version: the forecast stays open while the budget is approved', async () => {
    const back = startBack(tempFolder());
    const budget = await versionNamed(back, 'Budget FY2027');
    const forecast = await versionNamed(back, 'Q3 forecast');
    await back.call('version/set-status', { versionId: budget.id, action: 'submit' });
    await back.call('version/set-status', { versionId: budget.id, action: 'approve' });
    const visits = lineNamed(await back.call('sheet/get-sheet', { versionId: forecast.id }), 'Customer visits');
    await back.call('sheet/set-cells', { versionId: forecast.id, edits: [{ lineId: visits.id, period: 11, value: '5000' }], label: 'edit' });
    expect((await rejection(back.call('sheet/set-cells', { versionId: budget.id, edits: [{ lineId: visits.id, period: 11, value: '5000' }], label: 'edit' }))).code).toBe('locked');
    // Formulas belong to a version: the forecast's changes while the budget is approved, and the budget keeps its own.
    await back.call('sheet/set-formula', { versionId: forecast.id, lineId: visits.id, formula: '100' });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: forecast.id }), 'Customer visits').formula).toBe('100');
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: budget.id }), 'Customer visits').formula).toBeNull();
    expect((await rejection(back.call('sheet/set-formula', { versionId: budget.id, lineId: visits.id, formula: '100' }))).code).toBe('locked');
    // Lines, departments and accounts are shared by every version, so they stay locked while one is approved.
    expect((await rejection(back.call('sheet/rename-line', { lineId: visits.id, description: 'Visits' }))).message).toContain('“Budget FY2027” was approved');
    back.stop();
  });

  it('actuals of the plan year import month by month, take amounts on formula lines, and move “actuals through”', async () => {
    const back = startBack(tempFolder());
    const actuals = await versionNamed(back, 'Actuals FY2027');
    const file = join(tempFolder(), 'october.csv');
    writeFileSync(file, 'Department,Account,Line,Period,Amount\nSales,6200,Customer visits,2027-10,4321.09\nR&D,6000,Engineering salaries,2027-10,70000\n');
    const target = { kind: 'version' as const, versionId: actuals.id };
    const inspected = await back.call('import/inspect', { source: { path: file }, target });
    const mapping = { columns: inspected.suggested, decimalSeparator: '.' as const };
    const preview = await back.call('import/preview', { token: inspected.token, mapping, target });
    expect([preview.problemCount, preview.cellsToSet, preview.closesThrough, preview.computed]).toEqual([0, 2, 9, 0]);
    const receipt = await back.call('import/commit', { token: inspected.token, mapping, target });
    expect(receipt.cellsSet).toBe(2);
    const after = await back.call('sheet/get-sheet', { versionId: actuals.id });
    expect(after.actualsThrough).toBe(9);
    expect(lineNamed(after, 'Engineering salaries').values[9]).toBe('70000');
    const trail = await back.call('audit/list', { lineId: lineNamed(after, 'Customer visits').id, versionId: actuals.id });
    expect(trail.entries[0]).toMatchObject({ period: 9, after: '4321.09', label: expect.stringContaining('into “Actuals FY2027”') });
    // One undo takes the months and the close back.
    await back.call('sheet/undo', { versionId: actuals.id });
    expect((await back.call('version/list', {})).actualsThrough).toBe(8);
    // A formula is refused on actuals, with the reason.
    expect((await rejection(back.call('sheet/set-formula', { versionId: actuals.id, lineId: lineNamed(after, 'Customer visits').id, formula: '1' }))).message).toContain('recorded amounts');
    back.stop();
  });

  it('a forecast is the latest estimate: actual months read-only up to its switch-over, rolled forward keeping its plan', async () => {
    const back = startBack(tempFolder());
    const forecast = await versionNamed(back, 'Q3 forecast');
    const actuals = await versionNamed(back, 'Actuals FY2027');
    expect(forecast.closedThrough).toBe(8);
    const visits = lineNamed(await back.call('sheet/get-sheet', { versionId: forecast.id }), 'Customer visits');
    const refused = await rejection(back.call('sheet/set-cells', { versionId: forecast.id, edits: [{ lineId: visits.id, period: 8, value: '1' }], label: 'edit' }));
    expect(refused.message).toBe('Month 9 is closed: “Q3 forecast” shows the actuals of “Actuals FY2027” there. Change them in “Actuals FY2027”.');
    // The user plans October; October then closes with other actuals.
    await back.call('sheet/set-cells', { versionId: forecast.id, edits: [{ lineId: visits.id, period: 9, value: '5555' }, { lineId: visits.id, period: 10, value: '6666' }], label: 'plan Q4' });
    expect((await rejection(back.call('version/roll-forward', { versionId: forecast.id }))).message).toContain('Sep 2027 is the last closed month: close Oct 2027 first');
    await back.call('sheet/set-cells', { versionId: actuals.id, edits: [{ lineId: visits.id, period: 9, value: '4800.5' }], label: 'October actual' });
    await back.call('version/set-actuals-through', { period: 9 });
    const rolled = await back.call('version/roll-forward', { versionId: forecast.id });
    expect(rolled.closedThrough).toBe(9);
    const after = await back.call('sheet/get-sheet', { versionId: forecast.id });
    expect([after.actualMonths, after.actualsSource]).toEqual([10, 'Actuals FY2027']);
    expect(lineNamed(after, 'Customer visits').values.slice(9, 11)).toEqual(['4800.5', '6666']);
    // Undo puts the switch-over back; the planned October is still there.
    await back.call('sheet/undo', { versionId: forecast.id });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: forecast.id }), 'Customer visits').values[9]).toBe('5555');
    // A forecast made now starts at the last closed month.
    const latest = await back.call('version/create', { name: 'Oct forecast', kind: 'forecast', copyFrom: forecast.id });
    expect(latest.version.closedThrough).toBe(9);
    back.stop();
  });

  it('a scenario adjustment moves a department’s revenue by a percentage, exact to the cent, as one undo step; values come back into the budget', async () => {
    const back = startBack(tempFolder());
    const budget = await versionNamed(back, 'Budget FY2027');
    const created = await back.call('version/create', { name: 'Price rise', kind: 'scenario', copyFrom: budget.id });
    const before = await back.call('sheet/get-sheet', { versionId: created.version.id });
    const sales = before.departments.find((department) => department.name === 'Sales')?.id ?? 0;
    const revenueAccounts = before.accounts.filter((account) => account.type === 'revenue').map((account) => account.id);
    const receipt = await back.call('version/adjust', { versionId: created.version.id, scope: { departmentIds: [sales], accountIds: revenueAccounts }, periods: [6, 7, 8, 9, 10, 11], adjustment: { kind: 'percent', percent: '3.5' } });
    const after = await back.call('sheet/get-sheet', { versionId: created.version.id });
    const revenueLines = before.lines.filter((line) => line.departmentId === sales && revenueAccounts.includes(line.accountId));
    expect(receipt.cellsChanged).toBe(revenueLines.length * 6);
    for (const line of revenueLines) {
      const adjusted = lineNamed(after, line.description).values;
      line.values.forEach((value, period) => {
        const expected = period < 6 || value === null ? value : new Decimal(value).times('1.035').toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toString();
        expect(adjusted[period]).toBe(expected);
      });
    }
    // Other lines did not move.
    expect(lineNamed(after, 'Customer visits').values).toEqual(lineNamed(before, 'Customer visits').values);
    expect((await rejection(back.call('version/adjust', { versionId: created.version.id, scope: {}, periods: [0], adjustment: { kind: 'amount', amount: '12.345' } }))).message).toContain('more than two decimals');
    expect((await back.call('sheet/get-sheet', { versionId: created.version.id })).workbook.revision).toBe(after.workbook.revision);
    // The scenario's July revenue comes into the budget, and one undo takes it back.
    const brought = await back.call('version/copy-values', { fromVersionId: created.version.id, toVersionId: budget.id, scope: { departmentIds: [sales] }, periods: [6] });
    expect(brought.cellsChanged).toBe(revenueLines.length);
    const budgetAfter = await back.call('sheet/get-sheet', { versionId: budget.id });
    expect(lineNamed(budgetAfter, 'OEM modules').values[6]).toBe(lineNamed(after, 'OEM modules').values[6]);
    expect(lineNamed(budgetAfter, 'OEM modules').values[7]).toBe(lineNamed(before, 'OEM modules').values[7]);
    await back.call('sheet/undo', { versionId: budget.id });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: budget.id }), 'OEM modules').values[6]).toBe(lineNamed(before, 'OEM modules').values[6]);
    back.stop();
  });

  it('undoing a rename leaves the approval status as it is; the only budget is not deleted', async () => {
    const back = startBack(tempFolder());
    const budget = await versionNamed(back, 'Budget FY2027');
    await back.call('version/rename', { versionId: budget.id, name: 'Plan FY2027' });
    await back.call('version/set-status', { versionId: budget.id, action: 'submit' });
    await back.call('sheet/undo', { versionId: budget.id });
    expect(await versionNamed(back, 'Budget FY2027')).toMatchObject({ status: 'submitted' });
    expect((await rejection(back.call('version/delete', { versionId: budget.id }))).message).toContain('only budget');
    back.stop();
  });

  it('a forecast’s closed months take no import, a copy of it holds what it shows, and undoing an actual it shows reloads it', async () => {
    const back = startBack(tempFolder());
    const forecast = await versionNamed(back, 'Q3 forecast');
    const actuals = await versionNamed(back, 'Actuals FY2027');
    const file = join(tempFolder(), 'march.csv');
    writeFileSync(file, 'Department,Account,Line,Period,Amount\nSales,6200,Customer visits,2027-03,1\n');
    const target = { kind: 'version' as const, versionId: forecast.id };
    const inspected = await back.call('import/inspect', { source: { path: file }, target });
    const refused = await rejection(back.call('import/preview', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target }));
    expect(refused.message).toBe('Nothing was imported: Mar 2027 is closed, and “Q3 forecast” shows the actuals of “Actuals FY2027” there. Import into “Actuals FY2027”, or leave the closed months out of the file.');
    // A scenario made from the forecast holds its actual months, not the plan behind them.
    const shown = await back.call('sheet/get-sheet', { versionId: forecast.id });
    const copy = await back.call('version/create', { name: 'From the forecast', kind: 'scenario', copyFrom: forecast.id });
    const copied = await back.call('sheet/get-sheet', { versionId: copy.version.id });
    for (const line of shown.lines.filter((candidate) => candidate.formula === null)) expect(lineNamed(copied, line.description).values).toEqual(line.values);
    // An actuals version made from the budget records its formula lines' computed months.
    const recorded = await back.call('version/create', { name: 'Budget as actuals', kind: 'actuals', copyFrom: (await versionNamed(back, 'Budget FY2027')).id });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: recorded.version.id }), 'Engineering salaries').values.every((value) => value !== null)).toBe(true);
    // Editing an actual the forecast shows, then undoing it while the forecast is shown, asks the sheet to reload.
    const visits = lineNamed(shown, 'Customer visits');
    await back.call('sheet/set-cells', { versionId: actuals.id, edits: [{ lineId: visits.id, period: 2, value: '1' }], label: 'fix March' });
    expect((await back.call('sheet/undo', { versionId: forecast.id })).cells).toBeNull();
    back.stop();
  });

  it('a scenario’s own formula changes only the scenario; a copy keeps it, a rename follows it, and a deleted line brings it back', async () => {
    const back = startBack(tempFolder());
    const budget = await versionNamed(back, 'Budget FY2027');
    const scenario = await versionNamed(back, 'Revenue −10%');
    const before = await back.call('sheet/get-sheet', { versionId: budget.id });
    const salaries = lineNamed(before, 'Engineering salaries');
    expect(salaries.formula).toBe('[Engineering headcount] * 9500');
    await back.call('sheet/set-formula', { versionId: scenario.id, lineId: salaries.id, formula: '[Engineering headcount] * 9000' });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: budget.id }), 'Engineering salaries').formula).toBe('[Engineering headcount] * 9500');
    const copy = await back.call('version/create', { name: 'Lean', kind: 'scenario', copyFrom: scenario.id });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: copy.version.id }), 'Engineering salaries').formula).toBe('[Engineering headcount] * 9000');
    const headcount = lineNamed(before, 'Engineering headcount');
    await back.call('sheet/rename-line', { lineId: headcount.id, description: 'Engineers' });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: scenario.id }), 'Engineering salaries').formula).toBe('Engineers * 9000');
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: budget.id }), 'Engineering salaries').formula).toBe('Engineers * 9500');
    await back.call('sheet/delete-line', { lineId: salaries.id });
    await back.call('sheet/undo', { versionId: budget.id });
    expect(lineNamed(await back.call('sheet/get-sheet', { versionId: scenario.id }), 'Engineering salaries').formula).toBe('Engineers * 9000');
    const trail = await back.call('audit/list', { kinds: ['formula'], versionId: scenario.id });
    expect(trail.entries.some((entry) => entry.versionId === scenario.id && entry.after === '[Engineering headcount] * 9000')).toBe(true);
    back.stop();
  });

  it('last year’s actuals made by an import take another name when a version of the plan year has theirs', async () => {
    const back = startBack(tempFolder());
    await back.call('workbook/create-file', { path: 'Blank', name: 'Blank', sample: false });
    const sheet = await back.call('sheet/get-sheet', {});
    await back.call('sheet/add-line', { departmentId: sheet.departments[0]?.id ?? 0, accountId: sheet.accounts.find((account) => account.code === '6200')?.id ?? 0, description: 'Customer visits' });
    await back.call('version/create', { name: 'Actuals FY2026', kind: 'actuals', copyFrom: null });
    const file = join(tempFolder(), 'last year.csv');
    writeFileSync(file, `Department,Account,Line,Period,Amount\n${sheet.departments[0]?.name ?? ''},6200,Customer visits,2026-03,10\n`);
    const target = { kind: 'prior-year' as const };
    const inspected = await back.call('import/inspect', { source: { path: file }, target });
    const receipt = await back.call('import/commit', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target });
    expect(receipt.cellsSet).toBe(1);
    expect((await back.call('sheet/get-sheet', {})).priorYear?.versionName).toBe('Actuals FY2026 (last year)');
    back.stop();
  });

  it('“actuals through” is set by hand as an undo step, within the calendar', async () => {
    const back = startBack(tempFolder());
    const budget = await versionNamed(back, 'Budget FY2027');
    const set = await back.call('version/set-actuals-through', { period: 10 });
    expect(set.actualsThrough).toBe(10);
    expect((await rejection(back.call('version/set-actuals-through', { period: 12 }))).message).toContain('outside this workbook');
    await back.call('sheet/undo', { versionId: budget.id });
    expect((await back.call('version/list', {})).actualsThrough).toBe(8);
    back.stop();
  });
});
