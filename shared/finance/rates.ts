import { Decimal } from '../money/decimal';

/**
 * The rates finance works with (discount, finance, reinvestment, hurdle), held as fractions per
 * year: 0.08 is 8%. Above -100% (at -100% a future flow is worth nothing, below it the sign
 * flips) and at most 100% a year: no plan discounts at more than that, and a rate typed with
 * too many zeros would otherwise pass unnoticed and turn every NPV into the year-0 flow.
 */
export const RATE_BOUNDS = { above: '-1', atMost: '1' } as const;

/** How the bounds read in a message. */
export const RATE_BOUNDS_TEXT = 'above -100% and at most 100% a year (a fraction above -1 and at most 1, such as 0.08 for 8%)';

/** Why a rate (a canonical decimal fraction) is out of bounds, or null when it is within them. */
export function rateProblem(text: string): string | null {
  let rate: Decimal;
  try {
    rate = new Decimal(text);
  } catch {
    return `expected a rate as a fraction such as 0.08 for 8%, not "${text}"`;
  }
  if (!rate.isFinite()) return `expected a rate as a fraction such as 0.08 for 8%, not "${text}"`;
  if (rate.lte(RATE_BOUNDS.above) || rate.gt(RATE_BOUNDS.atMost)) return `a rate must be ${RATE_BOUNDS_TEXT}; ${text} is ${rate.times(100).toString()}%`;
  return null;
}
