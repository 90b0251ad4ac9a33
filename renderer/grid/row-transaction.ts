/** A block of new rows and where the first of them goes, counted in the rows after the change. */
export interface AddedRows<Row> {
  index: number;
  rows: Row[];
}

/** What changed between two lists of rows: rows gone, rows replaced in place, and blocks of new rows. */
export interface RowChanges<Row> {
  remove: Row[];
  update: Row[];
  /** in increasing index: added one after another, each block's index is right once the blocks before it are in */
  add: AddedRows<Row>[];
}

/**
 * How the grid's rows go from `before` to `after` by row id (issue 14): a new line, a removed one
 * or a rename touches a few rows of 10,000, and the grid is told only those. Null when the rows
 * that stay do not keep their order (a line moved up, the sheet grouped again): then the grid
 * takes the new rows whole.
 */
export function rowChanges<Row extends { id: string }>(before: readonly Row[], after: readonly Row[]): RowChanges<Row> | null {
  // The rows before and after the change keep their ids (group rows may take new subtotals):
  // only the window between the common start and the common end is compared by id.
  const update: Row[] = [];
  let start = 0;
  while (start < before.length && start < after.length && before[start]?.id === after[start]?.id) {
    if (before[start] !== after[start]) update.push(after[start] as Row);
    start += 1;
  }
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1]?.id === after[endAfter - 1]?.id) {
    endBefore -= 1;
    endAfter -= 1;
    if (before[endBefore] !== after[endAfter]) update.push(after[endAfter] as Row);
  }
  const window = changesBetween(before.slice(start, endBefore), after.slice(start, endAfter));
  if (window === null) return null;
  return { remove: window.remove, update: [...update, ...window.update], add: window.add.map((block) => ({ index: block.index + start, rows: block.rows })) };
}

/** The changes between two lists of rows by id, looked up in maps. */
function changesBetween<Row extends { id: string }>(before: readonly Row[], after: readonly Row[]): RowChanges<Row> | null {
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const afterIds = new Set(after.map((row) => row.id));
  const remove = before.filter((row) => !afterIds.has(row.id));
  const update: Row[] = [];
  const add: AddedRows<Row>[] = [];
  // The rows that stay, in the order `before` has them: `after` must meet them in the same order.
  const staying = before.filter((row) => afterIds.has(row.id));
  let next = 0;
  for (let index = 0; index < after.length; index += 1) {
    const row = after[index] as Row;
    const old = beforeById.get(row.id);
    if (old === undefined) {
      const block = add[add.length - 1];
      if (block !== undefined && block.index + block.rows.length === index) block.rows.push(row);
      else add.push({ index, rows: [row] });
      continue;
    }
    if (staying[next]?.id !== row.id) return null;
    next += 1;
    if (old !== row) update.push(row);
  }
  return { remove, update, add };
}
