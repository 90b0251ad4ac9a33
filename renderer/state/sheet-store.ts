import { create } from 'zustand';
import { parseAmount } from '../../shared/money/parse-amount';
import type { AmountText } from '../../shared/money/amount';
import { api } from '../api/client';
import { showError, useNoticeStore } from './notice-store';
import { buildSheetView, withCellValue, type SheetView } from './sheet-view';

interface SheetState {
  view: SheetView | null;
  /** writes sent to the back and not yet confirmed durable */
  pendingWrites: number;
  /** the last write that failed, until the next one succeeds */
  saveError: string | null;
  revision: number | null;
  load(): Promise<void>;
  clear(): void;
  /** An entry typed by the user into a cell: parsed, shown at once, then saved. Empty text clears the cell. */
  editCell(lineId: number, period: number, text: string): Promise<boolean>;
  addLine(departmentId: number, accountId: number, description: string): Promise<number | null>;
  deleteLine(lineId: number): Promise<boolean>;
}

// Writes go to the back one after another, in the order the user made them.
let writeQueue: Promise<unknown> = Promise.resolve();
function enqueue<T>(write: () => Promise<T>): Promise<T> {
  const next = writeQueue.then(write, write);
  writeQueue = next.catch(() => undefined);
  return next;
}

export const useSheetStore = create<SheetState>((set, get) => ({
  view: null,
  pendingWrites: 0,
  saveError: null,
  revision: null,
  async load() {
    const model = await api.call('sheet/get-sheet', {});
    set({ view: buildSheetView(model), revision: model.workbook.revision, saveError: null });
  },
  clear() {
    set({ view: null, revision: null, saveError: null });
  },
  async editCell(lineId, period, text) {
    const view = get().view;
    const row = view?.rows.find((candidate) => candidate.line.id === lineId);
    if (view === null || row === undefined) return false;
    const where = `${row.line.description}, ${view.model.periods[period]?.label ?? `period ${period + 1}`}`;
    let value: AmountText | null = null;
    if (text.trim() !== '') {
      const parsed = parseAmount(text);
      if (!parsed.ok) {
        showError(new Error(parsed.message), where);
        return false;
      }
      if (parsed.roundedFrom !== undefined) {
        useNoticeStore.getState().show({ tone: 'info', message: `${parsed.roundedFrom} was rounded to ${parsed.amount} (two decimals, half-even).`, where });
      }
      value = parsed.amount;
    }
    const before = row.line.values[period] ?? null;
    if (before === value) return true;
    set((state) => ({ view: state.view === null ? null : withCellValue(state.view, lineId, period, value), pendingWrites: state.pendingWrites + 1 }));
    try {
      const receipt = await enqueue(() => api.call('sheet/set-cell', { lineId, period, value }));
      set((state) => ({ pendingWrites: state.pendingWrites - 1, revision: receipt.revision, saveError: null }));
      return true;
    } catch (error) {
      // Not saved: put the cell back as it is in the file and say why.
      set((state) => ({
        view: state.view === null ? null : withCellValue(state.view, lineId, period, before),
        pendingWrites: state.pendingWrites - 1,
        saveError: error instanceof Error ? error.message : String(error),
      }));
      showError(error, where);
      return false;
    }
  },
  async addLine(departmentId, accountId, description) {
    try {
      const added = await enqueue(() => api.call('sheet/add-line', { departmentId, accountId, description }));
      await get().load();
      return added.line.id;
    } catch (error) {
      showError(error);
      return null;
    }
  },
  async deleteLine(lineId) {
    try {
      await enqueue(() => api.call('sheet/delete-line', { lineId }));
      await get().load();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  },
}));
