import type { GridApi } from 'ag-grid-community';
import type { RefObject } from 'react';

/** How many frames a cell scrolled into view may take to be drawn before we stop waiting for it. */
const FRAMES_TO_DRAW = 20;

/**
 * Puts AG Grid's focus on a cell. A cell scrolled into view is drawn a few frames later, and
 * focusing it before then leaves the keyboard nowhere: focus it again once it exists.
 */
export function focusCell<Row>(grid: GridApi<Row>, hostRef: RefObject<HTMLElement | null>, row: number, colId: string): void {
  grid.setFocusedCell(row, colId);
  let framesLeft = FRAMES_TO_DRAW;
  const focusWhenDrawn = () => {
    if (grid.isDestroyed()) return;
    const drawn = hostRef.current?.querySelector(`.ag-row[row-index="${row}"] [col-id="${colId}"]`);
    if (drawn !== null && drawn !== undefined) {
      if (document.activeElement !== drawn) grid.setFocusedCell(row, colId);
    } else if (framesLeft-- > 0) {
      requestAnimationFrame(focusWhenDrawn);
    }
  };
  requestAnimationFrame(focusWhenDrawn);
}
