import sample from '../../assets/sample/kpis.json';
import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { KpiDirection, KpiTarget, KpiThresholds, KpiUnit } from '../../shared/domain/kpi';
import type { WorkbookSeed } from '../store/workbook-seed';

interface SampleKpi {
  name: string;
  description: string;
  definition: string | null;
  unit: string;
  direction: string;
  department: string | null;
  goal: string | null;
  thresholds: { kind: string; onTrackWithin: string; offTrackBeyond: string };
  /** the target for the fiscal year */
  year?: string;
  /** the same target every month */
  everyMonth?: string;
  /** a target per month, month 1 of the fiscal year first */
  months?: string[];
  /** an input KPI's entered values, month 1 first, with who entered them */
  entered?: { by: string; values: string[] };
}

/**
 * The sample company's strategic goals and KPIs: margins, operating expenses against revenue,
 * operating income against the plan, the return on funded investments, cost of goods sold,
 * working-capital days (receivables, inventory, payables and the cash conversion cycle) and
 * customer satisfaction, entered each month by the operations manager a few days after it closes.
 */
export function sampleKpis(calendar: FiscalCalendar, closedMonths: number): Pick<WorkbookSeed, 'goals' | 'kpis'> {
  const monthsInPlan = calendar.periodCount;
  const kpis = (sample.kpis as SampleKpi[]).map((kpi) => {
    const targets: KpiTarget[] = [
      ...(kpi.months ?? (kpi.everyMonth === undefined ? [] : new Array<string>(monthsInPlan).fill(kpi.everyMonth))).slice(0, monthsInPlan).map((value, index): KpiTarget => ({ span: 'month', index, value })),
      ...(kpi.year === undefined || monthsInPlan < 12 ? [] : [{ span: 'year' as const, index: 0, value: kpi.year }]),
    ];
    const inputs = (kpi.entered?.values ?? []).slice(0, closedMonths).map((value, period) => ({ period, value, enteredBy: kpi.entered?.by ?? '', enteredAt: enteredAfter(calendar, period) }));
    return {
      name: kpi.name,
      description: kpi.description,
      definition: kpi.definition,
      unit: kpi.unit as KpiUnit,
      direction: kpi.direction as KpiDirection,
      department: kpi.department,
      goal: kpi.goal,
      thresholds: kpi.thresholds as KpiThresholds,
      targets,
      inputs,
    };
  });
  return { goals: sample.goals, kpis };
}

/** When a month's value was entered: the fourth of the next month, mid-morning (UTC). */
function enteredAfter(calendar: FiscalCalendar, period: number): string {
  const next = calendar.startMonth - 1 + period + 1;
  const year = calendar.startYear + Math.floor(next / 12);
  const month = (next % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-04T09:30:00.000Z`;
}
