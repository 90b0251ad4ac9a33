import { CURRENCY_SCALE, toAmountText, type AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';
import { fromScaledInteger, toScaledInteger } from '../money/scaled-integer';

export type SpreadResult = { ok: true; amounts: AmountText[] } | { ok: false; message: string };

/**
 * Splits `total` over periods in proportion to `weights`, exact to the cent: each period gets
 * its share rounded down to the cent, and the cents left over go, one each, to the periods
 * with the largest remainders (earlier periods first on ties). The amounts always add up to
 * the total, and none is more than a cent from its exact share.
 *
 * Everything is done in integers: the weights are scaled to whole numbers (by a power of ten
 * that clears their decimals), so each exact share is the fraction cents x w / W, its floor and
 * remainder come from integer division, and remainders (all over the same W) compare exactly.
 * A division to 40 digits would round shares that tie exactly apart, and break the tie rule.
 */
export function spreadByWeights(total: AmountText, weights: readonly Decimal[]): SpreadResult {
  if (weights.length === 0) return { ok: false, message: 'There are no months to spread over.' };
  if (weights.some((weight) => weight.isNegative())) {
    return { ok: false, message: 'The shape to spread by has negative months; spread evenly or pick another shape.' };
  }
  if (weights.every((weight) => weight.isZero())) return { ok: false, message: 'The shape to spread by is empty (all its months are zero); spread evenly or pick another shape.' };
  const scale = Math.max(...weights.map((weight) => weight.decimalPlaces()));
  const integerWeights = weights.map((weight) => toScaledInteger(weight, scale));
  const weightSum = integerWeights.reduce((sum, weight) => sum + weight, 0n);
  const totalCents = toScaledInteger(toAmountText(new Decimal(total)), CURRENCY_SCALE);
  const negative = totalCents < 0n;
  const absoluteCents = negative ? -totalCents : totalCents;
  const cents = integerWeights.map((weight) => (absoluteCents * weight) / weightSum);
  const remainders = integerWeights.map((weight, index) => absoluteCents * weight - (cents[index] ?? 0n) * weightSum);
  let leftover = absoluteCents - cents.reduce((sum, value) => sum + value, 0n);
  const order = remainders.map((_remainder, index) => index).sort((a, b) => compareBigInt(remainders[b] ?? 0n, remainders[a] ?? 0n) || a - b);
  for (const index of order) {
    if (leftover <= 0n) break;
    cents[index] = (cents[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return { ok: true, amounts: cents.map((value) => toAmountText(fromScaledInteger(negative ? -value : value, CURRENCY_SCALE))) };
}

function compareBigInt(a: bigint, b: bigint): number {
  return a > b ? 1 : a < b ? -1 : 0;
}

/** The total split evenly over `periods` months, exact to the cent. */
export function spreadEvenly(total: AmountText, periods: number): SpreadResult {
  return spreadByWeights(total, Array.from({ length: periods }, () => new Decimal(1)));
}
