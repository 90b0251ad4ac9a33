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

/**
 * Reads CSV text (RFC 4180: quoted fields may hold delimiters, quotes doubled, line breaks;
 * records end in CRLF or LF). A byte-order mark is dropped; a final line break ends the last
 * record rather than starting an empty one.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < body.length) {
    const char = body[index] ?? '';
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
      } else {
        field += char;
        index += 1;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (char === '\r' && body[index + 1] === '\n') index += 1;
    } else {
      field += char;
    }
    index += 1;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
