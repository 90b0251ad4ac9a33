import { CURRENCY_SCALE } from './amount';
import { Decimal } from './decimal';

export interface AmountFormat {
  /** `(1,234.00)` or `-1,234.00` */
  negatives: 'parentheses' | 'minus';
  /** how an exact zero is shown */
  zero: 'dash' | 'blank' | 'digits';
  /** the locale's separators: `,` and `.` in en-US, `.` and `,` in de-DE */
  groupSeparator?: string;
  decimalSeparator?: string;
  /** drivers (headcount, units) drop trailing zero decimals: 12, 12.5 */
  trimDecimals?: boolean;
  /** decimals shown before trimming; the currency's two unless a driver asks for more */
  scale?: number;
  /** the sheet's compact display: money rounded to whole units (half away from zero, as spreadsheets show it) */
  wholeUnits?: boolean;
}

export const DEFAULT_AMOUNT_FORMAT: AmountFormat = { negatives: 'parentheses', zero: 'dash' };

/**
 * Display text for an amount: thousands separators, two decimals, negatives per the
 * format. Works on the decimal's digits, never through a float, so no artefacts appear.
 */
export function formatAmount(value: Decimal | string, format: AmountFormat = DEFAULT_AMOUNT_FORMAT): string {
  const decimal = typeof value === 'string' ? new Decimal(value) : value;
  const fixed = format.wholeUnits === true ? decimal.abs().toFixed(0, Decimal.ROUND_HALF_UP) : decimal.abs().toFixed(format.scale ?? CURRENCY_SCALE, Decimal.ROUND_HALF_EVEN);
  if (new Decimal(fixed).isZero()) {
    if (format.zero === 'dash') return '–';
    if (format.zero === 'blank') return '';
  }
  const [whole = '0', rawCents = ''] = fixed.split('.');
  const cents = format.trimDecimals === true ? rawCents.replace(/0+$/, '') : rawCents;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, format.groupSeparator ?? ',');
  const body = cents === '' ? grouped : `${grouped}${format.decimalSeparator ?? '.'}${cents}`;
  if (!decimal.isNegative() || new Decimal(fixed).isZero()) return body;
  return format.negatives === 'parentheses' ? `(${body})` : `-${body}`;
}

/** A rate (held as a fraction) as a percentage: 0.035 is `3.5%`, with up to four decimals and no trailing zeros. */
export function formatPercent(value: Decimal | string, format: AmountFormat = DEFAULT_AMOUNT_FORMAT): string {
  const decimal = typeof value === 'string' ? new Decimal(value) : value;
  if (decimal.isZero() && format.zero !== 'digits') return format.zero === 'dash' ? '–' : '';
  return `${formatAmount(decimal.times(100), { ...format, zero: 'digits', scale: 4, trimDecimals: true, wholeUnits: false })}%`;
}
