import { Decimal } from './decimal';

/**
 * An amount as it crosses the API and lives in the file: a canonical decimal string with at
 * most `CURRENCY_SCALE` decimals, no exponent, no grouping, no trailing zeros after the point
 * (`"1250.5"`, `"-300"`, `"0"`). Never a binary float.
 */
export type AmountText = string;

/** Cents: the workbook's currencies all have two minor digits for now. */
export const CURRENCY_SCALE = 2;

const CANONICAL_AMOUNT = /^-?(0|[1-9]\d{0,17})(\.\d{1,2})?$/;

/** True when `text` is an amount in canonical form (what the API and the file accept). */
export function isCanonicalAmount(text: string): boolean {
  if (!CANONICAL_AMOUNT.test(text)) return false;
  if (text.startsWith('-') && new Decimal(text).isZero()) return false;
  return !text.includes('.') || !text.endsWith('0');
}

/** The canonical text of a decimal, rounded half-even to the currency scale. */
export function toAmountText(value: Decimal): AmountText {
  const rounded = value.toDecimalPlaces(CURRENCY_SCALE, Decimal.ROUND_HALF_EVEN);
  // Decimal#toString drops trailing zeros; -0 becomes 0.
  return rounded.isZero() ? '0' : rounded.toString();
}

export function amountOf(text: AmountText | null | undefined): Decimal {
  return text === null || text === undefined || text === '' ? new Decimal(0) : new Decimal(text);
}
