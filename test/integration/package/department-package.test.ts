import { describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../../electron/store/workbook-store';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function salesLines(back: TestBack) {
  const sheet = await back.call('sheet/get-sheet', {});
  const sales = sheet.departments.find((department) => department.name === 'Sales');
  if (sales === undefined) throw new Error('no Sales');
  return { sheet, sales, lines: sheet.lines.filter((line) => line.departmentId === sales.id && line.formula === null) };
}

/** The ops manager's offline work: the package opened in Tandem and edited. */
function editPackage(path: string, edit: (store: WorkbookStore) => void): void {
  const store = WorkbookStore.open(path);
  try {
    edit(store);
  } finally {
    store.close();
  }
}

describe('department packages', () => {
  it('cut, drafted offline, merged back cell by cell with a conflict decided by the user, as one undo step', async () => {
    const back = startBack(tempFolder());
    const { sales, lines } = await salesLines(back);
    const [visits, shows] = [lines.find((line) => line.description === 'Customer visits'), lines.find((line) => line.description === 'Trade shows — travel')];
    if (visits === undefined || shows === undefined) throw new Error('sample lines missing');
    const cut = await back.call('package/cut', { departmentId: sales.id, fileName: 'Sales package' });
    expect(cut).toMatchObject({ department: 'Sales', lines: lines.length });
    expect(cut.path.endsWith('Sales package.tandem')).toBe(true);

    editPackage(cut.path, (store) => {
      const model = store.sheet(store.defaultVersionId());
      const packaged = (description: string) => model.lines.find((line) => line.description === description);
      const accountId = packaged('Customer visits')?.accountId ?? 0;
      store.setCells(
        store.defaultVersionId(),
        [
          { lineId: packaged('Customer visits')?.id ?? 0, period: 0, value: '7000' },
          { lineId: packaged('Trade shows — travel')?.id ?? 0, period: 1, value: '11111' },
        ],
        'offline edits',
        'Olivia Ops',
      );
      const added = store.addLine(model.departments[0]?.id ?? 0, accountId, 'Regional roadshow', 'Olivia Ops');
      store.setCells(store.defaultVersionId(), [{ lineId: added.line.id, period: 3, value: '4200' }], 'new line', 'Olivia Ops');
    });
    // Meanwhile in the workbook: the same trade-show month changed otherwise (a conflict), and another month.
    await back.call('sheet/set-cells', {
      edits: [
        { lineId: shows.id, period: 1, value: '9999' },
        { lineId: shows.id, period: 5, value: '123' },
      ],
      label: 'central edits',
    });

    const inspected = await back.call('package/inspect', { source: { path: 'Sales package.tandem' } });
    expect(inspected.plan).toMatchObject({ department: 'Sales', automatic: 2, newLines: ['Regional roadshow'], keptWorkbook: 1, problems: [] });
    expect(inspected.plan.conflicts).toEqual([{ key: `${shows.id}:1`, line: 'Trade shows — travel', period: 'Feb 2027', base: shows.values[1], package: '11111', workbook: '9999' }]);
    expect((await rejection(back.call('package/merge', { token: inspected.token, choices: {} }))).message).toContain('Choose a side for every conflict before merging: 1 of 1 is not chosen yet');

    const before = await back.call('sheet/get-sheet', {});
    const merged = await back.call('package/merge', { token: inspected.token, choices: { [`${shows.id}:1`]: 'workbook' } });
    expect(merged).toMatchObject({ linesAdded: 1, cellsSet: 2 });
    const after = await back.call('sheet/get-sheet', {});
    const value = (description: string, period: number) => after.lines.find((line) => line.description === description)?.values[period];
    expect([value('Customer visits', 0), value('Trade shows — travel', 1), value('Trade shows — travel', 5), value('Regional roadshow', 3)]).toEqual(['7000', '9999', '123', '4200']);
    expect((await back.call('audit/list', { lineId: visits.id, period: 0 })).entries[0]).toMatchObject({ action: 'package/merge', after: '7000' });
    // The same package brought back again merges nothing more and adds no second roadshow line
    // (the conflict decided for the workbook is asked again: the package still says otherwise).
    const again = await back.call('package/inspect', { source: { path: 'Sales package.tandem' } });
    expect(again.plan).toMatchObject({ automatic: 0, newLines: [] });

    await back.call('sheet/undo', {});
    const undone = await back.call('sheet/get-sheet', {});
    expect(undone.lines.map((line) => [line.id, line.values])).toEqual(before.lines.map((line) => [line.id, line.values]));
    back.stop();
  });

  it('refuses a package from another workbook, one whose lines were deleted since, and a plain workbook', async () => {
    const back = startBack(tempFolder());
    const other = startBack(tempFolder());
    const { sales } = await salesLines(other);
    const foreign = await other.call('package/cut', { departmentId: sales.id, fileName: 'foreign.tandem' });
    expect((await rejection(back.call('package/inspect', { source: { path: foreign.path } }))).message).toContain('cut from another workbook');

    const mine = await salesLines(back);
    const cut = await back.call('package/cut', { departmentId: mine.sales.id, fileName: 'mine.tandem' });
    const gone = mine.lines[0];
    if (gone === undefined) throw new Error('no line');
    await back.call('sheet/delete-line', { lineId: gone.id });
    const inspected = await back.call('package/inspect', { source: { path: cut.path } });
    expect(inspected.plan.problems[0]).toContain(`“${gone.description}” was deleted from the workbook after the package was cut`);
    expect((await rejection(back.call('package/merge', { token: inspected.token, choices: {} }))).message).toMatch(/^Nothing was merged/);

    const plain = (await back.call('workbook/get-session', {})).current?.path ?? '';
    expect((await rejection(back.call('package/inspect', { source: { path: plain } }))).message).toContain('not a department package');
    back.stop();
    other.stop();
  });
});
