import './spreadsheet/grid-modules';
import {
  type CellClickedEvent,
  type CellContextMenuEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type GridOptions,
  type RowClassParams,
  type ColumnResizedEvent,
} from 'ag-grid-community';
import { isCommandKey } from '../commands/command-keys';
import { runCommand } from '../commands/command-handlers';
import { useShellStore } from '../state/shell-store';
import { useShallow } from 'zustand/react/shallow';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useDisplayStore } from '../state/display-store';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { editsOf, periodColumnId, sheetCells } from './sheet-cells';
import { commitEntry } from './commit-entry';
import { planSheetPaste } from '../state/sheet-paste';
import { FindBar } from '../find/FindBar';
import { findCommandProvider, registerFindTarget, useFindStore, type FindHit } from '../find/find-store';
import { registerFind, registerGridActions } from '../commands/command-actions';
import { gridCommandProvider } from './spreadsheet/active-grid';
import { currentFilter, shownSheet, useSheetFilter } from '../find/shown-sheet';
import { findInSheet, groupsAboveLine, type LineMatch } from '../../shared/sheet/find-lines';
import { lastApproval, lockedMessage } from '../../shared/domain/approval';
import { showError, showNote, useNoticeStore } from '../state/notice-store';
import { cellsLabel } from '../../shared/domain/cells-label';
import { useSpreadsheet } from './spreadsheet/use-spreadsheet';
import { type GridRow, type SheetView } from '../../shared/sheet/sheet-view';
import { darkGridTheme, lightGridTheme } from './spreadsheet/grid-theme';
import { columnsFor, labelColumnOf, withRememberedWidths, type Value } from './budget-columns';
import { totalDigitsOf } from './amount-widths';
import { rowChanges } from './row-transaction';
import { useVanillaGrid } from './use-vanilla-grid';

/** A find's match as the grid shows it: the line's row and the cell's column. */
function hitOf(match: LineMatch): FindHit {
  const column = typeof match.column === 'number' ? periodColumnId(match.column) : match.column;
  return { key: `${match.lineId}:${column}`, rowId: String(match.lineId), column };
}

// Typed entries reach the store through the value setter, inside the key press that ends the edit (see commitEntry).
const DEFAULT_COL_DEF: ColDef<GridRow, Value> = { sortable: false, resizable: true, suppressHeaderMenuButton: true, valueSetter: commitEntry };

function rowClass(params: RowClassParams<GridRow>): string | undefined {
  // Bands by role: the top of the tree darkest, the groups that hold lines lightest.
  if (params.data?.kind === 'group') return `group-row group-level-${params.data.level === 0 ? 0 : params.data.innermost ? 2 : 1}`;
  if (params.data?.kind !== 'total') return undefined;
  return params.data.emphasis ? 'total-row total-row-result' : 'total-row';
}

/**
 * Same rows in the same order: each changed row's node takes its new data and redraws the cells
 * whose values moved. (A transaction would also re-run the row model over all 10,000 rows to
 * place them again, a few milliseconds of every keystroke's frame.)
 */
function updateRowsInPlace(grid: GridApi<GridRow>, before: readonly GridRow[], rows: readonly GridRow[]): void {
  const missing: GridRow[] = [];
  rows.forEach((row, index) => {
    if (row === before[index]) return;
    const node = grid.getRowNode(row.id);
    if (node === undefined) missing.push(row);
    else node.updateData(row);
  });
  if (missing.length > 0) grid.applyTransaction({ update: missing });
}

/**
 * Rows drawn beyond the visible ones, above and below (AG Grid's default is 10). Going to a line
 * far away (a new line, find) draws every row of the new place anew: fewer rows, less to draw.
 */
const ROW_BUFFER = 3;

/** The grid fills its host, as AgGridReact's own box did. */
const FILL_THE_HOST = { width: '100%', height: '100%' } as const;

/** At most this many separate blocks of new rows go in as transactions; more, and the rows are handed over whole. */
const MOST_ADDED_BLOCKS = 3;

/** Rows added, removed or replaced with the others in the same order, as transactions; false when they cannot be (then hand the rows over whole). */
function applyRowChanges(grid: GridApi<GridRow>, before: readonly GridRow[], rows: readonly GridRow[]): boolean {
  const changes = rowChanges(before, rows);
  if (changes === null || changes.add.length > MOST_ADDED_BLOCKS) return false;
  const [first, ...others] = changes.add;
  grid.applyTransaction({ remove: changes.remove, update: changes.update, add: first?.rows ?? [], addIndex: first?.index ?? null });
  for (const block of others) grid.applyTransaction({ add: block.rows, addIndex: block.index });
  return true;
}

export interface BudgetGridProps {
  view: SheetView;
  dark: boolean;
  onReady?: (api: GridApi<GridRow>) => void;
  /** right-click, Shift+F10 or the menu key on a row: where to show the menu, and for what */
  onContextMenu?: (request: { row: GridRow; rowIndex: number; colId: string; x: number; y: number }) => void;
}

/** The budget sheet: lines as rows, months as columns, the year total, and pinned totals. It only displays and edits; the store computes. */
/** Widths the user set with cents shown are kept apart from those without them. */
const widthsKey = (cents: boolean): string => (cents ? 'budget-cents' : 'budget');

export function BudgetGrid({ view, dark, onReady, onContextMenu }: BudgetGridProps) {
  // Selected, not the whole store: a save answer (pendingWrites, revision) must not redraw the grid.
  const { paste, applyEdits, toggleGroup } = useSheetStore(
    useShallow((state) => ({
      paste: state.paste,
      applyEdits: state.applyEdits,
      toggleGroup: state.toggleGroup,
    })),
  );
  const setRange = useSelectionStore((state) => state.setRange);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  // With "show only matching lines" on, the grid shows the filtered sheet: its rows are the ones
  // the selection, the clipboard, fills and clears work on.
  const filter = useSheetFilter(view);
  const shown = filter?.view ?? view;
  const spreadsheet = useSpreadsheet<GridRow>({
    apiRef,
    hostRef,
    selection: useSelectionStore,
    cells: () => {
      const sheet = shownSheet();
      return sheet === null ? null : sheetCells(sheet);
    },
    paste: async (range, text) => {
      const sheet = shownSheet();
      if (currentFilter() === null || sheet === null) return paste(range, text);
      const plan = planSheetPaste(sheet, range, text);
      if (!plan.ok) {
        showError(new Error(plan.message), plan.where);
        return null;
      }
      const saved = await applyEdits(plan.edits, `paste ${cellsLabel(plan.edits.length)}`);
      if (saved && plan.rounded > 0) {
        useNoticeStore.getState().show({ tone: 'info', message: `${plan.rounded} pasted amount${plan.rounded === 1 ? ' was' : 's were'} rounded half-even (to the cent; drivers to six decimals).` });
      }
      return saved ? plan.pasted : null;
    },
    write: (writes, label) => {
      const sheet = shownSheet();
      return sheet === null ? Promise.resolve(false) : applyEdits(editsOf(sheet, writes), label);
    },
    noCellMessage: 'Paste into a month cell of a budget line: move the cursor there first.',
    readOnly: () => {
      const version = useSheetStore.getState().view?.model.version;
      return version?.status === 'approved' ? lockedMessage(version.name, lastApproval(version.events), 'its values are') : null;
    },
  });
  // Edit › Find…, Find next, Find previous, Show only matching lines and the clipboard and fill
  // commands (menus, their keys, the context menu) reach find and the grid that has the keyboard.
  useEffect(() => {
    registerFind(findCommandProvider);
    registerGridActions(gridCommandProvider);
  }, []);
  const { moveCursor } = spreadsheet;
  // Columns depend only on the calendar: a new value edit must not rebuild them.
  const { showQuarters, showYears } = useSheetStore(useShallow((state) => ({ showQuarters: state.showQuarters, showYears: state.showYears })));
  // Redraw every amount when the display settings change.
  useEffect(() => useDisplayStore.subscribe(() => apiRef.current?.refreshCells({ force: true })), []);
  // Column widths the user set are remembered per workbook, and come back when it opens again.
  const workbookPath = useShellStore((state) => state.workbookPath);
  // The grouped-by dimension's column hides, and amounts' widths follow whether cents are shown.
  const grouping = view.display.grouping;
  const cents = useDisplayStore((state) => state.sheetCents);
  // Amount columns widen when the totals outgrow them: the digits, not the totals, decide, so an edit keeps the columns.
  const { month: monthDigits, span: spanDigits } = useMemo(() => totalDigitsOf(view.totalRows), [view.totalRows]);
  const columns = useMemo(
    () =>
      withRememberedWidths(
        columnsFor(view, { showQuarters, showYears, grouping, cents, digits: { month: monthDigits, span: spanDigits } }),
        useShellStore.getState().columnWidths(widthsKey(cents)),
      ),
    [view.model.periods, view.model.calendar, showQuarters, showYears, workbookPath, grouping, cents, monthDigits, spanDigits], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const onColumnResized = useCallback((event: ColumnResizedEvent<GridRow>) => {
    if (!event.finished || event.source !== 'uiColumnResized') return;
    const key = widthsKey(useDisplayStore.getState().sheetCents);
    const widths: Record<string, number> = { ...useShellStore.getState().columnWidths(key) };
    for (const column of event.api.getColumns() ?? []) widths[column.getColId()] = column.getActualWidth();
    useShellStore.getState().rememberColumnWidths(key, widths);
  }, []);
  const getRowId = useCallback((params: GetRowIdParams<GridRow>) => params.data.id, []);

  // Rows reach AG Grid as changes: an edit updates the few rows it changed and a new, removed or
  // renamed line (a patch) adds, removes or replaces its rows, instead of handing over 10,000 rows
  // to compare; another grouping, the groups opened or closed, or the filter replace them.
  const shownRows = useRef<GridRow[]>([]);
  const shownStructure = useRef<unknown>(null);
  const placeCursorNow = useRef<() => void>(() => undefined);
  const filteredLines = filter?.lineIds ?? null;
  useEffect(() => {
    const grid = apiRef.current;
    const rows = shown.display.rows;
    const structure = [shown.display.grouping, shown.display.collapsed, filteredLines];
    const previous = shownStructure.current as unknown[] | null;
    const sameGroups = previous !== null && previous.every((part, index) => part === structure[index]);
    shownStructure.current = structure;
    if (grid === null) return;
    const before = shownRows.current;
    shownRows.current = rows;
    if (sameGroups && before.length === rows.length && rows.every((row, index) => row.id === before[index]?.id)) updateRowsInPlace(grid, before, rows);
    else if (!sameGroups || !applyRowChanges(grid, before, rows)) grid.setGridOption('rowData', rows);
    // A new line's cursor goes on it in this task: AG Grid tells rowDataUpdated from a timer,
    // after a frame drawn at the old place (issue 14).
    placeCursorNow.current();
  }, [shown.display, filteredLines]);

  // The pinned totals: after an edit only the total rows whose figures moved are new objects
  // (totalRowsOf keeps the others), and each of those updates its own row node, which redraws
  // the cells whose value changed, instead of all five rows being handed over again.
  const shownTotals = useRef<GridRow[]>([]);
  useEffect(() => {
    const grid = apiRef.current;
    const before = shownTotals.current;
    const rows = shown.totalRows;
    if (grid === null || before === rows) return;
    shownTotals.current = rows;
    const sameRows = before.length === rows.length && rows.every((row, index) => row.id === before[index]?.id);
    if (!sameRows) {
      grid.setGridOption('pinnedBottomRowData', rows);
      return;
    }
    rows.forEach((row, index) => {
      if (row !== before[index]) grid.getPinnedBottomRow(index)?.updateData(row);
    });
  }, [shown.totalRows]);

  // A comment added or deleted (a patch, issue 14) leaves the cells' values as they were, and AG
  // Grid applies a column's cellClass again only when forced: the commented lines' cells are.
  const shownComments = useRef(shown.commentsByPlace);
  useEffect(() => {
    const before = shownComments.current;
    const now = shown.commentsByPlace;
    shownComments.current = now;
    const grid = apiRef.current;
    if (before === now || grid === null) return;
    const places = new Set([...before.keys(), ...now.keys()].filter((place) => before.get(place) !== now.get(place)));
    const rowNodes = [...new Set([...places].map((place) => place.split(':')[0] ?? ''))].flatMap((lineId) => grid.getRowNode(lineId) ?? []);
    if (rowNodes.length > 0) grid.refreshCells({ rowNodes, force: true });
  }, [shown.commentsByPlace]);

  // Off screen (another view), the sheet has no selection: the status bar's figures go with it.
  useEffect(() => () => setRange(null), [setRange]);
  // A new sheet (another file, a reload after a structure change, the filter) starts without a selection.
  useEffect(() => setRange(null), [view.model.workbook.path, view.display.grouping, view.display.collapsed, view.rowIndex, filteredLines, setRange]);

  // Find looks in the whole sheet (lines in collapsed groups too) and goes to each match's cell,
  // opening the groups it is folded in.
  const pendingReveal = useRef<{ hit: FindHit; keepFocus: boolean } | null>(null);
  const { revealCell } = spreadsheet;
  const revealHit = useCallback(
    (hit: FindHit, keepFocus: boolean): boolean => {
      const rowIndex = apiRef.current?.getRowNode(hit.rowId)?.rowIndex;
      if (rowIndex === undefined || rowIndex === null) return false;
      revealCell(rowIndex, hit.column, keepFocus);
      return true;
    },
    [revealCell],
  );
  useEffect(
    () =>
      registerFindTarget('budget', {
        search: (query) => {
          const sheet = useSheetStore.getState().view;
          return sheet === null ? [] : findInSheet(sheet, query).map(hitOf);
        },
        reveal: (hit, keepFocus) => {
          if (revealHit(hit, keepFocus)) return;
          const sheet = useSheetStore.getState().view;
          const folded = sheet === null ? [] : groupsAboveLine(sheet, Number(hit.rowId)).filter((id) => sheet.display.collapsed.has(id));
          if (folded.length === 0) return;
          pendingReveal.current = { hit, keepFocus };
          for (const id of folded) toggleGroup(id);
        },
        focusGrid: () => {
          const grid = apiRef.current;
          const focused = grid?.getFocusedCell();
          if (grid === null || grid === undefined) return;
          if (focused !== null && focused !== undefined) grid.setFocusedCell(focused.rowIndex, focused.column, focused.rowPinned ?? null);
          else if (grid.getDisplayedRowCount() > 0) grid.setFocusedCell(0, 'description');
        },
      }),
    [revealHit, toggleGroup],
  );
  // Lines added, removed, renamed or regrouped: find searches again (the current match stays).
  useEffect(() => useFindStore.getState().refresh('budget'), [view.rowIndex, view.display.grouping, view.display.collapsed, view.commentsByPlace]);

  // The sheet's own keys first (groups, the context menu, moving a line); then the shared
  // spreadsheet keys: Tab while editing, Home/End, Ctrl+arrows, Shift+arrows, Delete,
  // Ctrl+D / Ctrl+R, Ctrl+A, Escape.
  const onKeyDownCapture = useCallback(
    (event: ReactKeyboardEvent<HTMLDivElement>) => {
      const grid = apiRef.current;
      if (grid === null || hostRef.current === null || !hostRef.current.contains(document.activeElement)) return;
      const native = event.nativeEvent;
      const claim = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      const focused = grid.getFocusedCell();
      const focusedRow = focused === null || focused === undefined ? undefined : grid.getDisplayedRowAtIndex(focused.rowIndex)?.data;
      const editing = grid.getEditingCells().length > 0;
      // Enter or Space on a group row opens or closes it.
      if (!editing && focusedRow?.kind === 'group' && (native.key === 'Enter' || native.key === ' ')) {
        claim();
        toggleGroup(focusedRow.id);
        return;
      }
      // The menu key or Shift+F10 opens the context menu at the cursor, as on the desktop.
      if (!editing && (native.key === 'ContextMenu' || (native.key === 'F10' && native.shiftKey)) && focused !== null && focused !== undefined && focusedRow !== undefined) {
        claim();
        const box = (document.activeElement as HTMLElement | null)?.getBoundingClientRect();
        onContextMenu?.({ row: focusedRow, rowIndex: focused.rowIndex, colId: focused.column.getColId(), x: box?.left ?? 100, y: box?.bottom ?? 100 });
        return;
      }
      // Move line up or down (the command table's keys) among its department's lines on the same account.
      const move = isCommandKey(native, 'data.move-up') ? 'data.move-up' : isCommandKey(native, 'data.move-down') ? 'data.move-down' : null;
      if (!editing && move !== null) {
        claim();
        const reason = runCommand(move);
        if (reason !== null) showNote(reason);
        return;
      }
      spreadsheet.handleKey(event);
    },
    [spreadsheet, toggleGroup, onContextMenu],
  );

  // After Add line the grid gets new rows; once it has them, put the cursor on the new line.
  const placeRequestedCursor = useCallback(() => {
    const reveal = pendingReveal.current;
    if (reveal !== null && revealHit(reveal.hit, reveal.keepFocus)) pendingReveal.current = null;
    const { cursorRequest, requestCursor } = useSelectionStore.getState();
    const rowIndex = cursorRequest === null ? undefined : apiRef.current?.getRowNode(String(cursorRequest.lineId))?.rowIndex;
    if (cursorRequest === null || rowIndex === undefined || rowIndex === null) return;
    requestCursor(null);
    moveCursor({ row: rowIndex, column: cursorRequest.period });
  }, [moveCursor, revealHit]);

  useEffect(() => useSelectionStore.subscribe((state, previous) => state.cursorRequest !== previous.cursorRequest && placeRequestedCursor()), [placeRequestedCursor]);
  useEffect(() => {
    placeCursorNow.current = placeRequestedCursor;
  }, [placeRequestedCursor]);

  // Handlers keep their identity across renders: AG Grid re-applies every grid option whose value changed.
  const onCellContextMenu = useCallback(
    (event: CellContextMenuEvent<GridRow>) => {
      const mouse = event.event as MouseEvent | null;
      if (event.data === undefined || event.rowIndex === null || mouse === null) return;
      event.api.setFocusedCell(event.rowIndex, event.column, event.node.rowPinned ?? null);
      onContextMenu?.({ row: event.data, rowIndex: event.rowIndex, colId: event.column.getColId(), x: mouse.clientX, y: mouse.clientY });
    },
    [onContextMenu],
  );
  const onCellClicked = useCallback(
    (event: CellClickedEvent<GridRow>) => {
      // A click on a group row's label (not on its subtotals) opens or closes it.
      if (event.data?.kind === 'group' && event.column.getColId() === labelColumnOf(useSheetStore.getState().grouping)) toggleGroup(event.data.id);
    },
    [toggleGroup],
  );
  // The grid is made with its first rows (one build of its row model and one first draw, not an
  // empty grid then 10,000 rows handed over), and then told of changes as they come.
  const firstRows = useCallback((): GridOptions<GridRow> => {
    shownRows.current = shownSheet()?.display.rows ?? [];
    shownTotals.current = shownSheet()?.totalRows ?? [];
    return { rowData: shownRows.current, pinnedBottomRowData: shownTotals.current };
  }, []);
  const onGridCreated = useCallback(
    (api: GridApi<GridRow>) => {
      apiRef.current = api;
      onReady?.(api);
    },
    [onReady],
  );
  const gridRef = useRef<HTMLDivElement>(null);
  useVanillaGrid<GridRow>(
    gridRef,
    {
      theme: dark ? darkGridTheme : lightGridTheme,
      columnDefs: columns,
      getRowId,
      getRowClass: rowClass,
      onCellFocused: spreadsheet.onCellFocused,
      onCellMouseDown: spreadsheet.onCellMouseDown,
      onCellMouseOver: spreadsheet.onCellMouseOver,
      onRowDataUpdated: placeRequestedCursor,
      preventDefaultOnContextMenu: true,
      onCellContextMenu,
      onCellClicked,
      enterNavigatesVertically: true,
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      suppressMovableColumns: true,
      animateRows: false,
      rowBuffer: ROW_BUFFER,
      defaultColDef: DEFAULT_COL_DEF,
      tooltipShowDelay: 600,
      onColumnResized,
    },
    onGridCreated,
    firstRows,
  );
  return (
    <div className="grid-column">
      <FindBar scope="budget" shown={filter === null ? null : { count: filter.shownLines, of: filter.totalLines }} />
      <div className="grid-host" data-testid="budget-grid" ref={hostRef} onKeyDownCapture={onKeyDownCapture}>
        <div ref={gridRef} style={FILL_THE_HOST} />
      </div>
    </div>
  );
}
