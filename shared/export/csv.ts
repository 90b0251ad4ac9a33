/** How a CSV file separates fields, and how its amounts write the decimal point. */
export interface CsvOptions {
  delimiter: ',' | ';' | '\t';
  decimalSeparator: '.' | ',';
}

export const DEFAULT_CSV: CsvOptions = { delimiter: ',', decimalSeparator: '.' };

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet must not run it: one that starts like a formula gets a leading
 * apostrophe, which Excel, LibreOffice and Google Sheets show as text (OWASP's advice).
 * Amounts are written by `csvAmount` and are never neutralised: "-300" stays a number.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Text that may hold an amount (an audit's before and after): a canonical number stays a number, anything else is neutralised. */
export function neutraliseUnlessNumber(text: string): string {
  return /^-?\d+(\.\d+)?$/.test(text) ? text : neutraliseText(text);
}

/** A canonical amount with the chosen decimal separator. */
export function csvAmount(amount: string, options: CsvOptions): string {
  return options.decimalSeparator === ',' ? amount.replace('.', ',') : amount;
}

function quoted(field: string, delimiter: string): string {
  return field.includes(delimiter) || field.includes('"') || field.includes('\n') || field.includes('\r') ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One CSV record; fields must already be neutralised or be amounts. Lines end in CRLF, as RFC 4180 asks. */
export function csvRecord(fields: readonly string[], options: CsvOptions): string {
  return `${fields.map((field) => quoted(field, options.delimiter)).join(options.delimiter)}\r\n`;
}
