/** Money as finance reads it: thousands, cents, negatives in parentheses, zero as a dash. */
export const MONEY_FORMAT = '#,##0.00;(#,##0.00);"–"';
/** Rates: a percentage with one to four decimals. */
export const PERCENT_FORMAT = '0.0###%';

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
