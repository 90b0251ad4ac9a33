import type { Kpi } from '../domain/kpi';
import type { Decimal } from '../money/decimal';
import { ROLE_LABELS, type KpiEngine } from './kpi-engine';
import { KPI_STATUS_LABELS } from './kpi-status';
import { basisFor, judgeSpan } from './scorecard';
import { monthSpan, planYear, yearStart, type MonthSpan } from './kpi-spans';

/** One KPI over one period, as the XLSX KPI sheet lists it. */
export interface KpiTableRow {
  kpi: Kpi;
  /** `Mar 2027`, `Q1 2027`, `Year to date (Jan–Sep 2027)`, `Full year (Jan–Dec 2027)` */
  period: string;
  /** which version the value is read in */
  basis: string;
  value: Decimal | null;
  target: Decimal | null;
  variance: Decimal | null;
  /** in words; empty without a value or a target */
  status: string;
  /** why there is no value; empty when there is one */
  reason: string;
}

/**
 * Every KPI month by month, quarter by quarter, year to date and for the full year, each read on
 * its basis (actuals where the months are closed, else the latest estimate), against its target.
 */
export function kpiTable(engine: KpiEngine, periodCount: number): KpiTableRow[] {
  const year = planYear(Array.from({ length: periodCount }));
  const yearLabel = String(engine.calendar.startYear);
  const spans: { label: string; span: MonthSpan }[] = [];
  for (let month = year.first; month <= year.last; month += 1) spans.push({ label: '', span: monthSpan(month, month) });
  for (let quarter = 0; quarter * 3 <= year.last; quarter += 1) spans.push({ label: `Q${quarter + 1} ${yearLabel}`, span: monthSpan(quarter * 3, Math.min(quarter * 3 + 2, year.last)) });
  const closed = engine.actualsThrough;
  if (closed !== null) spans.push({ label: 'Year to date', span: monthSpan(yearStart(closed), Math.min(closed, year.last)) });
  spans.push({ label: 'Full year', span: year });
  const rows: KpiTableRow[] = [];
  for (const kpi of engine.kpis) {
    for (const { label, span } of spans) {
      const basis = kpi.definition === null && !engine.hasRole('forecast') ? 'actual' : basisFor(engine, span);
      const judged = judgeSpan(engine, kpi, span, basis);
      rows.push({
        kpi,
        period: label === '' ? judged.label : label.startsWith('Q') ? label : `${label} (${judged.label})`,
        basis: ROLE_LABELS[basis],
        value: judged.value.ok ? judged.value.value : null,
        target: judged.target,
        variance: judged.variance,
        status: judged.status === null ? '' : KPI_STATUS_LABELS[judged.status],
        reason: judged.value.ok ? '' : judged.value.reason,
      });
    }
  }
  return rows;
}
