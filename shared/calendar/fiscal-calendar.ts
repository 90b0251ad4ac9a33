/** A workbook's fiscal calendar: the first month of the fiscal year and how many months it spans. */
export interface FiscalCalendar {
  /** calendar year in which period 0 falls */
  startYear: number;
  /** 1 = January … 12 = December */
  startMonth: number;
  /** number of monthly periods (12 by default, up to 36) */
  periodCount: number;
}

export interface Period {
  /** 0-based position in the calendar */
  index: number;
  /** `2027-04`: stable key for files and exports */
  key: string;
  /** `Apr 2027`: what the grid shows */
  label: string;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export const MIN_PERIODS = 12;
export const MAX_PERIODS = 36;

export function periodsOf(calendar: FiscalCalendar): Period[] {
  const periods: Period[] = [];
  for (let index = 0; index < calendar.periodCount; index += 1) {
    const monthOffset = calendar.startMonth - 1 + index;
    const year = calendar.startYear + Math.floor(monthOffset / 12);
    const month = (monthOffset % 12) + 1;
    periods.push({
      index,
      key: `${year}-${String(month).padStart(2, '0')}`,
      label: `${MONTH_NAMES[month - 1] ?? '?'} ${year}`,
    });
  }
  return periods;
}

/** `FY2027` for a year starting in January 2027; `FY2027/28` when it starts later in the year. */
export function fiscalYearLabel(calendar: FiscalCalendar): string {
  if (calendar.startMonth === 1) return `FY${calendar.startYear}`;
  return `FY${calendar.startYear}/${String((calendar.startYear + 1) % 100).padStart(2, '0')}`;
}
