import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import type { ImportSource } from './import-source';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { unpackRows, type PackedRows } from './packed-rows';
import { sourceHead } from './import-source';
import { ZIP_SIGNATURE, type TableMeta, type TableSink } from './table-sink';

/** An imported file as a table: its header, its data rows (an empty field is ''), and what was noticed on the way. */
export interface ImportTable extends TableMeta {
  headers: string[];
  rows: string[][];
  /** each data row's number in the file, where it is not simply counted (an XLSX leaves blank rows out) */
  rowNumbers?: number[];
  /** fields held, the header's included: what the table weighs */
  cells: number;
}

/** Whether the file is read as CSV by its name alone (a name without a known extension is decided by its first bytes). */
export function isCsvByName(name: string): boolean {
  return /\.(csv|txt|tsv)$/i.test(name);
}

/**
 * Reads a CSV or an XLSX, by its name's extension (or its first bytes when the name has none),
 * into `sink` as it goes; answers what the reader noticed. Every limit is checked while reading.
 */
export async function readTableInto(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits = IMPORT_LIMITS): Promise<TableMeta> {
  if (name.toLowerCase().endsWith('.xlsx')) return readXlsx(name, source, sink, limits);
  if (isCsvByName(name)) return readCsv(name, source, sink, limits);
  const zip = (await sourceHead(source, 4)).equals(ZIP_SIGNATURE);
  return zip ? readXlsx(name, source, sink, limits) : readCsv(name, source, sink, limits);
}

/** Distinct texts the collector shares at most: a bounded map, however many texts the file has. */
const SHARED_TEXTS = 100_000;

/** A sink that keeps the rows: the table the import maps and checks. `onRows` hears how far the reading is. */
export class TableCollector implements TableSink {
  private headers: string[] = [];
  private dataRows: string[][] = [];
  private rowNumbers: number[] | null = null;
  private cells = 0;
  private texts = new Map<string, string>();

  constructor(private readonly onRows: (fraction: number) => Promise<void> | void = () => undefined) {}

  /**
   * One string for each text that repeats (a department, an account, a month, a line's name in a
   * long layout): the table holds a row's array and its few texts of its own, not a copy of each.
   */
  private shared(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < SHARED_TEXTS) this.texts.set(text, text);
    return text;
  }

  header(headers: string[]): void {
    this.headers = headers;
    this.cells += headers.length;
  }

  rows(batch: string[][], rowNumbers: number[] | null, fraction: number): Promise<void> | void {
    for (const row of batch) {
      for (let index = 0; index < row.length; index += 1) row[index] = this.shared(row[index] ?? '');
      this.dataRows.push(row);
      this.cells += row.length;
    }
    if (rowNumbers !== null) for (const number of rowNumbers) (this.rowNumbers ??= []).push(number);
    return this.onRows(fraction);
  }

  /** A batch as the reader thread packs it: its distinct texts shared once, not every field. */
  packedRows(packed: PackedRows, rowNumbers: number[] | null, fraction: number): Promise<void> | void {
    const rows = unpackRows(packed, (text) => this.shared(text));
    for (const row of rows) {
      this.dataRows.push(row);
      this.cells += row.length;
    }
    if (rowNumbers !== null) for (const number of rowNumbers) (this.rowNumbers ??= []).push(number);
    return this.onRows(fraction);
  }

  restart(): void {
    this.texts = new Map();
    this.headers = [];
    this.dataRows = [];
    this.rowNumbers = null;
    this.cells = 0;
  }

  table(meta: TableMeta): ImportTable {
    this.texts = new Map();
    return { ...meta, headers: this.headers, rows: this.dataRows, cells: this.cells, ...(this.rowNumbers === null ? {} : { rowNumbers: this.rowNumbers }) };
  }
}

/** Reads a whole file into a table in this thread (tests, and the back when no worker script is at hand). */
export async function readImportTable(name: string, source: ImportSource, limits: ImportLimits = IMPORT_LIMITS, onRows?: (fraction: number) => Promise<void> | void): Promise<ImportTable> {
  const collector = new TableCollector(onRows);
  const meta = await readTableInto(name, source, collector, limits);
  return collector.table(meta);
}
