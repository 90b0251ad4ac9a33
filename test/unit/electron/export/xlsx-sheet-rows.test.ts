import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SheetRows, xmlText } from '../../../../electron/export/xlsx-sheet-rows';

type Style = Partial<ExcelJS.Style>;
/** A cell as both writers take it: a text, a number, a formula with its result, or an empty cell; styled or not. */
type Cell = { text: string } | { number: number | null } | { formula: string; result: number } | { blank: true };
interface StyledCell {
  cell: Cell;
  style?: Style;
}

const money: Style = { numFmt: '#,##0.00;(#,##0.00);"–"' };
const bold: Style = { font: { bold: true } };
const total: Style = { numFmt: '#,##0.00;(#,##0.00);"–"', font: { bold: true }, border: { top: { style: 'thin' } } };
const percent: Style = { numFmt: '0.0###%' };

/** Rows like a budget sheet's: names with XML's special characters and a control character, numbers, empties, formulas. */
const ROWS: StyledCell[][] = [
  [{ cell: { text: 'Revenue' }, style: bold }],
  [
    { cell: { text: 'Sales & <Marketing>' }, style: {} },
    { cell: { text: '4000' }, style: {} },
    { cell: { text: 'Product "A" revenue\u0001' }, style: {} },
    { cell: { text: "'=SUM(A1)" }, style: {} },
    { cell: { number: 1250.5 }, style: money },
    { cell: { number: -0.01 }, style: money },
    { cell: { number: null }, style: money },
    { cell: { number: 0 }, style: money },
    { cell: { formula: 'SUM(E3:H3)', result: 1250.49 }, style: money },
    { cell: { blank: true } },
  ],
  [
    { cell: { text: 'Ops' }, style: {} },
    { cell: { text: '9000' }, style: {} },
    { cell: { text: 'Headcount' }, style: {} },
    { cell: { text: 'Engineers · cost centre 100' }, style: {} },
    { cell: { number: 0.235 }, style: percent },
    { cell: { number: 12345678901.23 }, style: percent },
    { cell: { blank: true }, style: percent },
    { cell: { text: "'=Headcount * 9000" } },
  ],
  [
    { cell: { text: '' }, style: total },
    { cell: { text: 'Total revenue' }, style: total },
    { cell: { formula: 'SUM(E3:E4)', result: 1250.5 }, style: total },
    { cell: { formula: '0+E2-E9', result: -42.1 }, style: total },
  ],
];

/** The parts of a written workbook that hold the sheet's rows and its styles. */
async function sheetAndStyles(write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet) => void): Promise<{ sheet: string; styles: string }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Budget', { views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }] });
  sheet.columns = [{ width: 18 }, { width: 9 }, { width: 24 }, { width: 34 }, { width: 14 }];
  const header = sheet.addRow(['Department', 'Code', 'Account', 'Line', 'Jan 2027']);
  for (let column = 1; column <= 5; column += 1) header.getCell(column).style = bold;
  header.commit();
  write(workbook, sheet);
  sheet.commit();
  await workbook.commit();
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { sheet: await part('xl/worksheets/sheet1.xml'), styles: await part('xl/styles.xml') };
}

/** ExcelJS's own way: a Row of values, each cell given its style, committed. */
function throughExcelJs(_workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): void {
  for (const cells of ROWS) {
    const values = cells.map(({ cell }): ExcelJS.CellValue => ('text' in cell ? cell.text : 'number' in cell ? cell.number : 'formula' in cell ? { formula: cell.formula, result: cell.result } : null));
    const row = sheet.addRow(values);
    cells.forEach(({ style }, index) => {
      if (style !== undefined) row.getCell(index + 1).style = style;
    });
    row.commit();
  }
}

function asText(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet): void {
  const rows = new SheetRows(sheet, workbook, 1);
  for (const cells of ROWS) {
    rows.startRow();
    for (const { cell, style } of cells) {
      if ('text' in cell) rows.text(cell.text, style);
      else if ('number' in cell) rows.number(cell.number, style);
      else if ('formula' in cell) rows.formula(cell.formula, cell.result, style);
      else rows.blank(style);
    }
    rows.endRow();
  }
  rows.finish();
}

describe('rows written as text into an ExcelJS streaming sheet', () => {
  it('are the very XML ExcelJS writes for the same cells and styles, and the style table is the same', async () => {
    const expected = await sheetAndStyles(throughExcelJs);
    const written = await sheetAndStyles(asText);
    expect(expected.sheet).toContain('Sales &amp; &lt;Marketing&gt;');
    expect(written.sheet).toBe(expected.sheet);
    expect(written.styles).toBe(expected.styles);
  });

  it('are refused before the sheet data is open: the header row goes through ExcelJS first', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough(), useStyles: true });
    const sheet = workbook.addWorksheet('Budget');
    expect(() => new SheetRows(sheet, workbook, 0)).toThrow(/no open sheet data/);
  });
});

describe('text in a cell', () => {
  it('escapes XML’s five special characters and drops control characters, as ExcelJS does', () => {
    expect(xmlText('a<b>&"c\'\u0007\td\u007f')).toBe('a&lt;b&gt;&amp;&quot;c&apos;\td');
    expect(xmlText('plain · text')).toBe('plain · text');
  });
});
