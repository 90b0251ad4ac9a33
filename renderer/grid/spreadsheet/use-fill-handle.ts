import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { cellsLabel } from '../../../shared/domain/cells-label';
import { boundsOf, dragFillWrites, type CellRange, type CellWrite } from '../../selection/cell-range';
import { selectWhenWritten, type SelectionStore } from '../../selection/selection-store';
import type { SpreadsheetCells } from './use-spreadsheet';

/** A fill handle's drag: the selection it started from and the range it would fill now. */
interface FillDrag {
  source: CellRange;
  target: CellRange;
}

/** The fill handle, as the grid's mouse-over sees it. */
export interface FillHandle {
  /** While a fill is dragged, grows it toward the hovered cell and returns true; false when no fill is under way. */
  dragOver(row: number, column: number): boolean;
}

/**
 * Excel's fill handle on a grid: pressed in the corner of the selection's last cell, dragged down
 * or right (the grid's mouse-over calls `dragOver`), released to repeat the selection over the
 * new cells as one undo step. `cellsNow` must be a stable function reading the grid's latest cells.
 */
export function useFillHandle(
  hostRef: RefObject<HTMLDivElement | null>,
  selection: SelectionStore,
  cellsNow: () => SpreadsheetCells | null,
  writeCells: (writes: CellWrite[], label: string) => Promise<boolean>,
): FillHandle {
  const fillDrag = useRef<FillDrag | null>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const onMouseDown = (event: MouseEvent) => {
      const cellElement = (event.target as HTMLElement | null)?.closest<HTMLElement>('.ag-cell.fill-handle-cell');
      const range = selection.getState().range;
      if (cellElement === null || cellElement === undefined || range === null || event.button !== 0) return;
      const box = cellElement.getBoundingClientRect();
      if (box.right - event.clientX > 9 || box.bottom - event.clientY > 9) return;
      // Ours alone: AG Grid must not move the cursor and collapse the selection.
      event.preventDefault();
      event.stopPropagation();
      fillDrag.current = { source: range, target: range };
    };
    const onMouseUp = () => {
      const drag = fillDrag.current;
      fillDrag.current = null;
      const cells = cellsNow();
      if (drag === null || drag.target === drag.source || cells === null) return;
      const writes = dragFillWrites(cells, drag.source, drag.target);
      void selectWhenWritten(selection, writeCells(writes, `fill ${cellsLabel(writes.length)}`), (filled) => (filled ? drag.target : drag.source));
    };
    host.addEventListener('mousedown', onMouseDown, true);
    window.addEventListener('mouseup', onMouseUp, true);
    return () => {
      host.removeEventListener('mousedown', onMouseDown, true);
      window.removeEventListener('mouseup', onMouseUp, true);
    };
  }, [hostRef, selection, cellsNow, writeCells]);

  const dragOver = useCallback(
    (row: number, column: number) => {
      const drag = fillDrag.current;
      if (drag === null) return false;
      // The fill grows down or right from the selection, whichever the pointer went further.
      const bounds = boundsOf(drag.source);
      const down = row - bounds.bottom;
      const right = column - bounds.right;
      drag.target =
        down <= 0 && right <= 0
          ? drag.source
          : down >= right
            ? { anchor: { row: bounds.top, column: bounds.left }, focus: { row, column: bounds.right } }
            : { anchor: { row: bounds.top, column: bounds.left }, focus: { row: bounds.bottom, column } };
      selection.getState().setRange(drag.target);
      return true;
    },
    [selection],
  );
  return useMemo(() => ({ dragOver }), [dragOver]);
}
