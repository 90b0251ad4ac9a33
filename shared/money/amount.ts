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

/**
 * The size rule, one for every way an amount arrives or leaves (typed, pasted, imported,
 * computed by a formula, exported): at most 18 digits before the decimal point. A value
 * beyond it is refused with `tooLargeReason`, never written or shown as a number.
 */
export const MAX_WHOLE_DIGITS = 18;

const CANONICAL_AMOUNT = new RegExp(`^-?(0|[1-9]\\d{0,${MAX_WHOLE_DIGITS - 1}})(\\.\\d{1,${CURRENCY_SCALE}})?$`);
const CANONICAL_QUANTITY = new RegExp(`^-?(0|[1-9]\\d{0,${MAX_WHOLE_DIGITS - 1}})(\\.\\d{1,${QUANTITY_SCALE}})?$`);

/** Why a value is refused by the size rule, in the words of its kind: “amounts have at most 18 digits before the decimal point.” */
export function tooLargeReason(kind: 'amount' | 'quantity'): string {
  return `${kind === 'amount' ? 'amounts' : 'drivers'} have at most ${MAX_WHOLE_DIGITS} digits before the decimal point.`;
}

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
