import type { CellEdit } from '../domain/cell-edit';
import type { AccountUnit } from '../domain/workbook';
import { isCanonicalAmount, MAX_WHOLE_DIGITS, toAmountText, tooLargeReason, type AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';

/** A change to a selection of a version: a percentage of each amount, or an amount added to each month. */
export type Adjustment = { kind: 'percent'; percent: string } | { kind: 'amount'; amount: AmountText };

/** A line as an adjustment sees it: whether it takes amounts (money, no formula), and its months. */
export interface AdjustableLine {
  id: number;
  description: string;
  unit: AccountUnit;
  formula: string | null;
  values: readonly (AmountText | null)[];
}

export type AdjustmentPlan =
  | { ok: true; edits: CellEdit[]; rounded: number; skipped: { formula: number; drivers: number } }
  | { ok: false; message: string; where: string };

/**
 * The cells an adjustment sets, exact to the cent. A percentage moves each amount by that share
 * and rounds the result half-even to the cent (the rounded cells are counted, so the user is
 * told); empty months stay empty. An amount is added to each chosen month of each line, empty
 * months counting as zero; an amount finer than a cent is refused, not rounded. Formula lines
 * (they compute) and drivers (counts and rates, not money) are left as they are, and counted.
 */
export function planAdjustment(lines: readonly AdjustableLine[], periods: readonly number[], adjustment: Adjustment): AdjustmentPlan {
  let factor: Decimal | null = null;
  let addend: Decimal | null = null;
  if (adjustment.kind === 'percent') {
    const text = adjustment.percent.trim().replace(/%$/, '');
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `“${adjustment.percent}” is not a percentage: type one such as -10 or 2.5.`, where: 'percent' };
    factor = new Decimal(1).plus(new Decimal(text).div(100));
    if (factor.isNegative()) return { ok: false, message: `${text}% would turn amounts negative: a cut is at most -100%.`, where: 'percent' };
  } else {
    if (!/^-?\d+(\.\d+)?$/.test(adjustment.amount)) return { ok: false, message: `“${adjustment.amount}” is not an amount: type one such as 5,000 or -1,250.50.`, where: 'amount' };
    if (beyondSizeRule(new Decimal(adjustment.amount))) return { ok: false, message: `${adjustment.amount} is too large: ${tooLargeReason('amount')}`, where: 'amount' };
    if (!isCanonicalAmount(new Decimal(adjustment.amount).toFixed())) {
      return { ok: false, message: `${adjustment.amount} has more than two decimals: an amount added to a month is to the cent, so nothing is rounded away. Round it first.`, where: 'amount' };
    }
    addend = new Decimal(adjustment.amount);
  }
  if (lines.length === 0) return { ok: false, message: 'Choose at least one line, department or account to adjust.', where: 'scope' };
  if (periods.length === 0) return { ok: false, message: 'Choose at least one month to adjust.', where: 'periods' };
  const edits: CellEdit[] = [];
  let rounded = 0;
  const skipped = { formula: 0, drivers: 0 };
  for (const line of lines) {
    if (line.formula !== null) {
      skipped.formula += 1;
      continue;
    }
    if (line.unit !== 'currency') {
      skipped.drivers += 1;
      continue;
    }
    for (const period of periods) {
      const before = line.values[period] ?? null;
      let after: Decimal;
      if (factor !== null) {
        if (before === null) continue;
        const exact = new Decimal(before).times(factor);
        after = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
        if (!after.equals(exact)) rounded += 1;
      } else {
        after = new Decimal(before ?? 0).plus(addend ?? 0);
      }
      // One size rule for every amount: a result beyond it refuses the whole adjustment, naming where.
      if (beyondSizeRule(after)) return { ok: false, message: `“${line.description}” would hold ${after.toFixed()} in month ${period + 1}, which is too large: ${tooLargeReason('amount')} Nothing was changed.`, where: `line ${line.id}` };
      const value = toAmountText(after);
      if (value !== before) edits.push({ lineId: line.id, period, value });
    }
  }
  return { ok: true, edits, rounded, skipped };
}

const SIZE_LIMIT = new Decimal(10).pow(MAX_WHOLE_DIGITS);

/** Whether an amount has more whole digits than the size rule allows. */
function beyondSizeRule(amount: Decimal): boolean {
  return amount.abs().gte(SIZE_LIMIT);
}
