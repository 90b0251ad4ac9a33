import { CURRENCY_SCALE } from './amount';
import { Decimal } from './decimal';

export interface AmountFormat {
  /** `(1,234.00)` or `-1,234.00` */
  negatives: 'parentheses' | 'minus';
  /** how an exact zero is shown */
  zero: 'dash' | 'blank' | 'digits';
}

export const DEFAULT_AMOUNT_FORMAT: AmountFormat = { negatives: 'parentheses', zero: 'dash' };

/**
 * Display text for an amount: thousands separators, two decimals, negatives per the
 * format. Works on the decimal's digits, never through a float, so no artefacts appear.
 */
export function formatAmount(value: Decimal | string, format: AmountFormat = DEFAULT_AMOUNT_FORMAT): string {
  const decimal = typeof value === 'string' ? new Decimal(value) : value;
  const fixed = decimal.abs().toFixed(CURRENCY_SCALE, Decimal.ROUND_HALF_EVEN);
  if (new Decimal(fixed).isZero()) {
    if (format.zero === 'dash') return '–';
    if (format.zero === 'blank') return '';
  }
  const [whole = '0', cents = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = cents === '' ? grouped : `${grouped}.${cents}`;
  if (!decimal.isNegative() || new Decimal(fixed).isZero()) return body;
  return format.negatives === 'parentheses' ? `(${body})` : `-${body}`;
}
