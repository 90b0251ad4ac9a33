import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('line formulas through the API', () => {
  it('keeps a formula as written, even one with an error, and undo restores the line', async () => {
    const dataDir = tempFolder();
    const back = startBack(dataDir);
    const line = (await back.call('sheet/get-sheet', {})).lines[5];
    if (line === undefined) throw new Error('sample too small');
    await back.call('sheet/set-formula', { lineId: line.id, formula: '[Account executives (9 FTE)] * 10%' });
    await back.call('sheet/set-formula', { lineId: line.id, formula: 'Revenue * ' });
    back.stop();
    const reopened = startBack(dataDir);
    expect((await reopened.call('sheet/get-sheet', {})).lines[5]?.formula).toBe('Revenue *');
    await reopened.call('sheet/undo', {});
    expect((await reopened.call('sheet/get-sheet', {})).lines[5]?.formula).toBe('[Account executives (9 FTE)] * 10%');
    await reopened.call('sheet/undo', {});
    const restored = (await reopened.call('sheet/get-sheet', {})).lines[5];
    expect(restored?.formula).toBeNull();
    // The amounts typed before the formula are still there.
    expect(restored?.values).toEqual(line.values);
    reopened.stop();
  });

  it('refuses amounts typed into a formula line, naming it', async () => {
    const back = startBack(tempFolder());
    const line = (await back.call('sheet/get-sheet', {})).lines[0];
    if (line === undefined) throw new Error('sample too small');
    await back.call('sheet/set-formula', { lineId: line.id, formula: '1000' });
    const error = await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '5' }], label: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain(`“${line.description}” is computed by its formula`);
    back.stop();
  });
});
