import { describe, expect, it } from 'vitest';
import { AMOUNT_WIDTHS, amountWidthsFor, totalDigitsOf, widthForDigits } from '../../../../renderer/grid/amount-widths';
import { Decimal } from '../../../../shared/money/decimal';

const row = (periods: string[], year: string) => ({ periods: periods.map((value) => new Decimal(value)), year: new Decimal(year) });

describe('the amount columns’ widths', () => {
  it('reads the digits of the largest month and the largest span from the total rows, negatives by their size', () => {
    const digits = totalDigitsOf([row(['263914430.4', '-12'], '3166973165'), row(['-999999999.99', '5'], '-12785627430')]);
    expect(digits).toEqual({ month: 10, span: 11 });
  });

  it('keeps the default widths for a sheet whose totals fit them', () => {
    expect(amountWidthsFor(false, { month: 7, span: 8 })).toEqual(AMOUNT_WIDTHS.whole);
    expect(amountWidthsFor(true, { month: 7, span: 8 })).toEqual(AMOUNT_WIDTHS.cents);
  });

  it('widens the month columns for a company whose monthly totals reach hundreds of millions, and the spans for tens of billions', () => {
    const widths = amountWidthsFor(false, { month: 9, span: 11 });
    // (263,914,430) in the sheet's bold figures is 86 px wide, plus the cell's padding.
    expect(widths.month).toBeGreaterThanOrEqual(93);
    expect(widths.month).toBeLessThan(110);
    expect(widths.total).toBeGreaterThan(AMOUNT_WIDTHS.whole.total);
    expect(widths.multiYearTotal).toBe(AMOUNT_WIDTHS.whole.multiYearTotal);
  });

  it('grows with every digit and with cents', () => {
    expect(widthForDigits(10, false)).toBeGreaterThan(widthForDigits(9, false));
    expect(widthForDigits(9, true)).toBeGreaterThan(widthForDigits(9, false));
  });
});
