import { describe, expect, it } from 'vitest';
import { placeYears, spanLabel, WHOLE_YEAR } from '../../../../shared/portfolio/funding-placement';

describe('placing a funded proposal’s yearly amounts on the budget’s months', () => {
  it('spreads each year over its whole year by default, exact to the cent', () => {
    const result = placeYears(['1000', '0'], WHOLE_YEAR, 24);
    if (!result.ok) throw new Error(result.message);
    expect(result.placed).toHaveLength(12);
    expect(result.placed.slice(0, 4).map((cell) => cell.amount)).toEqual(['83.34', '83.34', '83.34', '83.34']);
    expect(result.placed.map((cell) => Number(cell.amount)).reduce((sum, value) => sum + value * 100, 0)).toBe(100000);
  });

  it('puts a year’s amount on the chosen months only: March alone, or April to June of every year', () => {
    const march = placeYears(['250000', '40000'], { from: 2, to: 2 }, 24);
    expect(march).toEqual({ ok: true, placed: [{ period: 2, amount: '250000' }, { period: 14, amount: '40000' }] });
    const quarter = placeYears(['900'], { from: 3, to: 5 }, 12);
    expect(quarter).toEqual({ ok: true, placed: [3, 4, 5].map((period) => ({ period, amount: '300' })) });
  });

  it('keeps only the months the budget reaches, each with the share it would have had', () => {
    const result = placeYears(['1200', '1200'], { from: 6, to: 11 }, 15);
    expect(result).toEqual({ ok: true, placed: [6, 7, 8, 9, 10, 11].map((period) => ({ period, amount: '200' })) });
    const partial = placeYears(['1200'], WHOLE_YEAR, 6);
    expect(partial.ok && partial.placed.map((cell) => cell.period)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(partial.ok && partial.placed.every((cell) => cell.amount === '100')).toBe(true);
  });

  it('names a span by its months', () => {
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(spanLabel({ from: 2, to: 2 }, names)).toBe('Mar');
    expect(spanLabel(WHOLE_YEAR, names)).toBe('Jan–Dec');
  });
});
