import type ExcelJS from 'exceljs';
import { loadExcelJs } from './load-exceljs';
import { createWriteStream } from 'node:fs';
import type { BudgetTable } from '../../shared/export/budget-table';
import { requireExportableValues } from '../../shared/export/budget-csv';
import type { ApprovalStamp } from '../../shared/export/approval-stamp';
import { neutraliseText, neutraliseUnlessNumber } from '../../shared/export/csv';
import type { AuditEntry } from '../../shared/domain/audit';
import { VERSION_STATUS_LABELS } from '../../shared/domain/approval';
import type { Decimal } from '../../shared/money/decimal';
import type { ExportJob } from './export-job';
import { MONEY_FORMAT, PERCENT_FORMAT } from './xlsx-cells';
import { DIMENSION_COLUMNS, writeBudgetSheet } from './xlsx-budget-sheet';
import { writeCompareSheet } from './xlsx-compare-sheet';
import { writeKpiSheet } from './xlsx-kpi-sheet';
import { recalculateOnLoad } from './xlsx-recalculate';
import type { KpiSheetContent } from './kpi-export-content';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';

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
    const excel = await loadExcelJs();
    await writeWorkbook(new excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false }), content, job);
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
    await writeBudgetSheet(workbook, sheet, table, group.lines, async (rows) => {
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
