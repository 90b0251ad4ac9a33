import type ExcelJS from 'exceljs';
import { Transform } from 'node:stream';
import { ApiError } from '../../shared/api/errors';
import { excelCellText } from '../export/excel-cell-text';
import { IMPORT_LIMITS, LimitCounter, overLimit, refuse, type ImportLimits } from './import-limits';
import { sourceHead, sourceSize, sourceStream, type ImportSource } from './import-source';
import { ZIP_SIGNATURE, type TableMeta, type TableSink } from './table-sink';

/** Rows go to the sink in batches of about this many fields. */
const BATCH_CELLS = 20_000;

/** A row's cells as text; its width checked before any text is made of it, its texts after. */
function rowTexts(row: ExcelJS.Row, counter: LimitCounter, dataRow: boolean): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const width = Math.max(0, values.length - 1);
  counter.columns(row.number, width);
  const texts: string[] = new Array<string>(width);
  for (let index = 0; index < width; index += 1) texts[index] = excelCellText(values[index + 1]);
  counter.row(row.number, texts, dataRow);
  return texts;
}

/**
 * Reads the first worksheet of an XLSX with ExcelJS's streaming reader (styles kept, so dates
 * come as dates), from a file stream, row by row: every row is counted against the limits as
 * it is read, so a sheet over one is refused when it passes it. Rows go to `sink` in batches.
 */
export async function readXlsx(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits = IMPORT_LIMITS): Promise<TableMeta> {
  const size = sourceSize(source);
  if (size === 0) refuse(name, 'the file is empty.');
  if (size > limits.bytes) overLimit.bytes(name, limits, size);
  if (!(await sourceHead(source, 4)).equals(ZIP_SIGNATURE)) refuse(name, 'this is not an XLSX workbook (an XLSX is a zip file; this one is not).');
  const counter = new LimitCounter(name, limits, 'sheet');
  let headerRow: number | null = null;
  let sheetName = '';
  let batch: string[][] = [];
  let numbers: number[] = [];
  let cells = 0;
  let read = 0;
  const file = sourceStream(source);
  const stream = file.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        done(null, chunk);
      },
    }),
  );
  try {
    // Loaded when an XLSX comes: a CSV's reading does not wait for it.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    for await (const worksheet of reader) {
      sheetName = (worksheet as unknown as { name?: string }).name ?? 'the first sheet';
      for await (const row of worksheet) {
        if (headerRow === null) {
          const headers = rowTexts(row, counter, false);
          sink.header(headers.map((header) => header.trim()));
          headerRow = row.number;
          continue;
        }
        const texts = rowTexts(row, counter, true);
        batch.push(texts);
        numbers.push(row.number);
        cells += texts.length;
        if (cells >= BATCH_CELLS) {
          await sink.rows(batch, numbers, Math.min(1, read / size));
          batch = [];
          numbers = [];
          cells = 0;
        }
      }
      break;
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    refuse(name, `the workbook could not be read (${error instanceof Error ? error.message : String(error)}): it is damaged, cut short, or not an XLSX.`);
  } finally {
    stream.destroy();
    file.destroy();
  }
  if (sheetName === '') refuse(name, 'the workbook could not be read (it holds no worksheet): it is damaged, cut short, or not an XLSX.');
  if (headerRow === null) refuse(name, 'the workbook has no rows.');
  if (batch.length > 0) await sink.rows(batch, numbers, 1);
  return {
    format: 'xlsx',
    firstRowNumber: headerRow + 1,
    notes: [`Read the first sheet, “${sheetName}”. Its number cells are read as numbers, whatever the decimal separator.`],
    rowProblems: [],
    rowProblemCount: 0,
  };
}
