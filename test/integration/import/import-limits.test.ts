import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBack, type TestBack } from '../../helpers/back';
import { writeRepeated } from '../../helpers/large-file';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** Inspects a file as the Import dialog does; answers the refusal, how long it took, and whether the workbook moved. */
async function refusalOf(back: TestBack, path: string) {
  const before = (await back.call('workbook/get-session', {})).current?.revision;
  const started = performance.now();
  const error = await rejection(back.call('import/inspect', { source: { path }, target: { kind: 'version', versionId: await back.budgetId() } }));
  const seconds = (performance.now() - started) / 1000;
  const after = (await back.call('workbook/get-session', {})).current?.revision;
  return { error, seconds, unchanged: before === after };
}

describe('an import refuses a file over a limit while reading it, and changes nothing', () => {
  it('refuses a CSV of one-character rows at the row limit, naming the row, without reading the rest', async () => {
    const back = startBack(tempFolder());
    // The 100 MB file of 50 million rows, at a twentieth of its length: 5 million rows.
    const path = join(back.dataDir, 'one-char-rows.csv');
    writeRepeated(path, 'Amount\n', '1\n', 5_000_000);
    const { error, seconds, unchanged } = await refusalOf(back, path);
    expect(error.message).toBe('one-char-rows.csv: the file has more than 500,000 rows (row 500,002 is past the limit); Tandem imports at most that many at once. Nothing was imported.');
    expect(error.code).toBe('invalid-input');
    expect(seconds).toBeLessThan(10);
    expect(unchanged).toBe(true);
    back.stop();
  }, 60_000);

  it('refuses a row of a million columns at the column limit, with a short answer', async () => {
    const back = startBack(tempFolder());
    const path = join(back.dataDir, 'million-columns.csv');
    writeRepeated(path, 'Department', ',x', 1_000_000);
    const { error, seconds, unchanged } = await refusalOf(back, path);
    expect(error.message).toBe('million-columns.csv: row 1 has more than 1,000 columns; Tandem imports at most that many. Nothing was imported.');
    expect(seconds).toBeLessThan(5);
    expect(unchanged).toBe(true);
    back.stop();
  });

  it('refuses a field longer than the field limit, naming its row and column', async () => {
    const back = startBack(tempFolder());
    const path = join(back.dataDir, 'long-field.csv');
    writeFileSync(path, `Department,Line,Amount\r\nSales,Visits,1\r\nSales,"${'x'.repeat(10_001)}",2\r\n`);
    const { error, unchanged } = await refusalOf(back, path);
    expect(error.message).toBe('long-field.csv: row 3, column 2 holds more than 10,000 characters; Tandem reads at most that many in one cell. Nothing was imported.');
    expect(unchanged).toBe(true);
    // A quoted field that never ends stops at the record limit, not at the end of memory.
    const endless = join(back.dataDir, 'endless-quote.csv');
    writeRepeated(endless, 'Department,Line\r\nSales,"', 'x'.repeat(1000), 20_000);
    expect((await refusalOf(back, endless)).error.message).toBe('endless-quote.csv: row 2 is longer than 200,000 characters (a quote that is never closed?); Tandem reads at most that many in one row. Nothing was imported.');
    back.stop();
  });

  it('refuses a file over the cell limit at the row that passes it', async () => {
    const back = startBack(tempFolder());
    const path = join(back.dataDir, 'many-cells.csv');
    // 9 fields a row: the 3,000,000th cell is in row 333,334.
    writeRepeated(path, 'a,b,c,d,e,f,g,h,i\n', '1,2,3,4,5,6,7,8,9\n', 350_000);
    const { error, unchanged } = await refusalOf(back, path);
    expect(error.message).toBe('many-cells.csv: the file has more than 3,000,000 cells (passed at row 333,334); Tandem imports at most that many at once. Nothing was imported.');
    expect(unchanged).toBe(true);
    back.stop();
  }, 60_000);

  it('refuses a file over the size limit before reading it', async () => {
    const back = startBack(tempFolder());
    const path = join(back.dataDir, 'too-big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'Amount\n', 100 * 1024 * 1024);
    closeSync(fd);
    const { error, seconds } = await refusalOf(back, path);
    expect(error.message).toBe('too-big.csv: the file is 100.1 MB; Tandem imports files up to 100 MB. Nothing was imported.');
    expect(seconds).toBeLessThan(2);
    back.stop();
  });

  it('refuses an XLSX row wider than the column limit', async () => {
    const back = startBack(tempFolder());
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Wide');
    sheet.addRow(['Department', 'Amount']);
    sheet.getCell(2, 1_001).value = 1;
    const path = join(back.dataDir, 'wide.xlsx');
    await workbook.xlsx.writeFile(path);
    const { error, unchanged } = await refusalOf(back, path);
    expect(error.message).toBe('wide.xlsx: row 2 has more than 1,000 columns; Tandem imports at most that many. Nothing was imported.');
    expect(unchanged).toBe(true);
    back.stop();
  });
});
