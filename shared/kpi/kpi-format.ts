import type { KpiUnit } from '../domain/kpi';
import { Decimal } from '../money/decimal';
import { formatAmount } from '../money/format-amount';

/**
 * A KPI's value as people read it, rounded half-even only for display: money in whole units,
 * a percentage (held as a fraction) to one decimal, days to one decimal, a count whole, a score
 * to two decimals. Negatives with a minus sign: a KPI is not a ledger amount.
 */
export function formatKpiValue(value: Decimal, unit: KpiUnit): string {
  switch (unit) {
    case 'money':
      return formatAmount(value, { negatives: 'minus', zero: 'digits', scale: 0 });
    case 'percent':
      return `${value.times(100).toFixed(1, Decimal.ROUND_HALF_EVEN)}%`;
    case 'days':
      return `${value.toFixed(1, Decimal.ROUND_HALF_EVEN)} days`;
    case 'count':
      return formatAmount(value, { negatives: 'minus', zero: 'digits', scale: 0 });
    case 'score':
      return value.toFixed(2, Decimal.ROUND_HALF_EVEN);
  }
}

/** A variance against the target with its sign, in the KPI's unit (percentage points for a percentage). */
export function formatKpiVariance(value: Decimal, unit: KpiUnit): string {
  const sign = value.isPositive() && !value.isZero() ? '+' : '';
  if (unit === 'percent') return `${sign}${value.times(100).toFixed(1, Decimal.ROUND_HALF_EVEN)} pts`;
  return `${sign}${formatKpiValue(value, unit)}`;
}
