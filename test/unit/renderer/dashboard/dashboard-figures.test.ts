import { describe, expect, it } from 'vitest';
import { periodsOf } from '../../../../shared/calendar/fiscal-calendar';
import { Decimal } from '../../../../shared/money/decimal';
import { entryText, formatKpi, isFavourable, kpiText, parseKpiNumber, periodOptions, shortKpiText, spanOfPeriod, sparkline } from '../../../../renderer/dashboard/dashboard-figures';

const calendar = { startYear: 2027, startMonth: 1, periodCount: 12 };
const periods = periodsOf(calendar);

describe('the period picker', () => {
  it('offers year to date through the last closed month, then the quarters and the months of the plan year', () => {
    const options = periodOptions({ calendar, periods, actualsThrough: 8 });
    expect(options.map((option) => option.label).slice(0, 6)).toEqual(['Year to date (through Sep 2027)', 'Q1 FY2027', 'Q2 FY2027', 'Q3 FY2027', 'Q4 FY2027', 'Jan 2027']);
    expect(options).toHaveLength(1 + 4 + 12);
    expect(options.at(-1)?.period).toEqual({ kind: 'month', index: 11 });
  });

  it('says when no month is closed yet', () => {
    expect(periodOptions({ calendar, periods, actualsThrough: null })[0]?.label).toBe('Year to date (no month closed yet)');
  });

  it('turns a pick into months: a month, a quarter, year to date from the start of the year', () => {
    expect(spanOfPeriod({ kind: 'month', index: 4 }, 8, 12)).toEqual({ span: { first: 4, last: 4 }, note: null });
    expect(spanOfPeriod({ kind: 'quarter', index: 2 }, 8, 12).span).toEqual({ first: 6, last: 8 });
    expect(spanOfPeriod({ kind: 'ytd' }, 8, 12).span).toEqual({ first: 0, last: 8 });
  });

  it('stands in the first month for year to date before the first close, and says so', () => {
    const picked = spanOfPeriod({ kind: 'ytd' }, null, 12);
    expect(picked.span).toEqual({ first: 0, last: 0 });
    expect(picked.note).toContain('No month is closed yet');
  });

  it('keeps a year to date of a 36-month workbook inside the plan year', () => {
    expect(spanOfPeriod({ kind: 'ytd' }, 20, 36).span).toEqual({ first: 0, last: 11 });
  });
});

describe('a KPI’s figures in its unit', () => {
  it('shows a percentage held as a fraction with one decimal', () => {
    expect(formatKpi(new Decimal('0.42'), 'percent')).toEqual({ text: '42.0', suffix: '%' });
    expect(kpiText(new Decimal('0.60349'), 'percent')).toBe('60.3%');
  });

  it('shows a percentage’s variance in points, signed', () => {
    expect(kpiText(new Decimal('-0.037'), 'percent', { signed: true })).toBe('−3.7 pts');
    expect(kpiText(new Decimal('0.022'), 'percent', { signed: true })).toBe('+2.2 pts');
  });

  it('shows money in whole units with separators, negatives as the display asks, variances signed', () => {
    expect(kpiText(new Decimal('5406937.49'), 'money')).toBe('5,406,937');
    expect(kpiText(new Decimal('-1099386.2'), 'money', { format: { negatives: 'parentheses', zero: 'dash' } })).toBe('(1,099,386)');
    expect(kpiText(new Decimal('-1099386.2'), 'money', { signed: true, format: { negatives: 'parentheses', zero: 'dash' } })).toBe('−1,099,386');
    expect(kpiText(new Decimal('217937'), 'money', { signed: true })).toBe('+217,937');
  });

  it('rounds half-even from the exact decimal, never through a float', () => {
    expect(kpiText(new Decimal('0.00125'), 'percent')).toBe('0.1%');
    expect(kpiText(new Decimal('4.125'), 'score')).toBe('4.12');
    expect(kpiText(new Decimal('63.25'), 'days')).toBe('63.2 days');
  });

  it('shows zero as a figure, not a dash: a KPI of zero is a value', () => {
    expect(kpiText(new Decimal(0), 'money')).toBe('0');
    expect(kpiText(new Decimal(0), 'score', { signed: true })).toBe('0.00');
  });

  it('shortens money for the tile’s budget, actual and forecast row', () => {
    expect(shortKpiText(new Decimal('5190850'), 'money')).toBe('5.19M');
    expect(shortKpiText(new Decimal('514000'), 'money')).toBe('514k');
    expect(shortKpiText(new Decimal('-1099386'), 'money', { negatives: 'parentheses', zero: 'dash' })).toBe('(1.10M)');
    expect(shortKpiText(new Decimal('-32965'), 'money')).toBe('−33k');
    expect(shortKpiText(new Decimal('950'), 'money')).toBe('950');
    expect(shortKpiText(new Decimal('0.5'), 'percent')).toBe('50.0%');
  });

  it('calls a variance favourable in the KPI’s direction', () => {
    expect(isFavourable('higher', new Decimal(1))).toBe(true);
    expect(isFavourable('lower', new Decimal(1))).toBe(false);
    expect(isFavourable('lower', new Decimal(-1))).toBe(true);
    expect(isFavourable('higher', new Decimal(0))).toBeNull();
  });
});

describe('numbers typed for a KPI', () => {
  it('reads a percentage KPI’s entries as percentages, with or without the sign', () => {
    expect(parseKpiNumber('42', 'percent', 'USD')).toEqual({ ok: true, value: '0.42' });
    expect(parseKpiNumber('42.5%', 'percent', 'USD')).toEqual({ ok: true, value: '0.425' });
  });

  it('reads what finance people type, exactly', () => {
    expect(parseKpiNumber('1,250.50', 'money', 'USD')).toEqual({ ok: true, value: '1250.5' });
    expect(parseKpiNumber('(300)', 'money', 'USD')).toEqual({ ok: true, value: '-300' });
    expect(parseKpiNumber('7.3m', 'money', 'USD')).toEqual({ ok: true, value: '7300000' });
    // The workbook's own currency mark is taken; another currency's is not.
    expect(parseKpiNumber('$1,250', 'money', 'USD')).toEqual({ ok: true, value: '1250' });
    expect(parseKpiNumber('£1,250', 'money', 'USD')).toEqual({ ok: false });
    expect(parseKpiNumber(' 4.35 ', 'score', 'USD')).toEqual({ ok: true, value: '4.35' });
  });

  it('takes blank as no value and refuses what is not a number', () => {
    expect(parseKpiNumber('  ', 'score', 'USD')).toEqual({ ok: true, value: null });
    expect(parseKpiNumber('abc', 'score', 'USD')).toEqual({ ok: false });
    expect(parseKpiNumber('4.2.1', 'days', 'USD')).toEqual({ ok: false });
  });

  it('shows a stored number as it is typed back: a fraction as a percentage', () => {
    expect(entryText('0.64', 'percent')).toBe('64');
    expect(entryText('7321000', 'money')).toBe('7321000');
    for (const text of ['0.425', '0.05', '1']) expect(parseKpiNumber(entryText(text, 'percent'), 'percent', 'USD')).toEqual({ ok: true, value: text });
  });
});

describe('the sparkline', () => {
  it('joins the actual months, continues with the estimate from the last actual, and dashes the target on one scale', () => {
    const paths = sparkline({ actual: [1, 2, null, null], estimate: [9, 9, 3, 4], target: [2, 2, 2, 2] }, 36, 10);
    expect(paths.actual).toBe('M3.0,7.0L13.0,5.7');
    // The estimate starts at the last actual, not at its own first months.
    expect(paths.estimate.startsWith('M13.0,5.7L23.0,')).toBe(true);
    expect(paths.target.split('L')).toHaveLength(4);
    expect(paths.lastPoint).toEqual({ x: 13, y: 5.7 });
  });

  it('leaves a gap where a month has no value, and draws nothing without values', () => {
    expect(sparkline({ actual: [1, null, 3], estimate: [], target: [] }, 30, 10).actual.match(/M/g)).toHaveLength(2);
    expect(sparkline({ actual: [null, null], estimate: [], target: [] }, 30, 10)).toEqual({ actual: '', estimate: '', target: '', lastPoint: null });
  });

  it('centres a flat line rather than dividing by zero', () => {
    const flat = sparkline({ actual: [5, 5], estimate: [], target: [] }, 20, 10);
    expect(flat.actual).toBe('M3.0,5.0L17.0,5.0');
  });
});
