/**
 * The budget grid's columns and how their cells look: formats, classes, tooltips, errors that
 * travel into totals, and the filtered labels. BudgetGrid.tsx wires them to the grid. Cell
 * tooltips are in each column's context (cell-tooltips.ts), not AG Grid's per-cell tooltips.
 */
import {
  type CellClassParams,
  type ColDef,
  type ColGroupDef,
  type ValueFormatterParams,
  type ValueGetterParams,
} from 'ag-grid-community';
import { fiscalLayout, fiscalYearLabel, type Period, type PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { isCanonicalQuantity, QUANTITY_SCALE } from '../../shared/money/amount';
import { formatAmount, formatPercent, type AmountFormat } from '../../shared/money/format-amount';
import { sheetAmountFormatOf, useDisplayStore } from '../state/display-store';
import { Decimal } from '../../shared/money/decimal';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { periodColumnId } from './sheet-cells';
import { amountWidthsFor, type TotalDigits } from './amount-widths';
import { currentFilter, shownSheet } from '../find/shown-sheet';
import { isSpreadsheetCommand, rangeCellClassRules } from './spreadsheet/use-spreadsheet';
import { cellTooltipContext } from './cell-tooltips';
import { commentPlace, rowError, type GridRow, type SheetView } from '../../shared/sheet/sheet-view';
import type { GroupRow, Grouping } from '../../shared/sheet/sheet-groups';
import { rowSpanSum } from '../../shared/sheet/span-sums';
import type { SheetComment } from '../../shared/domain/workbook';

/** What a cell of the budget grid holds: an exact amount, text being committed, or nothing. */
export type Value = Decimal | string | null;

/** The display settings' amount format, recomputed when they change. */
let amountFormat: AmountFormat = sheetAmountFormatOf(useDisplayStore.getState());
useDisplayStore.subscribe((state) => {
  amountFormat = sheetAmountFormatOf(state);
});

function formatValue(params: ValueFormatterParams<GridRow, Value>): string {
  const value = params.value;
  if (value === null || value === undefined || value === '') return '';
  // While an entry is being committed the grid may format the raw text the user typed.
  if (typeof value === 'string' && !isCanonicalQuantity(value)) return value;
  // Drivers are not money: counts show their decimals (up to six) without trailing zeros, rates as percentages.
  const unit = params.data?.kind === 'line' ? params.data.account.unit : 'currency';
  if (unit === 'percent') return formatPercent(value, amountFormat);
  return formatAmount(value, unit === 'number' ? { ...amountFormat, wholeUnits: false, trimDecimals: true, scale: QUANTITY_SCALE } : amountFormat);
}

export const isLineRow = (params: { data?: GridRow | undefined; node?: { rowPinned?: unknown } | null }): boolean => params.data?.kind === 'line';

function amountCellClass(params: CellClassParams<GridRow, Value>): string[] {
  const classes = ['amount-cell'];
  const value = params.value;
  if (value instanceof Decimal ? value.isNegative() : typeof value === 'string' && value.startsWith('-')) classes.push('amount-negative');
  return classes;
}

/** The comments on a line's cell (period) or on the line itself (null). */
export function commentsAt(row: GridRow | undefined, period: number | null): SheetComment[] {
  if (row?.kind !== 'line') return [];
  return useSheetStore.getState().view?.commentsByPlace.get(commentPlace(row.line.id, period)) ?? [];
}

export function commentTooltip(row: GridRow | undefined, period: number | null): string | undefined {
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

/** The column that carries group and total rows' labels: the first dimension column shown. */
export function labelColumnOf(grouping: Grouping): 'department' | 'account' {
  return grouping === 'department' ? 'account' : 'department';
}

/** The column that shows group and total rows' labels across the label columns (span): how those cells look and what they say on hover. */
function labelColumn(span: number): ColDef<GridRow, Value> {
  return {
    pinned: 'left',
    colSpan: (params) => (params.data?.kind === 'line' ? 1 : span),
    cellClass: (params) =>
      params.data?.kind === 'total'
        ? ['total-label', ...(currentFilter() === null ? [] : ['filtered-label'])]
        : params.data?.kind === 'group'
          ? ['group-label', ...(currentFilter() === null ? [] : ['filtered-label'])]
          : 'dimension-cell',
    // Each level of the tree of groups steps in a little further.
    cellStyle: (params) => (params.data?.kind === 'group' ? { paddingLeft: `${12 + params.data.level * 16}px` } : null),
    context: cellTooltipContext(labelTooltip),
  };
}

/** What a group or total row's label says on hover. */
function labelTooltip(row: GridRow | undefined): string | undefined {
  if (row?.kind === 'group') return `${row.subtotalMeaning}${currentFilter() === null ? '' : ', of the lines shown (filtered)'}. Click or press Enter to ${row.collapsed ? 'expand' : 'collapse'}.`;
  return row?.kind === 'total' && currentFilter() !== null ? 'Only the lines the filter shows are added up. Close find (Esc) to see the whole sheet’s totals.' : undefined;
}

/** The budget sheet's columns: dimensions and line (pinned left), months with quarter and year totals, the whole span (pinned right). */
export function columnsFor(
  view: SheetView,
  options: { showQuarters: boolean; showYears: boolean; grouping: Grouping; cents: boolean; digits: TotalDigits },
): (ColDef<GridRow, Value> | ColGroupDef<GridRow>)[] {
  // Wide enough for the sheet's largest totals (see amountWidthsFor).
  const widths = amountWidthsFor(options.cents, options.digits);
  // A forecast's closed months show the actuals: read-only, marked in the header and shaded.
  const closed = (period: Period) => period.index < view.model.actualMonths;
  const monthColumn = (period: Period): ColDef<GridRow, Value> => ({
    colId: periodColumnId(period.index),
    headerName: closed(period) ? `${period.label} · actual` : period.label,
    headerClass: closed(period) ? 'actual-month-header' : undefined,
    width: closed(period) ? widths.closedMonth : widths.month,
    type: 'rightAligned',
    editable: closed(period) ? false : isLineRow,
    valueGetter: (params: ValueGetterParams<GridRow, Value>) => {
      const row = params.data;
      if (row === undefined) return null;
      if (row.kind === 'line') return row.line.values[period.index] ?? null;
      return row.periods?.[period.index] ?? null;
    },
    valueFormatter: (params: ValueFormatterParams<GridRow, Value>) => (cellError(params.data, period.index) === null ? formatValue(params) : '#ERROR'),
    context: cellTooltipContext<GridRow>(
      (row) => cellError(row, period.index) ?? commentTooltip(row, period.index),
      closed(period) ? `${period.label} is closed: the actuals of “${view.model.actualsSource ?? ''}”, read-only` : `${period.label}: type an amount, Enter to save`,
    ),
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
    width: kind === 'quarter' ? widths.quarter : widths.year,
    type: 'rightAligned',
    editable: isLineRow,
    valueGetter: (params: ValueGetterParams<GridRow, Value>) => spanValue(params.data, span.periods),
    valueFormatter: (params: ValueFormatterParams<GridRow, Value>) => (spanError(params.data, span.periods) === null ? formatValue(params) : '#ERROR'),
    context: cellTooltipContext<GridRow>((row) => spanError(row, span.periods) ?? undefined, `${span.label}: type an amount here to spread it over its ${span.periods.length} months`),
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
  // The dimension the sheet is grouped by is said once, on its group rows, not again on every line:
  // that column is hidden, and the first shown one carries the group and total labels.
  const hidden = { department: options.grouping === 'department', account: options.grouping === 'account' };
  const labelHost = labelColumnOf(options.grouping);
  const labels = labelColumn(1 + (hidden.department ? 0 : 1) + (hidden.account ? 0 : 1));
  const dimensionColumn = (colId: 'department' | 'account', headerName: string, width: number, lineValue: (row: Extract<GridRow, { kind: 'line' }>) => string): ColDef<GridRow, Value> =>
    colId !== labelHost
      ? {
          colId,
          headerName,
          pinned: 'left',
          width,
          hide: hidden[colId],
          cellClass: 'dimension-cell',
          valueGetter: (params) => (params.data?.kind === 'line' ? lineValue(params.data) : ''),
          // A narrow column cuts long names short: the whole name on hover.
          context: cellTooltipContext<GridRow>((row) => (row?.kind === 'line' ? lineValue(row) : undefined)),
        }
      : {
          ...labels,
          colId,
          // Said outright: AG Grid keeps a column's earlier hidden state when a new definition leaves it out.
          hide: false,
          headerName,
          width,
          context: cellTooltipContext<GridRow>((row) => (row?.kind === 'line' ? lineValue(row) : labelTooltip(row))),
          valueGetter: (params: ValueGetterParams<GridRow, Value>) => {
            const row = params.data;
            if (row === undefined) return '';
            if (row.kind === 'line') return lineValue(row);
            return row.kind === 'total' ? row.label : groupLabel(row);
          },
        };
  return [
    dimensionColumn('department', 'Department', 118, (row) => row.department),
    dimensionColumn('account', 'Account', options.grouping === 'none' ? 204 : 140, (row) => `${row.account.code} ${row.account.name}`),
    {
      colId: 'description',
      headerName: 'Line',
      pinned: 'left',
      width: options.cents ? 250 : 228,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => (params.data?.kind === 'line' ? params.data.line.description : ''),
      // F2 or typing renames the line; formulas that use it follow the new name. Delete does not empty it.
      editable: isLineRow,
      suppressKeyboardEvent: (params) => !params.editing && (params.event.key === 'Delete' || params.event.key === 'Backspace'),
      context: cellTooltipContext<GridRow>((row) => commentTooltip(row, null) ?? (row?.kind === 'line' ? `${row.line.description} — F2 renames, Alt+Shift+↑/↓ moves` : undefined)),
      cellClass: (params) => (commentsAt(params.data, null).length > 0 ? ['has-comment'] : []),
    },
    ...periodColumns,
    {
      colId: 'year',
      headerName: wholeSpanLabel,
      pinned: 'right',
      width: layout.length <= 1 ? widths.total : widths.multiYearTotal,
      type: 'rightAligned',
      editable: isLineRow,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => (params.data?.kind === 'line' && params.data.account.unit === 'percent' ? null : (params.data?.year ?? null)),
      valueFormatter: (params: ValueFormatterParams<GridRow, Value>) => (spanError(params.data, allPeriods) === null ? formatValue(params) : '#ERROR'),
      context: cellTooltipContext<GridRow>((row) => spanError(row, allPeriods) ?? undefined, 'Total of the line over all months. Type an amount here to spread it over the months.'),
      cellClass: (params: CellClassParams<GridRow, Value>) => [
        ...amountCellClass(params),
        'year-total-cell',
        ...(spanError(params.data, allPeriods) === null ? [] : ['cell-error']),
      ],
    },
  ];
}

// One object for the life of the page: AG Grid rebuilds every column when it gets a new one.
