// @vitest-environment node
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { installApiClient, type ApiClient } from '../../../../renderer/api/client';
import { flushWrites, useSheetStore } from '../../../../renderer/state/sheet-store';
import { forgetVersionViews, readVersionViews } from '../../../../renderer/state/version-views';
import { buildSheetView, type SheetView } from '../../../../shared/sheet/sheet-view';
import type { TestBack } from '../../../helpers/back';
import { comparableView } from '../../../helpers/comparable-view';
import { resetStore, useRendererOverBack } from '../../../helpers/in-process-api';

const startRenderer = useRendererOverBack();
let back: TestBack;
/** the versions the back was asked to read, in order */
let reads: number[];
let budget: number;
let forecast: number;

beforeEach(async () => {
  resetStore(useSheetStore);
  forgetVersionViews();
  const started = startRenderer();
  back = started.back;
  reads = [];
  // The real client, counting the versions it reads.
  const counting: ApiClient = {
    ...started.client,
    call(method, input) {
      if (method === 'sheet/get-sheet') reads.push((input as { versionId: number }).versionId);
      return started.client.call(method, input);
    },
  };
  installApiClient(counting);
  const { versions } = await back.call('version/list', {});
  budget = versions.find((version) => version.kind === 'budget')?.id ?? 0;
  forecast = versions.find((version) => version.kind === 'forecast')?.id ?? 0;
  await useSheetStore.getState().load();
  reads = [];
});

const revision = () => useSheetStore.getState().revision ?? 0;

async function viewOf(versionId: number): Promise<SheetView> {
  const view = (await readVersionViews([versionId], revision())).get(versionId);
  if (view === undefined) throw new Error(`Version ${versionId} was not read.`);
  return view;
}

/** A view's lines, figures, errors and dimensions: all but the workbook's revision and undo labels, which every write moves. */
function figuresOf(view: SheetView): unknown {
  return comparableView({ ...view, model: { ...view.model, workbook: { ...view.model.workbook, revision: 0 }, history: { undo: null, redo: null } } });
}

/** The version as the file holds it now, read and built afresh. */
async function fresh(versionId: number): Promise<unknown> {
  return figuresOf(buildSheetView(await back.call('sheet/get-sheet', { versionId })));
}

/** The first line typed by hand in the version, and its amount in the plan year's last month (open in the latest estimate). */
function enteredLine(view: SheetView): { lineId: number; value: string | null } {
  const row = view.rows.find((candidate) => candidate.line.formula === null && candidate.account.unit === 'currency');
  if (row === undefined) throw new Error('The sample has no entered line.');
  return { lineId: row.line.id, value: row.line.values[11] ?? null };
}

describe('the versions the dashboard and the compare view read', () => {
  it('takes the version the sheet shows from the sheet, without reading it', async () => {
    const view = await viewOf(budget);
    expect(reads).toEqual([]);
    expect(view.model.version.id).toBe(budget);
    expect(view.rows).toBe(useSheetStore.getState().view?.rows);
  });

  it('reads another version once, and keeps it while only the sheet’s own version is edited', async () => {
    const first = await viewOf(forecast);
    expect(reads).toEqual([forecast]);
    expect(await viewOf(forecast)).toBe(first);
    const { lineId } = enteredLine(useSheetStore.getState().view as SheetView);
    expect(await useSheetStore.getState().editCell(lineId, 3, '4321.09')).toBe(true);
    await flushWrites();
    const kept = await viewOf(forecast);
    expect(reads).toEqual([forecast]);
    expect(kept).toBe(first);
    expect(figuresOf(kept)).toEqual(await fresh(forecast));
  });

  it('reads a kept version again once it was edited, undone or imported into, and shows what the file holds', async () => {
    const before = await viewOf(forecast);
    const { lineId, value } = enteredLine(before);
    await back.call('sheet/set-cells', { versionId: forecast, edits: [{ lineId, period: 11, value: '98765.43' }], label: 'edit elsewhere' });
    const edited = await viewOf(forecast);
    expect(reads).toEqual([forecast, forecast]);
    expect(edited.rows[edited.rowIndex.get(lineId) ?? -1]?.line.values[11]).toBe('98765.43');

    await back.call('sheet/undo', { versionId: forecast });
    const undone = await viewOf(forecast);
    expect(reads).toHaveLength(3);
    expect(undone.rows[undone.rowIndex.get(lineId) ?? -1]?.line.values[11]).toBe(value);

    const description = undone.rows[undone.rowIndex.get(lineId) ?? -1]?.line.description ?? '';
    const department = undone.model.departments.find((candidate) => candidate.id === undone.rows[undone.rowIndex.get(lineId) ?? -1]?.line.departmentId)?.name ?? '';
    const account = undone.accountsById.get(undone.rows[undone.rowIndex.get(lineId) ?? -1]?.line.accountId ?? 0);
    const file = join(back.dataDir, 'forecast.csv');
    writeFileSync(file, `Department,Account code,Line,Period,Amount\r\n"${department}",${account?.code ?? ''},"${description}",Dec 2027,5555\r\n`);
    const target = { kind: 'version' as const, versionId: forecast };
    const inspected = await back.call('import/inspect', { source: { path: file }, target });
    await back.call('import/commit', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target });
    const imported = await viewOf(forecast);
    expect(reads).toHaveLength(4);
    expect(imported.rows[imported.rowIndex.get(lineId) ?? -1]?.line.values[11]).toBe('5555');
  });

  it('reads the version the sheet showed once the sheet shows another, and then keeps it', async () => {
    await useSheetStore.getState().openVersion(forecast);
    reads = [];
    const views = await readVersionViews([budget, forecast], revision());
    expect(reads).toEqual([budget]);
    expect(views.get(forecast)?.rows).toBe(useSheetStore.getState().view?.rows);
    const { lineId } = enteredLine(useSheetStore.getState().view as SheetView);
    expect(await useSheetStore.getState().editCell(lineId, 11, '12.34')).toBe(true);
    await flushWrites();
    const again = await readVersionViews([budget, forecast], revision());
    expect(reads).toEqual([budget]);
    expect(again.get(budget)).toBe(views.get(budget));
    expect(again.get(forecast)?.rows[again.get(forecast)?.rowIndex.get(lineId) ?? -1]?.line.values[11]).toBe('12.34');
  });
});
