import type { AccountType, BudgetLine, SheetModel } from '../domain/workbook';
import { computeSheetTotals, type TotalRow } from '../engine/sheet-totals';
import { engineLine, FormulaEngine, type FormulaOutcome } from '../formula/formula-engine';
import { referencedNames } from '../formula/formula-references';
import { parseFormula } from '../formula/parse-formula';
import type { Decimal } from '../money/decimal';
import { ExactSum } from '../money/exact-sum';
import { columnsOfLines, lineOfColumns, type CompactSheet } from './compact-sheet';
import { pairKey, seededOutcome, type SheetSeed } from './sheet-seed';
import { withActualMonths } from './sheet-view';

/** An exact decimal as plain text (never exponent notation), as the page reads it back. */
const textOf = (value: Decimal): string => value.toFixed();

/**
 * What the back sends with a sheet so the page need not compute it before the first paint (see
 * SheetSeed), computed by the functions the page's own build uses (the formula engine, the sheet's
 * totals, exact sums). Memory stays near that of the compact sheet itself: each line's amounts are
 * split while it is counted and dropped after, and the formula engine holds only the lines that
 * formulas compute or name (an unnamed line changes no outcome).
 */
export function seedOfCompactSheet(compact: CompactSheet): SheetSeed {
  const columns = compact.lines;
  const periodCount = compact.periods.length;
  const accountsById = new Map(compact.accounts.map((account) => [account.id, account]));
  const typeOf = (line: Pick<BudgetLine, 'accountId'>): AccountType => accountsById.get(line.accountId)?.type ?? 'driver';
  const lineAt = (index: number): BudgetLine => lineOfColumns(columns, index, periodCount);
  const outcomes = formulaOutcomes(columns.ids.length, columns.descriptions, columns.formulas, lineAt, (line) => accountsById.get(line.accountId)?.unit ?? 'currency', periodCount);
  const pairs = new Map<string, { departmentId: number; accountId: number; sums: ExactSum[] }>();
  // The lines as the sheet shows them, one at a time: formula lines with what they compute (a forecast's closed months: the actuals).
  function* shownLines(): Generator<BudgetLine> {
    for (let index = 0; index < columns.ids.length; index += 1) {
      const entered = lineAt(index);
      const outcome = outcomes.get(entered.id);
      const line = outcome === undefined ? entered : { ...entered, values: withActualMonths(outcome.values, entered.values, compact.actualMonths) };
      // Drivers are counted in no subtotal.
      if (typeOf(line) !== 'driver') addToPair(pairs, line, periodCount);
      yield line;
    }
  }
  const totals = computeSheetTotals(shownLines(), typeOf, periodCount);
  const row = (total: TotalRow) => ({ periods: total.periods.map(textOf), year: textOf(total.year) });
  return {
    lineYears: columns.ids.map((id) => textOf(totals.lineYear.get(id) ?? new ExactSum().value())),
    byType: { revenue: row(totals.byType.revenue), cogs: row(totals.byType.cogs), opex: row(totals.byType.opex), capex: row(totals.byType.capex) },
    outcomes: [...outcomes].map(([lineId, outcome]) => seededOutcome(lineId, outcome)),
    pairSums: [...pairs.values()].map((pair) => ({ departmentId: pair.departmentId, accountId: pair.accountId, periods: pair.sums.map((sum) => textOf(sum.value())) })),
  };
}

/** The seed of a sheet model (see seedOfCompactSheet). */
export function seedOfSheet(model: SheetModel): SheetSeed {
  return seedOfCompactSheet({ ...model, lines: columnsOfLines(model.lines) });
}

/** Every formula line's outcome, from an engine given the formula lines and every line a formula names (all lines of a name, so ambiguity is seen). */
function formulaOutcomes(
  count: number,
  descriptions: readonly string[],
  formulas: readonly (string | null)[],
  lineAt: (index: number) => BudgetLine,
  unitOf: (line: BudgetLine) => Parameters<typeof engineLine>[1],
  periodCount: number,
): Map<number, FormulaOutcome> {
  const named = new Set<string>();
  for (const formula of formulas) {
    if (formula === null) continue;
    const parsed = parseFormula(formula);
    // The engine looks names up both as written and trimmed.
    if (parsed.ok) for (const name of referencedNames(parsed.ast)) named.add(name.toLowerCase()).add(name.trim().toLowerCase());
  }
  const lines: BudgetLine[] = [];
  for (let index = 0; index < count; index += 1) {
    if ((formulas[index] ?? null) !== null || named.has((descriptions[index] ?? '').trim().toLowerCase())) lines.push(lineAt(index));
  }
  return new FormulaEngine(lines.map((line) => engineLine(line, unitOf(line))), periodCount).allOutcomes();
}

function addToPair(pairs: Map<string, { departmentId: number; accountId: number; sums: ExactSum[] }>, line: BudgetLine, periodCount: number): void {
  const key = pairKey(line.departmentId, line.accountId);
  let pair = pairs.get(key);
  if (pair === undefined) pairs.set(key, (pair = { departmentId: line.departmentId, accountId: line.accountId, sums: Array.from({ length: periodCount }, () => new ExactSum()) }));
  for (let period = 0; period < periodCount; period += 1) pair.sums[period]?.add(line.values[period]);
}
