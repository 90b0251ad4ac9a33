import type { AccountUnit } from '../domain/workbook';
import { isCanonicalQuantity, QUANTITY_SCALE, toQuantityText, tooLargeReason } from './amount';
import { parseAmount, readNumber, type ParsedAmount } from './parse-amount';

/**
 * Reads what was typed or pasted into a cell of a line counting in `unit`: money as
 * `parseAmount` reads it (to the cent); a count with up to six decimals; a rate as a
 * percentage, `15%` or `15` alike (a rate line shows percentages, so a bare number is one
 * too), held as the fraction 0.15. Rounding is half-even and said; `%` on a money or count
 * line is refused. `currency` is the workbook's (an ISO code): only its own mark is taken.
 */
export function parseEntry(input: string, unit: AccountUnit, currency: string): ParsedAmount {
  if (unit === 'currency') return parseAmount(input, currency);
  const original = input.trim();
  // `15%`, and `(15%)` as a negative rate is written in parentheses.
  const percent = /%\s*\)?$/.test(original);
  if (percent && unit !== 'percent') {
    return { ok: false, message: `"${original}" is a percentage; percentages are only allowed on rate lines.` };
  }
  const read = readNumber(percent ? original.replace(/%(\s*\)?)$/, '$1') : original, currency);
  if (!read.ok) return { ok: false, message: read.message.replace(/is not an amount\. Type a number such as .*$/, unit === 'percent' ? 'is not a rate. Type a percentage such as 3.5% or 22.' : 'is not a number. Type a number such as 12 or 12.5.') };
  const value = unit === 'percent' ? read.value.div(100) : read.value;
  const quantity = toQuantityText(value);
  if (!isCanonicalQuantity(quantity)) return { ok: false, message: `"${original}" is too large: ${tooLargeReason('quantity')}` };
  return value.decimalPlaces() > QUANTITY_SCALE ? { ok: true, amount: quantity, roundedFrom: original } : { ok: true, amount: quantity };
}
