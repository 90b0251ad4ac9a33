import { cellsLabel } from '../../../shared/domain/cells-label';
import type { CellClassParams, CellFocusedEvent, CellMouseDownEvent, CellMouseOverEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { toTabularText } from '../../../shared/clipboard/tabular-text';
import { showError } from '../../state/notice-store';
import { htmlTableRows } from '../html-table';
import {
  cellCount,
  clearWrites,
  fillWrites,
  rangeAsHtml,
  rangeAsText,
  rangeContains,
  singleCell,
  wholeGrid,
  type CellGrid,
  type CellPosition,
  type CellRange,
  type CellWrite,
} from '../../selection/cell-range';
import { edgeOfData, type Direction } from './navigation';
import { selectWhenWritten, type SelectionStore } from '../../selection/selection-store';
import { isCommandKey } from '../../commands/command-keys';
import { setActiveGrid, type GridActions } from './active-grid';
import { isFillHandleCell, repaintRange } from './range-paint';
import { answerMenuCopy, copyThroughMenu } from './menu-copy';
import { useFillHandle } from './use-fill-handle';
import { focusCell } from './focus-cell';

/** A grid's cells as the shared behaviour sees them, with the ids of the columns a range spans. */
export interface SpreadsheetCells extends CellGrid {
  /** the range columns' ids in display order: a range's column is a position in this list */
  columnIds: readonly string[];
}

export interface SpreadsheetOptions<Row> {
  apiRef: RefObject<GridApi<Row> | null>;
  hostRef: RefObject<HTMLDivElement | null>;
  selection: SelectionStore;
  /** the grid's cells as they are now, read when an event needs them; null while there are none */
  cells(): SpreadsheetCells | null;
  /** pastes a block at the range; resolves with the cells it filled, or null (having said why) */
  paste(range: CellRange, text: string): Promise<CellRange | null>;
  /** saves cell writes (a clear, a fill) as one undo step, or says why not */
  write(writes: CellWrite[], label: string): Promise<boolean>;
  /** what a paste says when the cursor is on no cell that takes one */
  noCellMessage: string;
  /** why the grid's cells cannot be changed now (an approved version, computed figures), or null; for menus */
  readOnly?(): string | null;
}

export interface Spreadsheet {
  onCellFocused(event: CellFocusedEvent): void;
  onCellMouseDown(event: CellMouseDownEvent): void;
  onCellMouseOver(event: CellMouseOverEvent): void;
  /** Excel's keys; true when the key was handled here (and claimed from AG Grid). */
  handleKey(event: ReactKeyboardEvent): boolean;
  /** Puts the cursor on a cell, scrolling it into view. */
  moveCursor(position: CellPosition): void;
  /**
   * Puts the cursor on a row's cell in any column (a find's match), scrolled to the middle of
   * the view. With `keepFocus`, the keyboard stays where it is (the find field).
   */
  revealCell(row: number, colId: string, keepFocus: boolean): void;
  /** the grid's actions, as menus and the context menu run them */
  actions: GridActions;
  /** the selection, or the cell under the cursor on its own */
  currentRange(): CellRange | null;
}

const ARROW_DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const ARROW_STEPS: Record<Direction, CellPosition> = { up: { row: -1, column: 0 }, down: { row: 1, column: 0 }, left: { row: 0, column: -1 }, right: { row: 0, column: 1 } };


/** The command a key runs in the shared behaviour, from the command table's shortcuts (Backspace clears too, as in Excel). */
function spreadsheetCommandOf(event: KeyboardEvent): 'clear' | 'selectAll' | 'fillDown' | 'fillRight' | null {
  if (isCommandKey(event, 'edit.clear') || (event.key === 'Backspace' && !event.ctrlKey && !event.metaKey && !event.altKey)) return 'clear';
  if (isCommandKey(event, 'edit.select-all')) return 'selectAll';
  if (isCommandKey(event, 'edit.fill-down')) return 'fillDown';
  if (isCommandKey(event, 'edit.fill-right')) return 'fillRight';
  return null;
}

/** Keys the shared behaviour handles rather than AG Grid (clearing, fills, select all): for a column's suppressKeyboardEvent. */
export function isSpreadsheetCommand(event: KeyboardEvent): boolean {
  return spreadsheetCommandOf(event) !== null;
}

/** The class rules that draw a range column's part of the selection and the fill handle. */
export function rangeCellClassRules<Row>(selection: SelectionStore, column: number, holdsCells: (row: Row | undefined) => boolean) {
  return {
    'cell-in-range': (params: CellClassParams<Row>) => {
      const range = selection.getState().range;
      return range !== null && cellCount(range) > 1 && holdsCells(params.data) && params.node.rowPinned == null && rangeContains(range, params.node.rowIndex ?? -1, column);
    },
    'fill-handle-cell': (params: CellClassParams<Row>) => holdsCells(params.data) && params.node.rowPinned == null && isFillHandleCell(selection.getState().range, params.node.rowIndex ?? -1, column),
  };
}

/**
 * A spreadsheet's habits on an AG Grid, shared by every grid of cells in the app (the budget
 * sheet, the proposals sheet): range selection by mouse and Shift+arrows, Ctrl+arrows to the
 * edge of the data, Home/End, Ctrl+A, copy and paste as text and HTML tables, Delete, Ctrl+D,
 * Ctrl+R and the fill handle. The grid says what its cells are and how they are written.
 */
export function useSpreadsheet<Row>(options: SpreadsheetOptions<Row>): Spreadsheet {
  // The latest options, read by listeners that live as long as the grid.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const { apiRef, hostRef, selection } = options;
  const shiftHeld = useRef(false);
  const dragging = useRef(false);

  const columnOf = useCallback((colId: string): number | null => {
    const index = latest.current.cells()?.columnIds.indexOf(colId) ?? -1;
    return index < 0 ? null : index;
  }, []);

  const currentRange = useCallback((): CellRange | null => {
    const range = selection.getState().range;
    if (range !== null) return range;
    const focused = apiRef.current?.getFocusedCell();
    if (focused === null || focused === undefined || focused.rowPinned != null) return null;
    const column = columnOf(focused.column.getColId());
    return column === null ? null : singleCell({ row: focused.rowIndex, column });
  }, [apiRef, selection, columnOf]);

  const gridHasFocus = useCallback(
    () => hostRef.current !== null && hostRef.current.contains(document.activeElement) && (apiRef.current?.getEditingCells().length ?? 0) === 0,
    [apiRef, hostRef],
  );

  const writeCells = useCallback((writes: CellWrite[], label: string) => (writes.length === 0 ? Promise.resolve(true) : latest.current.write(writes, label)), []);

  // Repaint the range highlight on the cells already drawn when the selection changes: the
  // cells marked now and the cells of the new range, not every cell on screen (moving the cursor
  // after an edit must cost next to nothing). (A refreshCells with force would rebuild the cells
  // and take the keyboard focus with them; cells drawn later get the classes from their class rules.)
  useEffect(
    () =>
      selection.subscribe((state, previous) => {
        const cells = latest.current.cells();
        if (state.range === previous.range || hostRef.current === null || cells === null) return;
        repaintRange(hostRef.current, cells, state.range);
      }),
    [selection, hostRef],
  );

  // Clipboard: copy the selection as text and an HTML table; paste a block at its top-left cell.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (answerMenuCopy(event)) return;
      const range = currentRange();
      const cells = latest.current.cells();
      if (!gridHasFocus() || range === null || cells === null || event.clipboardData === null) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', rangeAsText(cells, range));
      event.clipboardData.setData('text/html', rangeAsHtml(cells, range));
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!gridHasFocus()) return;
      event.preventDefault();
      const range = currentRange();
      if (range === null) {
        showError(new Error(latest.current.noCellMessage));
        return;
      }
      // Plain text is what Excel and Google Sheets give; an HTML table alone (some web pages and apps) is read as cells.
      const plain = event.clipboardData?.getData('text/plain') ?? '';
      const tableRows = plain === '' ? htmlTableRows(event.clipboardData?.getData('text/html') ?? '') : null;
      void selectWhenWritten(selection, latest.current.paste(range, tableRows === null ? plain : toTabularText(tableRows)), (pasted) =>
        pasted === null ? undefined : cellCount(pasted) > 1 ? pasted : null,
      );
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [currentRange, gridHasFocus, selection]);

  const cellsNow = useCallback(() => latest.current.cells(), []);
  const fillHandle = useFillHandle(hostRef, selection, cellsNow, writeCells);

  useEffect(() => {
    // Whether Shift is held, from the keys and from the press of the mouse that moves the focus:
    // Shift pressed while the keys went elsewhere (another window, a busy page) still grows the selection.
    const track = (event: KeyboardEvent | MouseEvent) => (shiftHeld.current = event.shiftKey);
    const endDrag = () => (dragging.current = false);
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    window.addEventListener('mousedown', track, true);
    window.addEventListener('mouseup', endDrag, true);
    return () => {
      window.removeEventListener('keydown', track, true);
      window.removeEventListener('keyup', track, true);
      window.removeEventListener('mousedown', track, true);
      window.removeEventListener('mouseup', endDrag, true);
    };
  }, []);

  const onCellFocused = useCallback(
    (event: CellFocusedEvent) => {
      const colId = typeof event.column === 'string' ? event.column : (event.column?.getColId() ?? '');
      const { setCursor, setRange, range } = selection.getState();
      setCursor(event.rowIndex === null || event.rowPinned != null ? null : { row: event.rowIndex, colId });
      const column = columnOf(colId);
      if (event.rowIndex === null || event.rowPinned != null || column === null) {
        setRange(null);
        return;
      }
      const position = { row: event.rowIndex, column };
      // Shift+click grows the selection from its anchor; anything else starts a new one.
      setRange(shiftHeld.current ? { anchor: range?.anchor ?? position, focus: position } : singleCell(position));
    },
    [selection, columnOf],
  );

  const onCellMouseDown = useCallback(
    (event: CellMouseDownEvent) => {
      const column = columnOf(event.column.getColId());
      if (event.rowIndex === null || event.node.rowPinned != null || column === null) return;
      const mouse = event.event as MouseEvent | null;
      if (mouse !== null && mouse.button !== 0) return;
      const position = { row: event.rowIndex, column };
      const { range, setRange } = selection.getState();
      dragging.current = true;
      setRange(mouse?.shiftKey === true && range !== null ? { anchor: range.anchor, focus: position } : singleCell(position));
    },
    [selection, columnOf],
  );

  const onCellMouseOver = useCallback(
    (event: CellMouseOverEvent) => {
      const hovered = columnOf(event.column.getColId());
      const { range, setRange } = selection.getState();
      if (event.rowIndex !== null && hovered !== null && fillHandle.dragOver(event.rowIndex, hovered)) return;
      const mouse = event.event as MouseEvent | null;
      if (!dragging.current || mouse === null || (mouse.buttons & 1) === 0) return;
      if (event.rowIndex === null || event.node.rowPinned != null || hovered === null || range === null) return;
      setRange({ anchor: range.anchor, focus: { row: event.rowIndex, column: hovered } });
    },
    [selection, columnOf, fillHandle],
  );

  const moveCursor = useCallback(
    (position: CellPosition) => {
      const grid = apiRef.current;
      const colId = latest.current.cells()?.columnIds[position.column];
      if (grid === null || colId === undefined) return;
      grid.ensureIndexVisible(position.row);
      grid.ensureColumnVisible(colId);
      focusCell(grid, hostRef, position.row, colId);
    },
    [apiRef, hostRef],
  );

  // What menus and the context menu run on this grid: the same as its keys and clipboard events.
  const actions = useMemo<GridActions>(() => {
    const fill = (direction: 'down' | 'right') => {
      const range = currentRange();
      const cells = latest.current.cells();
      if (range === null || cells === null) return;
      const writes = fillWrites(cells, range, direction);
      void writeCells(writes, `fill ${direction} ${cellsLabel(writes.length)}`);
    };
    const grid: GridActions = {
      copy() {
        const range = currentRange();
        const cells = latest.current.cells();
        if (range === null || cells === null) return;
        copyThroughMenu({ text: rangeAsText(cells, range), html: rangeAsHtml(cells, range) });
      },
      cut() {
        const readOnly = latest.current.readOnly?.() ?? null;
        if (readOnly !== null) {
          showError(new Error(readOnly));
          return;
        }
        grid.copy();
        grid.clear();
      },
      paste(text: string) {
        const range = currentRange();
        if (range === null) {
          showError(new Error(latest.current.noCellMessage));
          return;
        }
        void selectWhenWritten(selection, latest.current.paste(range, text), (pasted) => (pasted === null ? undefined : cellCount(pasted) > 1 ? pasted : null));
      },
      clear() {
        const range = currentRange();
        const cells = latest.current.cells();
        if (range === null || cells === null) return;
        const writes = clearWrites(cells, range);
        void writeCells(writes, `clear ${cellsLabel(writes.length)}`);
      },
      selectAll() {
        const cells = latest.current.cells();
        if (cells !== null) selection.getState().setRange(wholeGrid(cells));
      },
      fillDown() {
        fill('down');
      },
      fillRight() {
        fill('right');
      },
      hasSelection: () => currentRange() !== null,
      readOnly: () => latest.current.readOnly?.() ?? null,
    };
    return grid;
  }, [currentRange, selection, writeCells]);

  const handleKey = useCallback(
    (event: ReactKeyboardEvent): boolean => {
      const grid = apiRef.current;
      const cells = latest.current.cells();
      if (grid === null || cells === null || hostRef.current === null || !hostRef.current.contains(document.activeElement)) return false;
      const native = event.nativeEvent;
      const mod = native.ctrlKey || native.metaKey;
      const claim = () => {
        event.preventDefault();
        event.stopPropagation();
        return true;
      };
      const focused = grid.getFocusedCell();
      const onCell = focused !== null && focused !== undefined && focused.rowPinned == null;
      const { setRange } = selection.getState();

      if (grid.getEditingCells().length > 0) {
        // Tab saves the entry and moves along the row without editing the next cell, as in Excel.
        if (native.key !== 'Tab' || !onCell) return false;
        const columnsInOrder = grid.getAllDisplayedColumns();
        const index = columnsInOrder.findIndex((column) => column.getColId() === focused.column.getColId());
        const target = columnsInOrder[Math.min(Math.max(index + (native.shiftKey ? -1 : 1), 0), columnsInOrder.length - 1)];
        grid.stopEditing();
        if (target !== undefined) grid.setFocusedCell(focused.rowIndex, target);
        return claim();
      }
      if (native.key === 'Escape') {
        setRange(null);
        return false;
      }
      const lastColumn = cells.columns - 1;
      const lastRow = cells.rows - 1;
      if (native.key === 'Home' || native.key === 'End') {
        if (!onCell || lastRow < 0) return false;
        const dataRows: number[] = [];
        for (let row = 0; row <= lastRow; row += 1) if (cells.isDataRow(row)) dataRows.push(row);
        const row = mod ? ((native.key === 'Home' ? dataRows[0] : dataRows[dataRows.length - 1]) ?? focused.rowIndex) : focused.rowIndex;
        moveCursor({ row, column: native.key === 'Home' ? 0 : lastColumn });
        return claim();
      }
      const arrow = ARROW_DIRECTIONS[native.key];
      if (arrow !== undefined && (mod || native.shiftKey)) {
        const range = currentRange();
        if (range === null) return false;
        const shape = { rows: cells.rows, columns: cells.columns, filled: (row: number, column: number) => cells.isDataRow(row) && cells.value(row, column) !== null };
        const step = ARROW_STEPS[arrow];
        const target = mod
          ? edgeOfData(shape, native.shiftKey ? range.focus : range.anchor, arrow)
          : { row: Math.min(Math.max(range.focus.row + step.row, 0), lastRow), column: Math.min(Math.max(range.focus.column + step.column, 0), lastColumn) };
        if (native.shiftKey) {
          // Shift grows the selection from the cursor, which stays where it is (as in Excel).
          setRange({ anchor: range.anchor, focus: target });
          grid.ensureIndexVisible(target.row);
          const colId = cells.columnIds[target.column];
          if (colId !== undefined) grid.ensureColumnVisible(colId);
        } else {
          moveCursor(target);
        }
        return claim();
      }
      const command = spreadsheetCommandOf(native);
      if (command === null) return false;
      if (command !== 'selectAll' && currentRange() === null) return false;
      actions[command]();
      return claim();
    },
    [apiRef, hostRef, selection, currentRange, moveCursor, actions],
  );

  const revealCell = useCallback(
    (row: number, colId: string, keepFocus: boolean) => {
      const grid = apiRef.current;
      if (grid === null || grid.isDestroyed()) return;
      const keep = keepFocus && document.activeElement instanceof HTMLElement ? document.activeElement : null;
      grid.ensureIndexVisible(row, 'middle');
      grid.ensureColumnVisible(colId);
      if (keep === null) {
        focusCell(grid, hostRef, row, colId);
        return;
      }
      // The grid's cursor moves (AG Grid focuses the cell); the keyboard goes back where it was.
      grid.setFocusedCell(row, colId);
      keep.focus();
      let framesLeft = 3;
      const keepIt = () => {
        if (hostRef.current?.contains(document.activeElement) === true) keep.focus();
        if (framesLeft-- > 0) requestAnimationFrame(keepIt);
      };
      requestAnimationFrame(keepIt);
    },
    [apiRef, hostRef],
  );

  // The grid that has the keyboard is the one menus act on; it stays so until another takes it or it goes.
  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    let withdraw: (() => void) | null = null;
    const onFocusIn = () => {
      withdraw?.();
      withdraw = setActiveGrid(actions);
    };
    host.addEventListener('focusin', onFocusIn);
    return () => {
      host.removeEventListener('focusin', onFocusIn);
      withdraw?.();
    };
  }, [hostRef, actions]);

  return { onCellFocused, onCellMouseDown, onCellMouseOver, handleKey, moveCursor, currentRange, revealCell, actions };
}
