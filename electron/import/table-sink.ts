/** The first bytes of a zip file, and so of an XLSX. */
export const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A problem with one row as a whole, by its row number as a spreadsheet shows it. */
export interface RowProblem {
  row: number;
  message: string;
}

/** What a reader says about the file besides its rows. */
export interface TableMeta {
  format: 'csv' | 'xlsx';
  /** the file's row number of the first data row (the header is row 1) */
  firstRowNumber: number;
  /** how the file was read: encoding, delimiter, the sheet taken */
  notes: string[];
  /** the first rows that cannot be read as the header's columns (mixed delimiters, an unclosed quote) */
  rowProblems: RowProblem[];
  /** all such rows, counted */
  rowProblemCount: number;
}

/**
 * Where a reader puts what it reads, as it reads it: the header, then the data rows in batches.
 * A reader in a worker thread posts them to the back; a reader in the back's thread collects them.
 */
export interface TableSink {
  header(headers: string[]): void;
  /**
   * Data rows in the file's order; `rowNumbers` when the file's row numbers are not simply
   * counted (an XLSX leaves blank rows out); `fraction` says how far the reading is (0 to 1).
   * The reader waits for the promise: a cancel can stop it here.
   */
  rows(batch: string[][], rowNumbers: number[] | null, fraction: number): Promise<void> | void;
  /** The reading starts over (in another encoding): forget what came so far. */
  restart(): void;
}
