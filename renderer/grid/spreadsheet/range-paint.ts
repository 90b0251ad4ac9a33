import { boundsOf, cellCount, rangeContains, type CellRange } from '../../selection/cell-range';
import type { SpreadsheetCells } from './use-spreadsheet';

/** Whether a cell is the selection's bottom-right one, which carries the fill handle as in Excel. */
export function isFillHandleCell(range: CellRange | null, row: number, column: number): boolean {
  if (range === null) return false;
  const bounds = boundsOf(range);
  return row === bounds.bottom && column === bounds.right;
}

/** Sets a drawn cell's range classes for `range`, touching only the classes that change (each change costs a style pass). */
function paintCell(cellElement: HTMLElement, cells: SpreadsheetCells, columns: ReadonlyMap<string, number>, range: CellRange | null): void {
  const column = columns.get(cellElement.getAttribute('col-id') ?? '');
  // Pinned rows (the sheet's totals) have indexes such as "b-0": never in a range.
  const rowIndex = Number(cellElement.closest('.ag-row[row-index]')?.getAttribute('row-index'));
  const holdsCells = column !== undefined && Number.isInteger(rowIndex) && cells.isDataRow(rowIndex);
  const inRange = holdsCells && range !== null && cellCount(range) > 1 && rangeContains(range, rowIndex, column);
  const handle = holdsCells && isFillHandleCell(range, rowIndex, column);
  if (cellElement.classList.contains('cell-in-range') !== inRange) cellElement.classList.toggle('cell-in-range', inRange);
  if (cellElement.classList.contains('fill-handle-cell') !== handle) cellElement.classList.toggle('fill-handle-cell', handle);
}

/** Repaints the drawn cells whose look a new range changes: those marked now, and those of the range's rows. */
export function repaintRange(host: HTMLElement, cells: SpreadsheetCells, range: CellRange | null): void {
  const columns = new Map(cells.columnIds.map((colId, index) => [colId, index]));
  for (const marked of host.querySelectorAll<HTMLElement>('.ag-cell.cell-in-range, .ag-cell.fill-handle-cell')) paintCell(marked, cells, columns, range);
  if (range === null) return;
  const bounds = boundsOf(range);
  for (const rowElement of host.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
    const rowIndex = Number(rowElement.getAttribute('row-index'));
    if (!Number.isInteger(rowIndex) || rowIndex < bounds.top || rowIndex > bounds.bottom) continue;
    for (let column = bounds.left; column <= bounds.right; column += 1) {
      const cellElement = rowElement.querySelector<HTMLElement>(`.ag-cell[col-id="${cells.columnIds[column] ?? ''}"]`);
      if (cellElement !== null) paintCell(cellElement, cells, columns, range);
    }
  }
}
