import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSheetView } from '../../../shared/sheet/sheet-view';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function inputLine(back: TestBack) {
  const line = (await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.formula === null && candidate.values[0] !== null);
  if (line === undefined) throw new Error('no input line');
  return line;
}

describe('one size rule for amounts, typed or computed', () => {
  it('refuses to type a 19-digit amount, and shows a formula that computes one as an error in its cell', async () => {
    const back = startBack(tempFolder());
    const line = await inputLine(back);
    expect((await rejection(back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '1234567890123456789' }], label: 'typed' }))).code).toBe('invalid-input');
    await back.call('sheet/set-formula', { lineId: line.id, formula: '999999999999999999 * 10' });
    // The sheet as the app draws it: the engine computes the formula, and the cell holds the error.
    const view = buildSheetView(await back.call('sheet/get-sheet', {}), 'none');
    expect(view.lineErrors.get(line.id)?.[0]).toBe('The result, 9999999999999999990, is too large: amounts have at most 18 digits before the decimal point.');
    back.stop();
  });

  it('writes no CSV or XLSX holding an amount no one could type: the export is refused naming the line', async () => {
    const back = startBack(tempFolder());
    const line = await inputLine(back);
    await back.call('sheet/set-formula', { lineId: line.id, formula: '999999999999999999 * 10' });
    const csv = await rejection(back.call('export/csv', { fileName: 'huge.csv' }));
    expect(csv.message).toContain(`“${line.description}” has an error`);
    expect(csv.message).toContain('at most 18 digits');
    expect((await rejection(back.call('export/xlsx', { fileName: 'huge.xlsx' }))).message).toContain('at most 18 digits');
    expect(existsSync(join(back.dataDir, 'huge.csv'))).toBe(false);
    back.stop();
  });

  it('writes an amount that a spreadsheet number cannot hold exactly to CSV, and refuses it in XLSX rather than round it', async () => {
    const back = startBack(tempFolder());
    const line = await inputLine(back);
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '1234567890123456.78' }], label: 'large' });
    const csv = readFileSync((await back.call('export/csv', { fileName: 'large.csv', layout: 'wide' })).path, 'utf8');
    expect(csv).toContain(',1234567890123456.78,');
    const xlsx = await rejection(back.call('export/xlsx', { fileName: 'large.xlsx' }));
    expect(xlsx.message).toContain(`“${line.description}”, Jan 2027 holds 1234567890123456.78`);
    expect(xlsx.message).toContain('15 significant digits');
    expect(existsSync(join(back.dataDir, 'workbooks', 'Exports', 'large.xlsx'))).toBe(false);
    back.stop();
  });
});
