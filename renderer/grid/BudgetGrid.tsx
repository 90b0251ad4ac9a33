import {
  AllCommunityModule,
  ModuleRegistry,
  type CellClassParams,
  type CellClickedEvent,
  type CellContextMenuEvent,
  type CellEditRequestEvent,
  type ColDef,
  type ColGroupDef,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowClassParams,
  type ValueFormatterParams,
  type ValueGetterParams,
  type ColumnResizedEvent,
} from 'ag-grid-community';
import { isCommandKey } from '../commands/command-keys';
import { runCommand } from '../commands/command-handlers';
import { useShellStore } from '../state/shell-store';
import { AgGridReact } from 'ag-grid-react';
import { useShallow } from 'zustand/react/shallow';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { fiscalLayout, fiscalYearLabel, type Period, type PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { isCanonicalQuantity, QUANTITY_SCALE } from '../../shared/money/amount';
import { formatAmount, formatPercent, type AmountFormat } from '../../shared/money/format-amount';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { Decimal } from '../../shared/money/decimal';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { editsOf, periodColumnId, periodOfColumn, sheetCells } from './sheet-cells';
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
import { isSpreadsheetCommand, rangeCellClassRules, useSpreadsheet } from './spreadsheet/use-spreadsheet';
import { commentPlace, rowError, type GridRow, type SheetView } from '../../shared/sheet/sheet-view';
import type { GroupRow } from '../../shared/sheet/sheet-groups';
import { rowSpanSum } from '../../shared/sheet/span-sums';
import type { SheetComment } from '../../shared/domain/workbook';
import { darkGridTheme, lightGridTheme } from './spreadsheet/grid-theme';

ModuleRegistry.registerModules([AllCommunityModule]);

type Value = Decimal | string | null;

/** The display settings' amount format, recomputed when they change. */
let amountFormat: AmountFormat = amountFormatOf(useDisplayStore.getState());
useDisplayStore.subscribe((state) => {
  amountFormat = amountFormatOf(state);
});

function formatValue(params: ValueFormatterParams<GridRow, Value>): string {
  const value = params.value;
  if (value === null || value === undefined || value === '') return '';
  // While an entry is being committed the grid may format the raw text the user typed.
  if (typeof value === 'string' && !isCanonicalQuantity(value)) return value;
  // Drivers are not money: counts show their decimals (up to six) without trailing zeros, rates as percentages.
  const unit = params.data?.kind === 'line' ? params.data.account.unit : 'currency';
  if (unit === 'percent') return formatPercent(value, amountFormat);
  return formatAmount(value, unit === 'number' ? { ...amountFormat, trimDecimals: true, scale: QUANTITY_SCALE } : amountFormat);
}

const isLineRow = (params: { data?: GridRow | undefined; node?: { rowPinned?: unknown } | null }): boolean => params.data?.kind === 'line';

function amountCellClass(params: CellClassParams<GridRow, Value>): string[] {
  const classes = ['amount-cell'];
  const value = params.value;
  if (value instanceof Decimal ? value.isNegative() : typeof value === 'string' && value.startsWith('-')) classes.push('amount-negative');
  return classes;
}

/** The comments on a line's cell (period) or on the line itself (null). */
function commentsAt(row: GridRow | undefined, period: number | null): SheetComment[] {
  if (row?.kind !== 'line') return [];
  return useSheetStore.getState().view?.commentsByPlace.get(commentPlace(row.line.id, period)) ?? [];
}

function commentTooltip(row: GridRow | undefined, period: number | null): string | undefined {
  const comments = commentsAt(row, period);
  return comments.length === 0 ? undefined : comments.map((comment) => `${comment.author}: ${comment.text}`).join('\n');
}

/** Why a row's month has no trustworthy value (its own error, or for a subtotal or total a line it includes), or null. */
function cellError(row: GridRow | undefined, period: number): string | null {
  return spanError(row, [period]);
}

/** Why a row's total over some months cannot be shown (an error in any of them, travelled up from its lines), or null. */
function spanError(row: GridRow | undefined, periods: readonly number[]): string | null {
  // With the filter on, totals include the shown lines only, and so do their errors.
  const view = shownSheet();
  return view === null ? null : rowError(view, row, periods);
}

/** A group row's label: "▾  Sales  ·  12 lines", or with the filter on "▾  Sales  ·  3 of 12 lines, filtered". */
function groupLabel(row: GroupRow): string {
  const all = currentFilter()?.groupLineCounts.get(row.id);
  const plural = (count: number) => `line${count === 1 ? '' : 's'}`;
  const count = all === undefined ? `${row.lineCount} ${plural(row.lineCount)}` : `${row.lineCount} of ${all} ${plural(all)}, filtered`;
  const contribution = row.contribution ? '  ·  contribution' : '';
  return `${row.collapsed ? '▸' : '▾'}  ${row.label}  ·  ${count}${contribution}`;
}

/** A find's match as the grid shows it: the line's row and the cell's column. */
function hitOf(match: LineMatch): FindHit {
  const column = typeof match.column === 'number' ? periodColumnId(match.column) : match.column;
  return { key: `${match.lineId}:${column}`, rowId: String(match.lineId), column };
}

/** A row's exact sum over some periods, from the one model of the sheet. */
const spanValue = rowSpanSum;

/** The columns with the widths the user gave them in this workbook. */
export function withRememberedWidths<T extends ColDef<GridRow, Value> | ColGroupDef<GridRow>>(columns: T[], widths: Readonly<Record<string, number>>): T[] {
  return columns.map((column) => {
    const id = 'colId' in column ? column.colId : undefined;
    const width = id === undefined ? undefined : widths[id];
    return width === undefined ? column : { ...column, width };
  });
}

function columnsFor(view: SheetView, options: { showQuarters: boolean; showYears: boolean }): (ColDef<GridRow, Value> | ColGroupDef<GridRow>)[] {
  // A forecast's closed months show the actuals: read-only, marked in the header and shaded.
  const closed = (period: Period) => period.index < view.model.actualMonths;
  const monthColumn = (period: Period): ColDef<GridRow, Value> => ({
    colId: periodColumnId(period.index),
    headerName: closed(period) ? `${period.label} · actual` : period.label,
    headerTooltip: closed(period) ? `${period.label} is closed: the actuals of “${view.model.actualsSource ?? ''}”, read-only` : `${period.label}: type an amount, Enter to save`,
    headerClass: closed(period) ? 'actual-month-header' : undefined,
    width: closed(period) ? 136 : 122,
    type: 'rightAligned',
    editable: closed(period) ? false : isLineRow,
    valueGetter: (params: ValueGetterParams<GridRow, Value>) => {
      const row = params.data;
      if (row === undefined) return null;
      if (row.kind === 'line') return row.line.values[period.index] ?? null;
      return row.periods?.[period.index] ?? null;
    },
    valueFormatter: (params: ValueFormatterParams<GridRow, Value>) => (cellError(params.data, period.index) === null ? formatValue(params) : '#ERROR'),
    tooltipValueGetter: (params) => cellError(params.data, period.index) ?? commentTooltip(params.data, period.index),
    cellClass: (params: CellClassParams<GridRow, Value>) => [
      ...amountCellClass(params),
      ...(commentsAt(params.data, period.index).length > 0 ? ['has-comment'] : []),
      ...(params.data?.kind === 'line' && params.data.line.formula !== null ? ['formula-cell'] : []),
      ...(cellError(params.data, period.index) === null ? [] : ['cell-error']),
      ...(closed(period) ? ['actual-month-cell'] : []),
    ],
    cellClassRules: rangeCellClassRules<GridRow>(useSelectionStore, period.index, (row) => row?.kind === 'line'),
    suppressKeyboardEvent: (params) => !params.editing && isSpreadsheetCommand(params.event),
  });
  const spanColumn = (span: PeriodSpan, kind: 'quarter' | 'year'): ColDef<GridRow, Value> => ({
    colId: span.id,
    headerName: span.label,
    headerTooltip: `${span.label}: type an amount here to spread it over its ${span.periods.length} months`,
    width: kind === 'quarter' ? 124 : 140,
    type: 'rightAligned',
    editable: isLineRow,
    valueGetter: (params: ValueGetterParams<GridRow, Value>) => spanValue(params.data, span.periods),
    valueFormatter: (params: ValueFormatterParams<GridRow, Value>) => (spanError(params.data, span.periods) === null ? formatValue(params) : '#ERROR'),
    tooltipValueGetter: (params) => spanError(params.data, span.periods) ?? undefined,
    cellClass: (params: CellClassParams<GridRow, Value>) => [
      ...amountCellClass(params),
      `${kind}-total-cell`,
      ...(spanError(params.data, span.periods) === null ? [] : ['cell-error']),
    ],
  });
  const layout = fiscalLayout(view.model.calendar);
  const periodColumns: ColDef<GridRow, Value>[] = [];
  for (const fiscalYear of layout) {
    for (const quarter of fiscalYear.quarters) {
      for (const period of quarter.periods) {
        const shown = view.model.periods[period];
        if (shown !== undefined) periodColumns.push(monthColumn(shown));
      }
      if (options.showQuarters) periodColumns.push(spanColumn(quarter, 'quarter'));
    }
    if (options.showYears && layout.length > 1) periodColumns.push(spanColumn(fiscalYear.year, 'year'));
  }
  const periods = view.model.periods;
  const allPeriods = periods.map((period) => period.index);
  const wholeSpanLabel =
    layout.length <= 1 ? `${fiscalYearLabel(view.model.calendar)} total` : `Total ${periods[0]?.label ?? ''} – ${periods[periods.length - 1]?.label ?? ''}`;
  return [
    {
      colId: 'department',
      headerName: 'Department',
      pinned: 'left',
      width: 118,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => {
        const row = params.data;
        if (row === undefined) return '';
        if (row.kind === 'line') return row.department;
        if (row.kind === 'total') return row.label;
        return groupLabel(row);
      },
      colSpan: (params) => (params.data?.kind === 'line' ? 1 : 3),
      cellClass: (params) =>
        params.data?.kind === 'total'
          ? ['total-label', ...(currentFilter() === null ? [] : ['filtered-label'])]
          : params.data?.kind === 'group'
            ? ['group-label', ...(currentFilter() === null ? [] : ['filtered-label'])]
            : 'dimension-cell',
      // Each level of the tree of groups steps in a little further.
      cellStyle: (params) => (params.data?.kind === 'group' ? { paddingLeft: `${12 + params.data.level * 16}px` } : null),
      tooltipValueGetter: (params) =>
        params.data?.kind === 'group'
          ? `${params.data.subtotalMeaning}${currentFilter() === null ? '' : ', of the lines shown (filtered)'}. Click or press Enter to ${params.data.collapsed ? 'expand' : 'collapse'}.`
          : params.data?.kind === 'total' && currentFilter() !== null
            ? 'Only the lines the filter shows are added up. Close find (Esc) to see the whole sheet’s totals.'
            : undefined,
    },
    {
      colId: 'account',
      headerName: 'Account',
      pinned: 'left',
      width: 204,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) =>
        params.data?.kind === 'line' ? `${params.data.account.code} ${params.data.account.name}` : '',
      cellClass: 'dimension-cell',
    },
    {
      colId: 'description',
      headerName: 'Line',
      pinned: 'left',
      width: 250,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => (params.data?.kind === 'line' ? params.data.line.description : ''),
      // F2 or typing renames the line; formulas that use it follow the new name. Delete does not empty it.
      editable: isLineRow,
      suppressKeyboardEvent: (params) => !params.editing && (params.event.key === 'Delete' || params.event.key === 'Backspace'),
      tooltipValueGetter: (params) => commentTooltip(params.data, null) ?? (params.data?.kind === 'line' ? `${params.data.line.description} — F2 renames, Alt+Shift+↑/↓ moves` : undefined),
      cellClass: (params) => (commentsAt(params.data, null).length > 0 ? ['has-comment'] : []),
    },
    ...periodColumns,
    {
      colId: 'year',
      headerName: wholeSpanLabel,
      pinned: 'right',
      headerTooltip: 'Total of the line over all months. Type an amount here to spread it over the months.',
      width: layout.length <= 1 ? 164 : 190,
      type: 'rightAligned',
      editable: isLineRow,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => (params.data?.kind === 'line' && params.data.account.unit === 'percent' ? null : (params.data?.year ?? null)),
      valueFormatter: (params: ValueFormatterParams<GridRow, Value>) => (spanError(params.data, allPeriods) === null ? formatValue(params) : '#ERROR'),
      tooltipValueGetter: (params) => spanError(params.data, allPeriods) ?? undefined,
      cellClass: (params: CellClassParams<GridRow, Value>) => [
        ...amountCellClass(params),
        'year-total-cell',
        ...(spanError(params.data, allPeriods) === null ? [] : ['cell-error']),
      ],
    },
  ];
}

// One object for the life of the page: AG Grid rebuilds every column when it gets a new one.
const DEFAULT_COL_DEF: ColDef<GridRow> = { sortable: false, resizable: true, suppressHeaderMenuButton: true };

function rowClass(params: RowClassParams<GridRow>): string | undefined {
  // Bands by role: the top of the tree darkest, the groups that hold lines lightest.
  if (params.data?.kind === 'group') return `group-row group-level-${params.data.level === 0 ? 0 : params.data.innermost ? 2 : 1}`;
  if (params.data?.kind !== 'total') return undefined;
  return params.data.emphasis ? 'total-row total-row-result' : 'total-row';
}

export interface BudgetGridProps {
  view: SheetView;
  dark: boolean;
  onReady?: (api: GridApi<GridRow>) => void;
  /** right-click, Shift+F10 or the menu key on a row: where to show the menu, and for what */
  onContextMenu?: (request: { row: GridRow; rowIndex: number; colId: string; x: number; y: number }) => void;
}

/** The budget sheet: lines as rows, months as columns, the year total, and pinned totals. It only displays and edits; the store computes. */
export function BudgetGrid({ view, dark, onReady, onContextMenu }: BudgetGridProps) {
  // Selected, not the whole store: a save answer (pendingWrites, revision) must not redraw the grid.
  const { editCell, paste, applyEdits, spreadTotal, toggleGroup, renameLine } = useSheetStore(
    useShallow((state) => ({
      editCell: state.editCell,
      paste: state.paste,
      applyEdits: state.applyEdits,
      spreadTotal: state.spreadTotal,
      toggleGroup: state.toggleGroup,
      renameLine: state.renameLine,
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
  const columns = useMemo(
    () => withRememberedWidths(columnsFor(view, { showQuarters, showYears }), useShellStore.getState().columnWidths('budget')),
    [view.model.periods, view.model.calendar, showQuarters, showYears, workbookPath], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const onColumnResized = useCallback((event: ColumnResizedEvent<GridRow>) => {
    if (!event.finished || event.source !== 'uiColumnResized') return;
    const widths: Record<string, number> = { ...useShellStore.getState().columnWidths('budget') };
    for (const column of event.api.getColumns() ?? []) widths[column.getColId()] = column.getActualWidth();
    useShellStore.getState().rememberColumnWidths('budget', widths);
  }, []);
  const getRowId = useCallback((params: GetRowIdParams<GridRow>) => params.data.id, []);

  // Rows reach AG Grid as transactions: an edit updates the few rows it changed instead of
  // handing over 10,000 rows to compare; a new structure (file, reload, grouping) replaces them.
  const shownRows = useRef<GridRow[]>([]);
  const shownStructure = useRef<unknown>(null);
  const filteredLines = filter?.lineIds ?? null;
  useEffect(() => {
    const grid = apiRef.current;
    const rows = shown.display.rows;
    const structure = [shown.rowIndex, shown.display.grouping, shown.display.collapsed, filteredLines];
    const previous = shownStructure.current as unknown[] | null;
    const sameStructure = previous !== null && previous.every((part, index) => part === structure[index]) && shownRows.current.length === rows.length;
    shownStructure.current = structure;
    if (grid === null) return;
    if (!sameStructure) {
      grid.setGridOption('rowData', rows);
    } else {
      const update = rows.filter((row, index) => row !== shownRows.current[index]);
      if (update.length > 0) grid.applyTransaction({ update });
    }
    shownRows.current = rows;
  }, [shown.display, shown.rowIndex, filteredLines]);

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

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<GridRow, Value>) => {
      const row = event.data;
      const colId = event.column.getColId();
      const period = periodOfColumn(colId);
      if (row.kind !== 'line') return;
      const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      if (colId === 'year') {
        void spreadTotal(row.line.id, text, { kind: 'auto' });
        return;
      }
      if (colId === 'description') {
        if (text.trim() !== row.line.description) void renameLine(row.line.id, text.trim());
        return;
      }
      if (period !== null) {
        void editCell(row.line.id, period, text);
        return;
      }
      // A quarter or fiscal-year total: spread over its months.
      const sheet = useSheetStore.getState().view;
      const span = sheet === null ? undefined : fiscalLayout(sheet.model.calendar).flatMap((year) => [year.year, ...year.quarters]).find((candidate) => candidate.id === colId);
      if (span !== undefined) void spreadTotal(row.line.id, text, { kind: 'auto' }, span);
    },
    [editCell, spreadTotal, renameLine],
  );
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
      if (event.data?.kind === 'group' && event.column.getColId() === 'department') toggleGroup(event.data.id);
    },
    [toggleGroup],
  );
  const onGridReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      apiRef.current = event.api;
      shownRows.current = shownSheet()?.display.rows ?? [];
      event.api.setGridOption('rowData', shownRows.current);
      onReady?.(event.api);
    },
    [onReady],
  );
  return (
    <div className="grid-column">
      <FindBar scope="budget" shown={filter === null ? null : { count: filter.shownLines, of: filter.totalLines }} />
      <div className="grid-host" data-testid="budget-grid" ref={hostRef} onKeyDownCapture={onKeyDownCapture}>
        <AgGridReact<GridRow>
          theme={dark ? darkGridTheme : lightGridTheme}
          pinnedBottomRowData={shown.totalRows}
          columnDefs={columns}
          getRowId={getRowId}
          getRowClass={rowClass}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          onCellFocused={spreadsheet.onCellFocused}
          onCellMouseDown={spreadsheet.onCellMouseDown}
          onCellMouseOver={spreadsheet.onCellMouseOver}
          onRowDataUpdated={placeRequestedCursor}
          preventDefaultOnContextMenu
          onCellContextMenu={onCellContextMenu}
          onCellClicked={onCellClicked}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          suppressMovableColumns
          animateRows={false}
          defaultColDef={DEFAULT_COL_DEF}
          tooltipShowDelay={600}
          onGridReady={onGridReady}
          onColumnResized={onColumnResized}
        />
      </div>
    </div>
  );
}
