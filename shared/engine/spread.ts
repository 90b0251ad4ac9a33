import { CURRENCY_SCALE, toAmountText, type AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';

export type SpreadResult = { ok: true; amounts: AmountText[] } | { ok: false; message: string };

/**
 * Splits `total` over periods in proportion to `weights`, exact to the cent: each period gets
 * its share rounded down to the cent, and the cents left over go, one each, to the periods
 * with the largest remainders (earlier periods first on ties). The amounts always add up to
 * the total, and none is more than a cent from its exact share.
 */
export function spreadByWeights(total: AmountText, weights: readonly Decimal[]): SpreadResult {
  if (weights.length === 0) return { ok: false, message: 'There are no months to spread over.' };
  if (weights.some((weight) => weight.isNegative())) {
    return { ok: false, message: 'The shape to spread by has negative months; spread evenly or pick another shape.' };
  }
  const weightSum = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  if (weightSum.isZero()) return { ok: false, message: 'The shape to spread by is empty (all its months are zero); spread evenly or pick another shape.' };
  const unit = new Decimal(10).pow(CURRENCY_SCALE);
  const totalCents = new Decimal(total).times(unit);
  const negative = totalCents.isNegative();
  const absoluteCents = totalCents.abs();
  const exact = weights.map((weight) => absoluteCents.times(weight).div(weightSum));
  const floors = exact.map((share) => share.floor());
  let leftover = absoluteCents.minus(floors.reduce((sum, value) => sum.plus(value), new Decimal(0))).toNumber();
  const order = exact
    .map((share, index) => ({ index, remainder: share.minus(floors[index] ?? 0) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const cents = floors.slice();
  for (const { index } of order) {
    if (leftover <= 0) break;
    cents[index] = (cents[index] ?? new Decimal(0)).plus(1);
    leftover -= 1;
  }
  return { ok: true, amounts: cents.map((value) => toAmountText((negative ? value.negated() : value).div(unit))) };
}

/** The total split evenly over `periods` months, exact to the cent. */
export function spreadEvenly(total: AmountText, periods: number): SpreadResult {
  return spreadByWeights(total, Array.from({ length: periods }, () => new Decimal(1)));
}
