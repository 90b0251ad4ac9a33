import { ApiError } from '../../shared/api/errors';

/**
 * How much of a file an import takes. Each is checked while the file is read, so a file over one
 * is refused as soon as it passes it, and what the back holds stays bounded whatever the file:
 * the biggest budget (10,000 lines x 36 months) is 360,000 records of 6 fields as long CSV
 * (about 30 MB), or 10,000 rows of about 40 fields as wide CSV or XLSX.
 */
export interface ImportLimits {
  /** the file's size */
  bytes: number;
  /** data rows (the header not counted) */
  rows: number;
  /** fields in one row */
  columns: number;
  /** fields in the whole file, the header's included */
  cells: number;
  /** characters in one field */
  fieldChars: number;
  /** characters in one row: what a parser holds before it can count the row's fields */
  rowChars: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  // 200 MB before streaming; held as strings, 100 MB of text is already about 250 MB of memory.
  bytes: 100 * 1024 * 1024,
  rows: 500_000,
  columns: 1_000,
  // Room for the long CSV of the biggest budget with 8 columns (360,000 x 8); held as strings,
  // 3,000,000 unique numbers are about 300 MB of the back's memory at their peak.
  cells: 3_000_000,
  // A long note fits; a megabyte in one cell is not a budget.
  fieldChars: 10_000,
  // Twenty notes at the field limit; a row of a budget is a few hundred.
  rowChars: 200_000,
};

/** Say the limits in the units people read them in. */
export const count = (value: number): string => value.toLocaleString('en-US');
export const megabytes = (bytes: number): string => {
  if (bytes < 1024 * 1024) return `${count(bytes)} bytes`;
  const tenths = Math.ceil((bytes / 1024 / 1024) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)} MB`;
};

/** A refusal of the file as a whole: nothing is imported. */
export function refuse(name: string, message: string): never {
  throw new ApiError('invalid-input', `${name}: ${message} Nothing was imported.`, name);
}

/** Refusals for passing a limit, each naming the limit and where in the file it was passed. */
export const overLimit = {
  bytes: (name: string, limits: ImportLimits, size?: number): never =>
    refuse(name, `the file is ${size === undefined ? `larger than ${megabytes(limits.bytes)}` : megabytes(size)}; Tandem imports files up to ${megabytes(limits.bytes)}.`),
  rows: (name: string, limits: ImportLimits, what: 'file' | 'sheet', row: number): never =>
    refuse(name, `the ${what} has more than ${count(limits.rows)} rows (row ${count(row)} is past the limit); Tandem imports at most that many at once.`),
  columns: (name: string, limits: ImportLimits, row: number): never =>
    refuse(name, `row ${count(row)} has more than ${count(limits.columns)} columns; Tandem imports at most that many.`),
  cells: (name: string, limits: ImportLimits, row: number): never =>
    refuse(name, `the file has more than ${count(limits.cells)} cells (passed at row ${count(row)}); Tandem imports at most that many at once.`),
  field: (name: string, limits: ImportLimits, row: number, column: number): never =>
    refuse(name, `row ${count(row)}, column ${count(column)} holds more than ${count(limits.fieldChars)} characters; Tandem reads at most that many in one cell.`),
  rowLength: (name: string, limits: ImportLimits, row: number): never =>
    refuse(name, `row ${count(row)} is longer than ${count(limits.rowChars)} characters (a quote that is never closed?); Tandem reads at most that many in one row.`),
};

/**
 * Counts what a reader has taken and refuses at the first limit passed. Rows are numbered as a
 * spreadsheet shows them (the header is row 1, or the XLSX's own row number).
 */
export class LimitCounter {
  rows = 0;
  cells = 0;

  constructor(
    private readonly name: string,
    readonly limits: ImportLimits,
    private readonly what: 'file' | 'sheet',
  ) {}

  /** A row's width, before its fields are made into text. */
  columns(row: number, width: number): void {
    if (width > this.limits.columns) overLimit.columns(this.name, this.limits, row);
  }

  /** A whole row read (the header included), its fields' lengths checked: `dataRow` is false for the header. */
  row(row: number, fields: readonly string[], dataRow: boolean): void {
    if (fields.length > this.limits.columns) overLimit.columns(this.name, this.limits, row);
    for (let index = 0; index < fields.length; index += 1) {
      if ((fields[index]?.length ?? 0) > this.limits.fieldChars) overLimit.field(this.name, this.limits, row, index + 1);
    }
    this.cells += fields.length;
    if (this.cells > this.limits.cells) overLimit.cells(this.name, this.limits, row);
    if (!dataRow) return;
    this.rows += 1;
    if (this.rows > this.limits.rows) overLimit.rows(this.name, this.limits, this.what, row);
  }
}
