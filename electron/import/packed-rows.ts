/**
 * Rows as the import holds them: each distinct text once, and the rows as indexes into the texts
 * in typed arrays. A long CSV repeats a line's department, account and name in each of its 36
 * records and a budget's amounts repeat too (the 10,000 x 36 workbook's 360,000 records hold
 * about 60,000 distinct texts): posting every field would have the back's thread copy 2 million
 * strings, and holding them as an array per row would keep 360,000 arrays for the garbage
 * collector to trace and move. Packed, a text crosses from the reader thread once, the typed
 * arrays move, and what the back holds is the distinct texts and a few typed arrays.
 */
export interface PackedRows {
  /** the texts first seen in this batch: they take the indexes after those of the batches before */
  texts: string[];
  /** every row's fields, row after row, as indexes into the table's texts */
  cells: Uint32Array<ArrayBuffer>;
  /** each row's field count */
  widths: Uint32Array<ArrayBuffer>;
}

/** Distinct texts a packer remembers: a bounded map, however many texts the file has (a text past it is sent again when it comes again). */
const REMEMBERED_TEXTS = 100_000;

/** Packs the batches of one reading, one after another: a text is numbered the first time it comes. */
export class RowPacker {
  private readonly index = new Map<string, number>();
  private known = 0;
  private previous: readonly string[] = [];
  private previousCells: Uint32Array = new Uint32Array(0);
  private previousStart = 0;

  /** `text` makes each new text into what the table keeps (the fields are compared as they come). */
  pack(rows: readonly (readonly string[])[], textOf: (field: string) => string = (field) => field): PackedRows {
    const texts: string[] = [];
    let count = 0;
    for (const row of rows) count += row.length;
    const cells = new Uint32Array(count);
    const widths = new Uint32Array(rows.length);
    let cell = 0;
    let previous = this.previous;
    let previousCells = this.previousCells;
    let previousStart = this.previousStart;
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
      const row = rows[rowIndex] ?? [];
      widths[rowIndex] = row.length;
      const start = cell;
      for (let field = 0; field < row.length; field += 1) {
        const text = row[field] ?? '';
        // A long file's record repeats the last one's names: compared in place, not looked up.
        let at = previous[field] === text ? previousCells[previousStart + field] : this.index.get(text);
        if (at === undefined) {
          at = this.known;
          this.known += 1;
          texts.push(textOf(text));
          if (this.index.size < REMEMBERED_TEXTS) this.index.set(text, at);
        }
        cells[cell] = at;
        cell += 1;
      }
      previous = row;
      previousCells = cells;
      previousStart = start;
    }
    // The batch's arrays move to another thread: the last row's indexes are kept apart.
    this.previous = previous;
    this.previousCells = previousCells.slice(previousStart, previousStart + previous.length);
    this.previousStart = 0;
    return { texts, cells, widths };
  }
}

/** One batch as the table keeps it: where each of its rows' fields start in `cells`, and where the last one ends. */
interface Batch {
  firstRow: number;
  cells: Uint32Array;
  starts: Uint32Array;
}

/**
 * A table's data rows, packed: the batches of one reading, kept as they came (put together into
 * one array, they would be copied once more). Reads like a read-only array of rows (`length`,
 * `at`), each row made when asked for.
 */
export class PackedTable {
  private readonly texts: string[] = [];
  private readonly batches: Batch[] = [];
  private rows = 0;
  /** the batch the last row asked for was in: rows are mostly read in order */
  private last = 0;

  /** Takes the next batch (from the same RowPacker as the batches before). */
  add(packed: PackedRows): void {
    for (const text of packed.texts) this.texts.push(text);
    const { widths } = packed;
    if (widths.length === 0) return;
    const starts = new Uint32Array(widths.length + 1);
    for (let row = 0; row < widths.length; row += 1) starts[row + 1] = (starts[row] ?? 0) + (widths[row] ?? 0);
    this.batches.push({ firstRow: this.rows, cells: packed.cells, starts });
    this.rows += widths.length;
  }

  get length(): number {
    return this.rows;
  }

  private batchOf(row: number): Batch | undefined {
    const last = this.batches[this.last];
    if (last !== undefined && row >= last.firstRow && row < last.firstRow + last.starts.length - 1) return last;
    let low = 0;
    let high = this.batches.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.batches[middle]?.firstRow ?? 0) <= row) low = middle;
      else high = middle - 1;
    }
    this.last = low;
    return this.batches[low];
  }

  /** The row at `index` (from the end when negative, as an array's `at`), or undefined past the ends. */
  at(index: number): string[] | undefined {
    const row = index < 0 ? this.rows + index : index;
    if (row < 0 || row >= this.rows) return undefined;
    const batch = this.batchOf(row);
    if (batch === undefined) return undefined;
    const start = batch.starts[row - batch.firstRow] ?? 0;
    const end = batch.starts[row - batch.firstRow + 1] ?? start;
    const fields = new Array<string>(end - start);
    for (let cell = start; cell < end; cell += 1) fields[cell - start] = this.texts[batch.cells[cell] ?? 0] ?? '';
    return fields;
  }

  /** The rows from `start` up to `end` (not included), as arrays. */
  slice(start = 0, end = this.rows): string[][] {
    const rows: string[][] = [];
    for (let row = Math.max(0, start); row < Math.min(end, this.rows); row += 1) rows.push(this.at(row) ?? []);
    return rows;
  }

  toArray(): string[][] {
    return this.slice();
  }
}
