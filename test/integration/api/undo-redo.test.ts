import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/domain/workbook';
import { HISTORY_LIMIT } from '../../../electron/store/edit-history';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

const valuesOf = (sheet: SheetModel) => sheet.lines.map((line) => [line.id, line.description, ...line.values]);

describe('undo and redo', () => {
  it('undo restores every cell of a multi-cell change in one step, and redo applies it again', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('sheet/get-sheet', {});
    const [first, second] = before.lines;
    if (first === undefined || second === undefined) throw new Error('sample too small');
    await back.call('sheet/set-cells', {
      edits: [
        { lineId: first.id, period: 0, value: '1' },
        { lineId: first.id, period: 1, value: null },
        { lineId: second.id, period: 0, value: '-2.5' },
      ],
      label: 'paste 3 cells',
    });
    const after = await back.call('sheet/get-sheet', {});
    expect(after.history).toEqual({ undo: 'paste 3 cells', redo: null });

    const undone = await back.call('sheet/undo', {});
    expect(undone.label).toBe('paste 3 cells');
    expect(undone.cells).toEqual([
      { lineId: first.id, period: 0, value: first.values[0] },
      { lineId: first.id, period: 1, value: first.values[1] },
      { lineId: second.id, period: 0, value: second.values[0] },
    ]);
    expect(valuesOf(await back.call('sheet/get-sheet', {}))).toEqual(valuesOf(before));
    expect(undone.history).toEqual({ undo: null, redo: 'paste 3 cells' });

    await back.call('sheet/redo', {});
    expect(valuesOf(await back.call('sheet/get-sheet', {}))).toEqual(valuesOf(after));
    back.stop();
  });

  it('undoes adding and deleting lines, values included', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('sheet/get-sheet', {});
    const victim = before.lines[3];
    if (victim === undefined) throw new Error('sample too small');
    await back.call('sheet/delete-line', { lineId: victim.id });
    const { line } = await back.call('sheet/add-line', { departmentId: victim.departmentId, accountId: victim.accountId, description: 'New line' });
    expect((await back.call('sheet/undo', {})).cells).toBeNull();
    expect((await back.call('sheet/get-sheet', {})).lines.some((candidate) => candidate.id === line.id)).toBe(false);
    await back.call('sheet/undo', {});
    expect(valuesOf(await back.call('sheet/get-sheet', {}))).toEqual(valuesOf(before));
    await back.call('sheet/redo', {});
    expect((await back.call('sheet/get-sheet', {})).lines.some((candidate) => candidate.id === victim.id)).toBe(false);
    back.stop();
  });

  it('the history lives in the file: undo works after closing and reopening', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    const before = await back.call('sheet/get-sheet', {});
    const lineId = before.lines[0]?.id ?? 0;
    await back.call('sheet/set-cells', { edits: [{ lineId, period: 5, value: '777' }], label: 'edit June' });
    back.stop();
    const reopened = startBack(dataDir);
    expect((await reopened.call('sheet/get-sheet', {})).history.undo).toBe('edit June');
    await reopened.call('sheet/undo', {});
    expect(valuesOf(await reopened.call('sheet/get-sheet', {}))).toEqual(valuesOf(before));
    reopened.stop();
  });

  it('a new change after an undo drops the redo branch', async () => {
    const back = startBack(tempFolder());
    const lineId = (await back.call('sheet/get-sheet', {})).lines[0]?.id ?? 0;
    await back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '1' }], label: 'one' });
    await back.call('sheet/undo', {});
    const receipt = await back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: '2' }], label: 'two' });
    expect(receipt.history).toEqual({ undo: 'two', redo: null });
    back.stop();
  });

  it('keeps at least 1,000 steps', async () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(1000);
    const back = startBack(tempFolder());
    const sheet = await back.call('sheet/get-sheet', {});
    const lineId = sheet.lines[0]?.id ?? 0;
    for (let step = 1; step <= 1000; step += 1) {
      await back.call('sheet/set-cells', { edits: [{ lineId, period: 0, value: String(step) }], label: `step ${step}` });
    }
    for (let step = 1000; step >= 1; step -= 1) expect((await back.call('sheet/undo', {})).label).toBe(`step ${step}`);
    expect((await back.call('sheet/get-sheet', {})).lines[0]?.values[0]).toBe(sheet.lines[0]?.values[0]);
    back.stop();
  });

  it('says so when there is nothing to undo or redo, and changes nothing', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('sheet/get-sheet', {});
    await expect(back.call('sheet/undo', {})).rejects.toThrow('There is nothing to undo.');
    await expect(back.call('sheet/redo', {})).rejects.toThrow('There is nothing to redo.');
    expect(await back.call('sheet/get-sheet', {})).toEqual(before);
    back.stop();
  });

  it('a change with one bad cell writes none of its cells and records no step', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('sheet/get-sheet', {});
    const lineId = before.lines[0]?.id ?? 0;
    const edits = [
      { lineId, period: 0, value: '5' },
      { lineId: 424242, period: 1, value: '6' },
    ];
    await expect(back.call('sheet/set-cells', { edits, label: 'paste 2 cells' })).rejects.toThrow('Budget line 424242 does not exist');
    const twice = [
      { lineId, period: 0, value: '5' },
      { lineId, period: 0, value: '6' },
    ];
    await expect(back.call('sheet/set-cells', { edits: twice, label: 'x' })).rejects.toThrow('set twice');
    expect(await back.call('sheet/get-sheet', {})).toEqual(before);
    back.stop();
  });

  it('undo or redo for a version that does not exist is refused, naming it, and nothing is undone', async () => {
    const back = startBack(tempFolder());
    const before = await back.call('sheet/get-sheet', {});
    const [line] = before.lines;
    if (line === undefined) throw new Error('sample too small');
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '7' }], label: 'edit one cell' });
    const edited = await back.call('sheet/get-sheet', {});
    await expect(back.call('sheet/undo', { versionId: 999 })).rejects.toThrow('Version 999 does not exist');
    expect(valuesOf(await back.call('sheet/get-sheet', {}))).toEqual(valuesOf(edited));
    await back.call('sheet/undo', {});
    await expect(back.call('sheet/redo', { versionId: 999 })).rejects.toThrow('Version 999 does not exist');
    expect(valuesOf(await back.call('sheet/get-sheet', {}))).toEqual(valuesOf(before));
    back.stop();
  });
});
