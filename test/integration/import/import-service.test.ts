import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../../shared/import/plan-import';
import { startBack } from '../../helpers/back';
import { importWorkerScript } from '../../helpers/import-worker';
import { writeRepeated } from '../../helpers/large-file';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('the files an import holds between inspect and commit', () => {
  it('keeps the last three files while they fit the cell limit together, holds no large one while reading another, and lets a committed one go', async () => {
    const back = startBack(tempFolder());
    const target = { kind: 'version' as const, versionId: await back.budgetId() };
    const small = (index: number) => {
      const path = join(back.dataDir, `small-${index}.csv`);
      writeFileSync(path, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,2027-01,5\r\n');
      return path;
    };
    const inspect = async (path: string) => (await back.call('import/inspect', { source: { path }, target })).token;
    const columns: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, { kind: 'line' }, { kind: 'period' }, { kind: 'amount' }];
    const preview = (token: string) => back.call('import/preview', { token, mapping: { columns, decimalSeparator: '.' }, target });
    const tokens = [await inspect(small(1)), await inspect(small(2)), await inspect(small(3)), await inspect(small(4))];
    expect((await rejection(preview(tokens[0] ?? ''))).message).toBe('The file is no longer at hand: choose it again.');
    expect((await preview(tokens[1] ?? '')).problemCount).toBe(0);

    // A file of 2,500,000 cells, more than a quarter of the cell limit: held with the two newest small ones…
    const large = join(back.dataDir, 'large.csv');
    writeRepeated(large, 'Department,Account code,Line,Period,Amount\r\n', 'Sales,6200,Customer visits,2027-01,5\r\n', 500_000);
    const first = await inspect(large);
    expect((await rejection(preview(tokens[1] ?? ''))).message).toBe('The file is no longer at hand: choose it again.');
    expect((await preview(tokens[3] ?? '')).problemCount).toBe(0);
    // …but while a second one is read, nothing large stays held: memory holds about one file at the limits.
    await inspect(large);
    for (const token of [first, tokens[2], tokens[3]]) expect((await rejection(preview(token ?? ''))).message).toBe('The file is no longer at hand: choose it again.');

    const committed = await inspect(small(5));
    await back.call('import/commit', { token: committed, mapping: { columns, decimalSeparator: '.' }, target });
    expect((await rejection(preview(committed))).message).toBe('The file is no longer at hand: choose it again.');
    back.stop();
  }, 60_000);

  it('checks a commit against the workbook as it is then, not as it was while the file was read', async () => {
    const back = startBack(tempFolder());
    // Read in the worker, as the app does: the check's context is read meanwhile.
    back.session.imports.readInWorkerFrom(await importWorkerScript());
    const target = { kind: 'version' as const, versionId: await back.budgetId() };
    const path = join(back.dataDir, 'visits.csv');
    writeFileSync(path, 'Department,Account code,Line,Period,Amount\r\nSales,6200,Customer visits,2027-01,5\r\n');
    const columns: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, { kind: 'line' }, { kind: 'period' }, { kind: 'amount' }];
    const importFile = async (edit?: () => Promise<unknown>) => {
      const { token } = await back.call('import/inspect', { source: { path }, target });
      await edit?.();
      return back.call('import/commit', { token, mapping: { columns, decimalSeparator: '.' }, target });
    };
    const visits = async () => (await back.call('sheet/get-sheet', {})).lines.find((line) => line.description === 'Customer visits');
    expect(await importFile()).toMatchObject({ cellsSet: 1 });
    const lineId = (await visits())?.id ?? 0;
    // The cell is 5, as the file says, while the file is read; then someone types 7 before the commit.
    const receipt = await importFile(() => back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '7' }], label: 'typed' }));
    expect(receipt).toMatchObject({ cellsSet: 1 });
    expect((await visits())?.values[0]).toBe('5');
    back.stop();
  }, 60_000);
});
