import { Decimal } from '../money/decimal';
import type { GridRow } from './sheet-view';

/**
 * A row's exact sum over some periods, from the one model of the sheet: lines add their cells,
 * groups and totals their subtotals. Null where a sum means nothing: a group of drivers only,
 * or a rate line (22% a month is not 264% a year).
 */
export function rowSpanSum(row: GridRow | undefined, periods: readonly number[]): Decimal | null {
  if (row === undefined) return null;
  if (row.kind === 'group' && row.periods === null) return null;
  if (row.kind === 'line' && row.account.unit === 'percent' && periods.length > 1) return null;
  let sum = new Decimal(0);
  for (const period of periods) {
    const value = row.kind === 'line' ? row.line.values[period] : row.kind === 'group' ? row.periods?.[period] : row.periods[period];
    if (value !== null && value !== undefined) sum = sum.plus(value);
  }
  return sum;
}
