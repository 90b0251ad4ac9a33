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
 * record rather than starting an empty one. Fields are sliced from the text, not built a
 * character at a time: a 30 MB file reads without a string per character.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  const length = body.length;
  while (index < length) {
    let field: string;
    if (body.charCodeAt(index) === QUOTE) {
      // A quoted field: runs of text between doubled quotes, up to the closing quote.
      let value = '';
      let from = index + 1;
      for (;;) {
        const quote = body.indexOf('"', from);
        if (quote < 0) {
          value += body.slice(from);
          index = length;
          break;
        }
        value += body.slice(from, quote);
        if (body.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
          continue;
        }
        index = quote + 1;
        break;
      }
      // Text after the closing quote, up to the delimiter, belongs to the field (lenient, as spreadsheets read it).
      let end = index;
      while (end < length) {
        const code = body.charCodeAt(end);
        if (code === separator || code === LF || code === CR) break;
        end += 1;
      }
      field = value + body.slice(index, end);
      index = end;
    } else {
      let end = index;
      while (end < length) {
        const code = body.charCodeAt(end);
        if (code === separator || code === LF || code === CR) break;
        end += 1;
      }
      field = body.slice(index, end);
      index = end;
    }
    record.push(field);
    if (index >= length) break;
    const code = body.charCodeAt(index);
    if (code === separator) {
      index += 1;
      // A delimiter at the very end leaves one more, empty field.
      if (index >= length) record.push('');
      continue;
    }
    // A line break ends the record.
    records.push(record);
    record = [];
    index += code === CR && body.charCodeAt(index + 1) === LF ? 2 : 1;
  }
  if (record.length > 0) records.push(record);
  return records;
}
