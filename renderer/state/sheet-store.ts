import { cellsLabel } from '../../shared/domain/cells-label';
import { commandShortcutLabel } from '../commands/command-keys';
import { create } from 'zustand';
import type { CellEdit, HistoryState } from '../../shared/domain/cell-edit';
import { parseAmount } from '../../shared/money/parse-amount';
import { parseEntry } from '../../shared/money/parse-entry';
import type { AmountText } from '../../shared/money/amount';
import { formatAmount } from '../../shared/money/format-amount';
import { api } from '../api/client';
import { readSheet, takeFirstRead, type SheetRead } from '../api/read-sheet';
import { prepareFormulas } from '../../shared/formula/seeded-formulas';
import { lastApproval, lockedMessage } from '../../shared/domain/approval';
import { readOnlyMessage } from '../../shared/domain/read-only';
// A cycle (the workbook store loads sheets), read only inside actions, after both modules have loaded.
import { useWorkbookStore } from './workbook-store';
import { planSpread, type SpreadMethod } from './spread-plan';
import type { CellRange } from '../selection/cell-range';
import { showError, useNoticeStore } from './notice-store';
import { useSelectionStore } from './selection-store';
import { planSheetPaste } from './sheet-paste';
import { afterNextPaint } from './after-paint';
import type { Grouping } from '../../shared/sheet/sheet-groups';
import { buildSheetView, regroup, withCellValues, type SheetView } from '../../shared/sheet/sheet-view';
import { applySheetPatch } from '../../shared/sheet/apply-sheet-patch';
import { packCellRuns } from '../../shared/sheet/cell-runs';
import type { PatchReceipt } from '../../shared/sheet/sheet-patch';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { enqueue, flushWrites } from './write-queue';

const NO_HISTORY: HistoryState = { undo: null, redo: null };
/** From this many cells a change is sent to the back before the sheet is recomputed (see applyEdits). */
const SEND_FIRST_CELLS = 100;

interface SheetState {
  view: SheetView | null;
  /** the version the sheet shows: the renderer's choice, kept across reloads (null until the first load picks the workbook's first) */
  versionId: number | null;
  /** Shows another version of the workbook (edits on their way are saved first). */
  openVersion(versionId: number): Promise<boolean>;
  /** writes sent to the back and not yet confirmed durable */
  pendingWrites: number;
  /** the last write that failed, until the next one succeeds */
  saveError: string | null;
  revision: number | null;
  history: HistoryState;
  /** how the sheet groups its lines, and which groups are collapsed (kept across reloads) */
  grouping: Grouping;
  collapsed: ReadonlySet<string>;
  setGrouping(grouping: Grouping): void;
  toggleGroup(groupId: string): void;
  /** Reads the open version again (or the workbook's first, when none is open or it is gone). */
  load(): Promise<void>;
  clear(): void;
  /** An entry typed by the user into a cell: parsed, shown at once, then saved. Empty text clears the cell. */
  editCell(lineId: number, period: number, text: string): Promise<boolean>;
  /** Drives a line by a formula (text without the leading =), or with null makes it an input line again. */
  setFormula(lineId: number, formula: string | null): Promise<boolean>;
  renameLine(lineId: number, description: string): Promise<boolean>;
  renameDimension(kind: 'department' | 'account', id: number, name: string): Promise<boolean>;
  moveLine(lineId: number, direction: 'up' | 'down'): Promise<boolean>;
  addComment(lineId: number, period: number | null, text: string): Promise<boolean>;
  deleteComment(commentId: number): Promise<boolean>;
  /** Tab-separated text pasted at the selection's top-left cell (a single value fills the selection): all cells or none. */
  paste(range: CellRange, text: string): Promise<CellRange | null>;
  /** An amount spread over the line's months (or the months of one quarter or year), exact to the cent. */
  spreadTotal(lineId: number, text: string, method: SpreadMethod, span?: { label: string; periods: number[] }): Promise<boolean>;
  /** which total columns the sheet shows besides the months */
  showQuarters: boolean;
  showYears: boolean;
  setTotalColumns(columns: { showQuarters?: boolean; showYears?: boolean }): void;
  /** Cell edits shown at once and saved as one undoable step. */
  applyEdits(edits: CellEdit[], label: string, where?: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  addLine(departmentId: number, accountId: number, description: string): Promise<boolean>;
  deleteLine(lineId: number): Promise<boolean>;
}

// Writes go to the back one after another, in the order the user made them (see write-queue.ts).
export { enqueue, flushWrites };

/** The version the sheet shows; every sheet call names it. */
export function shownVersion(): number {
  const versionId = useSheetStore.getState().versionId;
  if (versionId === null) throw new Error('No version is open: open a workbook first.');
  return versionId;
}

/**
 * A view built from the back's seed shows its formulas' outcomes before their engine exists: the
 * engine is built once the page is idle after drawing the sheet, so the first edit finds it ready.
 */
function viewWhenIdle(view: SheetView): SheetView {
  const prepare = () => prepareFormulas(view.formulas);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2000 });
  else setTimeout(prepare, 0);
  return view;
}

export const useSheetStore = create<SheetState>((set, get) => ({
  view: null,
  versionId: null,
  async openVersion(versionId) {
    try {
      await enqueue(async () => {
        const { model, seed } = await readSheet(versionId);
        const { grouping, collapsed } = get();
        set({ versionId, view: viewWhenIdle(buildSheetView(model, grouping, collapsed, seed)), revision: model.workbook.revision, history: model.history, saveError: null });
      });
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  },
  pendingWrites: 0,
  saveError: null,
  revision: null,
  history: NO_HISTORY,
  grouping: 'department',
  collapsed: new Set<string>(),
  setGrouping(grouping) {
    set((state) => ({ grouping, view: state.view === null ? null : regroup(state.view, grouping, state.collapsed) }));
  },
  toggleGroup(groupId) {
    set((state) => {
      const collapsed = new Set(state.collapsed);
      if (!collapsed.delete(groupId)) collapsed.add(groupId);
      return { collapsed, view: state.view === null ? null : regroup(state.view, state.grouping, collapsed) };
    });
  },
  async load() {
    const versionId = get().versionId;
    // The first load takes the read started with the page; later ones read the version shown (null: the workbook's first).
    const first = versionId === null ? takeFirstRead() : null;
    const reading = first ?? readSheet(versionId);
    let read: SheetRead;
    try {
      read = await reading;
    } catch (error) {
      // The read started with the page may have found no workbook yet: read again.
      if (first !== null) return get().load();
      // The version shown was deleted (by an undo, say): show the workbook's first one.
      if (versionId === null) throw error;
      set({ versionId: null });
      return get().load();
    }
    const { grouping, collapsed } = get();
    const { model, seed } = read;
    set({ versionId: model.version.id, view: viewWhenIdle(buildSheetView(model, grouping, collapsed, seed)), revision: model.workbook.revision, history: model.history, saveError: null });
  },
  clear() {
    set({ view: null, versionId: null, revision: null, saveError: null, history: NO_HISTORY });
  },
  async setFormula(lineId, formula) {
    const view = get().view;
    const row = view?.rows[view.rowIndex.get(lineId) ?? -1];
    if (view === null || row === undefined) return false;
    const saved = await structureChange(() => api.call('sheet/set-formula', { versionId: shownVersion(), lineId, formula }), row.line.description);
    // A formula is kept as written even when it cannot be computed: say so where the user looks.
    const now = get().view;
    const error = now?.rows[now.rowIndex.get(lineId) ?? -1]?.formulaError ?? null;
    if (saved && error !== null) showError(new Error(`The formula was saved but cannot be computed: ${error}`), row.line.description);
    return saved;
  },
  async renameLine(lineId, description) {
    if (description.trim() === '') {
      showError(new Error('A line needs a name: type one, or press Escape to keep the old one.'));
      return false;
    }
    return structureChange((versionId) => api.call('sheet/rename-line', { lineId, description, versionId }));
  },
  renameDimension: (kind, id, name) =>
    structureChange((versionId) =>
      kind === 'department' ? api.call('dimension/rename-department', { departmentId: id, name, versionId }) : api.call('dimension/rename-account', { accountId: id, name, versionId }),
    ),
  async moveLine(lineId, direction) {
    const moved = await structureChange((versionId) => api.call('sheet/move-line', { lineId, direction, versionId }));
    if (moved) useSelectionStore.getState().requestCursor({ lineId, period: 0 });
    return moved;
  },
  async addComment(lineId, period, text) {
    return structureChange(() => api.call('sheet/add-comment', { versionId: shownVersion(), lineId, period, text }));
  },
  async deleteComment(commentId) {
    return structureChange((versionId) => api.call('sheet/delete-comment', { commentId, versionId }));
  },
  async editCell(lineId, period, text) {
    const view = get().view;
    const index = view?.rowIndex.get(lineId);
    const row = index === undefined ? undefined : view?.rows[index];
    if (view === null || row === undefined) return false;
    const where = `${row.line.description}, ${view.model.periods[period]?.label ?? `period ${period + 1}`}`;
    // A formula typed into any month drives the whole line, as a line formula does.
    if (text.trim().startsWith('=')) return get().setFormula(lineId, text.trim().slice(1));
    if (row.line.formula !== null) {
      showError(new Error(`This line is computed by its formula (=${row.line.formula}). Change the formula in the formula bar, or clear it to type amounts.`), where);
      return false;
    }
    let value: AmountText | null = null;
    if (text.trim() !== '') {
      const parsed = parseEntry(text, row.account.unit, view.model.workbook.currency);
      if (!parsed.ok) {
        showError(new Error(parsed.message), where);
        return false;
      }
      if (parsed.roundedFrom !== undefined) {
        const rule = row.account.unit === 'currency' ? 'two decimals' : 'six decimals';
        useNoticeStore.getState().show({ tone: 'info', message: `${parsed.roundedFrom} was rounded to ${parsed.amount} (${rule}, half-even).`, where });
      }
      value = parsed.amount;
    }
    if ((row.line.values[period] ?? null) === value) return true;
    return get().applyEdits([{ lineId, period, value }], `edit ${where}`, where);
  },
  async paste(range, text) {
    const view = get().view;
    if (view === null) return null;
    const plan = planSheetPaste(view, range, text);
    if (!plan.ok) {
      showError(new Error(plan.message), plan.where);
      return null;
    }
    const saved = await get().applyEdits(plan.edits, `paste ${cellsLabel(plan.edits.length)}`);
    if (saved && plan.rounded > 0) {
      useNoticeStore.getState().show({
        tone: 'info',
        message: `${plan.rounded} pasted amount${plan.rounded === 1 ? ' was' : 's were'} rounded half-even (to the cent; drivers to six decimals).`,
      });
    }
    return saved ? plan.pasted : null;
  },
  showQuarters: false,
  showYears: true,
  setTotalColumns(columns) {
    set(columns);
  },
  async spreadTotal(lineId, text, method, span) {
    const view = get().view;
    const index = view?.rowIndex.get(lineId);
    const row = index === undefined ? undefined : view?.rows[index];
    if (view === null || row === undefined) return false;
    const periodList = span?.periods ?? view.model.periods.map((period) => period.index);
    const where = `${row.line.description}, ${span?.label ?? 'all months'}`;
    if (row.account.unit !== 'currency') {
      showError(new Error(`Drivers (counts and rates) are not spread: type each month, or fill the months with ${commandShortcutLabel('edit.fill-right')}.`), where);
      return false;
    }
    const parsed = parseAmount(text, view.model.workbook.currency);
    if (!parsed.ok) {
      showError(new Error(parsed.message), where);
      return false;
    }
    const plan = planSpread(view, row.line, parsed.amount, method, periodList);
    if (!plan.ok) {
      showError(new Error(plan.message), where);
      return false;
    }
    const periods = periodList.length;
    const edits = plan.amounts
      .map((value, position) => ({ lineId, period: periodList[position] ?? 0, value }))
      .filter((edit) => (row.line.values[edit.period] ?? null) !== edit.value);
    const total = formatAmount(parsed.amount);
    const saved = edits.length === 0 || (await get().applyEdits(edits, `spread ${total} over ${row.line.description}`, where));
    if (saved) useNoticeStore.getState().show({ tone: 'info', message: `Spread ${total} over ${periods} months ${plan.how}.`, where });
    return saved;
  },
  async applyEdits(edits, label, where) {
    const view = get().view;
    if (view === null || edits.length === 0) return false;
    // A read-only file takes no edit: say why before showing anything (the back refuses too).
    const readOnlyReason = useWorkbookStore.getState().session?.readOnlyReason ?? null;
    if (readOnlyReason !== null) {
      showError(new Error(readOnlyMessage(readOnlyReason)), where);
      return false;
    }
    // An approved version is locked: say so before showing anything (the back refuses too).
    const version = view.model.version;
    if (version.status === 'approved') {
      showError(new Error(lockedMessage(version.name, lastApproval(version.events), 'its values are')), where);
      return false;
    }
    // A forecast's closed months show the actuals: refuse before showing anything, naming the month.
    const closedEdit = edits.find((edit) => edit.period < view.model.actualMonths);
    if (closedEdit !== undefined) {
      const month = view.model.periods[closedEdit.period]?.label ?? `month ${closedEdit.period + 1}`;
      showError(new Error(`Nothing was changed: ${month} is closed, and “${version.name}” shows the actuals of “${view.model.actualsSource ?? ''}” there. Change them in that version.`), where);
      return false;
    }
    // Formula lines compute their months: refuse before showing anything, naming the line.
    const computed = edits.map((edit) => view.rows[view.rowIndex.get(edit.lineId) ?? -1]?.line).find((line) => line !== undefined && line.formula !== null);
    if (computed !== undefined) {
      showError(new Error(`Nothing was changed: “${computed.description}” is computed by its formula (=${computed.formula ?? ''}). Change the formula, or clear it to type amounts.`), where);
      return false;
    }
    // The step is offered to undo at once, by the label the back will give it: Ctrl+Z pressed
    // before the back has answered takes this very edit back (undo waits in the write queue).
    const show = () =>
      set((state) => ({ view: state.view === null ? null : withCellValues(state.view, edits), pendingWrites: state.pendingWrites + 1, history: { undo: label, redo: null } }));
    // A typed edit is shown first, so it reaches the screen at once. A large change (a paste, a
    // fill) is sent first and shown while the back writes it: the request leaves in the write
    // queue's turn, before the sheet is recomputed, so both take time side by side.
    const sendFirst = edits.length >= SEND_FIRST_CELLS;
    if (!sendFirst) show();
    const versionId = shownVersion();
    // A typed edit's request leaves after the frame that shows it (a few milliseconds later), so
    // building and sending it does not hold that frame back; a large change leaves at once.
    // A large change travels as runs of months per line: a fifth of the bytes to build, send and check.
    const send = () => (sendFirst ? api.call('sheet/set-cell-runs', { versionId, runs: packCellRuns(edits), label }) : api.call('sheet/set-cells', { versionId, edits, label }));
    const saving = enqueue(sendFirst ? send : () => afterNextPaint().then(send));
    if (sendFirst) {
      await Promise.resolve();
      show();
    }
    try {
      const receipt = await saving;
      set((state) => ({ pendingWrites: state.pendingWrites - 1, revision: receipt.revision, history: receipt.history, saveError: null }));
      return true;
    } catch (error) {
      // Not saved: show the sheet as the file has it (after the writes queued behind this one) and say why.
      set((state) => ({ pendingWrites: state.pendingWrites - 1, saveError: error instanceof Error ? error.message : String(error) }));
      showError(error, where);
      await enqueue(() => get().load()).catch(showError);
      return false;
    }
  },
  undo: () => stepHistory('undo'),
  redo: () => stepHistory('redo'),
  addLine: (departmentId, accountId, description) =>
    structureChange(async (versionId) => {
      const answer = await api.call('sheet/add-line', { departmentId, accountId, description, versionId });
      // The grid puts the cursor on the new line's first month once it shows it, so typing fills it.
      useSelectionStore.getState().requestCursor({ lineId: answer.line.id, period: 0 });
      return answer;
    }),
  deleteLine: (lineId) => structureChange((versionId) => api.call('sheet/delete-line', { lineId, versionId })),
}));

/** What a structural write answers: its receipt and, where the back could say, what changed in the sheet shown. */
type StructureAnswer = WriteReceipt & Partial<PatchReceipt>;

/**
 * A write that changes more than cell values, in the write queue so no edit overtakes it: saved,
 * then the sheet shown updated from the patch the back answered with (issue 14: a comment, a
 * rename, a new line touch one row and its groups, not the whole sheet); read again only when
 * there is no patch or it does not fit (another version shown, say). `write` gets the version
 * shown, for the back to read the patch for. Failures say why.
 */
export async function structureChange(write: (versionId: number | undefined) => Promise<StructureAnswer>, where?: string): Promise<boolean> {
  // Counted as a write on its way: the status bar says so, and an undo pressed meanwhile waits for it.
  useSheetStore.setState((state) => ({ pendingWrites: state.pendingWrites + 1 }));
  try {
    await enqueue(async () => {
      const receipt = await write(useSheetStore.getState().versionId ?? undefined);
      if (!showPatch(receipt)) await useSheetStore.getState().load();
    }, true);
    return true;
  } catch (error) {
    showError(error, where);
    return false;
  } finally {
    useSheetStore.setState((state) => ({ pendingWrites: state.pendingWrites - 1 }));
  }
}

/** Shows a write's patch on the sheet; false when there is none or it does not fit (then the sheet is read again). */
function showPatch(receipt: StructureAnswer): boolean {
  const view = useSheetStore.getState().view;
  const patch = receipt.patch ?? null;
  if (view === null || patch === null) return false;
  let next: SheetView | null;
  try {
    next = applySheetPatch(view, patch, receipt);
  } catch (error) {
    // A patch that does not fit is never shown half-applied: the sheet is read again instead.
    console.warn('Tandem: the sheet is read again, its patch did not apply:', error);
    next = null;
  }
  if (next === null) return false;
  useSheetStore.setState({ view: next, revision: receipt.revision, history: receipt.history, saveError: null });
  return true;
}

async function stepHistory(direction: 'undo' | 'redo'): Promise<void> {
  const { history, view, pendingWrites } = useSheetStore.getState();
  // With writes on their way the history is not known yet: the step is decided in the queue, after them.
  if (view === null || (history[direction] === null && pendingWrites === 0)) return;
  try {
    await enqueue(async () => {
      if (useSheetStore.getState().history[direction] === null) return;
      const receipt = await api.call(direction === 'undo' ? 'sheet/undo' : 'sheet/redo', { versionId: shownVersion() });
      if (receipt.cells === null) {
        if (!showPatch(receipt)) await useSheetStore.getState().load();
      } else {
        const cells = receipt.cells;
        useSheetStore.setState((state) => ({ view: state.view === null ? null : withCellValues(state.view, cells) }));
      }
      useSheetStore.setState({ revision: receipt.revision, history: receipt.history, saveError: null });
    });
  } catch (error) {
    showError(error);
  }
}
