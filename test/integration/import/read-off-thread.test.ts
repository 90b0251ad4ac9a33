import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { importWorkerScript } from '../../helpers/import-worker';
import { writeRepeated } from '../../helpers/large-file';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A back whose imports read files in the bundled worker thread, as the app's do. */
async function backReadingInWorker(): Promise<TestBack> {
  const back = startBack(tempFolder());
  back.session.imports.readInWorkerFrom(await importWorkerScript());
  return back;
}

const budget = async (back: TestBack) => ({ kind: 'version' as const, versionId: await back.budgetId() });

/** A long-layout CSV of `rows` records, every one a valid cell of the sample workbook. */
function writeLongCsv(path: string, rows: number): void {
  writeRepeated(path, 'Department,Account code,Line,Period,Amount\r\n', 'Sales,6200,Customer visits,2027-01,1250.50\r\n', rows);
}

describe('an import reads its file in a worker thread', () => {
  it('reads the workbook’s own CSV export and an XLSX as the back’s thread does', async () => {
    const back = await backReadingInWorker();
    const { path } = await back.call('export/csv', { fileName: 'round trip.csv' });
    const target = await budget(back);
    const inspected = await back.call('import/inspect', { source: { path }, target });
    expect(inspected.suggested.map((field) => field.kind)).toEqual(['department', 'account', 'ignore', 'line', 'period', 'amount']);
    const preview = await back.call('import/preview', { token: inspected.token, mapping: { columns: inspected.suggested, decimalSeparator: '.' }, target });
    expect(preview).toMatchObject({ problemCount: 0, linesToAdd: 0, cellsToSet: 0 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('GL');
    sheet.addRow(['Cost center', 'Account', 'Description', 'Period', 'Amount']);
    sheet.addRow([]);
    sheet.addRow(['Sales', '6200', 'Customer visits', '2027-01', 1234.5]);
    const xlsx = join(back.dataDir, 'ledger.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const read = await back.call('import/inspect', { source: { path: xlsx }, target });
    expect(read).toMatchObject({ format: 'xlsx', headers: ['Cost center', 'Account', 'Description', 'Period', 'Amount'], sample: [['Sales', '6200', 'Customer visits', '2027-01', '1234.5']], rowCount: 1 });
    back.stop();
  });

  it('answers other calls while it reads a large file', async () => {
    const back = await backReadingInWorker();
    const path = join(back.dataDir, 'large.csv');
    writeLongCsv(path, 400_000);
    let reading = true;
    const inspecting = back.call('import/inspect', { source: { path }, target: await budget(back) }).finally(() => (reading = false));
    const answers: number[] = [];
    while (reading) {
      const asked = performance.now();
      await back.call('version/list', {});
      answers.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await inspecting).rowCount).toBe(400_000);
    expect(answers.length).toBeGreaterThan(3);
    expect(Math.max(...answers)).toBeLessThan(500);
    back.stop();
  }, 60_000);

  it('stops reading on a cancel, and says so', async () => {
    const back = await backReadingInWorker();
    const path = join(back.dataDir, 'cancelled.csv');
    writeLongCsv(path, 400_000);
    const inspecting = back.call('import/inspect', { source: { path }, target: await budget(back) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await back.call('export/cancel', {})).toEqual({ cancelled: true });
    expect(await rejection(inspecting)).toMatchObject({ code: 'cancelled', message: 'Cancelled: nothing was written.' });
    back.stop();
  }, 60_000);

  it('passes a refusal from the worker on as the same clear message', async () => {
    const back = await backReadingInWorker();
    const path = join(back.dataDir, 'one-char-rows.csv');
    writeRepeated(path, 'Amount\n', '1\n', 1_000_000);
    const error = await rejection(back.call('import/inspect', { source: { path }, target: await budget(back) }));
    expect(error.message).toBe('one-char-rows.csv: the file has more than 500,000 rows (row 500,002 is past the limit); Tandem imports at most that many at once. Nothing was imported.');
    back.stop();
  }, 60_000);
});
