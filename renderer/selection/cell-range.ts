import { toTabularText } from '../../shared/clipboard/tabular-text';

/**
 * A cell of a spreadsheet-like grid: the row's display position and the column's position
 * among the grid's range columns (for the budget sheet, the month).
 */
export interface CellPosition {
  row: number;
  column: number;
}

/** A rectangular selection: where it started (the anchor) and where it ends (the focus). */
export interface CellRange {
  anchor: CellPosition;
  focus: CellPosition;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * What the shared grid behaviour (selection, clipboard, clear, fills, Ctrl+arrows) needs to
 * know of a grid's cells. Each grid describes its own rows and columns through this.
 */
export interface CellGrid {
  rows: number;
  columns: number;
  /** whether the row holds cells (the budget's group rows do not: ranges pass them by) */
  isDataRow(row: number): boolean;
  /** the cell as entered, null when empty */
  value(row: number, column: number): string | null;
  /** whether an edit may write the cell: computed cells (formula lines, metrics) may not */
  isWritable(row: number, column: number): boolean;
  /** the cell as a spreadsheet should receive it on the clipboard */
  copyText(row: number, column: number): string;
}

/** One cell's new value, as an entry (null empties it). */
export interface CellWrite {
  row: number;
  column: number;
  value: string | null;
}

export function singleCell(position: CellPosition): CellRange {
  return { anchor: position, focus: position };
}

export function boundsOf(range: CellRange): Bounds {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.column, range.focus.column),
    right: Math.max(range.anchor.column, range.focus.column),
  };
}

export function rangeContains(range: CellRange, row: number, column: number): boolean {
  const bounds = boundsOf(range);
  return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
}

export function cellCount(range: CellRange): number {
  const bounds = boundsOf(range);
  return (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
}

/** Every cell of every row the grid shows, or null for an empty grid. */
export function wholeGrid(grid: Pick<CellGrid, 'rows' | 'columns'>): CellRange | null {
  if (grid.rows === 0 || grid.columns === 0) return null;
  return { anchor: { row: 0, column: 0 }, focus: { row: grid.rows - 1, column: grid.columns - 1 } };
}

function dataRowsIn(grid: CellGrid, top: number, bottom: number): number[] {
  const rows: number[] = [];
  for (let row = top; row <= bottom; row += 1) if (grid.isDataRow(row)) rows.push(row);
  return rows;
}

/** The range's cells as a spreadsheet copies them; rows that hold no cells are left out. */
export function rangeCells(grid: CellGrid, range: CellRange): string[][] {
  const bounds = boundsOf(range);
  return dataRowsIn(grid, bounds.top, bounds.bottom).map((row) => {
    const cells: string[] = [];
    for (let column = bounds.left; column <= bounds.right; column += 1) cells.push(grid.copyText(row, column));
    return cells;
  });
}

/** The range as tab-separated text, the way spreadsheets paste it. */
export function rangeAsText(grid: CellGrid, range: CellRange): string {
  return toTabularText(rangeCells(grid, range));
}

/** The range as an HTML table, for pasting into Excel, Google Sheets, Word or mail. */
export function rangeAsHtml(grid: CellGrid, range: CellRange): string {
  return cellsAsHtml(rangeCells(grid, range));
}

export function cellsAsHtml(cells: readonly (readonly string[])[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<table>${cells.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** A write when it changes the cell and the cell takes entries. */
function writeIfChanged(grid: CellGrid, writes: CellWrite[], row: number, column: number, value: string | null): void {
  if (grid.isWritable(row, column) && grid.value(row, column) !== value) writes.push({ row, column, value });
}

/** Writes that empty every writable cell of the range that holds a value. */
export function clearWrites(grid: CellGrid, range: CellRange): CellWrite[] {
  const bounds = boundsOf(range);
  const writes: CellWrite[] = [];
  for (const row of dataRowsIn(grid, bounds.top, bounds.bottom)) {
    for (let column = bounds.left; column <= bounds.right; column += 1) writeIfChanged(grid, writes, row, column, null);
  }
  return writes;
}

/**
 * Excel's fill down (Ctrl+D) and fill right (Ctrl+R): the range's first row (or column)
 * copied over the rest of it. A single row takes the values of the nearest row above (a
 * single column those of the column to its left). Rows without cells are passed by.
 */
export function fillWrites(grid: CellGrid, range: CellRange, direction: 'down' | 'right'): CellWrite[] {
  const bounds = boundsOf(range);
  const rowsInRange = dataRowsIn(grid, bounds.top, bounds.bottom);
  const writes: CellWrite[] = [];
  if (direction === 'down') {
    let source = rowsInRange[0];
    let targets = rowsInRange.slice(1);
    if (rowsInRange.length === 1) {
      const above = dataRowsIn(grid, 0, bounds.top - 1).pop();
      if (above !== undefined) {
        source = above;
        targets = rowsInRange;
      }
    }
    if (source === undefined) return [];
    for (const row of targets) {
      for (let column = bounds.left; column <= bounds.right; column += 1) writeIfChanged(grid, writes, row, column, grid.value(source, column));
    }
    return writes;
  }
  const from = bounds.left === bounds.right ? bounds.left - 1 : bounds.left;
  if (from < 0) return [];
  for (const row of rowsInRange) {
    const value = grid.value(row, from);
    for (let column = from + 1; column <= bounds.right; column += 1) writeIfChanged(grid, writes, row, column, value);
  }
  return writes;
}

/**
 * Dragging the fill handle from `source` out to `target` (which contains it and grows down or
 * right): the source's cells repeat over the new cells, as Excel copies a block when it is
 * dragged. Rows without cells, and rows that take no entries there, are passed by.
 */
export function dragFillWrites(grid: CellGrid, source: CellRange, target: CellRange): CellWrite[] {
  const from = boundsOf(source);
  const to = boundsOf(target);
  const sourceRows = dataRowsIn(grid, from.top, from.bottom);
  if (sourceRows.length === 0) return [];
  const writes: CellWrite[] = [];
  const width = from.right - from.left + 1;
  if (to.bottom > from.bottom) {
    let offset = 0;
    for (const row of dataRowsIn(grid, from.bottom + 1, to.bottom)) {
      let writable = false;
      for (let column = from.left; column <= from.right; column += 1) writable ||= grid.isWritable(row, column);
      if (!writable) continue;
      const pattern = sourceRows[offset % sourceRows.length] ?? row;
      offset += 1;
      for (let column = from.left; column <= from.right; column += 1) writeIfChanged(grid, writes, row, column, grid.value(pattern, column));
    }
  } else if (to.right > from.right) {
    for (const row of sourceRows) {
      for (let column = from.right + 1; column <= to.right; column += 1) writeIfChanged(grid, writes, row, column, grid.value(row, from.left + ((column - from.left) % width)));
    }
  }
  return writes;
}

export type PastePlan = { ok: true; writes: CellWrite[]; pasted: CellRange } | { ok: false; message: string };

/**
 * Where a pasted block goes, as Excel places it: at the range's top-left cell, row by row over
 * the rows that hold cells; a single value fills every writable cell of the range instead.
 * A block that runs past the grid's edge is refused whole.
 */
export function pasteWrites(grid: CellGrid, range: CellRange, block: readonly (readonly string[])[]): PastePlan {
  const bounds = boundsOf(range);
  const width = Math.max(0, ...block.map((row) => row.length));
  if (block.length === 0 || width === 0) return { ok: false, message: 'The clipboard holds no cells to paste.' };
  const single = block.length === 1 && width === 1 ? (block[0]?.[0] ?? '') : null;
  if (single !== null && cellCount(range) > 1) {
    const writes: CellWrite[] = [];
    for (const row of dataRowsIn(grid, bounds.top, bounds.bottom)) {
      for (let column = bounds.left; column <= bounds.right; column += 1) writeIfChanged(grid, writes, row, column, single.trim() === '' ? null : single);
    }
    return { ok: true, writes, pasted: range };
  }
  const rows = dataRowsIn(grid, bounds.top, grid.rows - 1).slice(0, block.length);
  if (rows.length < block.length || bounds.left + width > grid.columns) {
    return {
      ok: false,
      message: `The pasted block is ${block.length} × ${width} cells; from here there is room for ${rows.length} × ${grid.columns - bounds.left}. Nothing was pasted.`,
    };
  }
  const writes: CellWrite[] = [];
  block.forEach((cells, index) => {
    const row = rows[index] ?? bounds.top;
    for (let offset = 0; offset < width; offset += 1) {
      const text = cells[offset] ?? '';
      const value = text.trim() === '' ? null : text;
      if (grid.value(row, bounds.left + offset) !== value) writes.push({ row, column: bounds.left + offset, value });
    }
  });
  const lastRow = rows[rows.length - 1] ?? bounds.top;
  return { ok: true, writes, pasted: { anchor: { row: bounds.top, column: bounds.left }, focus: { row: lastRow, column: bounds.left + width - 1 } } };
}
