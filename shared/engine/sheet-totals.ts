import type { AccountType, BudgetLine } from '../domain/workbook';
import type { AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';
import { centsOf, ExactSum } from '../money/exact-sum';
import { LayeredMap } from './layered-map';

/** The money account types that the sheet totals, in display order. Drivers are not money. */
export const TOTALLED_TYPES = ['revenue', 'cogs', 'opex', 'capex'] as const satisfies readonly AccountType[];
export type TotalledType = (typeof TOTALLED_TYPES)[number];

/** One row of totals: a value per period and the full-year total. */
export interface TotalRow {
  periods: Decimal[];
  year: Decimal;
}

/**
 * Exact totals of a sheet: the full-year total of every line, a total row per account type,
 * and operating income (revenue - COGS - operating expenses; capital expenses sit below it).
 */
export interface SheetTotals {
  /** Read-only: an edit derives a new map (a `LayeredMap`) and leaves this one as it was. */
  lineYear: ReadonlyMap<number, Decimal>;
  byType: Record<TotalledType, TotalRow>;
  operatingIncome: TotalRow;
}

function zeroRow(periodCount: number): TotalRow {
  return { periods: Array.from({ length: periodCount }, () => new Decimal(0)), year: new Decimal(0) };
}

function isTotalled(type: AccountType): type is TotalledType {
  return type !== 'driver';
}

/** Sign of a type in operating income; capex and drivers do not enter it. */
export function operatingSign(type: AccountType): -1 | 0 | 1 {
  if (type === 'revenue') return 1;
  if (type === 'cogs' || type === 'opex') return -1;
  return 0;
}

export function computeSheetTotals(
  lines: Iterable<BudgetLine>,
  typeOfLine: (line: BudgetLine) => AccountType,
  periodCount: number,
): SheetTotals {
  // Exact sums without a Decimal per cell (see ExactSum): 360,000 cells open in a fraction of the time.
  const sumRow = () => ({ periods: Array.from({ length: periodCount }, () => new ExactSum()), year: new ExactSum() });
  const sums: Record<TotalledType, { periods: ExactSum[]; year: ExactSum }> = { revenue: sumRow(), cogs: sumRow(), opex: sumRow(), capex: sumRow() };
  const lineYear = new Map<number, Decimal>();
  const totals: SheetTotals = {
    lineYear,
    byType: { revenue: zeroRow(periodCount), cogs: zeroRow(periodCount), opex: zeroRow(periodCount), capex: zeroRow(periodCount) },
    operatingIncome: zeroRow(periodCount),
  };
  for (const line of lines) {
    const type = typeOfLine(line);
    const row = isTotalled(type) ? sums[type] : null;
    const year = new ExactSum();
    for (let period = 0; period < periodCount; period += 1) {
      const text = line.values[period];
      // Empty cells are most cells in a sparse budget: skip them.
      if (text === null || text === undefined || text === '') continue;
      year.add(text);
      row?.periods[period]?.add(text);
    }
    lineYear.set(line.id, year.value());
    if (row !== null) row.year.addSum(year);
  }
  for (const type of TOTALLED_TYPES) {
    totals.byType[type] = { periods: sums[type].periods.map((sum) => sum.value()), year: sums[type].year.value() };
  }
  totals.operatingIncome = operatingIncomeRow(totals.byType, periodCount);
  return totals;
}

/** Operating income from the totals per type: revenue less COGS and operating expenses, per month and for the year. */
export function operatingIncomeRow(byType: Record<TotalledType, TotalRow>, periodCount: number): TotalRow {
  const of = (pick: (row: TotalRow) => Decimal) => pick(byType.revenue).minus(pick(byType.cogs)).minus(pick(byType.opex));
  return { periods: Array.from({ length: periodCount }, (_unused, period) => of((row) => row.periods[period] ?? new Decimal(0))), year: of((row) => row.year) };
}

/** One cell's change, as the totals engine needs it. */
export interface CellChangeForTotals {
  lineId: number;
  type: AccountType;
  period: number;
  before: AmountText | null;
  after: AmountText | null;
}

/**
 * Totals after cells change, computed from the differences so an edit costs the same whatever
 * the size of the sheet. Returns new objects for what changed (the grid relies on identity to
 * redraw) and shares the rest; copies each structure once however many cells change.
 */
export function applyCellChanges(totals: SheetTotals, changes: readonly CellChangeForTotals[]): SheetTotals {
  // The differences are summed exactly per line and per type and month first (ExactSum, no
  // Decimal per cell), then each total moves once: a 12,000-cell paste costs a few hundred
  // Decimal additions instead of tens of thousands.
  const byLine = new Map<number, ExactSum>();
  const byTypeAndPeriod = new Map<TotalledType, Map<number, ExactSum>>();
  // The line of the previous change, kept: a paste's changes come line by line.
  let lastLine = -1;
  let lineSum: ExactSum | undefined;
  for (const change of changes) {
    // Whole cents in a number where both sides are plain amounts (nearly always); an ExactSum otherwise.
    const to = centsOf(change.after);
    const from = centsOf(change.before);
    let cents = 0;
    let delta: ExactSum | null = null;
    if (to !== null && from !== null) cents = to - from;
    else {
      delta = new ExactSum();
      delta.addDifference(change.after, change.before);
      if (delta.isZero()) continue;
    }
    if (delta === null && cents === 0) continue;
    if (change.lineId !== lastLine || lineSum === undefined) {
      lastLine = change.lineId;
      lineSum = byLine.get(change.lineId);
      if (lineSum === undefined) byLine.set(change.lineId, (lineSum = new ExactSum()));
    }
    if (delta === null) lineSum.addCents(cents);
    else lineSum.addSum(delta);
    if (!isTotalled(change.type)) continue;
    let periods = byTypeAndPeriod.get(change.type);
    if (periods === undefined) byTypeAndPeriod.set(change.type, (periods = new Map()));
    let cell = periods.get(change.period);
    if (cell === undefined) periods.set(change.period, (cell = new ExactSum()));
    if (delta === null) cell.addCents(cents);
    else cell.addSum(delta);
  }
  if (byLine.size === 0) return totals;
  // Layered, not copied: an edit of a few lines costs a few entries, not the 10,000-line map.
  const previous = LayeredMap.over(totals.lineYear);
  const lineYear = previous.withEntries(
    Array.from(byLine, ([lineId, delta]): [number, Decimal] => [lineId, (previous.get(lineId) ?? new Decimal(0)).plus(delta.value())]),
  );
  const byType = { ...totals.byType };
  let operatingIncome: TotalRow | null = null;
  const mutable = (row: TotalRow): TotalRow => ({ periods: row.periods.slice(), year: row.year });
  for (const [type, periods] of byTypeAndPeriod) {
    byType[type] = mutable(byType[type]);
    const sign = operatingSign(type);
    if (sign !== 0) operatingIncome ??= mutable(totals.operatingIncome);
    for (const [period, sum] of periods) {
      const delta = sum.value();
      shift(byType[type], period, delta);
      if (operatingIncome !== null && sign !== 0) shift(operatingIncome, period, sign === 1 ? delta : delta.negated());
    }
  }
  return { lineYear, byType, operatingIncome: operatingIncome ?? totals.operatingIncome };
}

/** One cell's change: the common case of `applyCellChanges`. */
export function applyCellChange(totals: SheetTotals, change: CellChangeForTotals): SheetTotals {
  return applyCellChanges(totals, [change]);
}

function shift(row: TotalRow, period: number, delta: Decimal): void {
  row.periods[period] = (row.periods[period] ?? new Decimal(0)).plus(delta);
  row.year = row.year.plus(delta);
}
