import type { Kpi, KpiTarget } from '../domain/kpi';
import { Decimal } from '../money/decimal';
import { ADDITIVE_UNITS } from './kpi-engine';
import { monthsOf, quarterStart, type MonthSpan } from './kpi-spans';

export const KPI_STATUSES = ['on-track', 'at-risk', 'off-track'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
/** Said in words (and drawn with a shape): never by colour alone. */
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track' };

/**
 * The target for a span. Money and counts add up: each month takes its month's target, else a
 * third of its quarter's, else a twelfth of its year's. A ratio, days or a score do not add up: a
 * month takes its own target, else its quarter's, else its year's; a whole quarter its quarter's
 * target; any longer span the year's, else the average of its months' targets. Null when the
 * targets do not cover the span.
 */
export function targetFor(kpi: Pick<Kpi, 'unit' | 'targets'>, span: MonthSpan): Decimal | null {
  const find = (kind: KpiTarget['span'], index: number) => {
    const target = kpi.targets.find((candidate) => candidate.span === kind && candidate.index === index);
    return target === undefined ? null : new Decimal(target.value);
  };
  const ofMonth = (month: number, additive: boolean): Decimal | null => {
    const own = find('month', month);
    if (own !== null) return own;
    const quarter = find('quarter', Math.floor(month / 3));
    if (quarter !== null) return additive ? quarter.div(3) : quarter;
    const year = find('year', Math.floor(month / 12));
    return year === null ? null : additive ? year.div(12) : year;
  };
  const months = monthsOf(span);
  if (months.some((month) => month < 0)) return null;
  if (ADDITIVE_UNITS.includes(kpi.unit)) {
    let total = new Decimal(0);
    for (const month of months) {
      const target = ofMonth(month, true);
      if (target === null) return null;
      total = total.plus(target);
    }
    return total;
  }
  if (months.length === 1) return ofMonth(span.first, false);
  const wholeQuarter = months.length === 3 && quarterStart(span.first) === span.first;
  if (wholeQuarter) {
    const quarter = find('quarter', Math.floor(span.first / 3));
    if (quarter !== null) return quarter;
  }
  const yearly = Math.floor(span.first / 12) === Math.floor(span.last / 12) ? find('year', Math.floor(span.first / 12)) : null;
  if (yearly !== null) return yearly;
  let total = new Decimal(0);
  for (const month of months) {
    const target = find('month', month);
    if (target === null) return null;
    total = total.plus(target);
  }
  return total.div(months.length);
}

/** How far a value falls short of its target in the KPI's bad direction (negative: better than the target). */
export function shortfall(kpi: Pick<Kpi, 'direction'>, value: Decimal, target: Decimal): Decimal {
  return kpi.direction === 'higher' ? target.minus(value) : value.minus(target);
}

/**
 * On track, at risk or off track. A shortfall up to "on track within" is on track (at the
 * boundary too); up to "off track beyond", at risk; past it, off track. Percentages are of the
 * target's size (a target of 0 leaves only exact amounts: a percentage of 0 is 0).
 */
export function judge(kpi: Pick<Kpi, 'direction' | 'thresholds'>, value: Decimal, target: Decimal): KpiStatus {
  const short = shortfall(kpi, value, target);
  const scale = (limit: string) => (kpi.thresholds.kind === 'amount' ? new Decimal(limit) : target.abs().times(limit).div(100));
  if (short.lte(scale(kpi.thresholds.onTrackWithin))) return 'on-track';
  if (short.lte(scale(kpi.thresholds.offTrackBeyond))) return 'at-risk';
  return 'off-track';
}

/** Why thresholds cannot be used, naming the KPI; null when they are sound. */
export function thresholdsProblem(kpiName: string, thresholds: Kpi['thresholds']): string | null {
  const within = new Decimal(thresholds.onTrackWithin);
  const beyond = new Decimal(thresholds.offTrackBeyond);
  if (within.isNegative() || beyond.isNegative()) {
    return `KPI “${kpiName}”: thresholds measure how far short of the target it falls, in the direction that is bad for it, so they are 0 or more (a negative one would contradict the direction).`;
  }
  if (beyond.lessThan(within)) return `KPI “${kpiName}”: “off track beyond” (${thresholds.offTrackBeyond}) is below “on track within” (${thresholds.onTrackWithin}): the two thresholds overlap.`;
  return null;
}
