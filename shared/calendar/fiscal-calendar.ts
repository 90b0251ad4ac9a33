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

/** A run of periods that the sheet totals in a column of its own: a quarter or a fiscal year. */
export interface PeriodSpan {
  /** `q0-1` (year 0, quarter 1) or `y0`: stable column ids */
  id: string;
  label: string;
  periods: number[];
}

export interface FiscalYearLayout {
  year: PeriodSpan;
  quarters: PeriodSpan[];
}

/**
 * The calendar cut into fiscal years of twelve months (the last may be shorter) and quarters
 * of three (likewise), for the quarter and year total columns.
 */
export function fiscalLayout(calendar: FiscalCalendar): FiscalYearLayout[] {
  const layout: FiscalYearLayout[] = [];
  for (let first = 0, yearIndex = 0; first < calendar.periodCount; first += 12, yearIndex += 1) {
    const periods = range(first, Math.min(first + 12, calendar.periodCount));
    const fiscalYear = fiscalYearLabel({ ...calendar, startYear: calendar.startYear + yearIndex });
    const quarters: PeriodSpan[] = [];
    for (let quarterStart = 0; quarterStart < periods.length; quarterStart += 3) {
      const quarter = quarterStart / 3 + 1;
      quarters.push({ id: `q${yearIndex}-${quarter}`, label: `Q${quarter} ${fiscalYear}`, periods: periods.slice(quarterStart, quarterStart + 3) });
    }
    layout.push({ year: { id: `y${yearIndex}`, label: `${fiscalYear} total`, periods }, quarters });
  }
  return layout;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_value, index) => from + index);
}
