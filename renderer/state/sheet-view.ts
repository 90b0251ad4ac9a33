import type { Account, AccountType, BudgetLine, SheetModel } from '../../shared/domain/workbook';
import { amountOf, type AmountText } from '../../shared/money/amount';
import type { Decimal } from '../../shared/money/decimal';
import { applyCellChange, computeSheetTotals, type SheetTotals, type TotalRow } from '../../shared/engine/sheet-totals';

/** A budget line as the grid shows it. A new object whenever anything in it changes. */
export interface LineRow {
  kind: 'line';
  id: string;
  line: BudgetLine;
  department: string;
  account: Account;
  year: Decimal;
}

/** A pinned total row at the foot of the sheet. */
export interface TotalsRow {
  kind: 'total';
  id: string;
  label: string;
  periods: Decimal[];
  year: Decimal;
  /** drawn heavier: the result line */
  emphasis: boolean;
}

export type GridRow = LineRow | TotalsRow;

/** The sheet as the renderer holds it: the model's dimensions, rows in display order, exact totals. */
export interface SheetView {
  model: Omit<SheetModel, 'lines'>;
  rows: LineRow[];
  totals: SheetTotals;
  totalRows: TotalsRow[];
  accountsById: Map<number, Account>;
}

const UNKNOWN_ACCOUNT: Account = { id: 0, code: '?', name: 'Unknown account', type: 'driver' };

function rowFor(line: BudgetLine, view: Pick<SheetView, 'model' | 'accountsById'>, year: Decimal): LineRow {
  const department = view.model.departments.find((candidate) => candidate.id === line.departmentId)?.name ?? 'Unknown department';
  return { kind: 'line', id: String(line.id), line, department, account: view.accountsById.get(line.accountId) ?? UNKNOWN_ACCOUNT, year };
}

function totalRowsOf(totals: SheetTotals): TotalsRow[] {
  const row = (id: string, label: string, source: TotalRow, emphasis = false): TotalsRow => ({
    kind: 'total',
    id,
    label,
    periods: source.periods,
    year: source.year,
    emphasis,
  });
  return [
    row('total-revenue', 'Total revenue', totals.byType.revenue),
    row('total-cogs', 'Total cost of goods sold', totals.byType.cogs),
    row('total-opex', 'Total operating expenses', totals.byType.opex),
    row('operating-income', 'Operating income', totals.operatingIncome, true),
    row('total-capex', 'Total capital expenses', totals.byType.capex),
  ];
}

export function buildSheetView(model: SheetModel): SheetView {
  const accountsById = new Map(model.accounts.map((account) => [account.id, account]));
  const typeOf = (line: BudgetLine): AccountType => accountsById.get(line.accountId)?.type ?? 'driver';
  const totals = computeSheetTotals(model.lines, typeOf, model.periods.length);
  const { lines, ...rest } = model;
  const base = { model: rest, accountsById };
  const rows = lines.map((line) => rowFor(line, base, totals.lineYear.get(line.id) ?? amountOf(null)));
  return { ...base, rows, totals, totalRows: totalRowsOf(totals) };
}

/** The view after one cell of a line changes. Rows that did not change keep their identity. */
export function withCellValue(view: SheetView, lineId: number, period: number, value: AmountText | null): SheetView {
  const index = view.rows.findIndex((row) => row.line.id === lineId);
  const current = view.rows[index];
  if (current === undefined) return view;
  const before = amountOf(current.line.values[period]);
  const values = current.line.values.slice();
  values[period] = value;
  const totals = applyCellChange(view.totals, { lineId, type: current.account.type, period, before, after: amountOf(value) });
  const line = { ...current.line, values };
  const rows = view.rows.slice();
  rows[index] = { ...current, line, year: totals.lineYear.get(lineId) ?? amountOf(null) };
  return { ...view, rows, totals, totalRows: totals === view.totals ? view.totalRows : totalRowsOf(totals) };
}
