import { describe, expect, it } from 'vitest';
import type { VersionKind } from '../../../shared/domain/workbook';
import { KpiEngine } from '../../../shared/kpi/kpi-engine';
import { checkKpiDefinition, type KpiCatalog } from '../../../shared/kpi/kpi-language';
import { buildScorecard } from '../../../shared/kpi/scorecard';
import { buildSheetView } from '../../../shared/sheet/sheet-view';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function sheetOf(back: TestBack, kind: VersionKind) {
  const version = (await back.call('version/list', {})).versions.find((candidate) => candidate.kind === kind);
  if (version === undefined) throw new Error(`the sample has no ${kind}`);
  return back.call('sheet/get-sheet', { versionId: version.id });
}

describe('the sample workbook’s KPIs', () => {
  it('are the ten KPIs of the scorecard, in order, each with an owner, a target for the year and sound thresholds', async () => {
    const back = startBack(tempFolder());
    const { kpis, goals } = await back.call('kpi/list', {});
    expect(kpis.map((kpi) => [kpi.name, kpi.definition, kpi.unit, kpi.direction])).toEqual([
      ['Gross margin %', '(revenue() - cogs()) / revenue()', 'percent', 'higher'],
      ['Operating expenses % of revenue', 'opex() / revenue()', 'percent', 'lower'],
      ['Operating income vs plan', 'operating_income() - budget(operating_income())', 'money', 'higher'],
      ['Return on funded investments', '(funded(benefit) - funded(opex)) / funded(capital)', 'percent', 'higher'],
      ['Cost of goods sold', 'cogs()', 'money', 'lower'],
      ['Days sales outstanding', 'month([Accounts receivable]) / revenue() * days()', 'days', 'lower'],
      ['Days inventory outstanding', 'month([Inventory]) / cogs() * days()', 'days', 'lower'],
      ['Days payables outstanding', 'month([Accounts payable]) / cogs() * days()', 'days', 'higher'],
      ['Cash conversion cycle', 'kpi([Days sales outstanding]) + kpi([Days inventory outstanding]) - kpi([Days payables outstanding])', 'days', 'lower'],
      ['Customer satisfaction (CSAT)', null, 'score', 'higher'],
    ]);
    const goalIds = new Set(goals.map((goal) => goal.id));
    for (const kpi of kpis) {
      expect(kpi.departmentId, kpi.name).not.toBeNull();
      expect(kpi.goalId === null || goalIds.has(kpi.goalId), kpi.name).toBe(true);
      expect(kpi.targets.some((target) => target.span === 'year' && target.index === 0), kpi.name).toBe(true);
      expect(Number(kpi.thresholds.onTrackWithin)).toBeLessThanOrEqual(Number(kpi.thresholds.offTrackBeyond));
    }
    // Targets by month where the KPI is judged month by month.
    expect(kpis.find((kpi) => kpi.name === 'Cost of goods sold')?.targets.filter((target) => target.span === 'month')).toHaveLength(12);
    expect(kpis.find((kpi) => kpi.name === 'Operating income vs plan')?.targets.filter((target) => target.span === 'month' && target.value === '0')).toHaveLength(12);
    back.stop();
  });

  it('every definition passes the static check against the sample’s own lines, accounts, departments and KPIs', async () => {
    const back = startBack(tempFolder());
    const sheet = await back.call('sheet/get-sheet', {});
    const { kpis } = await back.call('kpi/list', {});
    const key = (name: string) => name.trim().toLowerCase();
    const catalog: KpiCatalog = {
      linesNamed: (name) => sheet.lines.filter((line) => key(line.description) === key(name)).length,
      hasAccount: (name) => sheet.accounts.some((account) => key(account.code) === key(name) || key(account.name) === key(name)),
      hasDepartment: (name) => sheet.departments.some((department) => key(department.name) === key(name)),
      kpiDefinition: (name) => kpis.find((kpi) => key(kpi.name) === key(name))?.definition,
    };
    for (const kpi of kpis) if (kpi.definition !== null) expect(checkKpiDefinition(kpi.name, kpi.definition, catalog), kpi.name).toBeNull();
    // The balances the working-capital KPIs read are there once each, on a driver account: no total adds them up.
    for (const name of ['Accounts receivable', 'Inventory', 'Accounts payable']) {
      const lines = sheet.lines.filter((line) => line.description === name);
      expect(lines).toHaveLength(1);
      expect(sheet.accounts.find((account) => account.id === lines[0]?.accountId)?.type).toBe('driver');
    }
    back.stop();
  });

  it('customer satisfaction is entered for the closed months, January to September, by the operations manager', async () => {
    const back = startBack(tempFolder());
    const { kpis, inputs } = await back.call('kpi/list', {});
    const csat = kpis.find((kpi) => kpi.name === 'Customer satisfaction (CSAT)');
    const entered = inputs.filter((input) => input.kpiId === csat?.id);
    expect(entered.map((input) => input.period)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(entered.every((input) => input.enteredBy === 'Dana Whitfield' && Number(input.value) >= 4 && Number(input.value) <= 5)).toBe(true);
    expect(entered[0]?.enteredAt).toBe('2027-02-04T09:30:00.000Z');
    back.stop();
  });

  it('its scorecard shows a mix: some KPIs on track, some at risk and some off track, year to date and for the full year', async () => {
    const back = startBack(tempFolder());
    const [budget, actual, forecast] = [await sheetOf(back, 'budget'), await sheetOf(back, 'actuals'), await sheetOf(back, 'forecast')];
    const book = await back.call('kpi/list', {});
    const engine = KpiEngine.build({
      calendar: budget.calendar,
      views: { budget: buildSheetView(budget), actual: buildSheetView(actual), forecast: buildSheetView(forecast) },
      priorYear: budget.priorYear,
      actualsThrough: budget.actualsThrough,
      proposals: (await back.call('proposal/get-portfolio', {})).proposals,
      kpis: book.kpis,
      inputs: book.inputs,
    });
    const scorecard = buildScorecard(engine, budget.calendar.periodCount);
    const statuses = (span: 'yearToDate' | 'fullYear') => Object.fromEntries(scorecard.map((row) => [row.kpi.name, row[span]?.status ?? null]));
    expect(statuses('yearToDate')).toEqual({
      'Gross margin %': 'at-risk',
      'Operating expenses % of revenue': 'at-risk',
      'Operating income vs plan': 'off-track',
      // No proposal is funded in the sample: nothing to divide by until one is.
      'Return on funded investments': null,
      'Cost of goods sold': 'at-risk',
      'Days sales outstanding': 'off-track',
      'Days inventory outstanding': 'on-track',
      'Days payables outstanding': 'on-track',
      'Cash conversion cycle': 'at-risk',
      'Customer satisfaction (CSAT)': 'on-track',
    });
    expect(new Set(Object.values(statuses('fullYear')))).toEqual(new Set(['on-track', 'at-risk', 'off-track', null]));
    back.stop();
  });
});
