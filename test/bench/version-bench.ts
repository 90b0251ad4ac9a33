import { join } from 'node:path';
import { benchSession } from './bench-session';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { compareSpans, compareVersions, figuresOf } from '../../shared/compare/compare-versions';
import type { ApiResult, MethodName } from '../../shared/api/contract';
import { buildSheetView, withCellValue } from '../../shared/sheet/sheet-view';
import { time, type BenchRow } from './bench-table';
import { benchKpiEngine } from './kpi-bench';

/**
 * Issue 10 on the 10,000-line workbook: copying a version (durable), and comparing two versions:
 * reading both, building both models and pairing them; an edit in a compared version with its
 * variance cells and totals. Leaves the file with three versions for the browser bench.
 */
export async function benchVersions(folder: string, path: string, tag: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const record = (measure: string, samples: number[], target = '-') => rows.push({ measure: `[${tag}] ${measure}`, samples, target });
  const session = benchSession({ userData: join(folder, 'app-versions'), workbooks: folder });
  session.openFile(path);
  const table = buildHandlerTable(DOMAINS);
  const call = async <Name extends MethodName>(method: Name, input: unknown): Promise<ApiResult<Name>> => {
    const answer = await dispatch(table, { session }, method, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as ApiResult<Name>;
  };
  try {
    const { versions } = await call('version/list', {});
    const budget = versions[0]?.id ?? 1;
    const copies: number[] = [];
    record(
      'copy a version (all values and comments), durable, one undo step',
      await time(3, async (run) => {
        copies.push((await call('version/create', { name: `Copy ${run + 1}`, kind: run === 0 ? 'forecast' : 'scenario', copyFrom: budget })).version.id);
      }),
      '< 1 s',
    );
    // Two copies stay (three versions in all); the third goes.
    await call('version/delete', { versionId: copies.pop() });
    const other = copies[0] ?? budget;
    // The forecast moves a little, so variances are not all zero.
    const first = (await call('sheet/get-sheet', { versionId: other })).lines.find((line) => line.formula === null);
    await call('sheet/set-cells', { versionId: other, edits: [{ lineId: first?.id ?? 1, period: 0, value: '123456.78' }], label: 'bench edit' });

    let comparison: ReturnType<typeof compareVersions> | undefined;
    record(
      'compare two versions: read both, build both models, pair them (back and renderer, Node)',
      await time(5, async () => {
        const [base, versus] = await Promise.all([call('sheet/get-sheet', { versionId: budget }), call('sheet/get-sheet', { versionId: other })]);
        comparison = compareVersions(buildSheetView(base), buildSheetView(versus));
      }),
      'open < 1 s',
    );
    if (comparison === undefined) throw new Error('no comparison');
    const compared = comparison;
    const spans = compareSpans(compared.baseView.model);
    const shown = [spans.periods[0], ...spans.years].filter((span) => span !== undefined);
    record(
      'every variance of every row in a month, year to date and the full year (renderer)',
      await time(3, () => {
        for (const row of [...compared.rows, ...compared.totals]) for (const span of shown) figuresOf(compared, row, span.periods);
      }),
    );
    let baseView = compared.baseView;
    const line = compared.rows.find((row) => row.kind === 'line' && row.lineId !== null && row.unit === 'currency');
    record(
      'an edit in a compared version: its variance cells, groups and totals (renderer)',
      await time(200, (run) => {
        baseView = withCellValue(baseView, line?.lineId ?? 1, run % 12, String(5000 + run));
        const next = compareVersions(baseView, compared.comparisonView);
        const row = next.rows.find((candidate) => candidate.id === line?.id);
        const income = next.totals.find((candidate) => candidate.id === 'operating-income');
        for (const span of shown) {
          if (row !== undefined) figuresOf(next, row, span.periods);
          if (income !== undefined) figuresOf(next, income, span.periods);
        }
      }),
      '< 16 ms',
    );
    // The budget, the scenario copy as actuals and the forecast copy as the latest estimate.
    const [budgetModel, forecastModel, actualModel] = await Promise.all([budget, other, copies[1] ?? other].map((versionId) => call('sheet/get-sheet', { versionId })));
    if (budgetModel === undefined || forecastModel === undefined || actualModel === undefined) throw new Error('a version was not read');
    rows.push(...(await benchKpiEngine({ budget: budgetModel, actual: actualModel, forecast: forecastModel }, tag)));
  } finally {
    session.shutDown();
  }
  return rows;
}
