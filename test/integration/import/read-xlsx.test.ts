import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { IMPORT_LIMITS, type ImportLimits } from '../../../electron/import/import-limits';
import { readImportTable } from '../../../electron/import/read-table';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** An XLSX whose first sheet holds `rows` (an empty array leaves a blank row), written to a temp folder. */
async function sheetFile(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  rows.forEach((row, index) => {
    if (row.length > 0) sheet.getRow(index + 1).values = row;
  });
  const path = join(tempFolder(), 'data.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

async function refusal(path: string, limits: ImportLimits): Promise<string> {
  try {
    await readImportTable('data.xlsx', { path }, limits);
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  throw new Error('the file was read');
}

describe('the streaming XLSX reader', () => {
  it('reads the first sheet from the file, a row at a time, keeping the sheet’s row numbers', async () => {
    const path = await sheetFile([['Department', 'Amount'], ['Sales', 1], [], ['Support', 2.5]]);
    const table = await readImportTable('data.xlsx', { path });
    expect(table).toMatchObject({ format: 'xlsx', headers: ['Department', 'Amount'], rows: [['Sales', '1'], ['Support', '2.5']], rowNumbers: [2, 4], firstRowNumber: 2, cells: 6 });
  });

  it('refuses at each limit it is given, naming the sheet’s row', async () => {
    const limits = { ...IMPORT_LIMITS, rows: 20, cells: 30, columns: 3, fieldChars: 8 };
    const many = [['Amount'], ...Array.from({ length: 25 }, (_unused, row) => [row])];
    expect(await refusal(await sheetFile(many), limits)).toBe('data.xlsx: the sheet has more than 20 rows (row 22 is past the limit); Tandem imports at most that many at once. Nothing was imported.');
    const wide = [['a', 'b'], ...Array.from({ length: 12 }, () => [1, 2, 3])];
    expect(await refusal(await sheetFile(wide), limits)).toBe('data.xlsx: the file has more than 30 cells (passed at row 11); Tandem imports at most that many at once. Nothing was imported.');
    expect(await refusal(await sheetFile([['a'], [1, 2, 3, 4]]), limits)).toBe('data.xlsx: row 2 has more than 3 columns; Tandem imports at most that many. Nothing was imported.');
    expect(await refusal(await sheetFile([['a', 'b'], ['Sales', 'Customer visits']]), limits)).toBe('data.xlsx: row 2, column 2 holds more than 8 characters; Tandem reads at most that many in one cell. Nothing was imported.');
  });
});
