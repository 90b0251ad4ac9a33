import type { AccountUnit } from '../domain/workbook';
import type { AmountText } from '../money/amount';

/** A plain decimal as spreadsheets put it on the clipboard: a sign, at most 15 digits, and a point with the unit's decimals. */
const PLAIN = { currency: /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/, number: /^(-?)(\d{1,15})(?:\.(\d{1,6}))?$/ } as const;

/**
 * The canonical text of a cell that is a plain number within the unit's decimals (`1250.50`
 * gives `1250.5`), or null for anything else (grouping, a currency mark, more decimals, a rate),
 * which parseEntry reads. Exact: digits are moved as text, never through a float or a Decimal,
 * so a 12,000-cell paste reads its amounts without an object per cell.
 */
export function plainAmountText(text: string, unit: AccountUnit): AmountText | null {
  if (unit === 'percent') return null;
  const match = PLAIN[unit].exec(text);
  if (match === null) return null;
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const decimals = (match[3] ?? '').replace(/0+$/, '');
  const digits = decimals === '' ? whole : `${whole}.${decimals}`;
  return match[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}
