import type { AccountType, BudgetLine, SheetModel } from '../domain/workbook';
import { computeSheetTotals, type TotalRow } from '../engine/sheet-totals';
import type { Decimal } from '../money/decimal';
import { ExactSum } from '../money/exact-sum';
import { pairKey, seededOutcome, type SheetSeed } from './sheet-seed';
import { formulaEngineOf, shownLines } from './sheet-view';

/** An exact decimal as plain text (never exponent notation), as the page reads it back. */
const textOf = (value: Decimal): string => value.toFixed();

/**
 * What the back sends with a sheet so the page need not compute it before the first paint (see
 * SheetSeed): computed by the functions the page's own build uses, from the same lines.
 */
export function seedOfSheet(model: SheetModel): SheetSeed {
  const accountsById = new Map(model.accounts.map((account) => [account.id, account]));
  const typeOf = (line: BudgetLine): AccountType => accountsById.get(line.accountId)?.type ?? 'driver';
  const periodCount = model.periods.length;
  const formulas = formulaEngineOf(model, accountsById);
  const lines = shownLines(model, formulas);
  const totals = computeSheetTotals(lines, typeOf, periodCount);
  const pairs = new Map<string, { departmentId: number; accountId: number; sums: ExactSum[] }>();
  for (const line of lines) {
    // Drivers are counted in no subtotal.
    if (typeOf(line) === 'driver') continue;
    const key = pairKey(line.departmentId, line.accountId);
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, (pair = { departmentId: line.departmentId, accountId: line.accountId, sums: Array.from({ length: periodCount }, () => new ExactSum()) }));
    for (let period = 0; period < periodCount; period += 1) pair.sums[period]?.add(line.values[period]);
  }
  const row = (total: TotalRow) => ({ periods: total.periods.map(textOf), year: textOf(total.year) });
  return {
    lineYears: lines.map((line) => textOf(totals.lineYear.get(line.id) ?? new ExactSum().value())),
    byType: { revenue: row(totals.byType.revenue), cogs: row(totals.byType.cogs), opex: row(totals.byType.opex), capex: row(totals.byType.capex) },
    outcomes: [...formulas.allOutcomes()].map(([lineId, outcome]) => seededOutcome(lineId, outcome)),
    pairSums: [...pairs.values()].map((pair) => ({ departmentId: pair.departmentId, accountId: pair.accountId, periods: pair.sums.map((sum) => textOf(sum.value())) })),
  };
}
