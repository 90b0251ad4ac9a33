import {
  AllCommunityModule,
  ModuleRegistry,
  type CellClassParams,
  type CellClickedEvent,
  type CellContextMenuEvent,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type CellMouseDownEvent,
  type CellMouseOverEvent,
  type ColDef,
  type ColGroupDef,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowClassParams,
  type ValueFormatterParams,
  type ValueGetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useShallow } from 'zustand/react/shallow';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { fiscalLayout, fiscalYearLabel, type Period, type PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { isCanonicalQuantity, QUANTITY_SCALE } from '../../shared/money/amount';
import { toTabularText } from '../../shared/clipboard/tabular-text';
import { htmlTableRows } from './html-table';
import { formatAmount, formatPercent, type AmountFormat } from '../../shared/money/format-amount';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { Decimal } from '../../shared/money/decimal';
import { showError } from '../state/notice-store';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { boundsOf, cellCount, lineAt, rangeAsHtml, rangeAsText, rangeContains, singleCell, wholeSheet, type CellPosition, type CellRange } from './cell-range';
import { edgeOfData, type Direction } from './navigation';
import { commentPlace, type GridRow, type SheetView } from '../state/sheet-view';
import type { SheetComment } from '../../shared/domain/workbook';
import { darkGridTheme, lightGridTheme } from './grid-theme';

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

/** The month a column shows, from its id (`p0`, `p1`…), or null for other columns. */
export function periodOfColumn(colId: string): number | null {
  return /^p\d+$/.test(colId) ? Number(colId.slice(1)) : null;
}

const ARROW_STEPS: Record<string, { rows: number; periods: number }> = {
  ArrowUp: { rows: -1, periods: 0 },
  ArrowDown: { rows: 1, periods: 0 },
  ArrowLeft: { rows: 0, periods: -1 },
  ArrowRight: { rows: 0, periods: 1 },
};

const ARROW_DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Keys the sheet handles itself rather than AG Grid: clearing, fills, select all. */
function isSheetCommand(event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return event.key === 'Delete' || event.key === 'Backspace' || (mod && ['a', 'd', 'r'].includes(event.key.toLowerCase()));
}

/** The selection's bottom-right cell carries the fill handle, as in Excel. */
function isFillHandleCell(row: number, period: number): boolean {
  const range = useSelectionStore.getState().range;
  if (range === null) return false;
  const bounds = boundsOf(range);
  return row === bounds.bottom && period === bounds.right;
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

/** Why a formula line's month has no value, or null. */
function cellError(row: GridRow | undefined, period: number): string | null {
  if (row?.kind !== 'line') return null;
  return row.formulaError ?? row.cellErrors?.[period] ?? null;
}

/** Why a line's total over some months cannot be shown (a formula error in any of them), or null. */
function spanError(row: GridRow | undefined, periods: readonly number[]): string | null {
  if (row?.kind !== 'line') return null;
  if (row.formulaError !== null) return row.formulaError;
  for (const period of periods) {
    const error = row.cellErrors?.[period];
    if (error !== null && error !== undefined) return error;
  }
  return null;
}

/** A row's exact sum over some periods: lines sum their cells, groups and totals their subtotals. */
function spanValue(row: GridRow | undefined, periods: readonly number[]): Decimal | null {
  if (row === undefined) return null;
  if (row.kind === 'group' && row.periods === null) return null;
  // Rates do not add up: 22% a month is not 264% a year.
  if (row.kind === 'line' && row.account.unit === 'percent') return null;
  let sum = new Decimal(0);
  for (const period of periods) {
    const value = row.kind === 'line' ? row.line.values[period] : row.kind === 'group' ? row.periods?.[period] : row.periods[period];
    if (value !== null && value !== undefined) sum = sum.plus(value);
  }
  return sum;
}

function columnsFor(view: SheetView, options: { showQuarters: boolean; showYears: boolean }): (ColDef<GridRow, Value> | ColGroupDef<GridRow>)[] {
  const monthColumn = (period: Period): ColDef<GridRow, Value> => ({
    colId: `p${period.index}`,
    headerName: period.label,
    headerTooltip: `${period.label}: type an amount, Enter to save`,
    width: 122,
    type: 'rightAligned',
    editable: isLineRow,
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
    ],
    cellClassRules: {
      'cell-in-range': (params: CellClassParams<GridRow, Value>) => {
        const range = useSelectionStore.getState().range;
        return range !== null && cellCount(range) > 1 && params.data?.kind === 'line' && rangeContains(range, params.node.rowIndex ?? -1, period.index);
      },
      'fill-handle-cell': (params: CellClassParams<GridRow, Value>) => params.data?.kind === 'line' && isFillHandleCell(params.node.rowIndex ?? -1, period.index),
    },
    suppressKeyboardEvent: (params) => !params.editing && isSheetCommand(params.event),
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
        const contribution = row.contribution ? '  ·  contribution' : '';
        return `${row.collapsed ? '▸' : '▾'}  ${row.label}  ·  ${row.lineCount} line${row.lineCount === 1 ? '' : 's'}${contribution}`;
      },
      colSpan: (params) => (params.data?.kind === 'line' ? 1 : 3),
      cellClass: (params) => (params.data?.kind === 'total' ? 'total-label' : params.data?.kind === 'group' ? 'group-label' : 'dimension-cell'),
      // Each level of the tree of groups steps in a little further.
      cellStyle: (params) => (params.data?.kind === 'group' ? { paddingLeft: `${12 + params.data.level * 16}px` } : null),
      tooltipValueGetter: (params) =>
        params.data?.kind === 'group' ? `${params.data.subtotalMeaning}. Click or press Enter to ${params.data.collapsed ? 'expand' : 'collapse'}.` : undefined,
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
  const { editCell, paste, clearRange, fill, fillFromHandle, spreadTotal, toggleGroup, renameLine, moveLine } = useSheetStore(
    useShallow((state) => ({
      editCell: state.editCell,
      paste: state.paste,
      clearRange: state.clearRange,
      fill: state.fill,
      fillFromHandle: state.fillFromHandle,
      spreadTotal: state.spreadTotal,
      toggleGroup: state.toggleGroup,
      renameLine: state.renameLine,
      moveLine: state.moveLine,
    })),
  );
  const setRange = useSelectionStore((state) => state.setRange);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const shiftHeld = useRef(false);
  const dragging = useRef(false);
  // Columns depend only on the calendar: a new value edit must not rebuild them.
  const { showQuarters, showYears } = useSheetStore(useShallow((state) => ({ showQuarters: state.showQuarters, showYears: state.showYears })));
  // Redraw every amount when the display settings change.
  useEffect(() => useDisplayStore.subscribe(() => apiRef.current?.refreshCells({ force: true })), []);
  const columns = useMemo(() => columnsFor(view, { showQuarters, showYears }), [view.model.periods, view.model.calendar, showQuarters, showYears]); // eslint-disable-line react-hooks/exhaustive-deps
  const getRowId = useCallback((params: GetRowIdParams<GridRow>) => params.data.id, []);

  // Repaint the range highlight on the cells already drawn when the selection changes. (A
  // refreshCells with force would rebuild the cells and take the keyboard focus with them;
  // cells drawn later get the class from cellClassRules.)
  useEffect(
    () =>
      useSelectionStore.subscribe((state, previous) => {
        if (state.range === previous.range || hostRef.current === null || apiRef.current === null) return;
        const range = state.range;
        const grid = apiRef.current;
        for (const rowElement of hostRef.current.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
          const rowIndex = Number(rowElement.getAttribute('row-index'));
          const isLine = Number.isInteger(rowIndex) && grid.getDisplayedRowAtIndex(rowIndex)?.data?.kind === 'line';
          for (const cellElement of rowElement.querySelectorAll<HTMLElement>('.ag-cell[col-id^="p"]')) {
            const period = periodOfColumn(cellElement.getAttribute('col-id') ?? '');
            const inRange = isLine && period !== null && range !== null && cellCount(range) > 1 && rangeContains(range, rowIndex, period);
            const handle = isLine && period !== null && isFillHandleCell(rowIndex, period);
            // Touch only the cells whose look changes: each class change costs the browser a style pass.
            if (cellElement.classList.contains('cell-in-range') !== inRange) cellElement.classList.toggle('cell-in-range', inRange);
            if (cellElement.classList.contains('fill-handle-cell') !== handle) cellElement.classList.toggle('fill-handle-cell', handle);
          }
        }
      }),
    [],
  );
  // Rows reach AG Grid as transactions: an edit updates the few rows it changed instead of
  // handing over 10,000 rows to compare; a new structure (file, reload, grouping) replaces them.
  const shownRows = useRef<GridRow[]>([]);
  const shownStructure = useRef<unknown>(null);
  useEffect(() => {
    const grid = apiRef.current;
    const rows = view.display.rows;
    const structure = [view.rowIndex, view.display.grouping, view.display.collapsed];
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
  }, [view.display, view.rowIndex]);

  // A new sheet (another file, a reload after a structure change) starts without a selection.
  useEffect(() => setRange(null), [view.model.workbook.path, view.display.grouping, view.display.collapsed, view.rowIndex, setRange]);

  /** The selection, or the focused month cell on its own. */
  const currentRange = useCallback((): CellRange | null => {
    const range = useSelectionStore.getState().range;
    if (range !== null) return range;
    const focused = apiRef.current?.getFocusedCell();
    const period = focused === null || focused === undefined ? null : periodOfColumn(focused.column.getColId());
    if (focused === null || focused === undefined || focused.rowPinned != null || period === null) return null;
    return singleCell({ row: focused.rowIndex, period });
  }, []);

  const gridHasFocus = useCallback(
    () => hostRef.current !== null && hostRef.current.contains(document.activeElement) && (apiRef.current?.getEditingCells().length ?? 0) === 0,
    [],
  );

  // Clipboard: copy the selection as text and an HTML table; paste a block at its top-left cell.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      const range = currentRange();
      const sheet = useSheetStore.getState().view;
      if (!gridHasFocus() || range === null || sheet === null || event.clipboardData === null) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', rangeAsText(sheet, range));
      event.clipboardData.setData('text/html', rangeAsHtml(sheet, range));
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!gridHasFocus()) return;
      event.preventDefault();
      const range = currentRange();
      if (range === null) {
        showError(new Error('Paste into a month cell of a budget line: move the cursor there first.'));
        return;
      }
      // Plain text is what Excel and Google Sheets give; an HTML table alone (some web pages and apps) is read as cells.
      const plain = event.clipboardData?.getData('text/plain') ?? '';
      const tableRows = plain === '' ? htmlTableRows(event.clipboardData?.getData('text/html') ?? '') : null;
      void paste(range, tableRows === null ? plain : toTabularText(tableRows)).then((pasted) => {
        if (pasted !== null) setRange(cellCount(pasted) > 1 ? pasted : null);
      });
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [currentRange, gridHasFocus, paste, setRange]);

  // The fill handle: pressed in the corner of the selection's last cell, dragged down or right,
  // released to repeat the selection over the new cells (one undo step).
  const fillDrag = useRef<{ source: CellRange; target: CellRange } | null>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const onMouseDown = (event: MouseEvent) => {
      const cellElement = (event.target as HTMLElement | null)?.closest<HTMLElement>('.ag-cell.fill-handle-cell');
      const range = useSelectionStore.getState().range;
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
      if (drag === null || drag.target === drag.source) return;
      void fillFromHandle(drag.source, drag.target).then((filled) => setRange(filled ? drag.target : drag.source));
    };
    host.addEventListener('mousedown', onMouseDown, true);
    window.addEventListener('mouseup', onMouseUp, true);
    return () => {
      host.removeEventListener('mousedown', onMouseDown, true);
      window.removeEventListener('mouseup', onMouseUp, true);
    };
  }, [fillFromHandle, setRange]);

  useEffect(() => {
    const track = (event: KeyboardEvent) => (shiftHeld.current = event.shiftKey);
    const endDrag = () => (dragging.current = false);
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    window.addEventListener('mouseup', endDrag, true);
    return () => {
      window.removeEventListener('keydown', track, true);
      window.removeEventListener('keyup', track, true);
      window.removeEventListener('mouseup', endDrag, true);
    };
  }, []);

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<GridRow>) => {
      const colId = typeof event.column === 'string' ? event.column : (event.column?.getColId() ?? '');
      const period = periodOfColumn(colId);
      useSelectionStore.getState().setCursor(event.rowIndex === null || event.rowPinned != null ? null : { row: event.rowIndex, colId });
      if (event.rowIndex === null || event.rowPinned != null || period === null) {
        setRange(null);
        return;
      }
      const position = { row: event.rowIndex, period };
      const range = useSelectionStore.getState().range;
      // Shift+click grows the selection from its anchor; anything else starts a new one.
      if (shiftHeld.current) {
        const anchor = range?.anchor ?? position;
        setRange({ anchor, focus: position });
      } else {
        setRange(singleCell(position));
      }
    },
    [setRange],
  );

  const onCellMouseDown = useCallback(
    (event: CellMouseDownEvent<GridRow>) => {
      const period = periodOfColumn(event.column.getColId());
      if (event.rowIndex === null || event.node.rowPinned != null || period === null) return;
      const mouse = event.event as MouseEvent | null;
      if (mouse !== null && mouse.button !== 0) return;
      const position = { row: event.rowIndex, period };
      const range = useSelectionStore.getState().range;
      dragging.current = true;
      setRange(mouse?.shiftKey === true && range !== null ? { anchor: range.anchor, focus: position } : singleCell(position));
    },
    [setRange],
  );

  const onCellMouseOver = useCallback(
    (event: CellMouseOverEvent<GridRow>) => {
      const drag = fillDrag.current;
      const hovered = periodOfColumn(event.column.getColId());
      if (drag !== null && event.rowIndex !== null && hovered !== null) {
        // The fill grows down or right from the selection, whichever the pointer went further.
        const bounds = boundsOf(drag.source);
        const down = event.rowIndex - bounds.bottom;
        const right = hovered - bounds.right;
        const target =
          down <= 0 && right <= 0
            ? drag.source
            : down >= right
              ? { anchor: { row: bounds.top, period: bounds.left }, focus: { row: event.rowIndex, period: bounds.right } }
              : { anchor: { row: bounds.top, period: bounds.left }, focus: { row: bounds.bottom, period: hovered } };
        drag.target = target;
        setRange(target);
        return;
      }
      const mouse = event.event as MouseEvent | null;
      if (!dragging.current || mouse === null || (mouse.buttons & 1) === 0) return;
      const period = periodOfColumn(event.column.getColId());
      const range = useSelectionStore.getState().range;
      if (event.rowIndex === null || event.node.rowPinned != null || period === null || range === null) return;
      setRange({ anchor: range.anchor, focus: { row: event.rowIndex, period } });
    },
    [setRange],
  );

  /** Puts the grid's cursor on a month cell of a line, scrolling it into view. */
  const moveCursor = useCallback((position: CellPosition) => {
    const grid = apiRef.current;
    if (grid === null) return;
    grid.ensureIndexVisible(position.row);
    grid.ensureColumnVisible(`p${position.period}`);
    grid.setFocusedCell(position.row, `p${position.period}`);
    // A cell scrolled into view is drawn a few frames later: focus it again once it exists.
    let framesLeft = 20;
    const focusWhenDrawn = () => {
      if (grid.isDestroyed()) return;
      const drawn = hostRef.current?.querySelector(`.ag-row[row-index="${position.row}"] [col-id="p${position.period}"]`);
      if (drawn !== null && drawn !== undefined) {
        if (document.activeElement !== drawn) grid.setFocusedCell(position.row, `p${position.period}`);
      } else if (framesLeft-- > 0) {
        requestAnimationFrame(focusWhenDrawn);
      }
    };
    requestAnimationFrame(focusWhenDrawn);
  }, []);

  // Excel's keys that AG Grid does differently or not at all: Tab while editing, Home/End,
  // Ctrl+arrows to the edge of the data, Shift+arrows, Delete, Ctrl+D / Ctrl+R, Ctrl+A, Escape.
  const onKeyDownCapture = useCallback(
    (event: ReactKeyboardEvent<HTMLDivElement>) => {
      const grid = apiRef.current;
      const sheet = useSheetStore.getState().view;
      if (grid === null || sheet === null || hostRef.current === null || !hostRef.current.contains(document.activeElement)) return;
      const native = event.nativeEvent;
      const mod = native.ctrlKey || native.metaKey;
      const claim = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      const focused = grid.getFocusedCell();
      const onLine = focused !== null && focused !== undefined && focused.rowPinned == null;
      const lastPeriod = sheet.model.periods.length - 1;
      const lastRow = sheet.display.rows.length - 1;
      const focusedRow = focused === null || focused === undefined ? undefined : grid.getDisplayedRowAtIndex(focused.rowIndex)?.data;
      // Enter or Space on a group row opens or closes it.
      if (focusedRow?.kind === 'group' && (native.key === 'Enter' || native.key === ' ') && grid.getEditingCells().length === 0) {
        claim();
        toggleGroup(focusedRow.id);
        return;
      }

      if (grid.getEditingCells().length > 0) {
        // Tab saves the entry and moves along the row without editing the next cell, as in Excel.
        if (native.key !== 'Tab' || !onLine) return;
        claim();
        const columnsInOrder = grid.getAllDisplayedColumns();
        const index = columnsInOrder.findIndex((column) => column.getColId() === focused.column.getColId());
        const target = columnsInOrder[Math.min(Math.max(index + (native.shiftKey ? -1 : 1), 0), columnsInOrder.length - 1)];
        grid.stopEditing();
        if (target !== undefined) grid.setFocusedCell(focused.rowIndex, target);
        return;
      }
      if (native.key === 'Escape') {
        setRange(null);
        return;
      }
      // The menu key or Shift+F10 opens the context menu at the cursor, as on the desktop.
      if ((native.key === 'ContextMenu' || (native.key === 'F10' && native.shiftKey)) && focused !== null && focused !== undefined && focusedRow !== undefined) {
        claim();
        const box = (document.activeElement as HTMLElement | null)?.getBoundingClientRect();
        onContextMenu?.({ row: focusedRow, rowIndex: focused.rowIndex, colId: focused.column.getColId(), x: box?.left ?? 100, y: box?.bottom ?? 100 });
        return;
      }
      // Alt+Shift+↑/↓ moves the line among its department's lines on the same account.
      if (native.altKey && native.shiftKey && (native.key === 'ArrowUp' || native.key === 'ArrowDown')) {
        if (focusedRow?.kind !== 'line') return;
        claim();
        void moveLine(focusedRow.line.id, native.key === 'ArrowUp' ? 'up' : 'down');
        return;
      }
      if (native.key === 'Home' || native.key === 'End') {
        if (!onLine || lastRow < 0) return;
        claim();
        const lineRows = sheet.display.rows.flatMap((row, index) => (row.kind === 'line' ? [index] : []));
        const row = mod ? ((native.key === 'Home' ? lineRows[0] : lineRows[lineRows.length - 1]) ?? focused.rowIndex) : focused.rowIndex;
        moveCursor({ row, period: native.key === 'Home' ? 0 : lastPeriod });
        return;
      }
      const arrow = ARROW_DIRECTIONS[native.key];
      if (arrow !== undefined && (mod || native.shiftKey)) {
        const range = currentRange();
        if (range === null) return;
        claim();
        const shape = { rows: sheet.display.rows.length, periods: sheet.model.periods.length, filled: (row: number, period: number) => (lineAt(sheet, row)?.values[period] ?? null) !== null };
        const step = ARROW_STEPS[native.key] ?? { rows: 0, periods: 0 };
        const target = mod
          ? edgeOfData(shape, native.shiftKey ? range.focus : range.anchor, arrow)
          : {
              row: Math.min(Math.max(range.focus.row + step.rows, 0), lastRow),
              period: Math.min(Math.max(range.focus.period + step.periods, 0), lastPeriod),
            };
        if (native.shiftKey) {
          // Shift grows the selection from the cursor, which stays where it is (as in Excel).
          setRange({ anchor: range.anchor, focus: target });
          grid.ensureIndexVisible(target.row);
          grid.ensureColumnVisible(`p${target.period}`);
        } else {
          moveCursor(target);
        }
        return;
      }
      if (!isSheetCommand(native)) return;
      const key = native.key.toLowerCase();
      if (key === 'a') {
        claim();
        setRange(wholeSheet(sheet));
        return;
      }
      const range = currentRange();
      if (range === null) return;
      claim();
      if (native.key === 'Delete' || native.key === 'Backspace') void clearRange(range);
      else void fill(range, key === 'd' ? 'down' : 'right');
    },
    [currentRange, clearRange, fill, setRange, moveCursor, toggleGroup, moveLine, onContextMenu],
  );

  // After Add line the grid gets new rows; once it has them, put the cursor on the new line.
  const placeRequestedCursor = useCallback(() => {
    const { cursorRequest, requestCursor } = useSelectionStore.getState();
    const rowIndex = cursorRequest === null ? undefined : apiRef.current?.getRowNode(String(cursorRequest.lineId))?.rowIndex;
    if (cursorRequest === null || rowIndex === undefined || rowIndex === null) return;
    requestCursor(null);
    moveCursor({ row: rowIndex, period: cursorRequest.period });
  }, [moveCursor]);

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
      shownRows.current = useSheetStore.getState().view?.display.rows ?? [];
      event.api.setGridOption('rowData', shownRows.current);
      onReady?.(event.api);
    },
    [onReady],
  );
  return (
    <div className="grid-host" data-testid="budget-grid" ref={hostRef} onKeyDownCapture={onKeyDownCapture}>
      <AgGridReact<GridRow>
        theme={dark ? darkGridTheme : lightGridTheme}
        pinnedBottomRowData={view.totalRows}
        columnDefs={columns}
        getRowId={getRowId}
        getRowClass={rowClass}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellMouseDown={onCellMouseDown}
        onCellMouseOver={onCellMouseOver}
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
      />
    </div>
  );
}
