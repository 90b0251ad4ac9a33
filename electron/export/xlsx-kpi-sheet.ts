import type ExcelJS from 'exceljs';
import type { KpiUnit } from '../../shared/domain/kpi';
import { KPI_UNIT_LABELS } from '../../shared/domain/kpi';
import { neutraliseText } from '../../shared/export/csv';
import type { KpiSheetContent } from './kpi-export-content';

/** Number formats by unit: the values stay exact numbers, shown as finance reads them. */
const FORMATS: Record<KpiUnit, string> = {
  money: '#,##0;-#,##0;0',
  percent: '0.0%',
  count: '#,##0',
  days: '0.0" days"',
  score: '0.00',
};
/** A variance of a percentage is in points: 0.012 shows as +1.2 pts. */
const VARIANCE_FORMATS: Record<KpiUnit, string> = {
  money: '+#,##0;-#,##0;0',
  percent: '+0.0%" pts";-0.0%" pts";0.0%',
  count: '+#,##0;-#,##0;0',
  days: '+0.0" days";-0.0" days";0.0',
  score: '+0.00;-0.00;0.00',
};

const HEADER = ['KPI', 'Unit', 'Better', 'Owner', 'Goal', 'Period', 'Read in', 'Value', 'Target', 'Variance', 'Status', 'Why there is no value'];

/**
 * The KPI sheet of the XLSX export: every KPI per month, quarter, year to date and full year with
 * its value, target, variance and status in words. Values are numbers (no formulas: KPIs are
 * Tandem's exact figures), formatted by unit; text that a spreadsheet would run is neutralised.
 */
export function writeKpiSheet(sheet: ExcelJS.Worksheet, content: KpiSheetContent): void {
  const { rows } = content;
  sheet.columns = [{ width: 34 }, { width: 11 }, { width: 8 }, { width: 18 }, { width: 22 }, { width: 30 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 10 }, { width: 60 }];
  const header = sheet.addRow(HEADER);
  header.font = { bold: true };
  header.commit();
  const number = (value: { toString(): string } | null) => (value === null ? null : Number(value.toString()));
  for (const row of rows) {
    const { kpi } = row;
    const added = sheet.addRow([
      neutraliseText(kpi.name),
      KPI_UNIT_LABELS[kpi.unit],
      kpi.direction === 'higher' ? 'Higher' : 'Lower',
      neutraliseText(content.departmentName(kpi.departmentId)),
      neutraliseText(content.goalName(kpi.goalId)),
      row.period,
      row.basis,
      number(row.value),
      number(row.target),
      number(row.variance),
      row.status,
      neutraliseText(row.reason),
    ]);
    added.getCell(8).numFmt = FORMATS[kpi.unit];
    added.getCell(9).numFmt = FORMATS[kpi.unit];
    added.getCell(10).numFmt = VARIANCE_FORMATS[kpi.unit];
    added.commit();
  }
}
