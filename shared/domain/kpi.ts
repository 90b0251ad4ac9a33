/** What a KPI counts: money to the cent, a percentage, a count, days, or a score (CSAT, NPS). */
export const KPI_UNITS = ['money', 'percent', 'count', 'days', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KPI_UNIT_LABELS: Record<KpiUnit, string> = { money: 'Money', percent: 'Percentage', count: 'Count', days: 'Days', score: 'Score' };

/** Which way is good. */
export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/**
 * How far short of its target a KPI may fall and still be on track, and from how far it is off
 * track: an amount in the KPI's unit, or a percentage of the target. "Short" follows the
 * direction: below the target when higher is better, above it when lower is better.
 * A shortfall up to `onTrackWithin` is on track; up to `offTrackBeyond`, at risk; beyond, off track.
 */
export interface KpiThresholds {
  kind: 'amount' | 'percent';
  /** canonical decimal, at least 0 */
  onTrackWithin: string;
  /** canonical decimal, at least `onTrackWithin` */
  offTrackBeyond: string;
}

/** The spans a target is set for. */
export const TARGET_SPANS = ['month', 'quarter', 'year'] as const;
export type TargetSpan = (typeof TARGET_SPANS)[number];

/** A KPI's target for one month, quarter or fiscal year of the workbook. */
export interface KpiTarget {
  span: TargetSpan;
  /** the period index of the month; the quarter's number from 0 (quarter 0 is months 0–2); the fiscal year's from 0 */
  index: number;
  /** canonical decimal; a percentage as a fraction (0.42 is 42%) */
  value: string;
}

/** A shared measure with its definition, targets and thresholds. */
export interface Kpi {
  id: number;
  name: string;
  description: string;
  /** a formula in the KPI language; null for an input KPI whose monthly values people enter (CSAT, NPS) */
  definition: string | null;
  unit: KpiUnit;
  direction: KpiDirection;
  /** the department that owns it */
  departmentId: number | null;
  goalId: number | null;
  thresholds: KpiThresholds;
  targets: KpiTarget[];
  sortOrder: number;
}

/** A month's value of an input KPI, with who entered it and when. */
export interface KpiInput {
  kpiId: number;
  period: number;
  /** canonical decimal */
  value: string;
  enteredBy: string;
  /** ISO time */
  enteredAt: string;
}

/** A strategic goal ("Cost leadership"): budget lines, proposals and KPIs are tagged with it. */
export interface Goal {
  id: number;
  name: string;
  description: string;
  sortOrder: number;
}

/** What uses a goal, counted before it is deleted. */
export interface GoalUsage {
  lines: number;
  proposals: number;
  kpis: number;
}

/** The workbook's KPIs, their entered values and its goals. */
export interface KpiBook {
  kpis: Kpi[];
  inputs: KpiInput[];
  goals: Goal[];
}
