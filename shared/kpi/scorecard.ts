import type { Kpi } from '../domain/kpi';
import type { Decimal } from '../money/decimal';
import type { KpiEngine, KpiOutcome, VersionRole } from './kpi-engine';
import { judge, targetFor, type KpiStatus } from './kpi-status';
import { monthSpan, planYear, spanLabel, yearStart, type MonthSpan } from './kpi-spans';

/** A KPI over one span: its value on the basis it is judged on, the plan's, the target, and the status. */
export interface JudgedSpan {
  span: MonthSpan;
  label: string;
  /** the kind of version the value is read in: actuals for closed months, else the latest estimate */
  basis: VersionRole;
  value: KpiOutcome;
  budget: KpiOutcome | null;
  target: Decimal | null;
  /** value less target; null without both */
  variance: Decimal | null;
  /** null without a value or a target */
  status: KpiStatus | null;
}

/** One KPI's line of the scorecard: month by month in each kind of version, then year to date and the full year judged. */
export interface ScorecardRow {
  kpi: Kpi;
  months: { month: number; actual: KpiOutcome | null; budget: KpiOutcome | null; forecast: KpiOutcome | null; target: Decimal | null }[];
  /** null before the first month closes */
  yearToDate: JudgedSpan | null;
  /** the full plan year on the latest estimate (the budget when there is no forecast) */
  fullYear: JudgedSpan;
}

const read = (engine: KpiEngine, kpi: Kpi, role: VersionRole, span: MonthSpan): KpiOutcome | null => (engine.hasRole(role) || (kpi.definition === null && role !== 'budget') ? engine.outcome(kpi, role, span) : null);

/** A KPI judged over a span on the given basis. */
export function judgeSpan(engine: KpiEngine, kpi: Kpi, span: MonthSpan, basis: VersionRole): JudgedSpan {
  const value = engine.outcome(kpi, basis, span);
  const target = targetFor(kpi, span);
  const budget = kpi.definition === null ? null : read(engine, kpi, 'budget', span);
  return {
    span,
    label: spanLabel(engine.calendar, span),
    basis,
    value,
    budget,
    target,
    variance: value.ok && target !== null ? value.value.minus(target) : null,
    status: value.ok && target !== null ? judge(kpi, value.value, target) : null,
  };
}

/** The basis a span is judged on: actuals when all its months are closed, else the latest estimate (else the budget). */
export function basisFor(engine: KpiEngine, span: MonthSpan): VersionRole {
  const closed = engine.actualsThrough;
  if (closed !== null && span.last <= closed && engine.hasRole('actual')) return 'actual';
  return engine.hasRole('forecast') ? 'forecast' : engine.hasRole('actual') && closed !== null && span.last <= closed ? 'actual' : 'budget';
}

/** The scorecard: every KPI month by month, year to date on actuals, and the full year on the latest estimate. */
export function buildScorecard(engine: KpiEngine, periodCount: number): ScorecardRow[] {
  const year = planYear(Array.from({ length: periodCount }));
  const closed = engine.actualsThrough;
  return engine.kpis.map((kpi) => {
    const months = [];
    for (let month = year.first; month <= year.last; month += 1) {
      const span = monthSpan(month, month);
      months.push({
        month,
        actual: closed !== null && month <= closed ? read(engine, kpi, 'actual', span) : null,
        budget: kpi.definition === null ? null : read(engine, kpi, 'budget', span),
        forecast: read(engine, kpi, 'forecast', span),
        target: targetFor(kpi, span),
      });
    }
    const yearToDate = closed === null ? null : judgeSpan(engine, kpi, monthSpan(yearStart(closed), Math.min(closed, year.last)), 'actual');
    const fullYear = judgeSpan(engine, kpi, year, kpi.definition === null && !engine.hasRole('forecast') ? 'actual' : basisFor(engine, year));
    return { kpi, months, yearToDate, fullYear };
  });
}
