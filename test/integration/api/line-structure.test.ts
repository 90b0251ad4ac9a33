import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../../../shared/domain/workbook';
import { startBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

const lineNamed = (sheet: SheetModel, description: string) => {
  const line = sheet.lines.find((candidate) => candidate.description === description);
  if (line === undefined) throw new Error(`no line ${description}`);
  return line;
};

describe('renaming and moving lines', () => {
  it('a rename carries the formulas that use the line along, and one undo puts both back', async () => {
    const back = startBack(tempFolder());
    const headcount = lineNamed(await back.call('sheet/get-sheet', {}), 'Engineering headcount');
    await back.call('sheet/rename-line', { lineId: headcount.id, description: 'Test engineers (FTE)' });
    let sheet = await back.call('sheet/get-sheet', {});
    expect(lineNamed(sheet, 'Engineering salaries').formula).toBe('[Test engineers (FTE)] * 9500');
    expect(sheet.history.undo).toBe('rename “Engineering headcount” to “Test engineers (FTE)”');
    await back.call('sheet/undo', {});
    sheet = await back.call('sheet/get-sheet', {});
    expect(lineNamed(sheet, 'Engineering headcount').id).toBe(headcount.id);
    expect(lineNamed(sheet, 'Engineering salaries').formula).toBe('[Engineering headcount] * 9500');
    back.stop();
  });

  it('moves a line among its department’s lines on the same account, and refuses past the end', async () => {
    const back = startBack(tempFolder());
    const order = async () => (await back.call('sheet/get-sheet', {})).lines.map((line) => line.description);
    const before = await order();
    const europe = lineNamed(await back.call('sheet/get-sheet', {}), 'Sensor kits — Europe');
    await back.call('sheet/move-line', { lineId: europe.id, direction: 'up' });
    const after = await order();
    expect(after.indexOf('Sensor kits — Europe')).toBe(before.indexOf('Sensor kits — North America'));
    expect(after.indexOf('Sensor kits — North America')).toBe(before.indexOf('Sensor kits — Europe'));
    const error = await rejection(back.call('sheet/move-line', { lineId: europe.id, direction: 'up' }));
    expect(error.message).toContain('already the first line of its account');
    await back.call('sheet/undo', {});
    expect(await order()).toEqual(before);
    back.stop();
  });
});
