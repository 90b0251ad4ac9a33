// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { useCompareStore } from '../../../../renderer/state/compare-store';
import { useKpiStore } from '../../../../renderer/state/kpi-store';
import { flushWrites, useSheetStore } from '../../../../renderer/state/sheet-store';
import { forgetVersionViews } from '../../../../renderer/state/version-views';
import { compareVersions, figuresOf, type VersionComparison } from '../../../../shared/compare/compare-versions';
import { KpiEngine } from '../../../../shared/kpi/kpi-engine';
import { buildScorecard } from '../../../../shared/kpi/scorecard';
import { buildSheetView, type SheetView } from '../../../../shared/sheet/sheet-view';
import type { TestBack } from '../../../helpers/back';
import { resetStore, useRendererOverBack } from '../../../helpers/in-process-api';

const startRenderer = useRendererOverBack();
let back: TestBack;
let budget: number;
let forecast: number;

beforeEach(async () => {
  resetStore(useSheetStore);
  resetStore(useKpiStore);
  resetStore(useCompareStore);
  forgetVersionViews();
  ({ back } = startRenderer());
  const { versions } = await back.call('version/list', {});
  budget = versions.find((version) => version.kind === 'budget')?.id ?? 0;
  forecast = versions.find((version) => version.kind === 'forecast')?.id ?? 0;
  await useSheetStore.getState().load();
});

const sheetView = () => useSheetStore.getState().view as SheetView;
const revision = () => useSheetStore.getState().revision ?? 0;

/** A line typed by hand (a revenue line in money), open in every month of the latest estimate's last quarter. */
function enteredLine(): number {
  const row = sheetView().rows.find((candidate) => candidate.line.formula === null && candidate.account.type === 'revenue' && candidate.account.unit === 'currency');
  if (row === undefined) throw new Error('The sample has no entered revenue line.');
  return row.line.id;
}

/** Every KPI's figures as text, from the store's scorecard and engine. */
function scorecardText(engine: KpiEngine | null): string {
  if (engine === null) throw new Error('No engine was built.');
  const kpis = engine.kpis;
  return JSON.stringify(
    kpis.map((kpi) => ['budget', 'actual', 'forecast'].map((role) => engine.outcome(kpi, role as 'budget', { first: 0, last: 11 }))),
    (_key, value: unknown) => (typeof value === 'object' && value !== null && 'toFixed' in value ? String(value) : value),
  );
}

/** The KPIs as they are over every version read afresh from the file. */
async function freshEngine(): Promise<KpiEngine> {
  const model = sheetView().model;
  const roles = useKpiStore.getState().roles;
  if (roles === null) throw new Error('The dashboard chose no versions.');
  const views: Partial<Record<'budget' | 'actual' | 'forecast', SheetView>> = {};
  for (const role of ['budget', 'actual', 'forecast'] as const) {
    const versionId = roles[role];
    if (versionId !== null) views[role] = buildSheetView(await back.call('sheet/get-sheet', { versionId }));
  }
  const book = await back.call('kpi/list', {});
  const portfolio = await back.call('proposal/get-portfolio', {});
  return KpiEngine.build({ calendar: model.calendar, views, priorYear: model.priorYear, actualsThrough: model.actualsThrough, proposals: portfolio.proposals, kpis: book.kpis, inputs: book.inputs });
}

async function loadDashboard(): Promise<void> {
  await useKpiStore.getState().load(sheetView().model, revision());
}

async function loadComparison(): Promise<VersionComparison> {
  useCompareStore.getState().choose({ baseId: budget, comparisonId: forecast });
  await useCompareStore.getState().load(sheetView().model.versions, sheetView().model.actualsThrough, revision());
  const comparison = useCompareStore.getState().comparison;
  if (comparison === null) throw new Error(useCompareStore.getState().problem ?? 'Nothing was compared.');
  return comparison;
}

/** The line's budget and forecast in the plan year's last month, as the comparison shows them. */
function comparedCell(comparison: VersionComparison, lineId: number): string[] {
  const row = comparison.rows.find((candidate) => candidate.lineId === lineId);
  if (row === undefined) throw new Error(`Line ${lineId} is not compared.`);
  const figures = figuresOf(comparison, row, [11]);
  return [String(figures.base), String(figures.comparison), String(figures.variance)];
}

describe('the dashboard and the compare view after writes', () => {
  it('show the KPIs an edit of the sheet, its undo and an edit of another version make, as the file holds them', async () => {
    await loadDashboard();
    expect(scorecardText(useKpiStore.getState().engine)).toBe(scorecardText(await freshEngine()));
    const lineId = enteredLine();
    expect(await useSheetStore.getState().editCell(lineId, 2, '9999999.99')).toBe(true);
    await flushWrites();
    await loadDashboard();
    const afterEdit = scorecardText(useKpiStore.getState().engine);
    expect(afterEdit).toBe(scorecardText(await freshEngine()));
    await useSheetStore.getState().undo();
    await flushWrites();
    await loadDashboard();
    expect(scorecardText(useKpiStore.getState().engine)).not.toBe(afterEdit);
    expect(scorecardText(useKpiStore.getState().engine)).toBe(scorecardText(await freshEngine()));
    // Written elsewhere (another window, an import): the dashboard sees it at the next revision.
    const { revision: written } = await back.call('sheet/set-cells', { versionId: forecast, edits: [{ lineId, period: 11, value: '7777777' }], label: 'elsewhere' });
    useSheetStore.setState({ revision: written });
    await loadDashboard();
    expect(scorecardText(useKpiStore.getState().engine)).toBe(scorecardText(await freshEngine()));
    const engine = useKpiStore.getState().engine;
    expect(engine === null ? [] : buildScorecard(engine, 12).length).toBe(useKpiStore.getState().scorecard.length);
  });

  it('compares the budget as the sheet now shows it with the forecast as the file holds it, after edits on either side and an undo', async () => {
    const lineId = enteredLine();
    const fresh = async () => compareVersions(buildSheetView(await back.call('sheet/get-sheet', { versionId: budget })), buildSheetView(await back.call('sheet/get-sheet', { versionId: forecast })));
    expect(comparedCell(await loadComparison(), lineId)).toEqual(comparedCell(await fresh(), lineId));
    expect(await useSheetStore.getState().editCell(lineId, 11, '1234.5')).toBe(true);
    await flushWrites();
    const edited = comparedCell(await loadComparison(), lineId);
    expect(edited[0]).toBe('1234.5');
    expect(edited).toEqual(comparedCell(await fresh(), lineId));
    const { revision: written } = await back.call('sheet/set-cells', { versionId: forecast, edits: [{ lineId, period: 11, value: '2000' }], label: 'elsewhere' });
    useSheetStore.setState({ revision: written });
    expect(comparedCell(await loadComparison(), lineId)).toEqual(['1234.5', '2000', '765.5']);
    await back.call('sheet/undo', { versionId: budget });
    await useSheetStore.getState().load();
    expect(comparedCell(await loadComparison(), lineId)).toEqual(comparedCell(await fresh(), lineId));
    expect(comparedCell(await loadComparison(), lineId)[1]).not.toBe('2000');
  });
});
