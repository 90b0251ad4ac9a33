import type { Kpi } from '../../shared/domain/kpi';
import type { SheetModel } from '../../shared/domain/workbook';
import { KpiEngine } from '../../shared/kpi/kpi-engine';
import { monthSpan } from '../../shared/kpi/kpi-spans';
import { buildScorecard } from '../../shared/kpi/scorecard';
import { buildSheetView, withCellValue } from '../../shared/sheet/sheet-view';
import { time, type BenchRow } from './bench-table';

/** Fifty KPIs of the shapes a workbook holds: ratios of totals, accounts and departments, spans, KPIs of KPIs. */
export function benchKpis(model: SheetModel, count = 50): Kpi[] {
  const accounts = model.accounts.filter((account) => account.type !== 'driver');
  const departments = model.departments;
  const account = (index: number) => accounts[index % accounts.length]?.code ?? '';
  const department = (index: number) => departments[index % departments.length]?.name ?? '';
  const shapes = [
    () => '(revenue() - cogs()) / revenue()',
    () => 'opex() / revenue()',
    () => 'operating_income() - budget(operating_income())',
    () => 'cogs()',
    (index: number) => `account([${account(index)}])`,
    (index: number) => `dept([${department(index)}], opex()) / opex()`,
    () => 'ytd(revenue()) / ytd(budget(revenue()))',
    () => 'average(opex())',
    (index: number) => `dept([${department(index)}], revenue() - cogs())`,
    (index: number) => `kpi([Bench KPI ${index - 9}]) * 1.1`,
  ];
  return Array.from({ length: count }, (_unused, index) => ({
    id: index + 1,
    name: `Bench KPI ${index + 1}`,
    description: '',
    definition: (shapes[index % shapes.length] ?? (() => 'revenue()'))(index + 1),
    unit: 'money' as const,
    direction: 'higher' as const,
    departmentId: null,
    goalId: null,
    thresholds: { kind: 'percent' as const, onTrackWithin: '2', offTrackBeyond: '10' },
    targets: [{ span: 'year' as const, index: 0, value: '1000000' }],
    sortOrder: index,
  }));
}

/**
 * Issue 11 on the 10,000-line workbook with three versions (as budget, actuals and the latest
 * estimate): every KPI for every month, quarter, year to date and the year; then an edit and the
 * KPIs recomputed over the measures it touched.
 */
export async function benchKpiEngine(models: { budget: SheetModel; actual: SheetModel; forecast: SheetModel }, tag: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const record = (measure: string, samples: number[], target = '-') => rows.push({ measure: `[${tag}] ${measure}`, samples, target });
  const views = { budget: buildSheetView(models.budget), actual: buildSheetView(models.actual), forecast: buildSheetView(models.forecast) };
  const kpis = benchKpis(models.budget);
  const sources = { calendar: models.budget.calendar, views, priorYear: models.budget.priorYear, actualsThrough: 8, proposals: [], kpis, inputs: [] };
  const quarters = [0, 1, 2, 3].map((quarter) => monthSpan(quarter * 3, quarter * 3 + 2));
  const everyPeriod = (engine: KpiEngine) => {
    const scorecard = buildScorecard(engine, models.budget.calendar.periodCount);
    for (const kpi of kpis) for (const span of quarters) for (const role of ['budget', 'actual', 'forecast'] as const) engine.outcome(kpi, role, span);
    const failed = scorecard.find((row) => !row.fullYear.value.ok);
    if (failed !== undefined && !failed.fullYear.value.ok) throw new Error(`${failed.kpi.name}: ${failed.fullYear.value.reason}`);
    return scorecard;
  };
  record(`every KPI (${kpis.length}) for every month, quarter, year to date and the year, in 3 versions (renderer)`, await time(5, () => everyPeriod(KpiEngine.build(sources))), '< 200 ms');

  let engine = KpiEngine.build(sources);
  everyPeriod(engine);
  let budget = views.budget;
  const line = budget.rows.find((row) => row.account.type === 'opex' && row.line.formula === null);
  if (line === undefined) throw new Error('no opex line to edit');
  record(
    'a cell edit: the KPIs recomputed for the year to date and the year (renderer)',
    await time(100, (run) => {
      budget = withCellValue(budget, line.line.id, run % 12, String(2000 + run));
      engine = engine.withView('budget', budget, [line.line.id]);
      for (const kpi of kpis) {
        engine.outcome(kpi, 'budget', monthSpan(0, 8));
        engine.outcome(kpi, 'budget', monthSpan(0, 11));
        engine.outcome(kpi, 'forecast', monthSpan(0, 11));
      }
    }),
    '< 16 ms',
  );
  return rows;
}
