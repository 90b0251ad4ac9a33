// @vitest-environment node
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useWorkbookStore } from '../../../../renderer/state/workbook-store';
import { useSheetStore } from '../../../../renderer/state/sheet-store';
import { usePortfolioStore } from '../../../../renderer/state/portfolio-store';
import { useNoticeStore } from '../../../../renderer/state/notice-store';
import type { TestBack } from '../../../helpers/back';
import { resetStore, useRendererOverBack } from '../../../helpers/in-process-api';

const startRenderer = useRendererOverBack();
let back: TestBack;

beforeEach(() => {
  resetStore(useSheetStore);
  resetStore(useNoticeStore);
  resetStore(usePortfolioStore);
  resetStore(useWorkbookStore);
  ({ back } = startRenderer());
});

const workbook = () => useWorkbookStore.getState();
const sheet = () => useSheetStore.getState();
const errors = () => useNoticeStore.getState().notices.filter((notice) => notice.tone === 'error');

describe('the workbook store', () => {
  it('starts on the workbook the back has open, with its first version on the sheet', async () => {
    await workbook().start();
    expect(workbook().loaded).toBe(true);
    expect(workbook().session?.current?.name).toMatch(/\S/);
    expect(sheet().versionId).toBe(await back.budgetId());
    expect(sheet().view?.model.workbook.path).toBe(workbook().session?.current?.path);
  });

  it('lists the workbooks the user can open when the Open dialog shows', async () => {
    await workbook().start();
    await workbook().showDialog('open');
    expect(workbook().dialog).toBe('open');
    expect(workbook().knownFiles.map((file) => file.path)).toContain(workbook().session?.current?.path);
  });

  it('saves an edit still on its way in the workbook it was made in before another file opens', async () => {
    await workbook().start();
    const samplePath = workbook().session?.current?.path ?? '';
    const line = sheet().view?.rows.find((row) => row.line.formula === null && row.account.unit === 'currency')?.line;
    if (line === undefined) throw new Error('The sample has no entered line.');
    void sheet().editCell(line.id, 0, '31415');
    expect(await workbook().createFile('Blank plan', 'Blank plan', false)).toBe(true);
    expect(workbook().session?.current?.name).toBe('Blank plan');
    expect(workbook().dialog).toBe('none');

    expect(await workbook().openFile(samplePath)).toBe(true);
    expect(sheet().view?.rows.find((row) => row.line.id === line.id)?.line.values[0]).toBe('31415');
  });

  it('opens another file on its own first version, with nothing of the last file’s portfolio left', async () => {
    await workbook().start();
    const { versions } = await back.call('version/list', {});
    const scenario = versions.find((version) => version.kind === 'scenario');
    if (scenario === undefined) throw new Error('The sample has no scenario.');
    await sheet().openVersion(scenario.id);
    await usePortfolioStore.getState().load();
    expect(usePortfolioStore.getState().portfolio).not.toBeNull();

    expect(await workbook().createFile('Other plan', 'Other plan', false)).toBe(true);
    const { versions: theirs } = await back.call('version/list', {});
    expect(sheet().versionId).toBe(theirs[0]?.id);
    expect(sheet().view?.model.workbook.name).toBe('Other plan');
    expect(usePortfolioStore.getState()).toMatchObject({ portfolio: null, ranked: [], optimized: null, selectedId: null });
  });

  it('says why a file cannot be opened, and keeps the open one on screen', async () => {
    await workbook().start();
    const shown = workbook().session?.current?.path;
    const view = sheet().view;
    expect(await workbook().openFile(join(back.dataDir, 'nowhere.tandem'))).toBe(false);
    expect(errors()).toHaveLength(1);
    expect(workbook().session?.current?.path).toBe(shown);
    expect(sheet().view).toBe(view);
  });

  it('asks Tandem’s own New dialog to confirm before replacing a file, and replaces it only once the user agrees', async () => {
    await workbook().start();
    expect(await workbook().createFile('Taken plan', 'Taken plan', false)).toBe(true);
    const taken = workbook().session?.current?.path ?? '';
    expect(await workbook().openSample()).toBe(true);
    const sample = workbook().session?.current?.path;
    await workbook().showDialog('new');
    expect(await workbook().createFile('Taken plan', 'Second plan', false)).toBe(false);
    expect(workbook().replaceAsked).toBe(taken);
    expect(errors()).toEqual([]);
    expect(workbook().session?.current?.path).toBe(sample);

    workbook().keepExistingFile();
    expect(workbook().replaceAsked).toBeNull();
    expect(await workbook().createFile('Taken plan', 'Second plan', false, undefined, true)).toBe(true);
    expect(workbook().session?.current).toMatchObject({ path: taken, name: 'Second plan' });
    expect(workbook().replaceAsked).toBeNull();
  });

  it('asks Tandem’s own Save as dialog the same, and says a taken path is taken when no dialog can ask', async () => {
    await workbook().start();
    const name = workbook().session?.current?.name;
    expect(await workbook().createFile('Taken plan', 'Taken plan', false)).toBe(true);
    const taken = workbook().session?.current?.path ?? '';
    await workbook().openSample();
    expect(await workbook().saveAs(taken)).toBe(false);
    expect(errors()[0]?.message).toContain(taken);
    expect(workbook().replaceAsked).toBeNull();
    await workbook().showDialog('save-as');
    expect(await workbook().saveAs(taken)).toBe(false);
    expect(workbook().replaceAsked).toBe(taken);
    expect(await workbook().saveAs(taken, true)).toBe(true);
    expect(workbook().session?.current).toMatchObject({ path: taken, name });
  });

  it('closes the workbook and clears the sheet', async () => {
    await workbook().start();
    await workbook().closeFile();
    expect(workbook().session?.current).toBeNull();
    expect(sheet()).toMatchObject({ view: null, versionId: null, revision: null });
  });
});
