import { amountOf, CURRENCY_SCALE, type AmountText } from './amount';
import { Decimal } from './decimal';

/**
 * Exact sums of amounts for the hot paths (totals over 360,000 cells), without a decimal.js
 * object per cell. An amount with at most two decimals and at most 15 digits is read as a
 * whole number of cents; cents are integers below 2^53, so adding them in a JS number is
 * exact as long as the running sum stays a safe integer, which every addition checks. No
 * binary fraction is ever formed. Anything else (more digits, an unexpected form, a sum that
 * would leave the safe range) is added in Decimal instead, so the result is always exact.
 */

/** 15 digits of cents: below 10^15, far from 2^53 (about 9.007 x 10^15). */
const MAX_CENT_DIGITS = 15;

/**
 * The amount in whole cents, or null when it has more than two decimals, more than 15 digits,
 * or is not a plain decimal (`-1250.5` gives -125050; empty and null give 0).
 */
export function centsOf(text: AmountText | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return 0;
  let index = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    index = 1;
  }
  let cents = 0;
  let digits = 0;
  let decimals = -1;
  for (; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 46 /* . */) {
      if (decimals >= 0) return null;
      decimals = 0;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return null;
    if (decimals >= 0) {
      decimals += 1;
      if (decimals > CURRENCY_SCALE) return null;
    }
    cents = cents * 10 + digit;
    digits += 1;
    if (digits > MAX_CENT_DIGITS) return null;
  }
  if (digits === 0 || decimals === 0) return null;
  const missing = CURRENCY_SCALE - Math.max(decimals, 0);
  if (digits + missing > MAX_CENT_DIGITS) return null;
  for (let step = 0; step < missing; step += 1) cents *= 10;
  return negative && cents !== 0 ? -cents : cents;
}

/** A whole number of cents (a safe integer) as an exact Decimal. */
export function decimalOfCents(cents: number): Decimal {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a safe whole number of cents.`);
  if (cents === 0) return new Decimal(0);
  const digits = String(Math.abs(cents)).padStart(CURRENCY_SCALE + 1, '0');
  const point = digits.length - CURRENCY_SCALE;
  return new Decimal(`${cents < 0 ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** A running exact sum: cents while they stay safe, Decimal for the rest. */
export class ExactSum {
  private cents = 0;
  private rest: Decimal | null = null;

  /** Adds an amount (null and empty add nothing). */
  add(text: AmountText | null | undefined): void {
    const cents = centsOf(text);
    if (cents === null) this.addDecimal(amountOf(text));
    else this.addCents(cents);
  }

  /** Subtracts an amount. */
  subtract(text: AmountText | null | undefined): void {
    const cents = centsOf(text);
    if (cents === null) this.addDecimal(amountOf(text).negated());
    else this.addCents(-cents);
  }

  /** Adds `after - before`: what a cell's change does to a sum it counts in. */
  addDifference(after: AmountText | null | undefined, before: AmountText | null | undefined): void {
    const to = centsOf(after);
    const from = centsOf(before);
    // Both below 10^15 in magnitude, so their difference is a safe integer.
    if (to !== null && from !== null) this.addCents(to - from);
    else this.addDecimal(amountOf(after).minus(amountOf(before)));
  }

  /** Adds a whole number of cents (a safe integer). */
  addCents(cents: number): void {
    const next = this.cents + cents;
    // Both are safe integers, so the float sum is exact whenever it is itself a safe integer.
    if (Number.isSafeInteger(next)) this.cents = next;
    else this.addDecimal(decimalOfCents(cents));
  }

  addDecimal(value: Decimal): void {
    if (!value.isZero()) this.rest = (this.rest ?? new Decimal(0)).plus(value);
  }

  /** Adds another sum, negated when `sign` is -1. */
  addSum(other: ExactSum, sign: 1 | -1 = 1): void {
    this.addCents(sign === 1 ? other.cents : -other.cents);
    if (other.rest !== null) this.addDecimal(sign === 1 ? other.rest : other.rest.negated());
  }

  isZero(): boolean {
    return this.cents === 0 && (this.rest === null || this.rest.isZero());
  }

  value(): Decimal {
    const cents = decimalOfCents(this.cents);
    return this.rest === null ? cents : cents.plus(this.rest);
  }
}
