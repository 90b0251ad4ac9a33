import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ApiError } from '../../shared/api/errors';
import { parseCsv } from '../../shared/export/csv';
import { excelCellText } from '../export/excel-cell-text';

/** An imported file as a table: its header, its data rows, and what was noticed on the way. */
export interface ImportTable {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: string[][];
  /** the file's row number of the first data row (the header is row 1) */
  firstRowNumber: number;
  /** how the file was read: encoding, delimiter, the sheet taken */
  notes: string[];
  /** rows that cannot be read as the header's columns (mixed delimiters, an unclosed quote) */
  rowProblems: { row: number; message: string }[];
  /** each data row's number in the file, where it is not simply counted (an XLSX leaves blank rows out) */
  rowNumbers?: number[];
}

/** More rows than this are refused before they fill memory: a budget of 10,000 lines x 36 months is 360,000 records. */
export const MAX_IMPORT_ROWS = 500_000;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function refuse(name: string, message: string): never {
  throw new ApiError('invalid-input', `${name}: ${message} Nothing was imported.`, name);
}

/** Text of a CSV in whatever encoding it came: a BOM says UTF-8 or UTF-16; otherwise UTF-8, or Windows-1252 (Latin-1) when it is not valid UTF-8. */
function decode(bytes: Buffer, notes: string[]): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    notes.push('Read as UTF-16 (little-endian).');
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    notes.push('Read as UTF-16 (big-endian).');
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  // UTF-16 without a mark: every other byte of plain text is zero.
  const sample = bytes.subarray(0, 200);
  const zeros = sample.filter((byte) => byte === 0).length;
  if (sample.length > 8 && zeros > sample.length / 3) {
    const littleEndian = sample[1] === 0;
    notes.push(`Read as UTF-16 (${littleEndian ? 'little' : 'big'}-endian, no byte-order mark).`);
    return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notes.push('Not valid UTF-8: read as Windows-1252 (Latin-1), as older accounting exports write.');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The delimiter the header uses most: comma, semicolon or tab. */
function delimiterOf(firstLine: string): ',' | ';' | '\t' {
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ',');
}

export function readCsv(name: string, bytes: Buffer): ImportTable {
  if (bytes.length === 0) refuse(name, 'the file is empty.');
  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) refuse(name, 'this is a zip file (an XLSX workbook?), not a CSV text file.');
  const notes: string[] = [];
  const text = decode(bytes, notes);
  if (text.trim() === '') refuse(name, 'the file holds no rows.');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = delimiterOf(firstLine);
  notes.push(`Fields separated by ${delimiter === '\t' ? 'tabs' : delimiter === ';' ? 'semicolons' : 'commas'}.`);
  const records = parseCsv(text, delimiter);
  if (records.length - 1 > MAX_IMPORT_ROWS) refuse(name, `the file has ${(records.length - 1).toLocaleString('en-US')} rows; Tandem imports at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at once.`);
  const headers = (records[0] ?? []).map((header) => header.trim());
  const rows = records.slice(1);
  const rowProblems: ImportTable['rowProblems'] = [];
  rows.forEach((row, index) => {
    if (row.length !== headers.length && !(row.length === 1 && row[0]?.trim() === '')) {
      rowProblems.push({ row: index + 2, message: `${row.length} field${row.length === 1 ? '' : 's'} where the header has ${headers.length}: the file mixes delimiters, or a quote is not closed.` });
    }
  });
  return { format: 'csv', headers, rows, firstRowNumber: 2, notes, rowProblems };
}


/**
 * Reads the first worksheet of an XLSX with ExcelJS's streaming reader (styles kept, so dates
 * come as dates), row by row, so a sheet of
 * a million rows is refused at the limit instead of filling memory.
 */
export async function readXlsx(name: string, bytes: Buffer): Promise<ImportTable> {
  if (bytes.length === 0) refuse(name, 'the file is empty.');
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) refuse(name, 'this is not an XLSX workbook (an XLSX is a zip file; this one is not).');
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let headers: string[] | null = null;
  let headerRow = 1;
  let sheetName = '';
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    for await (const worksheet of reader) {
      sheetName = (worksheet as unknown as { name?: string }).name ?? 'the first sheet';
      for await (const row of worksheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(excelCellText);
        if (headers === null) {
          headers = values.map((header) => header.trim());
          headerRow = row.number;
          continue;
        }
        if (rows.length >= MAX_IMPORT_ROWS) refuse(name, `the sheet has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; Tandem imports at most that many at once.`);
        rows.push(values);
        rowNumbers.push(row.number);
      }
      break;
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    refuse(name, `the workbook could not be read (${error instanceof Error ? error.message : String(error)}): it is damaged, cut short, or not an XLSX.`);
  }
  if (sheetName === '') refuse(name, 'the workbook could not be read (it holds no worksheet): it is damaged, cut short, or not an XLSX.');
  if (headers === null) refuse(name, 'the workbook has no rows.');
  return { format: 'xlsx', headers, rows, firstRowNumber: headerRow + 1, notes: [`Read the first sheet, “${sheetName}”. Its number cells are read as numbers, whatever the decimal separator.`], rowProblems: [], rowNumbers };
}

/** A CSV or an XLSX, by its name's extension (or its first bytes when the name has none). */
export async function readImportTable(name: string, bytes: Buffer): Promise<ImportTable> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(name, bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return readCsv(name, bytes);
  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return readXlsx(name, bytes);
  return readCsv(name, bytes);
}
