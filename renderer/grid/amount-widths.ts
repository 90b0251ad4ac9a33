import type { TotalsRow } from '../../shared/sheet/sheet-view';
import type { Decimal } from '../../shared/money/decimal';

/**
 * Amount columns' widths (px) when the sheet's totals are small (up to 7 digits a month in whole
 * units): in whole units Jan to Dec and the year's total fit a 1,440 px window.
 */
export const AMOUNT_WIDTHS = {
  whole: { month: 80, closedMonth: 112, quarter: 88, year: 100, total: 110, multiYearTotal: 170 },
  cents: { month: 122, closedMonth: 136, quarter: 124, year: 140, total: 164, multiYearTotal: 190 },
} as const;

export type AmountWidths = { readonly [Column in keyof (typeof AMOUNT_WIDTHS)['whole']]: number };

/** Whole-unit digits of the largest total of a month, and of a span of months (a quarter, a year, the whole plan). */
export interface TotalDigits {
  month: number;
  span: number;
}

const digitsOf = (value: Decimal): number => value.abs().toFixed(0).length;

/** The digits the widest totals need: the pinned total rows hold the largest amounts of the sheet. */
export function totalDigitsOf(totalRows: readonly Pick<TotalsRow, 'periods' | 'year'>[]): TotalDigits {
  let month: Decimal | null = null;
  let span: Decimal | null = null;
  for (const row of totalRows) {
    for (const value of row.periods) if (month === null || value.abs().gt(month)) month = value.abs();
    if (span === null || row.year.abs().gt(span)) span = row.year.abs();
  }
  return { month: month === null ? 1 : digitsOf(month), span: span === null ? 1 : digitsOf(span) };
}

// Measured in the sheet (Inter, 12 px, tabular figures, the totals' weight 600): a digit, a group
// separator, the two parentheses of a negative, and the cell's padding with a little room.
const DIGIT_PX = 7.8;
const SEPARATOR_PX = 3.2;
const PARENTHESES_PX = 9.4;
const PADDING_PX = 9;

/** The width (px) that shows an amount of `digits` whole digits, negative in parentheses, with or without cents. */
export function widthForDigits(digits: number, cents: boolean): number {
  const separators = Math.floor((digits - 1) / 3) + (cents ? 1 : 0);
  const figures = digits + (cents ? 2 : 0);
  return Math.ceil(figures * DIGIT_PX + separators * SEPARATOR_PX + PARENTHESES_PX + PADDING_PX);
}

/**
 * The amount columns' widths: the defaults, or wider where the sheet's totals have more digits
 * than a default shows. A 10,000-line company's monthly revenue (263,914,430) was cut to
 * "263,914,…" in the 80 px month column.
 */
export function amountWidthsFor(cents: boolean, digits: TotalDigits): AmountWidths {
  const defaults = cents ? AMOUNT_WIDTHS.cents : AMOUNT_WIDTHS.whole;
  const month = widthForDigits(digits.month, cents);
  const span = widthForDigits(digits.span, cents);
  return {
    month: Math.max(defaults.month, month),
    closedMonth: Math.max(defaults.closedMonth, month),
    quarter: Math.max(defaults.quarter, span),
    year: Math.max(defaults.year, span),
    total: Math.max(defaults.total, span),
    multiYearTotal: Math.max(defaults.multiYearTotal, span),
  };
}
