import { describe, expect, it } from 'vitest';
import { fiscalLayout, fiscalYearLabel, periodsOf } from '../../../../shared/calendar/fiscal-calendar';

describe('fiscal calendar', () => {
  it('lists twelve months from the start month, crossing the calendar year', () => {
    const periods = periodsOf({ startYear: 2026, startMonth: 7, periodCount: 12 });
    expect(periods.map((period) => period.key)).toEqual([
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
      '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
    ]);
    expect(periods[0]?.label).toBe('Jul 2026');
    expect(periods[11]?.label).toBe('Jun 2027');
  });

  it('spans 36 months when asked', () => {
    const periods = periodsOf({ startYear: 2027, startMonth: 1, periodCount: 36 });
    expect(periods).toHaveLength(36);
    expect(periods[35]?.key).toBe('2029-12');
  });

  it('names the fiscal year', () => {
    expect(fiscalYearLabel({ startYear: 2027, startMonth: 1, periodCount: 12 })).toBe('FY2027');
    expect(fiscalYearLabel({ startYear: 2026, startMonth: 7, periodCount: 12 })).toBe('FY2026/27');
  });
});

describe('fiscal layout', () => {
  it('cuts twelve months into one year of four quarters', () => {
    const layout = fiscalLayout({ startYear: 2026, startMonth: 7, periodCount: 12 });
    expect(layout).toHaveLength(1);
    expect(layout[0]?.year).toEqual({ id: 'y0', label: 'FY2026/27 total', periods: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] });
    expect(layout[0]?.quarters.map((quarter) => [quarter.label, quarter.periods])).toEqual([
      ['Q1 FY2026/27', [0, 1, 2]],
      ['Q2 FY2026/27', [3, 4, 5]],
      ['Q3 FY2026/27', [6, 7, 8]],
      ['Q4 FY2026/27', [9, 10, 11]],
    ]);
  });

  it('cuts 20 months into a full year and a short one', () => {
    const layout = fiscalLayout({ startYear: 2027, startMonth: 1, periodCount: 20 });
    expect(layout.map((year) => [year.year.label, year.year.periods.length, year.quarters.length])).toEqual([
      ['FY2027 total', 12, 4],
      ['FY2028 total', 8, 3],
    ]);
    expect(layout[1]?.quarters[2]?.periods).toEqual([18, 19]);
  });
});
