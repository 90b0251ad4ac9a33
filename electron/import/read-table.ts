import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import type { ImportSource } from './import-source';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { PackedTable, RowPacker, type PackedRows } from './packed-rows';
import { sourceHead } from './import-source';
import { ZIP_SIGNATURE, type TableMeta, type TableSink } from './table-sink';

/** An imported file as a table: its header, its data rows (an empty field is ''), and what was noticed on the way. */
export interface ImportTable extends TableMeta {
  headers: string[];
  /** read like an array of rows: `length`, `at` */
  rows: PackedTable;
  /** each data row's number in the file, where it is not simply counted (an XLSX leaves blank rows out) */
  rowNumbers?: number[];
  /** fields held, the header's included: what the table weighs */
  cells: number;
}

/**
 * Reads a CSV or an XLSX, by its name's extension (or its first bytes when the name has none),
 * into `sink` as it goes; answers what the reader noticed. Every limit is checked while reading.
 */
export async function readTableInto(name: string, source: ImportSource, sink: TableSink, limits: ImportLimits = IMPORT_LIMITS): Promise<TableMeta> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(name, source, sink, limits);
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return readCsv(name, source, sink, limits);
  const zip = (await sourceHead(source, 4)).equals(ZIP_SIGNATURE);
  return zip ? readXlsx(name, source, sink, limits) : readCsv(name, source, sink, limits);
}

/** A sink that keeps the rows, packed: the table the import maps and checks. `onRows` hears how far the reading is. */
export class TableCollector implements TableSink {
  private headers: string[] = [];
  private dataRows = new PackedTable();
  /** packs the rows read in this thread (a reader thread packs its own) */
  private packer = new RowPacker();
  private rowNumbers: number[] | null = null;
  private cells = 0;

  constructor(private readonly onRows: (fraction: number) => Promise<void> | void = () => undefined) {}

  header(headers: string[]): void {
    this.headers = headers;
    this.cells += headers.length;
  }

  rows(batch: string[][], rowNumbers: number[] | null, fraction: number, text?: (field: string) => string): Promise<void> | void {
    return this.packedRows(this.packer.pack(batch, text), rowNumbers, fraction);
  }

  /** A batch as the reader thread packs it: its new texts once, the rows as indexes. */
  packedRows(packed: PackedRows, rowNumbers: number[] | null, fraction: number): Promise<void> | void {
    this.dataRows.add(packed);
    this.cells += packed.cells.length;
    if (rowNumbers !== null) for (const number of rowNumbers) (this.rowNumbers ??= []).push(number);
    return this.onRows(fraction);
  }

  restart(): void {
    this.headers = [];
    this.dataRows = new PackedTable();
    this.packer = new RowPacker();
    this.rowNumbers = null;
    this.cells = 0;
  }

  table(meta: TableMeta): ImportTable {
    return { ...meta, headers: this.headers, rows: this.dataRows, cells: this.cells, ...(this.rowNumbers === null ? {} : { rowNumbers: this.rowNumbers }) };
  }
}

/** Reads a whole file into a table in this thread (tests, and the back when no worker script is at hand). */
export async function readImportTable(name: string, source: ImportSource, limits: ImportLimits = IMPORT_LIMITS, onRows?: (fraction: number) => Promise<void> | void): Promise<ImportTable> {
  const collector = new TableCollector(onRows);
  const meta = await readTableInto(name, source, collector, limits);
  return collector.table(meta);
}
