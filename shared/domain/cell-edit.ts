import type { AmountText } from '../money/amount';

/** One cell's new value in the open version; null clears the cell. */
export interface CellEdit {
  lineId: number;
  period: number;
  value: AmountText | null;
}

/** What undo and redo tell the UI: the labels of the next steps each way. */
export interface HistoryState {
  undo: string | null;
  redo: string | null;
}
