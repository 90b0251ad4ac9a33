import type { Metric } from '../../shared/finance/metrics';
import { formatAmount } from '../../shared/money/format-amount';
import type { Decimal } from '../../shared/money/decimal';

/** A rate as a percentage with one decimal: 0.17094 → "17.1%". */
export function formatRate(value: Decimal): string {
  return `${formatAmount(value.times(100), { negatives: 'minus', zero: 'digits', scale: 1 })}%`;
}

/** Money in whole units, as a portfolio is read: 22,614 (exact value in the tooltip). */
export function formatMoney(value: Decimal): string {
  return formatAmount(value, { negatives: 'parentheses', zero: 'dash', scale: 0 });
}

/** A metric, or a dash when it has no value (the reason goes in the tooltip). */
export function formatMetric(metric: Metric, kind: 'rate' | 'ratio' | 'years'): string {
  if (!metric.ok) return '—';
  if (kind === 'rate') return formatRate(metric.value);
  if (kind === 'years') return `${formatAmount(metric.value, { negatives: 'minus', zero: 'digits', scale: 1 })} y`;
  return formatAmount(metric.value, { negatives: 'minus', zero: 'digits', scale: 2 });
}

export function metricTooltip(metric: Metric, exact: (value: Decimal) => string): string {
  return metric.ok ? exact(metric.value) : metric.reason;
}
