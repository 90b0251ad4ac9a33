import { Decimal } from './decimal';

/**
 * A decimal as an exact integer count of 10^-scale units (cents at scale 2), for hot loops that
 * add and compare many amounts: BigInt arithmetic is exact and an order of magnitude faster than
 * decimal objects. Refuses values with more decimals than the scale rather than rounding them.
 */
export function toScaledInteger(value: Decimal | string, scale: number): bigint {
  const text = typeof value === 'string' ? value : value.toFixed();
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  if (fraction.length > scale) throw new RangeError(`${text} has more than ${scale} decimals.`);
  const units = BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
  return negative ? -units : units;
}

/** The decimal a scaled integer stands for. */
export function fromScaledInteger(units: bigint, scale: number): Decimal {
  return new Decimal(units.toString()).div(new Decimal(10).pow(scale));
}
