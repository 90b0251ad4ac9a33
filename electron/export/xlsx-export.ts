import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { SECTION_TITLES, totalledSections, type BudgetTable, type ExportLine } from '../../shared/export/budget-table';
import { requireExportableValues } from '../../shared/export/budget-csv';
import type { ApprovalStamp } from '../../shared/export/approval-stamp';
import { neutraliseText, neutraliseUnlessNumber } from '../../shared/export/csv';
import type { AuditEntry } from '../../shared/domain/audit';
import { VERSION_STATUS_LABELS } from '../../shared/domain/approval';
import type { TotalledType } from '../../shared/engine/sheet-totals';
import { Decimal } from '../../shared/money/decimal';
import { ExactSum } from '../../shared/money/exact-sum';
import type { ExportJob } from './export-job';
import { columnLetter, MONEY_FORMAT } from './xlsx-cells';
import { writeCompareSheet } from './xlsx-compare-sheet';
import { writeKpiSheet } from './xlsx-kpi-sheet';
import { recalculateOnLoad } from './xlsx-recalculate';
import type { KpiSheetContent } from './kpi-export-content';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';

const PERCENT_FORMAT = '0.0###%';
const DIMENSION_COLUMNS = 4;

/**
 * The budget sheet's few cell styles, each one shared object: ExcelJS gives a style object
 * seen before its id at once, where a fresh object per cell costs a lookup by content for
 * every one of 360,000 cells. Shared, so never mutated: cells get one of these, not setters.
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
} satisfies Record<string, Partial<ExcelJS.Style>>;

/** Gives each cell of a row its shared style: the first `textColumns` one, the rest another. */
function styleRow(row: ExcelJS.Row, textColumns: number, text: Partial<ExcelJS.Style>, rest: Partial<ExcelJS.Style>, last: number): void {
  for (let column = 1; column <= last; column += 1) row.getCell(column).style = column <= textColumns ? text : rest;
}
/** Cover-sheet labels that `npm run verify` reads back. */
export const COVER_LABELS = { workbook: 'Workbook', version: 'Version', status: 'Status', approvedBy: 'Approved by', approvedAt: 'Approved at (UTC)', sha256: 'Approval stamp (SHA-256)' } as const;

export interface ProposalRow {
  title: string;
  department: string;
  status: string;
  capital: Decimal;
  npv: Decimal;
  irr: Decimal | null;
  mirr: Decimal | null;
  payback: Decimal | null;
  profitabilityIndex: Decimal | null;
  score: Decimal | null;
}

export interface XlsxContent {
  table: BudgetTable;
  /** one sheet for the version, or one per department */
  split: 'version' | 'department';
  exportedBy: string;
  exportedAt: string;
  stamp: ApprovalStamp | null;
  proposals: ProposalRow[] | null;
  audit: AuditEntry[] | null;
  /** another version to compare with on a sheet of live variance formulas, and the closed months (year to date) */
  compare: { table: BudgetTable; yearToDate: PeriodSpan | null } | null;
  /** the KPIs per month, quarter, year to date and year, with targets and status; null: no KPI sheet */
  kpis: KpiSheetContent | null;
}

export { columnLetter } from './xlsx-cells';

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the file. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let counter = 2; taken.has(name.toLowerCase()); counter += 1) name = `${base.slice(0, 27)} (${counter})`;
  taken.add(name.toLowerCase());
  return name;
}

const number = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * Writes the version to an XLSX file with ExcelJS's streaming writer: a cover sheet, the budget
 * (one sheet, or one per department) with month values, quarter and year totals, section
 * subtotals and operating income as real formulas whose cached results are Tandem's exact
 * figures, then the proposals and the audit trail when asked. Text cells that a spreadsheet
 * would run as formulas are neutralised.
 */
export async function writeXlsx(path: string, content: XlsxContent, job: ExportJob): Promise<void> {
  requireExportableValues(content.table);
  // Our own stream, so a cancel or a failure can close the file before it is removed.
  const output = createWriteStream(path);
  const closed = new Promise<void>((resolve) => output.once('close', () => resolve()));
  try {
    await writeWorkbook(new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false }), content, job);
  } catch (error) {
    output.destroy();
    await closed;
    throw error;
  }
  await closed;
}

async function writeWorkbook(workbook: ExcelJS.stream.xlsx.WorkbookWriter, content: XlsxContent, job: ExportJob): Promise<void> {
  workbook.creator = content.exportedBy;
  workbook.created = new Date(content.exportedAt);
  workbook.title = `${content.table.workbookName} — ${content.table.version.name}`;
  // Excel recomputes every formula on opening; the cached results are Tandem's for other readers.
  // The streaming writer ignores calcProperties: the flag is written into xl/workbook.xml as it is zipped.
  const recalculates = recalculateOnLoad(workbook);
  // The sheets verify reads by name keep their names: a department called “Proposals” becomes “Proposals (2)”.
  const taken = new Set<string>(['proposals', 'audit trail', 'compare', 'kpis']);
  writeCover(workbook.addWorksheet(sheetName('Cover', taken)), content);

  const { table } = content;
  const groups =
    content.split === 'version'
      ? [{ name: table.version.name, lines: table.lines }]
      : [...new Set(table.lines.map((line) => line.department))].sort().map((department) => ({ name: department, lines: table.lines.filter((line) => line.department === department) }));
  const total = table.lines.length + (content.proposals?.length ?? 0) + (content.audit?.length ?? 0);
  let done = 0;
  for (const group of groups) {
    const sheet = workbook.addWorksheet(sheetName(group.name, taken), { views: [{ state: 'frozen', xSplit: DIMENSION_COLUMNS, ySplit: 1 }] });
    await writeBudgetSheet(sheet, table, group.lines, async (rows) => {
      done += rows;
      await job.step(done / total, 'Writing the budget');
    });
  }
  if (content.compare !== null) {
    await job.step(done / total, 'Writing the comparison');
    writeCompareSheet(workbook.addWorksheet('Compare', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] }), table, content.compare.table, content.compare.yearToDate);
  }
  if (content.kpis !== null) {
    await job.step(done / total, 'Writing the KPIs');
    writeKpiSheet(workbook.addWorksheet('KPIs', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), content.kpis);
  }
  if (content.proposals !== null) writeProposals(workbook.addWorksheet('Proposals', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), content.proposals);
  done += content.proposals?.length ?? 0;
  if (content.audit !== null) {
    await job.step(done / total, 'Writing the audit trail');
    writeAudit(workbook.addWorksheet('Audit trail', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] }), content.audit, table);
  }
  await job.step(0.99, 'Finishing the file');
  await workbook.commit();
  recalculates();
}

function writeCover(sheet: ExcelJS.Worksheet, content: XlsxContent): void {
  const { table, stamp } = content;
  sheet.columns = [{ width: 28 }, { width: 70 }];
  const rows: [string, string][] = [
    [COVER_LABELS.workbook, table.workbookName],
    [COVER_LABELS.version, table.version.name],
    [COVER_LABELS.status, VERSION_STATUS_LABELS[table.version.status]],
    [COVER_LABELS.approvedBy, table.approval?.actor ?? ''],
    [COVER_LABELS.approvedAt, table.approval?.at ?? ''],
    ['Currency', table.currency],
    ['Months', `${table.periods[0]?.label ?? ''} to ${table.periods[table.periods.length - 1]?.label ?? ''}`],
    ['Lines', String(table.lines.length)],
    ['Exported by', content.exportedBy],
    ['Exported at (UTC)', content.exportedAt],
    [COVER_LABELS.sha256, stamp?.sha256 ?? (table.version.status === 'approved' ? '' : 'none: only an approved version is stamped')],
  ];
  const title = sheet.addRow([`${table.workbookName}`]);
  title.font = { bold: true, size: 16 };
  title.commit();
  sheet.addRow([]).commit();
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, neutraliseText(value)]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  sheet.addRow([]).commit();
  sheet
    .addRow(['', 'Totals, quarters and years are Excel formulas over the month cells; their saved results are Tandem’s exact figures. `npm run verify -- FILE` checks the stamp.'])
    .commit();
  sheet.commit();
}

async function writeBudgetSheet(sheet: ExcelJS.Worksheet, table: BudgetTable, lines: readonly ExportLine[], progress: (rows: number) => Promise<void>): Promise<void> {
  const monthCount = table.periods.length;
  const firstMonth = DIMENSION_COLUMNS + 1;
  const quarters = table.layout.flatMap((year) => year.quarters);
  const years = table.layout.map((year) => year.year);
  const monthLetter = (period: number) => columnLetter(firstMonth + period);
  sheet.columns = [
    { width: 18 },
    { width: 9 },
    { width: 24 },
    { width: 34 },
    ...Array.from({ length: monthCount + quarters.length + years.length }, () => ({ width: 14 })),
    { width: 40 },
  ];
  const header = sheet.addRow(['Department', 'Code', 'Account', 'Line', ...table.periods.map((period) => period.label), ...quarters.map((quarter) => quarter.label), ...years.map((year) => year.label), 'Tandem formula']);
  const lastColumn = DIMENSION_COLUMNS + monthCount + spansCount(table) + 1;
  styleRow(header, lastColumn, STYLES.bold, STYLES.bold, lastColumn);
  header.commit();

  let rowNumber = 1;
  const sectionTotals = new Map<TotalledType, number>();
  /** Quarter and year totals of a row: SUMs over its month cells, with the exact sums as results. */
  const spans = [...quarters, ...years];
  const spanCells = (row: number, value: (period: number) => string | null | undefined) =>
    spans.map((span) => {
      const first = span.periods[0] ?? 0;
      const last = span.periods[span.periods.length - 1] ?? first;
      // Exact sums without a Decimal per cell: 150,000 of them for a 10,000-line budget.
      const sum = new ExactSum();
      for (const period of span.periods) sum.add(value(period));
      return { formula: `SUM(${monthLetter(first)}${row}:${monthLetter(last)}${row})`, result: sum.value().toNumber() };
    });
  let sinceProgress = 0;
  const lastOperating = (['opex', 'cogs', 'revenue'] as const).find((type) => lines.some((line) => line.type === type));
  for (const section of [...totalledSections(table), 'driver' as const]) {
    const sectionLines = lines.filter((line) => line.type === section);
    if (sectionLines.length === 0) continue;
    const title = sheet.addRow([SECTION_TITLES[section]]);
    rowNumber += 1;
    title.getCell(1).style = STYLES.bold;
    title.commit();
    const firstLineRow = rowNumber + 1;
    for (const line of sectionLines) {
      rowNumber += 1;
      const values = line.values.map(number);
      const money = line.unit === 'currency';
      const cells: ExcelJS.CellValue[] = [
        neutraliseText(line.department),
        neutraliseText(line.accountCode),
        neutraliseText(line.accountName),
        neutraliseText(line.description),
        ...values,
        ...(money ? spanCells(rowNumber, (period) => line.values[period]) : spans.map(() => null)),
        line.formula === null ? null : neutraliseText(`=${line.formula}`),
      ];
      const row = sheet.addRow(cells);
      styleRow(row, DIMENSION_COLUMNS, STYLES.text, money ? STYLES.money : line.unit === 'percent' ? STYLES.percent : STYLES.general, lastColumn - 1);
      row.commit();
      sinceProgress += 1;
      if (sinceProgress >= 500) {
        await progress(sinceProgress);
        sinceProgress = 0;
      }
    }
    if (section === 'driver') continue;
    rowNumber += 1;
    const lastLineRow = rowNumber - 1;
    const sums = table.lines === lines ? table.totals.byType[section].periods : periodSums(sectionLines, monthCount, () => 1);
    const exact = (period: number) => sums[period] ?? new Decimal(0);
    const totalRow = sheet.addRow([
      '',
      '',
      '',
      `Total ${SECTION_TITLES[section].toLowerCase()}`,
      ...table.periods.map((_period, index) => ({ formula: `SUM(${monthLetter(index)}${firstLineRow}:${monthLetter(index)}${lastLineRow})`, result: exact(index).toNumber() })),
      ...spanCells(rowNumber, (period) => exact(period).toString()),
    ]);
    styleRow(totalRow, DIMENSION_COLUMNS, STYLES.totalText, STYLES.totalMoney, lastColumn - 1);
    totalRow.commit();
    sectionTotals.set(section, rowNumber);
    // Operating income sits under the last of revenue, COGS and operating expenses, before capital expenses.
    if (section === lastOperating) {
      rowNumber += 1;
      writeOperatingIncome(sheet, table, lines, sectionTotals, rowNumber, monthLetter, spanCells, lastColumn - 1);
    }
  }
  await progress(sinceProgress);
  sheet.commit();
}

function writeOperatingIncome(
  sheet: ExcelJS.Worksheet,
  table: BudgetTable,
  lines: readonly ExportLine[],
  sectionTotals: ReadonlyMap<TotalledType, number>,
  rowNumber: number,
  monthLetter: (period: number) => string,
  spanCells: (row: number, value: (period: number) => string | null | undefined) => ExcelJS.CellValue[],
  lastColumn: number,
): void {
  const part = (type: TotalledType, sign: '+' | '-', letter: string) => {
    const row = sectionTotals.get(type);
    return row === undefined ? '' : `${sign}${letter}${row}`;
  };
  const sign = (line: ExportLine) => (line.type === 'revenue' ? 1 : line.type === 'cogs' || line.type === 'opex' ? -1 : 0);
  const income = table.lines === lines ? table.totals.operatingIncome.periods : periodSums(lines, table.periods.length, sign);
  const exact = (period: number) => income[period] ?? new Decimal(0);
  const formulaFor = (letter: string) => `0${part('revenue', '+', letter)}${part('cogs', '-', letter)}${part('opex', '-', letter)}`;
  const row = sheet.addRow(['', '', '', 'Operating income', ...table.periods.map((_period, index) => ({ formula: formulaFor(monthLetter(index)), result: exact(index).toNumber() })), ...spanCells(rowNumber, (period) => exact(period).toString())]);
  styleRow(row, DIMENSION_COLUMNS, STYLES.incomeText, STYLES.incomeMoney, lastColumn);
  row.commit();
}

function spansCount(table: BudgetTable): number {
  return table.layout.reduce((count, year) => count + year.quarters.length + 1, 0);
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

function writeProposals(sheet: ExcelJS.Worksheet, proposals: readonly ProposalRow[]): void {
  sheet.columns = [
    { header: 'Proposal', width: 40 },
    { header: 'Department', width: 16 },
    { header: 'Status', width: 12 },
    { header: 'Capital', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: 'NPV', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: 'IRR', width: 10, style: { numFmt: PERCENT_FORMAT } },
    { header: 'MIRR', width: 10, style: { numFmt: PERCENT_FORMAT } },
    { header: 'Payback (years)', width: 15, style: { numFmt: '0.0' } },
    { header: 'Profitability index', width: 18, style: { numFmt: '0.00' } },
    { header: 'Weighted score', width: 15, style: { numFmt: '0.00' } },
  ];
  sheet.getRow(1).font = { bold: true };
  const value = (decimal: Decimal | null) => (decimal === null ? null : decimal.toNumber());
  for (const proposal of proposals) {
    sheet
      .addRow([
        neutraliseText(proposal.title),
        neutraliseText(proposal.department),
        proposal.status,
        value(proposal.capital),
        value(proposal.npv.toDecimalPlaces(2)),
        value(proposal.irr),
        value(proposal.mirr),
        value(proposal.payback),
        value(proposal.profitabilityIndex),
        value(proposal.score),
      ])
      .commit();
  }
  sheet.commit();
}

function writeAudit(sheet: ExcelJS.Worksheet, entries: readonly AuditEntry[], table: BudgetTable): void {
  sheet.columns = [
    { header: 'When (UTC)', width: 24 },
    { header: 'Who', width: 18 },
    { header: 'Action', width: 36 },
    { header: 'Kind', width: 11 },
    { header: 'What', width: 40 },
    { header: 'Month', width: 10 },
    { header: 'Before', width: 16 },
    { header: 'After', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) {
    sheet
      .addRow([entry.at, neutraliseText(entry.actor), neutraliseText(entry.label), entry.kind, neutraliseText(entry.subject), entry.period === null ? '' : (table.periods[entry.period]?.label ?? ''), neutraliseUnlessNumber(entry.before ?? ''), neutraliseUnlessNumber(entry.after ?? '')])
      .commit();
  }
  sheet.commit();
}
