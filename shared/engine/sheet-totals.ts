import type { AccountType, BudgetLine } from '../domain/workbook';
import { Decimal } from '../money/decimal';

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
  lineYear: Map<number, Decimal>;
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
  lines: readonly BudgetLine[],
  typeOfLine: (line: BudgetLine) => AccountType,
  periodCount: number,
): SheetTotals {
  const totals: SheetTotals = {
    lineYear: new Map(),
    byType: { revenue: zeroRow(periodCount), cogs: zeroRow(periodCount), opex: zeroRow(periodCount), capex: zeroRow(periodCount) },
    operatingIncome: zeroRow(periodCount),
  };
  for (const line of lines) {
    const type = typeOfLine(line);
    const row = isTotalled(type) ? totals.byType[type] : null;
    let year = new Decimal(0);
    for (let period = 0; period < periodCount; period += 1) {
      const text = line.values[period];
      // Empty cells are most cells in a sparse budget: skip them without building a Decimal.
      if (text === null || text === undefined || text === '') continue;
      const value = new Decimal(text);
      year = year.plus(value);
      if (row !== null) row.periods[period] = (row.periods[period] ?? new Decimal(0)).plus(value);
    }
    totals.lineYear.set(line.id, year);
    if (row !== null) row.year = row.year.plus(year);
  }
  for (let period = 0; period < periodCount; period += 1) {
    totals.operatingIncome.periods[period] = operatingIncomeOf(totals, (row) => row.periods[period] ?? new Decimal(0));
  }
  totals.operatingIncome.year = operatingIncomeOf(totals, (row) => row.year);
  return totals;
}

function operatingIncomeOf(totals: SheetTotals, pick: (row: TotalRow) => Decimal): Decimal {
  return pick(totals.byType.revenue).minus(pick(totals.byType.cogs)).minus(pick(totals.byType.opex));
}

/** One cell's change, as the totals engine needs it. */
export interface CellChangeForTotals {
  lineId: number;
  type: AccountType;
  period: number;
  before: Decimal;
  after: Decimal;
}

/**
 * Totals after cells change, computed from the differences so an edit costs the same whatever
 * the size of the sheet. Returns new objects for what changed (the grid relies on identity to
 * redraw) and shares the rest; copies each structure once however many cells change.
 */
export function applyCellChanges(totals: SheetTotals, changes: readonly CellChangeForTotals[]): SheetTotals {
  const moving = changes.filter((change) => !change.after.minus(change.before).isZero());
  if (moving.length === 0) return totals;
  const lineYear = new Map(totals.lineYear);
  const byType = { ...totals.byType };
  const copied = new Set<TotalledType>();
  let operatingIncome: TotalRow | null = null;
  const mutable = (row: TotalRow): TotalRow => ({ periods: row.periods.slice(), year: row.year });
  for (const change of moving) {
    const delta = change.after.minus(change.before);
    lineYear.set(change.lineId, (lineYear.get(change.lineId) ?? new Decimal(0)).plus(delta));
    if (!isTotalled(change.type)) continue;
    if (!copied.has(change.type)) {
      byType[change.type] = mutable(byType[change.type]);
      copied.add(change.type);
    }
    shift(byType[change.type], change.period, delta);
    const sign = operatingSign(change.type);
    if (sign !== 0) {
      operatingIncome ??= mutable(totals.operatingIncome);
      shift(operatingIncome, change.period, sign === 1 ? delta : delta.negated());
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
