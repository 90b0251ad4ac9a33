import {
  AllCommunityModule,
  ModuleRegistry,
  type CellClassParams,
  type CellEditRequestEvent,
  type ColDef,
  type ColGroupDef,
  type GetRowIdParams,
  type GridApi,
  type RowClassParams,
  type ValueFormatterParams,
  type ValueGetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef } from 'react';
import { fiscalYearLabel } from '../../shared/calendar/fiscal-calendar';
import { isCanonicalAmount } from '../../shared/money/amount';
import { formatAmount } from '../../shared/money/format-amount';
import { Decimal } from '../../shared/money/decimal';
import { useSheetStore } from '../state/sheet-store';
import type { GridRow, SheetView } from '../state/sheet-view';
import { darkGridTheme, lightGridTheme } from './grid-theme';

ModuleRegistry.registerModules([AllCommunityModule]);

type Value = Decimal | string | null;

function formatValue(params: ValueFormatterParams<GridRow, Value>): string {
  const value = params.value;
  if (value === null || value === undefined || value === '') return '';
  // While an entry is being committed the grid may format the raw text the user typed.
  if (typeof value === 'string' && !isCanonicalAmount(value)) return value;
  return formatAmount(value);
}

const isLineRow = (params: { data?: GridRow | undefined; node?: { rowPinned?: unknown } | null }): boolean => params.data?.kind === 'line';

function amountCellClass(params: CellClassParams<GridRow, Value>): string[] {
  const classes = ['amount-cell'];
  const value = params.value;
  if (value instanceof Decimal ? value.isNegative() : typeof value === 'string' && value.startsWith('-')) classes.push('amount-negative');
  return classes;
}

function columnsFor(view: SheetView): (ColDef<GridRow, Value> | ColGroupDef<GridRow>)[] {
  const monthColumns: ColDef<GridRow, Value>[] = view.model.periods.map((period) => ({
    colId: `p${period.index}`,
    headerName: period.label,
    headerTooltip: `${period.label}: type an amount, Enter to save`,
    width: 112,
    type: 'rightAligned',
    editable: isLineRow,
    valueGetter: (params: ValueGetterParams<GridRow, Value>) => {
      const row = params.data;
      if (row === undefined) return null;
      return row.kind === 'line' ? (row.line.values[period.index] ?? null) : (row.periods[period.index] ?? null);
    },
    valueFormatter: formatValue,
    cellClass: amountCellClass,
  }));
  return [
    {
      colId: 'department',
      headerName: 'Department',
      pinned: 'left',
      width: 118,
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => (params.data?.kind === 'line' ? params.data.department : (params.data?.label ?? '')),
      colSpan: (params) => (params.data?.kind === 'total' ? 3 : 1),
      cellClass: (params) => (params.data?.kind === 'total' ? 'total-label' : 'dimension-cell'),
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
      tooltipValueGetter: (params) => (params.data?.kind === 'line' ? params.data.line.description : undefined),
    },
    ...monthColumns,
    {
      colId: 'year',
      headerName: `${fiscalYearLabel(view.model.calendar)} total`,
      pinned: 'right',
      headerTooltip: 'Full-year total of the line',
      width: 164,
      type: 'rightAligned',
      valueGetter: (params: ValueGetterParams<GridRow, Value>) => params.data?.year ?? null,
      valueFormatter: formatValue,
      cellClass: (params: CellClassParams<GridRow, Value>) => [...amountCellClass(params), 'year-total-cell'],
    },
  ];
}

function rowClass(params: RowClassParams<GridRow>): string | undefined {
  if (params.data?.kind !== 'total') return undefined;
  return params.data.emphasis ? 'total-row total-row-result' : 'total-row';
}

export interface BudgetGridProps {
  view: SheetView;
  dark: boolean;
  onReady?: (api: GridApi<GridRow>) => void;
}

/** The budget sheet: lines as rows, months as columns, the year total, and pinned totals. It only displays and edits; the store computes. */
export function BudgetGrid({ view, dark, onReady }: BudgetGridProps) {
  const editCell = useSheetStore((state) => state.editCell);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  // Columns depend only on the calendar: a new value edit must not rebuild them.
  const columns = useMemo(() => columnsFor(view), [view.model.periods, view.model.calendar]); // eslint-disable-line react-hooks/exhaustive-deps
  const getRowId = useCallback((params: GetRowIdParams<GridRow>) => params.data.id, []);
  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<GridRow, Value>) => {
      const row = event.data;
      const colId = event.column.getColId();
      if (row.kind !== 'line' || !colId.startsWith('p')) return;
      const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      void editCell(row.line.id, Number(colId.slice(1)), text);
    },
    [editCell],
  );
  return (
    <div className="grid-host" data-testid="budget-grid">
      <AgGridReact<GridRow>
        theme={dark ? darkGridTheme : lightGridTheme}
        rowData={view.rows}
        pinnedBottomRowData={view.totalRows}
        columnDefs={columns}
        getRowId={getRowId}
        getRowClass={rowClass}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressMovableColumns
        defaultColDef={{ sortable: false, resizable: true, suppressHeaderMenuButton: true }}
        tooltipShowDelay={600}
        onGridReady={(event) => {
          apiRef.current = event.api;
          onReady?.(event.api);
        }}
      />
    </div>
  );
}
