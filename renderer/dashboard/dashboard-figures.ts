import { fiscalLayout, type FiscalCalendar, type Period } from '../../shared/calendar/fiscal-calendar';
import type { KpiUnit } from '../../shared/domain/kpi';
import type { KpiStatus } from '../../shared/kpi/kpi-status';
import { monthSpan, planYear, yearStart, type MonthSpan } from '../../shared/kpi/kpi-spans';
import { Decimal } from '../../shared/money/decimal';
import { formatAmount, type AmountFormat } from '../../shared/money/format-amount';
import { readNumber } from '../../shared/money/parse-amount';
import type { DashboardPeriod } from '../state/kpi-store';

/** One choice of the period picker: its value in the select, its label and what it means. */
export interface PeriodOption {
  value: string;
  label: string;
  period: DashboardPeriod;
}

/** The value a period has in the select: `m3`, `q1`, `ytd`. */
export function periodValue(period: DashboardPeriod): string {
  return period.kind === 'ytd' ? 'ytd' : `${period.kind === 'month' ? 'm' : 'q'}${period.index}`;
}

/** The periods of the plan year a user can pick: year to date, each quarter, each month. */
export function periodOptions(model: { calendar: FiscalCalendar; periods: readonly Period[]; actualsThrough: number | null }): PeriodOption[] {
  const year = planYear(model.periods);
  const through = model.actualsThrough;
  const options: PeriodOption[] = [
    { value: 'ytd', label: through === null ? 'Year to date (no month closed yet)' : `Year to date (through ${model.periods[through]?.label ?? ''})`, period: { kind: 'ytd' } },
  ];
  fiscalLayout(model.calendar)[0]?.quarters.forEach((quarter, index) => options.push({ value: `q${index}`, label: quarter.label, period: { kind: 'quarter', index } }));
  for (let month = year.first; month <= year.last; month += 1) options.push({ value: `m${month}`, label: model.periods[month]?.label ?? `Month ${month + 1}`, period: { kind: 'month', index: month } });
  return options;
}

/**
 * The months a picked period covers. Year to date runs from the start of the fiscal year to the
 * last closed month; before the first close there is none, and the first month stands in (`note` says so).
 */
export function spanOfPeriod(period: DashboardPeriod, actualsThrough: number | null, periodCount: number): { span: MonthSpan; note: string | null } {
  const last = Math.max(0, Math.min(periodCount, 12) - 1);
  if (period.kind === 'month') return { span: monthSpan(Math.min(period.index, last), Math.min(period.index, last)), note: null };
  if (period.kind === 'quarter') return { span: monthSpan(Math.min(period.index * 3, last), Math.min(period.index * 3 + 2, last)), note: null };
  if (actualsThrough === null) return { span: monthSpan(0, 0), note: 'No month is closed yet: year to date shows the first month of the plan on the latest estimate.' };
  const through = Math.min(actualsThrough, last);
  return { span: monthSpan(yearStart(through), through), note: null };
}

/** A KPI's figure in its unit, as a tile shows it: the number, and a unit word or sign beside it. */
export interface KpiFigure {
  text: string;
  /** `%`, `days`, or '' */
  suffix: string;
}

const DECIMALS: Record<KpiUnit, number> = { money: 0, percent: 1, count: 0, days: 1, score: 2 };

/**
 * A KPI's value in its unit: money in whole currency units, a percentage (held as a fraction)
 * with one decimal, days with one, a score with two. Exact: formatted from the decimal's digits.
 * `signed` adds a `+` to positive values (a variance); a percentage's variance is in points.
 */
export function formatKpi(value: Decimal, unit: KpiUnit, options: { signed?: boolean; format?: AmountFormat } = {}): KpiFigure {
  const shown = unit === 'percent' ? value.times(100) : value;
  const rounded = new Decimal(shown.toFixed(DECIMALS[unit], Decimal.ROUND_HALF_EVEN));
  const base: AmountFormat = { ...(options.format ?? { negatives: 'minus' }), zero: 'digits', scale: DECIMALS[unit], trimDecimals: false };
  // A variance reads with its sign, never in parentheses: +1.2 and −3.4 side by side.
  const format: AmountFormat = options.signed === true || unit !== 'money' ? { ...base, negatives: 'minus' } : base;
  let text = formatAmount(rounded, format);
  if (options.signed === true && rounded.isPositive() && !rounded.isZero()) text = `+${text}`;
  if (text.startsWith('-')) text = `−${text.slice(1)}`;
  const suffix = unit === 'percent' ? (options.signed === true ? ' pts' : '%') : unit === 'days' ? ' days' : '';
  return { text, suffix };
}

/** The figure as one string: `42.0%`, `45.3 days`, `+1.2 pts`. */
export function kpiText(value: Decimal, unit: KpiUnit, options: { signed?: boolean; format?: AmountFormat } = {}): string {
  const figure = formatKpi(value, unit, options);
  return `${figure.text}${figure.suffix}`;
}

/**
 * A figure short enough for the tile's budget, actual and forecast row: money and counts in
 * thousands or millions (`5.19M`, `514k`), other units as `kpiText`. The exact figure is in the tooltip.
 */
export function shortKpiText(value: Decimal, unit: KpiUnit, format?: AmountFormat): string {
  if (unit !== 'money' && unit !== 'count') return kpiText(value, unit, { format });
  const size = value.abs();
  const [scaled, suffix, decimals] = size.greaterThanOrEqualTo(1e6) ? [value.div(1e6), 'M', 2] : size.greaterThanOrEqualTo(1e4) ? [value.div(1e3), 'k', 0] : [value, '', 0];
  const text = formatAmount(scaled, { ...(format ?? { negatives: 'minus' }), zero: 'digits', scale: decimals, trimDecimals: false });
  const withSuffix = text.endsWith(')') ? `${text.slice(0, -1)}${suffix})` : `${text}${suffix}`;
  return withSuffix.startsWith('-') ? `−${withSuffix.slice(1)}` : withSuffix;
}

/** A stored KPI number (target, threshold) as a person types it: a percentage as 42, not 0.42. */
export function entryText(stored: string, unit: KpiUnit): string {
  return unit === 'percent' ? new Decimal(stored).times(100).toFixed() : new Decimal(stored).toFixed();
}

/**
 * A number typed for a KPI (a target, a monthly value, a threshold), as the API takes it:
 * canonical decimal text, a percentage as a fraction (`42` and `42%` are 0.42 for a percentage
 * KPI). Accepts what finance people type (`1,250.5`, `(300)`, `1.2k`). Blank is null.
 */
export function parseKpiNumber(text: string, unit: KpiUnit, currency: string): { ok: true; value: string | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const percent = trimmed.endsWith('%');
  const read = readNumber(percent ? trimmed.slice(0, -1) : trimmed, currency);
  if (!read.ok) return { ok: false };
  const value = unit === 'percent' || percent ? read.value.div(100) : read.value;
  return { ok: true, value: value.isZero() ? '0' : value.toFixed() };
}

/** A status in a shape as well as a word and a colour: a circle on track, a triangle at risk, a square off track. */
export const STATUS_SHAPES: Record<KpiStatus, string> = { 'on-track': '●', 'at-risk': '▲', 'off-track': '■' };

/** Whether a variance is good for the KPI: above the target when higher is better, below it when lower is. */
export function isFavourable(direction: 'higher' | 'lower', variance: Decimal): boolean | null {
  if (variance.isZero()) return null;
  return direction === 'higher' ? variance.isPositive() : variance.isNegative();
}

/** A sparkline's two paths (what happened, and the target), scaled into a box; gaps where a month has no value. */
export interface Sparkline {
  /** months with a value, joined: actual months */
  actual: string;
  /** the months after the last actual, on the latest estimate */
  estimate: string;
  target: string;
  /** where the last actual sits, for a dot */
  lastPoint: { x: number; y: number } | null;
}

/**
 * Paths for a sparkline of `actual` values (null: none), continued by `estimate` values after the
 * last actual, with `target` dashed; all three on one vertical scale that fits the box with a margin.
 */
export function sparkline(series: { actual: (number | null)[]; estimate: (number | null)[]; target: (number | null)[] }, width: number, height: number): Sparkline {
  const count = Math.max(series.actual.length, series.estimate.length, series.target.length);
  const lastActual = series.actual.reduce<number>((last, value, index) => (value === null ? last : index), -1);
  const estimate = series.estimate.map((value, index) => (index >= lastActual ? value : null));
  if (lastActual >= 0 && estimate[lastActual] !== null) estimate[lastActual] = series.actual[lastActual] ?? null;
  const all = [...series.actual, ...estimate, ...series.target].filter((value): value is number => value !== null && Number.isFinite(value));
  const empty = { actual: '', estimate: '', target: '', lastPoint: null };
  if (all.length === 0 || count === 0) return empty;
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (high === low) {
    const pad = Math.abs(high) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const margin = 3;
  const x = (index: number) => (count === 1 ? width / 2 : margin + (index * (width - 2 * margin)) / (count - 1));
  const y = (value: number) => margin + ((high - value) * (height - 2 * margin)) / (high - low);
  const path = (values: (number | null)[]) => {
    let text = '';
    let drawing = false;
    values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) {
        drawing = false;
        return;
      }
      text += `${drawing ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`;
      drawing = true;
    });
    return text;
  };
  const last = lastActual >= 0 ? series.actual[lastActual] : null;
  return {
    actual: path(series.actual),
    estimate: path(estimate),
    target: path(series.target),
    lastPoint: last === null || last === undefined ? null : { x: Number(x(lastActual).toFixed(1)), y: Number(y(last).toFixed(1)) },
  };
}
