import { ApiError } from '../api/errors';
import { isCanonicalAmount, isCanonicalQuantity, MAX_WHOLE_DIGITS, tooLargeReason } from '../money/amount';
import type { BudgetTable } from './budget-table';
import { csvAmount, csvRecord, neutraliseText, type CsvOptions } from './csv';

/** Long: one record per line and month (what ERP imports take); wide: one per line with a column per month. */
export type CsvLayout = 'long' | 'wide';

export const LONG_HEADER = ['Department', 'Account code', 'Account', 'Line', 'Period', 'Amount'];
export const WIDE_DIMENSIONS = ['Department', 'Account code', 'Account', 'Line'];

/**
 * Refuses a table holding a value that the size rule (at most 18 digits before the point, as
 * typing allows) or the canonical form would refuse on the way back in, naming the line and
 * the month: a file must hold only what can be imported again exactly. Formula results beyond
 * the rule are errors already (and a table with errors is refused); this is the last guard.
 */
export function requireExportableValues(table: BudgetTable): void {
  for (const line of table.lines) {
    const fits = line.unit === 'currency' ? isCanonicalAmount : isCanonicalQuantity;
    line.values.forEach((value, period) => {
      if (value === null || fits(value)) return;
      const month = table.periods[period]?.label ?? `month ${period + 1}`;
      const whole = value.replace(/^-/, '').split('.')[0] ?? '';
      const reason = whole.length > MAX_WHOLE_DIGITS ? tooLargeReason(line.unit === 'currency' ? 'amount' : 'quantity') : 'that is not an amount Tandem writes.';
      throw new ApiError('invalid-input', `“${line.description}” has ${value} in ${month}: ${reason} Nothing was written.`, line.description);
    });
  }
}

/**
 * The version as CSV records, in chunks (a chunk per line) so a writer can stream them and
 * report progress. Periods are written by key (`2027-01`); empty cells stay empty, so the file
 * reads back exactly. Text is neutralised; amounts keep their sign and exact digits.
 */
export function* budgetCsvChunks(table: BudgetTable, layout: CsvLayout, options: CsvOptions): Generator<string> {
  if (options.delimiter === ',' && options.decimalSeparator === ',') throw new Error('A comma cannot be both the delimiter and the decimal separator.');
  requireExportableValues(table);
  const keys = table.periods.map((period) => period.key);
  yield csvRecord(layout === 'long' ? LONG_HEADER : [...WIDE_DIMENSIONS, ...keys], options);
  for (const line of table.lines) {
    const names = [line.department, line.accountCode, line.accountName, line.description].map(neutraliseText);
    const amount = (value: string | null | undefined) => (value === null || value === undefined ? '' : csvAmount(value, options));
    if (layout === 'wide') {
      yield csvRecord([...names, ...keys.map((_key, period) => amount(line.values[period]))], options);
    } else {
      // The line's names are the same on each of its records: quoted once, then each month appended.
      // Keys and amounts never need quoting (a decimal comma is refused with the comma delimiter).
      const prefix = csvRecord(names, options).slice(0, -2) + options.delimiter;
      let chunk = '';
      keys.forEach((key, period) => {
        chunk += `${prefix}${key}${options.delimiter}${amount(line.values[period])}\r\n`;
      });
      yield chunk;
    }
  }
}
