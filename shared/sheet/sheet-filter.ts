import type { AccountType, BudgetLine } from '../domain/workbook';
import { applyCellChanges, computeSheetTotals, type CellChangeForTotals, type SheetTotals, type TotalRow } from '../engine/sheet-totals';
import { buildDisplay, updateDisplay } from './sheet-groups';
import type { LineRow, SheetView, TotalsRow } from './sheet-view';

/**
 * The sheet with a filter on: only the matching lines are shown, with the group rows above them.
 *
 * The rule (Excel's SUBTOTAL over visible rows): with the filter on, every subtotal and total adds
 * the lines the filter shows and only those. A group's subtotal is that of its shown lines (lines
 * folded inside a collapsed group still count: they are in the filter, only folded away); the
 * pinned totals (revenue, cost of goods sold, operating expenses, operating income, capital
 * expenses) are those of the shown lines, and their labels say so: "Total revenue (filtered: 12
 * of 340 lines)". Group rows say how many of their lines are shown. The figures come from the
 * same engine as the whole sheet's (exact sums in cents, never floats), over the shown lines; an
 * error in a shown line travels into the filtered totals, an error in a hidden line does not.
 */
export interface FilteredSheet {
  /** the sheet as the grid shows it with the filter on: display, totals and total rows of the shown lines */
  view: SheetView;
  /** the sheet it was made from */
  source: SheetView;
  /** the lines the filter lets through */
  lineIds: ReadonlySet<number>;
  /** how many lines are shown, of how many */
  shownLines: number;
  totalLines: number;
  /** each group's number of lines in the whole sheet, for "3 of 12 lines" */
  groupLineCounts: ReadonlyMap<string, number>;
}

/** Which of the sheet's totals each pinned total row shows. */
const TOTAL_ROW_SOURCES: Record<string, (totals: SheetTotals) => TotalRow> = {
  'total-revenue': (totals) => totals.byType.revenue,
  'total-cogs': (totals) => totals.byType.cogs,
  'total-opex': (totals) => totals.byType.opex,
  'operating-income': (totals) => totals.operatingIncome,
  'total-capex': (totals) => totals.byType.capex,
};

/** How a filtered total row's label says that it is filtered. */
export function filteredLabel(label: string, shown: number, total: number): string {
  return `${label} (filtered: ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} line${total === 1 ? '' : 's'})`;
}

function filteredTotalRows(source: readonly TotalsRow[], totals: SheetTotals, shown: number, total: number, previous: readonly TotalsRow[] = []): TotalsRow[] {
  return source.map((row) => {
    const pick = TOTAL_ROW_SOURCES[row.id];
    const figures = pick === undefined ? { periods: row.periods, year: row.year } : pick(totals);
    const label = filteredLabel(row.label, shown, total);
    const before = previous.find((candidate) => candidate.id === row.id);
    if (before !== undefined && before.periods === figures.periods && before.year === figures.year && before.label === label) return before;
    return { ...row, label, periods: figures.periods, year: figures.year };
  });
}

const typeOf = (rows: readonly LineRow[]) => {
  const types = new Map<number, AccountType>(rows.map((row) => [row.line.id, row.account.type]));
  return (line: BudgetLine): AccountType => types.get(line.id) ?? 'driver';
};

function restrictErrors(view: SheetView, lineIds: ReadonlySet<number>): SheetView['lineErrors'] {
  if (view.lineErrors.size === 0) return view.lineErrors;
  return new Map([...view.lineErrors].filter(([lineId]) => lineIds.has(lineId)));
}

/** The sheet showing only the given lines, with subtotals and totals of those lines. */
export function filterSheet(view: SheetView, lineIds: ReadonlySet<number>): FilteredSheet {
  const shownRows = view.rows.filter((row) => lineIds.has(row.line.id));
  const periodCount = view.model.periods.length;
  const display = buildDisplay(shownRows, periodCount, view.display.grouping, view.display.collapsed, view.model);
  const totals = computeSheetTotals(
    shownRows.map((row) => row.line),
    typeOf(shownRows),
    periodCount,
  );
  const groupLineCounts = new Map<string, number>();
  for (const row of view.display.rows) if (row.kind === 'group') groupLineCounts.set(row.id, row.lineCount);
  const filtered: SheetView = {
    ...view,
    display,
    totals,
    totalRows: filteredTotalRows(view.totalRows, totals, shownRows.length, view.rows.length),
    lineErrors: restrictErrors(view, lineIds),
  };
  return { view: filtered, source: view, lineIds, shownLines: shownRows.length, totalLines: view.rows.length, groupLineCounts };
}

/**
 * The filtered sheet after the sheet changed. Cell edits (the same lines, in the same places)
 * move the shown subtotals and totals by their differences, as the whole sheet's do, so an edit
 * with the filter on costs what it costs without; anything else (lines added, removed, renamed,
 * regrouped) filters again.
 */
export function refilterSheet(previous: FilteredSheet, view: SheetView): FilteredSheet {
  if (view === previous.source) return previous;
  const before = previous.source;
  const sameStructure =
    view.rowIndex === before.rowIndex && view.display.grouping === before.display.grouping && view.display.collapsed === before.display.collapsed && view.rows.length === before.rows.length;
  if (!sameStructure) return filterSheet(view, previous.lineIds);
  const changed: { before: LineRow; after: LineRow }[] = [];
  const changes: CellChangeForTotals[] = [];
  for (let index = 0; index < view.rows.length; index += 1) {
    const after = view.rows[index];
    const was = before.rows[index];
    if (after === undefined || was === undefined || after === was || !previous.lineIds.has(after.line.id)) continue;
    // A renamed line, or a line moved to another department or account, regroups the sheet.
    if (after.line.id !== was.line.id || after.account !== was.account || after.line.departmentId !== was.line.departmentId) return filterSheet(view, previous.lineIds);
    changed.push({ before: was, after });
    const periods = Math.max(after.line.values.length, was.line.values.length);
    for (let period = 0; period < periods; period += 1) {
      const from = was.line.values[period] ?? null;
      const to = after.line.values[period] ?? null;
      if (from !== to) changes.push({ lineId: after.line.id, type: after.account.type, period, before: from, after: to });
    }
  }
  const shown = previous.view;
  const totals = applyCellChanges(shown.totals, changes);
  const next: SheetView = {
    ...view,
    display: updateDisplay(shown.display, changed),
    totals,
    totalRows: filteredTotalRows(view.totalRows, totals, previous.shownLines, previous.totalLines, shown.totalRows),
    lineErrors: view.lineErrors === before.lineErrors ? shown.lineErrors : restrictErrors(view, previous.lineIds),
  };
  return { ...previous, view: next, source: view };
}
