/** A row of the program, A x <= limit, with its nonzero amounts. */
export interface SparseRow {
  columns: readonly number[];
  amounts: readonly number[];
  limit: number;
}

/** What a relaxation tableau is built from and goes back to: the program in the forms its loops read, and its slack basis. */
export interface TableauData {
  objective: readonly number[];
  rows: readonly SparseRow[];
  /** the nonzero amounts column by column, unscaled: column j's are at columnStart[j] .. columnStart[j + 1] - 1 */
  columnStart: Int32Array;
  entryRow: Int32Array;
  entryAmount: Float64Array;
  /** the nonzero positions of each row of the slack basis's tableau (its amounts, its slack, its limit): row i's at rowStart[i] .. rowStart[i + 1] - 1 */
  rowStart: Int32Array;
  rowIndex: Int32Array;
  /** the rows' limits, unscaled */
  limits: Float64Array;
  rowScale: Float64Array;
  objectiveScale: number;
  /** the tableau and reduced costs of the slack basis, to factor a basis again from */
  initialTableau: Float64Array;
  initialReduced: Float64Array;
}

/** The program's data: rows scaled by their largest amount, the objective by its largest value, slacks added. */
export function tableauData(objective: readonly number[], rows: readonly SparseRow[]): TableauData {
  const n = objective.length;
  const m = rows.length;
  const width = n + m + 1;
  const columnEntries: [number, number][][] = objective.map(() => []);
  const rowScale = new Float64Array(m);
  const tableau = new Float64Array(m * width);
  rows.forEach((row, index) => {
    const largest = row.amounts.reduce((most, amount) => Math.max(most, Math.abs(amount)), 0);
    const scale = largest > 0 ? 1 / largest : 1;
    rowScale[index] = scale;
    row.columns.forEach((column, entry) => {
      const amount = row.amounts[entry] ?? 0;
      columnEntries[column]?.push([index, amount]);
      tableau[index * width + column] = amount * scale;
    });
    tableau[index * width + n + index] = 1;
    tableau[index * width + width - 1] = row.limit * scale;
  });
  const objectiveScale = objective.reduce((most, value) => Math.max(most, Math.abs(value)), 0) || 1;
  const reduced = new Float64Array(n + m);
  objective.forEach((value, column) => (reduced[column] = -value / objectiveScale));
  return { objective, rows, ...compressedColumns(columnEntries), ...rowPattern(tableau, m, width), limits: Float64Array.from(rows, (row) => row.limit), rowScale, objectiveScale, initialTableau: tableau, initialReduced: reduced };
}

/** Per-column lists of (row, amount) packed into flat arrays, for the bounds' tight loops. */
function compressedColumns(columnEntries: readonly (readonly [number, number])[][]): { columnStart: Int32Array; entryRow: Int32Array; entryAmount: Float64Array } {
  const columnStart = new Int32Array(columnEntries.length + 1);
  columnEntries.forEach((entries, column) => (columnStart[column + 1] = (columnStart[column] ?? 0) + entries.length));
  const total = columnStart[columnEntries.length] ?? 0;
  const entryRow = new Int32Array(total);
  const entryAmount = new Float64Array(total);
  columnEntries.forEach((entries, column) =>
    entries.forEach(([row, amount], index) => {
      entryRow[(columnStart[column] ?? 0) + index] = row;
      entryAmount[(columnStart[column] ?? 0) + index] = amount;
    }),
  );
  return { columnStart, entryRow, entryAmount };
}

/** Where each row of a dense tableau is not zero. */
function rowPattern(tableau: Float64Array, rowCount: number, width: number): { rowStart: Int32Array; rowIndex: Int32Array } {
  const rowStart = new Int32Array(rowCount + 1);
  const positions: number[] = [];
  for (let row = 0; row < rowCount; row += 1) {
    for (let index = 0; index < width; index += 1) if ((tableau[row * width + index] ?? 0) !== 0) positions.push(index);
    rowStart[row + 1] = positions.length;
  }
  return { rowStart, rowIndex: Int32Array.from(positions) };
}
