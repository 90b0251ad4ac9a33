import type ExcelJS from 'exceljs';
import { SECTION_TITLES, totalledSections, type BudgetTable, type ExportLine } from '../../shared/export/budget-table';
import { neutraliseText } from '../../shared/export/csv';
import type { TotalledType } from '../../shared/engine/sheet-totals';
import type { AmountText } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import { centsOf, ExactSum } from '../../shared/money/exact-sum';
import { columnLetter, MONEY_FORMAT, PERCENT_FORMAT } from './xlsx-cells';
import { SheetRows } from './xlsx-sheet-rows';

/** Department, code, account and line: the columns before the months. */
export const DIMENSION_COLUMNS = 4;
/** Rows between two progress reports (and two turns of the event loop, for a cancel). */
const ROWS_PER_STEP = 500;

type Style = Partial<ExcelJS.Style>;

/**
 * The budget sheet's few cell styles, each one shared object: ExcelJS's style table gives a style
 * object seen before its id at once. Shared, so never mutated.
 */
const STYLES = {
  text: {},
  bold: { font: { bold: true } },
  money: { numFmt: MONEY_FORMAT },
  percent: { numFmt: PERCENT_FORMAT },
  general: { numFmt: 'General' },
  totalText: { font: { bold: true }, border: { top: { style: 'thin' } } },
  totalMoney: { numFmt: MONEY_FORMAT, font: { bold: true }, border: { top: { style: 'thin' } } },
  incomeText: { font: { bold: true }, border: { top: { style: 'thin' }, bottom: { style: 'double' } } },
  incomeMoney: { numFmt: MONEY_FORMAT, font: { bold: true }, border: { top: { style: 'thin' }, bottom: { style: 'double' } } },
} satisfies Record<string, Style>;

/** A quarter or a year: the months its total sums. */
interface Span {
  first: number;
  last: number;
  periods: readonly number[];
}

/**
 * An exact sum of some months as the number a cell saves: whole cents added as integers and
 * divided by 100 once (a division is correctly rounded, so this is the very double the decimal
 * text would give); amounts with more decimals, or sums past 2^53 cents, in ExactSum.
 */
export function spanResult(values: readonly (AmountText | null | undefined)[], periods: readonly number[]): number {
  let cents = 0;
  for (const period of periods) {
    const amount = centsOf(values[period]);
    if (amount === null) return exactSpanResult(values, periods);
    cents += amount;
  }
  return Number.isSafeInteger(cents) ? cents / 100 : exactSpanResult(values, periods);
}

function exactSpanResult(values: readonly (AmountText | null | undefined)[], periods: readonly number[]): number {
  const sum = new ExactSum();
  for (const period of periods) sum.add(values[period]);
  return sum.value().toNumber();
}

/** The columns, letters and spans of a budget sheet for a table's calendar. */
function sheetLayout(table: BudgetTable) {
  const monthCount = table.periods.length;
  const quarters = table.layout.flatMap((year) => year.quarters);
  const years = table.layout.map((year) => year.year);
  const monthLetters = table.periods.map((_period, index) => columnLetter(DIMENSION_COLUMNS + 1 + index));
  const spans: Span[] = [...quarters, ...years].map((span) => {
    const first = span.periods[0] ?? 0;
    return { first, last: span.periods[span.periods.length - 1] ?? first, periods: span.periods };
  });
  return { monthCount, quarters, years, monthLetters, spans, lastColumn: DIMENSION_COLUMNS + monthCount + spans.length + 1 };
}
type Layout = ReturnType<typeof sheetLayout>;

/** Quarter and year totals of a row: SUMs over its month cells, with the exact sums as results. */
function writeSpanTotals(rows: SheetRows, layout: Layout, values: readonly (AmountText | null | undefined)[], style: Style): void {
  const row = rows.row;
  for (const span of layout.spans) {
    rows.formula(`SUM(${layout.monthLetters[span.first] ?? ''}${row}:${layout.monthLetters[span.last] ?? ''}${row})`, spanResult(values, span.periods), style);
  }
}

/**
 * Writes a budget sheet: a header, then per section its lines (month values, quarter and year
 * totals as SUM formulas whose saved results are Tandem's exact sums, the Tandem formula beside
 * computed lines), a total row of SUMs, and operating income under the last operating section.
 * The header goes through ExcelJS; the rows are written as text (see SheetRows).
 */
export async function writeBudgetSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExcelJS.Worksheet,
  table: BudgetTable,
  lines: readonly ExportLine[],
  progress: (rows: number) => Promise<void>,
): Promise<void> {
  const layout = sheetLayout(table);
  const { monthCount, quarters, years, lastColumn } = layout;
  sheet.columns = [{ width: 18 }, { width: 9 }, { width: 24 }, { width: 34 }, ...Array.from({ length: monthCount + layout.spans.length }, () => ({ width: 14 })), { width: 40 }];
  const header = sheet.addRow(['Department', 'Code', 'Account', 'Line', ...table.periods.map((period) => period.label), ...quarters.map((quarter) => quarter.label), ...years.map((year) => year.label), 'Tandem formula']);
  for (let column = 1; column <= lastColumn; column += 1) header.getCell(column).style = STYLES.bold;
  header.commit();

  const rows = new SheetRows(sheet, workbook, 1);
  const sectionTotals = new Map<TotalledType, number>();
  let sinceProgress = 0;
  const lastOperating = (['opex', 'cogs', 'revenue'] as const).find((type) => lines.some((line) => line.type === type));
  for (const section of [...totalledSections(table), 'driver' as const]) {
    const sectionLines = lines.filter((line) => line.type === section);
    if (sectionLines.length === 0) continue;
    rows.startRow();
    rows.text(SECTION_TITLES[section], STYLES.bold);
    rows.endRow();
    const firstLineRow = rows.row + 1;
    for (const line of sectionLines) {
      writeLineRow(rows, layout, line);
      sinceProgress += 1;
      if (sinceProgress >= ROWS_PER_STEP) {
        rows.flush();
        await progress(sinceProgress);
        sinceProgress = 0;
      }
    }
    if (section === 'driver') continue;
    const lastLineRow = rows.row;
    const sums = table.lines === lines ? table.totals.byType[section].periods : periodSums(sectionLines, monthCount, () => 1);
    writeTotalRow(rows, layout, `Total ${SECTION_TITLES[section].toLowerCase()}`, (index) => `SUM(${layout.monthLetters[index] ?? ''}${firstLineRow}:${layout.monthLetters[index] ?? ''}${lastLineRow})`, sums, STYLES.totalText, STYLES.totalMoney);
    sectionTotals.set(section, rows.row);
    // Operating income sits under the last of revenue, COGS and operating expenses, before capital expenses.
    if (section === lastOperating) writeOperatingIncome(rows, layout, table, lines, sectionTotals);
  }
  rows.finish();
  await progress(sinceProgress);
  sheet.commit();
}

/** A line: its names (neutralised), month values, quarter and year totals (money only), its Tandem formula. */
function writeLineRow(rows: SheetRows, layout: Layout, line: ExportLine): void {
  const money = line.unit === 'currency';
  const style = money ? STYLES.money : line.unit === 'percent' ? STYLES.percent : STYLES.general;
  rows.startRow();
  rows.text(neutraliseText(line.department), STYLES.text);
  rows.text(neutraliseText(line.accountCode), STYLES.text);
  rows.text(neutraliseText(line.accountName), STYLES.text);
  rows.text(neutraliseText(line.description), STYLES.text);
  for (let period = 0; period < layout.monthCount; period += 1) {
    const value = line.values[period];
    rows.number(value === null || value === undefined ? null : Number(value), style);
  }
  if (money) writeSpanTotals(rows, layout, line.values, style);
  else for (let span = 0; span < layout.spans.length; span += 1) rows.blank(style);
  if (line.formula === null) rows.blank();
  else rows.text(neutraliseText(`=${line.formula}`));
  rows.endRow();
}

/** A row of month formulas whose saved results are `sums`, and its quarter and year totals. */
function writeTotalRow(rows: SheetRows, layout: Layout, label: string, formula: (period: number) => string, sums: readonly Decimal[], textStyle: Style, moneyStyle: Style): void {
  const exact = (period: number) => sums[period] ?? new Decimal(0);
  rows.startRow();
  for (let column = 0; column < DIMENSION_COLUMNS - 1; column += 1) rows.text('', textStyle);
  rows.text(label, textStyle);
  for (let period = 0; period < layout.monthCount; period += 1) rows.formula(formula(period), exact(period).toNumber(), moneyStyle);
  writeSpanTotals(
    rows,
    layout,
    Array.from({ length: layout.monthCount }, (_period, index) => exact(index).toString()),
    moneyStyle,
  );
  rows.endRow();
}

function writeOperatingIncome(rows: SheetRows, layout: Layout, table: BudgetTable, lines: readonly ExportLine[], sectionTotals: ReadonlyMap<TotalledType, number>): void {
  const part = (type: TotalledType, sign: '+' | '-', letter: string) => {
    const row = sectionTotals.get(type);
    return row === undefined ? '' : `${sign}${letter}${row}`;
  };
  const sign = (line: ExportLine) => (line.type === 'revenue' ? 1 : line.type === 'cogs' || line.type === 'opex' ? -1 : 0);
  const income = table.lines === lines ? table.totals.operatingIncome.periods : periodSums(lines, table.periods.length, sign);
  const formula = (period: number) => {
    const letter = layout.monthLetters[period] ?? '';
    return `0${part('revenue', '+', letter)}${part('cogs', '-', letter)}${part('opex', '-', letter)}`;
  };
  writeTotalRow(rows, layout, 'Operating income', formula, income, STYLES.incomeText, STYLES.incomeMoney);
}

/** Exact sums per month of some lines, each counted with its sign (0 leaves it out). */
function periodSums(lines: readonly ExportLine[], periods: number, sign: (line: ExportLine) => number): Decimal[] {
  const sums = Array.from({ length: periods }, () => new ExactSum());
  for (const line of lines) {
    const direction = sign(line);
    if (direction === 0) continue;
    line.values.forEach((value, period) => (direction > 0 ? sums[period]?.add(value) : sums[period]?.subtract(value)));
  }
  return sums.map((sum) => sum.value());
}
