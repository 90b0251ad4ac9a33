/**
 * A batch of rows as the reader thread posts it to the back: each distinct text once, and the
 * rows as indexes into them. A long CSV repeats a line's department, account and name in each of
 * its 36 records: posting every field would have the back's thread copy 2 million strings for
 * 360,000 records; packed, it copies a few thousand per batch and two typed arrays, which move.
 */
export interface PackedRows {
  texts: string[];
  /** every row's fields, row after row, as indexes into `texts` */
  cells: Uint32Array<ArrayBuffer>;
  /** each row's field count */
  widths: Uint32Array<ArrayBuffer>;
}

export function packRows(rows: readonly (readonly string[])[]): PackedRows {
  const index = new Map<string, number>();
  const texts: string[] = [];
  let count = 0;
  for (const row of rows) count += row.length;
  const cells = new Uint32Array(count);
  const widths = new Uint32Array(rows.length);
  let cell = 0;
  let previous: readonly string[] = [];
  let previousStart = 0;
  rows.forEach((row, rowIndex) => {
    widths[rowIndex] = row.length;
    const start = cell;
    for (let field = 0; field < row.length; field += 1) {
      const text = row[field] ?? '';
      // A long file's record repeats the last one's names: compared in place, not looked up.
      let at = previous[field] === text ? cells[previousStart + field] : index.get(text);
      if (at === undefined) {
        at = texts.length;
        texts.push(text);
        index.set(text, at);
      }
      cells[cell] = at;
      cell += 1;
    }
    previous = row;
    previousStart = start;
  });
  return { texts, cells, widths };
}

/** The rows again, each field one of `texts` (after `share` maps them: the back keeps one string per distinct text). */
export function unpackRows(packed: PackedRows, share: (text: string) => string = (text) => text): string[][] {
  const texts = packed.texts.map(share);
  const rows: string[][] = new Array<string[]>(packed.widths.length);
  let cell = 0;
  for (let rowIndex = 0; rowIndex < packed.widths.length; rowIndex += 1) {
    const width = packed.widths[rowIndex] ?? 0;
    const row = new Array<string>(width);
    for (let field = 0; field < width; field += 1) row[field] = texts[packed.cells[cell + field] ?? 0] ?? '';
    cell += width;
    rows[rowIndex] = row;
  }
  return rows;
}
