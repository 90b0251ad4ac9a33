import type { BudgetLine } from '../domain/workbook';
import { operatingIncomeRow, TOTALLED_TYPES, type SheetTotals, type TotalledType, type TotalRow } from '../engine/sheet-totals';
import type { FormulaOutcome } from '../formula/formula-engine';
import { Decimal } from '../money/decimal';
import { AMOUNT_SEPARATOR, joinAmounts, splitAmounts } from './compact-sheet';

/**
 * What the back computed from a sheet's lines, sent with them (issue 14, open): the formula lines'
 * outcomes, each line's year, the totals, and the months' sums of each department and account, so
 * the page shows a 10,000-line sheet without reading its 360,000 amounts three times over before
 * the first paint. Computed by the same code the page would run (make-sheet-seed.ts), from the very
 * lines it travels with; decimals as exact texts.
 */
export interface SheetSeed {
  /** each line's year total, in the order of the lines */
  lineYears: string[];
  /** the total rows per account type: a text per month and the year */
  byType: Record<TotalledType, { periods: string[]; year: string }>;
  /** what each formula line's formula computes, as the engine says it: its months as one text (see joinAmounts), its months' errors (null: none) */
  outcomes: { lineId: number; values: string; cellErrors: (string | null)[] | null; error: string | null }[];
  /** the months' sums of the money lines of each department and account (formula lines as computed) */
  pairSums: { departmentId: number; accountId: number; periods: string[] }[];
}

/** The key of a department and account's sums. */
export function pairKey(departmentId: number, accountId: number): string {
  return `${departmentId}:${accountId}`;
}

/** Whether a seed was made for these lines and months (anything else is ignored, and the page computes). */
export function seedFits(seed: SheetSeed, lines: readonly BudgetLine[], periodCount: number): boolean {
  const months = (texts: readonly unknown[]) => texts.length === periodCount;
  return (
    seed.lineYears.length === lines.length &&
    TOTALLED_TYPES.every((type) => seed.byType[type] !== undefined && months(seed.byType[type].periods)) &&
    seed.outcomes.every((outcome) => amountCount(outcome.values) <= periodCount && (outcome.cellErrors === null || months(outcome.cellErrors))) &&
    seed.pairSums.every((pair) => months(pair.periods))
  );
}

/** How many amounts a line's joined text holds (see joinAmounts). */
function amountCount(text: string): number {
  let count = text === '' ? 0 : 1;
  for (let at = text.indexOf(AMOUNT_SEPARATOR); at !== -1; at = text.indexOf(AMOUNT_SEPARATOR, at + 1)) count += 1;
  return count;
}

/** A formula line's outcome as a seed carries it. */
export function seededOutcome(lineId: number, outcome: FormulaOutcome): SheetSeed['outcomes'][number] {
  return { lineId, values: joinAmounts(outcome.values), cellErrors: outcome.cellErrors.some((error) => error !== null) ? outcome.cellErrors : null, error: outcome.error };
}

/** The formula lines' outcomes of a seed that fits (see seedFits), by line. */
export function outcomesOfSeed(seed: SheetSeed, periodCount: number): Map<number, FormulaOutcome> {
  return new Map(
    seed.outcomes.map(({ lineId, values, cellErrors, error }) => [
      lineId,
      { values: splitAmounts(values, periodCount, `line ${lineId}`), cellErrors: cellErrors ?? Array.from({ length: periodCount }, () => null), error },
    ]),
  );
}

/** The sheet's totals from a seed made for `lines`. */
export function totalsOfSeed(seed: SheetSeed, lines: readonly BudgetLine[], periodCount: number): SheetTotals {
  const lineYear = new Map<number, Decimal>();
  lines.forEach((line, index) => lineYear.set(line.id, new Decimal(seed.lineYears[index] ?? '0')));
  const row = ({ periods, year }: { periods: string[]; year: string }): TotalRow => ({ periods: periods.map((text) => new Decimal(text)), year: new Decimal(year) });
  const byType = { revenue: row(seed.byType.revenue), cogs: row(seed.byType.cogs), opex: row(seed.byType.opex), capex: row(seed.byType.capex) };
  return { lineYear, byType, operatingIncome: operatingIncomeRow(byType, periodCount) };
}

/** A seed's sums by department and account (see pairKey). */
export function pairSumsOfSeed(seed: SheetSeed): Map<string, readonly string[]> {
  return new Map(seed.pairSums.map((pair) => [pairKey(pair.departmentId, pair.accountId), pair.periods]));
}
