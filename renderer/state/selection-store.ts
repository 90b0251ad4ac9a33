import { create } from 'zustand';
import type { CellRange } from '../grid/cell-range';

/** The sheet's selected month cells (AG Grid Community has no range selection: this is ours). */
interface SelectionState {
  range: CellRange | null;
  setRange(range: CellRange | null): void;
  /** the grid's cursor: a display row and a column id, for the formula bar */
  cursor: { row: number; colId: string } | null;
  setCursor(cursor: { row: number; colId: string } | null): void;
  /** a cell of a line that should get the cursor once the grid shows it (after Add line, from the comments panel) */
  cursorRequest: { lineId: number; period: number } | null;
  requestCursor(request: { lineId: number; period: number } | null): void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  range: null,
  setRange: (range) => set({ range }),
  cursor: null,
  setCursor: (cursor) => set({ cursor }),
  cursorRequest: null,
  requestCursor: (request) => set({ cursorRequest: request }),
}));
