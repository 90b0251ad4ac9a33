import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { CellRange } from './cell-range';

/** A grid's selected cells and cursor (AG Grid Community has no range selection: this is ours). */
export interface GridSelection {
  range: CellRange | null;
  setRange(range: CellRange | null): void;
  /** the grid's cursor: a display row and a column id */
  cursor: { row: number; colId: string } | null;
  setCursor(cursor: { row: number; colId: string } | null): void;
}

/** What the shared grid behaviour reads and writes of a selection store, whatever else the store keeps. */
export interface SelectionStore {
  getState(): GridSelection;
  subscribe(listener: (state: GridSelection, previous: GridSelection) => void): () => void;
}

/** The selection fields of a store, for stores that keep more (the budget's cursor requests). */
export function selectionFields(set: (partial: Partial<GridSelection>) => void): GridSelection {
  return {
    range: null,
    setRange: (range) => set({ range }),
    cursor: null,
    setCursor: (cursor) => set({ cursor }),
  };
}

/** A selection store of its own, for a grid that needs nothing more. */
export function createSelectionStore(): UseBoundStore<StoreApi<GridSelection>> {
  return create<GridSelection>((set) => selectionFields(set));
}

/**
 * Sets the selection from the outcome of a write (a paste selects what it pasted, a fill what it
 * filled) unless the user moved the selection while the write was under way: a click after the
 * cells showed their new values must not be undone by the write's late answer.
 */
export function selectWhenWritten<T>(selection: SelectionStore, write: Promise<T>, rangeAfter: (outcome: T) => CellRange | null | undefined): Promise<void> {
  const before = selection.getState().range;
  return write.then((outcome) => {
    const range = rangeAfter(outcome);
    if (range === undefined || selection.getState().range !== before) return;
    selection.getState().setRange(range);
  });
}
