import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { csvRecord, parseCsv, type CsvOptions } from '../../../shared/export/csv';
import { IMPORT_LIMITS } from '../../../electron/import/import-limits';
import { readImportTable } from '../../../electron/import/read-table';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** The refusal a read ends in. */
async function refusal(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  throw new Error('the file was read');
}

describe('the streaming CSV reader', () => {
  it('reads any records as the whole-text reader does, with every delimiter', async () => {
    const options: CsvOptions[] = [
      { delimiter: ',', decimalSeparator: '.' },
      { delimiter: ';', decimalSeparator: ',' },
      { delimiter: '\t', decimalSeparator: '.' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(...options), async (records, option) => {
        const kept = records.filter((record) => !(record.length === 1 && record[0] === ''));
        const text = csvRecord(['a', 'b', 'c'], option) + kept.map((record) => csvRecord(record, option)).join('');
        const table = await readImportTable('records.csv', { bytes: Buffer.from(text, 'utf8') });
        expect([table.headers, ...table.rows]).toEqual(parseCsv(text, option.delimiter));
      }),
      { numRuns: 200 },
    );
  });

  it('starts over in Windows-1252 when a byte far into the file is not UTF-8, keeping no row twice', async () => {
    const path = join(tempFolder(), 'late-latin1.csv');
    const rows = Array.from({ length: 100_000 }, (_unused, row) => `Sales,Visits ${row},1\r\n`).join('');
    writeFileSync(path, Buffer.concat([Buffer.from(`Department,Line,Amount\r\n${rows}`), Buffer.from('Sales,Caf\xe9 et d\xe9jeuners,2\r\n', 'latin1')]));
    const table = await readImportTable('late-latin1.csv', { path });
    expect(table.rows).toHaveLength(100_001);
    expect(table.rows.at(-1)).toEqual(['Sales', 'Café et déjeuners', '2']);
    expect(table.notes).toEqual(['Not valid UTF-8: read as Windows-1252 (Latin-1), as older accounting exports write.', 'Fields separated by commas.']);
  });

  it('reads UTF-8 characters cut by chunk boundaries whole, and UTF-16 with a mark', async () => {
    const folder = tempFolder();
    const line = 'Ventes,Café ☕ déjeuner €,12\r\n';
    const text = `Department,Line,Amount\r\n${line.repeat(40_000)}`;
    writeFileSync(join(folder, 'utf8.csv'), text, 'utf8');
    const utf8 = await readImportTable('utf8.csv', { path: join(folder, 'utf8.csv') });
    expect(utf8.rows).toHaveLength(40_000);
    expect(new Set(utf8.rows.map((row) => row[1]))).toEqual(new Set(['Café ☕ déjeuner €']));
    // A euro sign whose three bytes straddle the first 256 KB chunk's end, for certain.
    const padding = `Department,Line,Amount\r\n${'Sales,Visits,1\r\n'.repeat(16_000)}`;
    const cut = `${padding}Sales,${'x'.repeat(262_143 - padding.length - 'Sales,'.length)}€,1\r\nSales,Visits,2\r\n`;
    expect(Buffer.from(cut).indexOf(Buffer.from('€'))).toBe(262_143);
    writeFileSync(join(folder, 'cut.csv'), cut, 'utf8');
    const straddling = await readImportTable('cut.csv', { path: join(folder, 'cut.csv') });
    expect(straddling.notes).toEqual(['Fields separated by commas.']);
    expect(straddling.rows.at(-2)?.[1]?.endsWith('x€')).toBe(true);
    writeFileSync(join(folder, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(',', ';'), 'utf16le')]));
    const utf16 = await readImportTable('utf16.csv', { path: join(folder, 'utf16.csv') });
    expect(utf16.rows).toHaveLength(40_000);
    expect(utf16.rows[39_999]).toEqual(['Ventes', 'Café ☕ déjeuner €', '12']);
    expect(utf16.notes).toEqual(['Read as UTF-16 (little-endian).', 'Fields separated by semicolons.']);
  });

  it('lists the first rows that do not line up with the header and counts them all', async () => {
    const text = `a,b\r\n${'1;2\r\n'.repeat(300)}`;
    const table = await readImportTable('mixed.csv', { bytes: Buffer.from(text) });
    expect(table.rowProblemCount).toBe(300);
    expect(table.rowProblems).toHaveLength(200);
    expect(table.rowProblems[0]).toEqual({ row: 2, message: '1 field where the header has 2: the file mixes delimiters, or a quote is not closed.' });
  });

  it('refuses at each limit it is given, naming the row', async () => {
    const limits = { ...IMPORT_LIMITS, rows: 10, cells: 50, columns: 6, fieldChars: 8, bytes: 1_000 };
    const read = (text: string) => refusal(readImportTable('small.csv', { bytes: Buffer.from(text) }, limits));
    expect(await read(`a\n${'1\n'.repeat(11)}`)).toBe('small.csv: the file has more than 10 rows (row 12 is past the limit); Tandem imports at most that many at once. Nothing was imported.');
    expect(await read(`a,b,c,d,e,f\n${'1,2,3,4,5,6\n'.repeat(9)}`)).toBe('small.csv: the file has more than 50 cells (passed at row 9); Tandem imports at most that many at once. Nothing was imported.');
    expect(await read('a,b\n1,2,3,4,5,6,7\n')).toBe('small.csv: row 2 has more than 6 columns; Tandem imports at most that many. Nothing was imported.');
    expect(await read('a,b\n1,123456789\n')).toBe('small.csv: row 2, column 2 holds more than 8 characters; Tandem reads at most that many in one cell. Nothing was imported.');
    expect(await read(`a\n${'1\n'.repeat(600)}`)).toBe('small.csv: the file is 1,202 bytes; Tandem imports files up to 1,000 bytes. Nothing was imported.');
  });
});
