import type ExcelJS from 'exceljs';
import { columnLetter } from './xlsx-cells';

// ExcelJS's cell types as its style table keys them (the type checks each against ExcelJS's enum);
// written as values so this file does not load ExcelJS (see load-exceljs.ts).
const STRING_CELL: ExcelJS.ValueType.String = 3;
const NUMBER_CELL: ExcelJS.ValueType.Number = 2;
const EMPTY_CELL: ExcelJS.ValueType.Null = 0;

type Style = Partial<ExcelJS.Style>;

/** What of ExcelJS's streaming writer the rows need: the sheet part's stream, and the workbook's style table. */
interface StreamedSheet {
  stream?: { write(chunk: Buffer): unknown };
  startedData?: boolean;
  _rows?: unknown[] | null;
}
interface StyleTable {
  addStyleModel(style: Style, cellType?: ExcelJS.ValueType): number;
}

/** Rows are encoded into a buffer of this many bytes, handed to the sheet's stream when full. */
const BUFFER_BYTES = 1 << 20;

/** Characters XML escapes, or that ExcelJS drops (controls other than tab, newline and carriage return). */
// eslint-disable-next-line no-control-regex
const SPECIAL = /["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as ExcelJS encodes it in XML: the five entities escaped, control characters dropped. */
export function xmlText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (char) => ESCAPES[char] ?? '');
}

/**
 * The rows of a big sheet written as SpreadsheetML text straight into an ExcelJS streaming
 * worksheet, in the very form ExcelJS's own row writer gives them (the same attributes, style
 * ids from the same style table, the same number text): ExcelJS builds a Row, a Cell and a value
 * object per cell and renders each through its generic XML writer, which costs seconds for the
 * 560,000 cells of a 10,000-line budget; here a cell is a few string concatenations.
 *
 * Start it after the sheet's first row was committed through ExcelJS (which writes the columns
 * and opens the sheet data) and add no ExcelJS rows after it; `finish()` before `sheet.commit()`.
 * Cells are added left to right from column A; a row is written when it ends.
 */
export class SheetRows {
  private readonly stream: { write(chunk: Buffer): unknown };
  private readonly styles: StyleTable;
  private readonly letters: string[] = [''];
  private readonly unstyled = new Map<ExcelJS.ValueType, number>();
  /** Rows encoded as UTF-8 a row at a time: one long string of rows would cost seconds to flatten and encode. */
  private buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private cells = '';
  private column = 0;
  private rowNumber: number;

  constructor(sheet: ExcelJS.Worksheet, workbook: ExcelJS.stream.xlsx.WorkbookWriter, rowsWritten: number) {
    const streamed = sheet as unknown as StreamedSheet;
    const styles = (workbook as unknown as { styles?: StyleTable }).styles;
    if (streamed.stream === undefined || streamed.startedData !== true || styles === undefined || typeof styles.addStyleModel !== 'function') {
      throw new Error('This ExcelJS streaming worksheet has no open sheet data or style table to write rows into.');
    }
    if ((streamed._rows?.length ?? 0) > 0) throw new Error('Commit the sheet’s ExcelJS rows before writing rows as text.');
    this.stream = streamed.stream;
    this.styles = styles;
    this.rowNumber = rowsWritten;
  }

  /** The number of the row being written, or of the last one written. */
  get row(): number {
    return this.rowNumber;
  }

  startRow(): void {
    this.rowNumber += 1;
    this.column = 0;
    this.cells = '';
  }

  private address(): string {
    this.column += 1;
    const letter = this.letters[this.column] ?? (this.letters[this.column] = columnLetter(this.column));
    return `${letter}${this.rowNumber}`;
  }

  /** ` s="id"` for a styled cell, as ExcelJS writes it (nothing for the default style, id 0). */
  private styleAttribute(style: Style | undefined, type: ExcelJS.ValueType): string {
    let id: number;
    if (style !== undefined) id = this.styles.addStyleModel(style, type);
    else {
      // A cell without a style of its own has a fresh empty one in ExcelJS, looked up by content.
      const known = this.unstyled.get(type);
      id = known ?? this.styles.addStyleModel({}, type);
      if (known === undefined) this.unstyled.set(type, id);
    }
    return id === 0 ? '' : ` s="${id}"`;
  }

  text(value: string, style?: Style): void {
    const address = this.address();
    this.cells += `<c r="${address}"${this.styleAttribute(style, STRING_CELL)} t="str"><v>${xmlText(value)}</v></c>`;
  }

  /** A number, or (null) an empty cell that keeps its style. */
  number(value: number | null, style?: Style): void {
    if (value === null) return this.blank(style);
    const address = this.address();
    this.cells += `<c r="${address}"${this.styleAttribute(style, NUMBER_CELL)}><v>${String(value)}</v></c>`;
  }

  /** A formula with its saved numeric result. */
  formula(formula: string, result: number, style?: Style): void {
    const address = this.address();
    this.cells += `<c r="${address}"${this.styleAttribute(style, NUMBER_CELL)}><f>${xmlText(formula)}</f><v>${String(result)}</v></c>`;
  }

  /** An empty cell: written only when its style is not the default. */
  blank(style?: Style): void {
    const address = this.address();
    const attribute = this.styleAttribute(style, EMPTY_CELL);
    if (attribute !== '') this.cells += `<c r="${address}"${attribute}/>`;
  }

  endRow(): void {
    const row = `<row r="${this.rowNumber}" spans="1:${this.column}" x14ac:dyDescent="0.25">${this.cells}</row>`;
    this.cells = '';
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.used + row.length * 3 > this.buffer.length) {
      this.flush();
      if (row.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(row.length * 3);
    }
    this.used += this.buffer.write(row, this.used, 'utf8');
  }

  /** Hands the rows written so far to the sheet's stream. */
  flush(): void {
    if (this.used === 0) return;
    this.stream.write(this.buffer.subarray(0, this.used));
    // The stream may keep the bytes it was given: the next rows go to a new buffer.
    this.buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    this.used = 0;
  }

  /** Writes what is left; the sheet can then be committed. */
  finish(): void {
    this.flush();
  }
}
