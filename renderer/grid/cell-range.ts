import { Decimal } from '../../shared/money/decimal';
import type { CellEdit } from '../../shared/domain/cell-edit';
import { toTabularText } from '../../shared/clipboard/tabular-text';
import type { BudgetLine } from '../../shared/domain/workbook';
import type { SheetView } from '../state/sheet-view';

/** A month cell of a budget line, by the line's position in the sheet and the period. */
export interface CellPosition {
  row: number;
  period: number;
}

/** A rectangular selection: where it started (the anchor) and where it ends (the focus). */
export interface CellRange {
  anchor: CellPosition;
  focus: CellPosition;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function singleCell(position: CellPosition): CellRange {
  return { anchor: position, focus: position };
}

export function boundsOf(range: CellRange): Bounds {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.period, range.focus.period),
    right: Math.max(range.anchor.period, range.focus.period),
  };
}

export function rangeContains(range: CellRange, row: number, period: number): boolean {
  const bounds = boundsOf(range);
  return row >= bounds.top && row <= bounds.bottom && period >= bounds.left && period <= bounds.right;
}

export function cellCount(range: CellRange): number {
  const bounds = boundsOf(range);
  return (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
}

/** Every month cell of every row the sheet shows. */
export function wholeSheet(view: SheetView): CellRange | null {
  if (view.display.rows.length === 0 || view.model.periods.length === 0) return null;
  return { anchor: { row: 0, period: 0 }, focus: { row: view.display.rows.length - 1, period: view.model.periods.length - 1 } };
}

/** The budget line shown at a display position, or undefined for a group row. */
export function lineAt(view: SheetView, row: number): BudgetLine | undefined {
  const shown = view.display.rows[row];
  return shown?.kind === 'line' ? shown.line : undefined;
}

/** A line whose cells take entries: formula lines compute theirs, so clear and fill pass them by. */
function enteredLineAt(view: SheetView, row: number): BudgetLine | undefined {
  const line = lineAt(view, row);
  return line?.formula === null ? line : undefined;
}

/** The range as tab-separated canonical amounts (empty cells empty), the way spreadsheets paste it. */
export function rangeAsText(view: SheetView, range: CellRange): string {
  return toTabularText(rangeValues(view, range));
}

/** The range as an HTML table, for pasting into Excel, Google Sheets, Word or mail. */
export function rangeAsHtml(view: SheetView, range: CellRange): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = rangeValues(view, range).map((cells) => `<tr>${cells.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`);
  return `<table>${rows.join('')}</table>`;
}

/** Canonical amounts; a rate as its percentage (`22%`), as a spreadsheet copies a percent cell, so pasting it back reads the same. */
function rangeValues(view: SheetView, range: CellRange): string[][] {
  const bounds = boundsOf(range);
  const rows: string[][] = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const shown = view.display.rows[row];
    if (shown?.kind !== 'line') continue;
    const rate = shown.account.unit === 'percent';
    const cells: string[] = [];
    for (let period = bounds.left; period <= bounds.right; period += 1) {
      const value = shown.line.values[period] ?? '';
      cells.push(rate && value !== '' ? `${new Decimal(value).times(100).toString()}%` : value);
    }
    rows.push(cells);
  }
  return rows;
}

/** Edits that empty every cell of the range that holds a value. */
export function clearEdits(view: SheetView, range: CellRange): CellEdit[] {
  const bounds = boundsOf(range);
  const edits: CellEdit[] = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const line = enteredLineAt(view, row);
    if (line === undefined) continue;
    for (let period = bounds.left; period <= bounds.right; period += 1) {
      if ((line.values[period] ?? null) !== null) edits.push({ lineId: line.id, period, value: null });
    }
  }
  return edits;
}

/**
 * Edits for Excel's fill down (Ctrl+D) and fill right (Ctrl+R): the range's first line (or
 * month) copied over the rest of it. A single cell takes the value of the line above (or the
 * month to its left). Group rows are skipped.
 */
export function fillEdits(view: SheetView, range: CellRange, direction: 'down' | 'right'): CellEdit[] {
  const bounds = boundsOf(range);
  const linesInRange: BudgetLine[] = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const line = lineAt(view, row);
    if (line !== undefined) linesInRange.push(line);
  }
  if (direction === 'down') {
    let source = linesInRange[0];
    let targets = linesInRange.slice(1);
    if (linesInRange.length === 1) {
      // A single line takes the values of the nearest line above it.
      for (let row = bounds.top - 1; row >= 0 && targets.length === 0; row -= 1) {
        const above = lineAt(view, row);
        if (above !== undefined) {
          targets = linesInRange;
          source = above;
        }
      }
    }
    if (source === undefined) return [];
    const edits: CellEdit[] = [];
    for (const line of targets.filter((target) => target.formula === null)) {
      for (let period = bounds.left; period <= bounds.right; period += 1) {
        const value = source.values[period] ?? null;
        if ((line.values[period] ?? null) !== value) edits.push({ lineId: line.id, period, value });
      }
    }
    return edits;
  }
  const from = bounds.left === bounds.right ? bounds.left - 1 : bounds.left;
  if (from < 0) return [];
  const edits: CellEdit[] = [];
  for (const line of linesInRange.filter((target) => target.formula === null)) {
    const value = line.values[from] ?? null;
    for (let period = from + 1; period <= bounds.right; period += 1) {
      if ((line.values[period] ?? null) !== value) edits.push({ lineId: line.id, period, value });
    }
  }
  return edits;
}

/**
 * Edits for dragging the fill handle from `source` out to `target` (which contains it and grows
 * down or right): the source's cells repeat over the new cells, as Excel copies a block when it
 * is dragged. Group rows are skipped.
 */
export function dragFillEdits(view: SheetView, source: CellRange, target: CellRange): CellEdit[] {
  const from = boundsOf(source);
  const to = boundsOf(target);
  const sourceLines: BudgetLine[] = [];
  for (let row = from.top; row <= from.bottom; row += 1) {
    const line = lineAt(view, row);
    if (line !== undefined) sourceLines.push(line);
  }
  if (sourceLines.length === 0) return [];
  const edits: CellEdit[] = [];
  const width = from.right - from.left + 1;
  if (to.bottom > from.bottom) {
    let offset = 0;
    for (let row = from.bottom + 1; row <= to.bottom; row += 1) {
      const line = enteredLineAt(view, row);
      if (line === undefined) continue;
      const pattern = sourceLines[offset % sourceLines.length];
      offset += 1;
      for (let period = from.left; period <= from.right; period += 1) {
        const value = pattern?.values[period] ?? null;
        if ((line.values[period] ?? null) !== value) edits.push({ lineId: line.id, period, value });
      }
    }
  } else if (to.right > from.right) {
    for (const line of sourceLines.filter((source) => source.formula === null)) {
      for (let period = from.right + 1; period <= to.right; period += 1) {
        const value = line.values[from.left + ((period - from.left) % width)] ?? null;
        if ((line.values[period] ?? null) !== value) edits.push({ lineId: line.id, period, value });
      }
    }
  }
  return edits;
}
