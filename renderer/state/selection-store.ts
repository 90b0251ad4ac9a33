import { create } from 'zustand';
import { selectionFields, type GridSelection } from '../selection/selection-store';

/** The budget sheet's selected cells and cursor, and where the cursor should go next. */
interface SelectionState extends GridSelection {
  /** a cell of a line that should get the cursor once the grid shows it (after Add line, from the comments panel) */
  cursorRequest: { lineId: number; period: number } | null;
  requestCursor(request: { lineId: number; period: number } | null): void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  ...selectionFields(set),
  cursorRequest: null,
  requestCursor: (request) => set({ cursorRequest: request }),
}));
