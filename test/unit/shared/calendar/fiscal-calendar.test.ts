import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, periodsOf } from '../../../../shared/calendar/fiscal-calendar';

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
