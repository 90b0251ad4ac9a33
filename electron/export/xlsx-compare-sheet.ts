import type ExcelJS from 'exceljs';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { SECTION_TITLES, totalledSections, type BudgetTable, type ExportLine } from '../../shared/export/budget-table';
import { neutraliseText } from '../../shared/export/csv';
import type { TotalledType } from '../../shared/engine/sheet-totals';
import { Decimal } from '../../shared/money/decimal';
import { ExactSum } from '../../shared/money/exact-sum';
import { columnLetter, MONEY_FORMAT } from './xlsx-cells';

const RATIO_FORMAT = '+0.0%;-0.0%;0.0%';
const NAME_COLUMNS = 3;


/** A row's months in both versions, as exact decimals (null where empty). */
interface CompareValues {
  base: (Decimal | null)[];
  comparison: (Decimal | null)[];
}

const exactSum = (values: readonly (Decimal | null)[], periods: readonly number[]) => {
  const sum = new ExactSum();
  for (const period of periods) sum.add(values[period]?.toString() ?? null);
  return sum.value();
};

/**
 * A sheet that compares two versions of the same lines with live formulas: each version's months
 * as values side by side, then for year to date (when months have closed) and each full year the
 * sums of both as SUM formulas, the variance (comparison less base) and the variance % of the
 * base (blank where the base is zero) as formulas over them. Section totals and operating income
 * are formulas too. Cached results are Tandem's exact figures.
 */
export function writeCompareSheet(sheet: ExcelJS.Worksheet, base: BudgetTable, comparison: BudgetTable, yearToDate: PeriodSpan | null): void {
  const months = base.periods.length;
  const spans = [...(yearToDate === null ? [] : [yearToDate]), ...base.layout.map((year) => year.year)];
  const baseColumn = (period: number) => NAME_COLUMNS + 1 + period;
  const comparisonColumn = (period: number) => NAME_COLUMNS + 1 + months + period;
  const spanColumn = (span: number, field: 0 | 1 | 2 | 3) => NAME_COLUMNS + 2 * months + 1 + span * 4 + field;
  const lastColumn = spanColumn(spans.length - 1, 3);
  sheet.columns = [{ width: 18 }, { width: 26 }, { width: 34 }, ...Array.from({ length: lastColumn - NAME_COLUMNS }, () => ({ width: 14 }))];
  const header = sheet.addRow([
    'Department',
    'Account',
    'Line',
    ...base.periods.map((period) => `${period.label} ${base.version.name}`),
    ...base.periods.map((period) => `${period.label} ${comparison.version.name}`),
    ...spans.flatMap((span) => [`${span.label} ${base.version.name}`, `${span.label} ${comparison.version.name}`, `${span.label} variance`, `${span.label} variance %`]),
  ]);
  for (let column = 1; column <= lastColumn; column += 1) header.getCell(column).style = { font: { bold: true }, alignment: { wrapText: true, vertical: 'top' } };
  header.commit();

  const comparisonLines = new Map(comparison.lines.map((line) => [line.id, line]));
  let rowNumber = 1;
  /** Writes one row: months of both versions (values or formulas), then each span's sums, variance and variance %. */
  const writeRow = (names: string[], values: CompareValues, monthCell: (column: number, value: Decimal | null) => ExcelJS.CellValue, bold: boolean) => {
    rowNumber += 1;
    const row = rowNumber;
    const cells: ExcelJS.CellValue[] = [
      ...names.map(neutraliseText),
      ...values.base.map((value, period) => monthCell(baseColumn(period), value)),
      ...values.comparison.map((value, period) => monthCell(comparisonColumn(period), value)),
    ];
    for (const span of spans) {
      const first = span.periods[0] ?? 0;
      const last = span.periods[span.periods.length - 1] ?? first;
      const baseSum = exactSum(values.base, span.periods);
      const comparisonSum = exactSum(values.comparison, span.periods);
      const variance = comparisonSum.minus(baseSum);
      const index = spans.indexOf(span);
      const baseRef = `${columnLetter(spanColumn(index, 0))}${row}`;
      const comparisonRef = `${columnLetter(spanColumn(index, 1))}${row}`;
      const varianceRef = `${columnLetter(spanColumn(index, 2))}${row}`;
      cells.push(
        { formula: `SUM(${columnLetter(baseColumn(first))}${row}:${columnLetter(baseColumn(last))}${row})`, result: baseSum.toNumber() },
        { formula: `SUM(${columnLetter(comparisonColumn(first))}${row}:${columnLetter(comparisonColumn(last))}${row})`, result: comparisonSum.toNumber() },
        { formula: `${comparisonRef}-${baseRef}`, result: variance.toNumber() },
        { formula: `IF(${baseRef}=0,"",${varianceRef}/ABS(${baseRef}))`, result: baseSum.isZero() ? '' : variance.div(baseSum.abs()).toNumber() },
      );
    }
    const written = sheet.addRow(cells);
    for (let column = 1; column <= lastColumn; column += 1) {
      const ratio = column > NAME_COLUMNS + 2 * months && (column - NAME_COLUMNS - 2 * months) % 4 === 0;
      written.getCell(column).style = column <= NAME_COLUMNS ? (bold ? { font: { bold: true } } : {}) : { numFmt: ratio ? RATIO_FORMAT : MONEY_FORMAT, ...(bold ? { font: { bold: true }, border: { top: { style: 'thin' } } } : {}) };
    }
    written.commit();
    return row;
  };
  const plainValue = (_column: number, value: Decimal | null): ExcelJS.CellValue => (value === null ? null : value.toNumber());
  const decimals = (line: ExportLine | undefined) => (line?.values ?? []).map((value) => (value === null ? null : new Decimal(value)));

  const totalRows = new Map<TotalledType, { row: number; values: CompareValues }>();
  for (const section of totalledSections(base)) {
    const lines = base.lines.filter((line) => line.type === section && line.unit === 'currency');
    if (lines.length === 0) continue;
    rowNumber += 1;
    const title = sheet.addRow([SECTION_TITLES[section]]);
    title.getCell(1).style = { font: { bold: true } };
    title.commit();
    const first = rowNumber + 1;
    for (const line of lines) writeRow([line.department, `${line.accountCode} ${line.accountName}`, line.description], { base: decimals(line), comparison: decimals(comparisonLines.get(line.id)) }, plainValue, false);
    const last = rowNumber;
    const monthSums = (valuesOf: (line: ExportLine) => readonly (string | null)[] | undefined) =>
      base.periods.map((period) => {
        const sum = new ExactSum();
        for (const line of lines) sum.add(valuesOf(line)?.[period.index] ?? null);
        return sum.value();
      });
    const sums: CompareValues = { base: monthSums((line) => line.values), comparison: monthSums((line) => comparisonLines.get(line.id)?.values) };
    const row = writeRow(['', '', `Total ${SECTION_TITLES[section].toLowerCase()}`], sums, (column, value) => ({ formula: `SUM(${columnLetter(column)}${first}:${columnLetter(column)}${last})`, result: value?.toNumber() ?? 0 }), true);
    totalRows.set(section, { row, values: sums });
  }
  // Operating income: revenue less cost of goods sold and operating expenses, month by month in both versions.
  const signs: [TotalledType, 1 | -1][] = [['revenue', 1], ['cogs', -1], ['opex', -1]];
  const income = (pick: keyof CompareValues) => base.periods.map((period) => signs.reduce((sum, [type, sign]) => sum.plus((totalRows.get(type)?.values[pick][period.index] ?? new Decimal(0)).times(sign)), new Decimal(0)));
  const incomeFormula = (column: number) => `0${signs.map(([type, sign]) => (totalRows.has(type) ? `${sign === 1 ? '+' : '-'}${columnLetter(column)}${totalRows.get(type)?.row ?? 0}` : '')).join('')}`;
  writeRow(['', '', 'Operating income'], { base: income('base'), comparison: income('comparison') }, (column, value) => ({ formula: incomeFormula(column), result: value?.toNumber() ?? 0 }), true);
  sheet.commit();
}
