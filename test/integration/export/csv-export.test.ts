import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../shared/export/budget-table';
import { parseCsv } from '../../../shared/export/csv';
import { verifyFile } from '../../../electron/export/verify-file';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

async function approve(back: TestBack): Promise<void> {
  await back.call('version/set-status', { action: 'submit' });
  await back.call('version/set-status', { action: 'approve' });
}

describe('CSV export', () => {
  it('long: a record per line and month that reads back to exactly the sheet’s values', async () => {
    const back = startBack(tempFolder());
    const answer = await back.call('export/csv', { fileName: 'erp', byteOrderMark: false });
    const table = budgetTable(await back.call('sheet/get-sheet', {}));
    const text = readFileSync(answer.path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.split('\r\n')[0]).toBe('Department,Account code,Account,Line,Period,Amount');
    const records = parseCsv(text, ',').slice(1);
    expect(records).toHaveLength(table.lines.length * table.periods.length);
    records.forEach((record, index) => {
      const line = table.lines[Math.floor(index / table.periods.length)];
      const period = index % table.periods.length;
      expect(record).toEqual([line?.department, line?.accountCode, line?.accountName, line?.description, table.periods[period]?.key, line?.values[period] ?? '']);
    });
    back.stop();
  });

  it('wide, with semicolons and decimal commas, reads back exactly too', async () => {
    const back = startBack(tempFolder());
    const answer = await back.call('export/csv', { fileName: 'wide.csv', layout: 'wide', delimiter: ';', decimalSeparator: ',' });
    const table = budgetTable(await back.call('sheet/get-sheet', {}));
    const records = parseCsv(readFileSync(answer.path, 'utf8'), ';');
    expect(records[0]).toEqual(['Department', 'Account code', 'Account', 'Line', ...table.periods.map((period) => period.key)]);
    expect(records).toHaveLength(table.lines.length + 1);
    records.slice(1).forEach((record, index) => {
      const values = table.lines[index]?.values.map((value) => (value === null ? '' : value.replace('.', ','))) ?? [];
      expect(record.slice(4)).toEqual(values);
    });
    expect(readFileSync(answer.path, 'utf8')).toMatch(/;\d+,\d\d?;/);
    expect((await rejection(back.call('export/csv', { fileName: 'bad.csv', delimiter: ',', decimalSeparator: ',' }))).message).toContain('cannot be both');
    back.stop();
  });

  it('neutralises text cells that start like a formula, but not negative amounts', async () => {
    const back = startBack(tempFolder());
    const line = (await back.call('sheet/get-sheet', {})).lines.find((candidate) => candidate.formula === null);
    if (line === undefined) throw new Error('no line');
    await back.call('sheet/rename-line', { lineId: line.id, description: '@SUM(1+1)*cmd' });
    await back.call('sheet/set-cells', { edits: [{ lineId: line.id, period: 0, value: '-300.5' }], label: 'negative' });
    const answer = await back.call('export/csv', { fileName: 'safe.csv', layout: 'wide' });
    const record = parseCsv(readFileSync(answer.path, 'utf8'), ',').find((candidate) => candidate[3]?.includes('SUM'));
    expect(record?.[3]).toBe("'@SUM(1+1)*cmd");
    expect(record?.[4]).toBe('-300.5');
    back.stop();
  });

  it('an approved version’s CSV gets a stamp file; verify detects a one-byte change', async () => {
    const back = startBack(tempFolder());
    await approve(back);
    const answer = await back.call('export/csv', { fileName: 'approved.csv' });
    expect(existsSync(`${answer.path}.approval.json`)).toBe(true);
    expect(await verifyFile(answer.path)).toMatchObject({ ok: true, stamp: { version: 'Budget FY2027', sha256: answer.sha256 } });
    const bytes = readFileSync(answer.path);
    const digit = bytes.indexOf(Buffer.from(',5'));
    bytes[digit + 1] = '6'.charCodeAt(0);
    writeFileSync(answer.path, bytes);
    expect(await verifyFile(answer.path)).toMatchObject({ ok: false, reason: expect.stringContaining('changed after the export') });
    back.stop();
  });
});
