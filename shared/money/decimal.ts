import DecimalBase from 'decimal.js';

/**
 * The one Decimal constructor Tandem computes with. 40 significant digits keeps sums of
 * 10,000 x 36 amounts in the trillions exact to the cent; rounding, where it is asked for,
 * is half-even (banker's rounding) unless a caller names another rule.
 */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
