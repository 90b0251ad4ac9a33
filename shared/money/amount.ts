import { Decimal } from './decimal';

/**
 * An amount as it crosses the API and lives in the file: a canonical decimal string with at
 * most `CURRENCY_SCALE` decimals, no exponent, no grouping, no trailing zeros after the point
 * (`"1250.5"`, `"-300"`, `"0"`). Never a binary float.
 */
export type AmountText = string;

/** Cents: the workbook's currencies all have two minor digits for now. */
export const CURRENCY_SCALE = 2;

/** Driver quantities (headcount, units, rates held as fractions) keep up to six decimals: 3.5% is 0.035. */
export const QUANTITY_SCALE = 6;

const CANONICAL_AMOUNT = /^-?(0|[1-9]\d{0,17})(\.\d{1,2})?$/;
const CANONICAL_QUANTITY = /^-?(0|[1-9]\d{0,17})(\.\d{1,6})?$/;

/** True when `text` is an amount in canonical form (what the API and the file accept). */
export function isCanonicalAmount(text: string): boolean {
  return CANONICAL_AMOUNT.test(text) && isNormalised(text);
}

/** True when `text` is a driver quantity in canonical form: like an amount, with up to six decimals. */
export function isCanonicalQuantity(text: string): boolean {
  return CANONICAL_QUANTITY.test(text) && isNormalised(text);
}

function isNormalised(text: string): boolean {
  if (text.startsWith('-') && new Decimal(text).isZero()) return false;
  return !text.includes('.') || !text.endsWith('0');
}

/** The canonical text of a driver quantity, rounded half-even to six decimals. */
export function toQuantityText(value: Decimal): AmountText {
  const rounded = value.toDecimalPlaces(QUANTITY_SCALE, Decimal.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0' : rounded.toString();
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
