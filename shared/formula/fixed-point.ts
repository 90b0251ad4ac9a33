import type { AmountText } from '../money/amount';

/**
 * An exact decimal as a safe integer and a count of decimals: `units / 10^scale`. The formula
 * engine evaluates a month this way first (issue 14: a Decimal built, rounded and printed per
 * formula cell was most of the engine's time at open); every operation here is exact or answers
 * null (too many digits, an operation it does not do), and then the month is computed again with
 * decimal.js. Below 2^53 every result of +, -, * and rounding is exact in a double, and has far
 * fewer digits than decimal.js's 40 of precision, so both ways give the same number.
 */
export interface Fixed {
  readonly units: number;
  readonly scale: number;
}

/** More decimals than this and the exact path leaves the month to decimal.js (10^scale stays exact). */
const MOST_DECIMALS = 15;
const POWERS_OF_TEN = Array.from({ length: MOST_DECIMALS + 1 }, (_, power) => 10 ** power);

function fixed(units: number, scale: number): Fixed | null {
  return Number.isSafeInteger(units) && scale <= MOST_DECIMALS ? { units, scale } : null;
}

/** A number's text (`-12.5`, `.25`, `8500`: digits, at most one point, an optional leading minus), or null for anything else or too many digits. */
export function parseFixed(text: AmountText): Fixed | null {
  let at = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const negative = at === 1;
  let units = 0;
  let scale = -1;
  let digits = 0;
  for (; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 46 /* . */ && scale < 0) {
      scale = 0;
      continue;
    }
    if (code < 48 || code > 57) return null;
    units = units * 10 + (code - 48);
    digits += 1;
    if (scale >= 0) scale += 1;
  }
  // Fifteen digits stay below 2^53, so the sum above was exact at every step.
  if (digits === 0 || digits > 15) return null;
  return { units: negative ? -units : units, scale: scale < 0 ? 0 : scale };
}

/** `value` with `scale` decimals (at least its own), or null when that does not fit. */
function atScale(value: Fixed, scale: number): number | null {
  if (scale === value.scale) return value.units;
  const units = value.units * (POWERS_OF_TEN[scale - value.scale] ?? Infinity);
  return Number.isSafeInteger(units) ? units : null;
}

/** A percentage: the same units, two more decimals. */
export function percentFixed(value: Fixed): Fixed | null {
  return fixed(value.units, value.scale + 2);
}

export function addFixed(left: Fixed, right: Fixed, sign: 1 | -1): Fixed | null {
  const scale = Math.max(left.scale, right.scale);
  const a = atScale(left, scale);
  const b = atScale(right, scale);
  return a === null || b === null ? null : fixed(a + sign * b, scale);
}

/** The product; a double's product of two safe integers is exact exactly when it is itself safe. */
export function multiplyFixed(left: Fixed, right: Fixed): Fixed | null {
  return fixed(left.units * right.units, left.scale + right.scale);
}

/** -1, 0 or 1 as decimal.js's comparedTo, or null when the two cannot be put on one scale. */
export function compareFixed(left: Fixed, right: Fixed): number | null {
  const scale = Math.max(left.scale, right.scale);
  const a = atScale(left, scale);
  const b = atScale(right, scale);
  if (a === null || b === null) return null;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Rounded half-even to `decimals` (decimal.js's toDecimalPlaces with ROUND_HALF_EVEN). */
export function roundFixed(value: Fixed, decimals: number): Fixed {
  if (value.scale <= decimals) return value;
  const divisor = POWERS_OF_TEN[value.scale - decimals] ?? Infinity;
  // Remainder first: units / divisor in a double may round up to the next integer.
  const remainder = value.units % divisor;
  let quotient = (value.units - remainder) / divisor;
  const twice = 2 * Math.abs(remainder);
  if (twice > divisor || (twice === divisor && quotient % 2 !== 0)) quotient += value.units < 0 ? -1 : 1;
  return { units: quotient, scale: decimals };
}

/** The text decimal.js's toString gives for the same value (no trailing zeros; zero as `0`). */
export function fixedText(value: Fixed): AmountText {
  let { units, scale } = value;
  if (units === 0) return '0';
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  const digits = String(Math.abs(units));
  const sign = units < 0 ? '-' : '';
  if (scale === 0) return sign + digits;
  const padded = digits.length > scale ? digits : '0'.repeat(scale - digits.length + 1) + digits;
  return `${sign}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}
