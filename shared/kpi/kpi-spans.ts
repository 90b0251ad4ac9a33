import type { FiscalCalendar, Period } from '../calendar/fiscal-calendar';

/**
 * A run of months a KPI is measured over, by period index, first to last inclusive. Indexes
 * below 0 are months of last year (the trailing twelve months reach into them).
 */
export interface MonthSpan {
  first: number;
  last: number;
}

export const monthSpan = (first: number, last: number): MonthSpan => ({ first, last });

export function monthsOf(span: MonthSpan): number[] {
  const months: number[] = [];
  for (let month = span.first; month <= span.last; month += 1) months.push(month);
  return months;
}

/** The first month of the fiscal year that `month` falls in. */
export const yearStart = (month: number) => Math.floor(month / 12) * 12;
/** The first month of the quarter that `month` falls in. */
export const quarterStart = (month: number) => Math.floor(month / 3) * 3;

/** A span's measure moved by `ytd(…)`, `qtd(…)`, `ttm(…)` or `month(…)`: all end where the span ends. */
export function shiftedSpan(kind: 'ytd' | 'qtd' | 'ttm' | 'month', span: MonthSpan): MonthSpan {
  switch (kind) {
    case 'ytd':
      return monthSpan(yearStart(span.last), span.last);
    case 'qtd':
      return monthSpan(quarterStart(span.last), span.last);
    case 'ttm':
      return monthSpan(span.last - 11, span.last);
    case 'month':
      return monthSpan(span.last, span.last);
  }
}

/** The calendar month (1–12) and year of a period index, which may be before the workbook's first month. */
function calendarMonth(calendar: FiscalCalendar, index: number): { year: number; month: number } {
  const offset = calendar.startMonth - 1 + index;
  return { year: calendar.startYear + Math.floor(offset / 12), month: (((offset % 12) + 12) % 12) + 1 };
}

/** The days in a period's month (leap years counted). */
export function daysInMonth(calendar: FiscalCalendar, index: number): number {
  const { year, month } = calendarMonth(calendar, index);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `Mar 2027`, for any period index (a month of last year too). */
export function monthLabel(calendar: FiscalCalendar, index: number): string {
  const { year, month } = calendarMonth(calendar, index);
  return `${MONTH_NAMES[month - 1] ?? '?'} ${year}`;
}

/** `Mar 2027` or `Jan–Mar 2027` or `Oct 2026–Sep 2027`. */
export function spanLabel(calendar: FiscalCalendar, span: MonthSpan): string {
  if (span.first === span.last) return monthLabel(calendar, span.first);
  const first = monthLabel(calendar, span.first);
  const last = monthLabel(calendar, span.last);
  const sameYear = first.slice(-4) === last.slice(-4);
  return `${sameYear ? first.slice(0, 3) : first}–${last}`;
}

/** The periods a workbook's plan year holds: its first twelve months (or fewer). */
export function planYear(periods: readonly Period[]): MonthSpan {
  return monthSpan(0, Math.min(periods.length, 12) - 1);
}
