import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCanonicalAmount } from '../../../../shared/money/amount';
import { formatAmount } from '../../../../shared/money/format-amount';
import { parseAmount } from '../../../../shared/money/parse-amount';
import { centsToText } from '../../../helpers/cents';

function amount(text: string): string {
  const parsed = parseAmount(text, 'USD');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.amount;
}

describe('parseAmount', () => {
  it.each([
    ['1250.50', '1250.5'],
    ['1,250.50', '1250.5'],
    ['(300)', '-300'],
    ['-300', '-300'],
    ['$1,000', '1000'],
    ['-$1,000.25', '-1000.25'],
    ['1.2k', '1200'],
    ['3m', '3000000'],
    ['0.5M', '500000'],
    ['  42 ', '42'],
    ['1’250.50', '1250.5'],
    ['1 250 000', '1250000'],
    ['.75', '0.75'],
    ['0', '0'],
    ['-0', '0'],
    ['123456789012.34', '123456789012.34'],
  ])('reads %s as %s', (input, expected) => {
    expect(amount(input)).toBe(expected);
  });

  it('rounds a third decimal half-even and says it did', () => {
    expect(parseAmount('10.005', 'USD')).toEqual({ ok: true, amount: '10', roundedFrom: '10.005' });
    expect(parseAmount('10.015', 'USD')).toEqual({ ok: true, amount: '10.02', roundedFrom: '10.015' });
  });

  it.each(['abc', '', '12abc', '1,2,3', '1.2.3', '((5))', '--5', '(-5)', '5k5', '1e5', 'NaN', 'Infinity'])('refuses %j with a message', (input) => {
    const parsed = parseAmount(input, 'USD');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });

  it('refuses an amount beyond 18 digits, saying so', () => {
    expect(parseAmount('9999999999b', 'USD')).toEqual({ ok: false, message: expect.stringContaining('at most 18 digits') });
  });

  it('refuses a percentage on a money line, saying where percentages belong', () => {
    const parsed = parseAmount('15%', 'USD');
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining('rate lines') });
  });

  it('always yields canonical text, and formatting then parsing gives the amount back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const parsed = amount(centsToText(cents));
        expect(isCanonicalAmount(parsed)).toBe(true);
        expect(amount(formatAmount(parsed, { negatives: 'parentheses', zero: 'digits' }))).toBe(parsed);
        expect(amount(formatAmount(parsed, { negatives: 'minus', zero: 'digits' }))).toBe(parsed);
      }),
    );
  });
});

describe('currency marks in a typed amount', () => {
  it('takes the workbook’s own symbol or code, before or after the number', () => {
    expect(parseAmount('$1,000', 'USD')).toEqual({ ok: true, amount: '1000' });
    expect(parseAmount('(300 USD)', 'USD')).toEqual({ ok: true, amount: '-300' });
    expect(parseAmount('€1.2k', 'EUR')).toEqual({ ok: true, amount: '1200' });
    expect(parseAmount('1,250£', 'GBP')).toEqual({ ok: true, amount: '1250' });
    expect(parseAmount('US$300', 'USD')).toEqual({ ok: true, amount: '300' });
    expect(parseAmount('CA$300', 'CAD')).toEqual({ ok: true, amount: '300' });
  });

  it('refuses another currency’s symbol, naming it and the workbook’s currency: £300 is not 300 dollars', () => {
    expect(parseAmount('£300', 'USD')).toEqual({ ok: false, message: '"£300" is in another currency (£): this workbook counts in USD ($). Type the amount in USD, without £.' });
    expect(parseAmount('-€12', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('(€)') });
    expect(parseAmount('$300', 'EUR')).toMatchObject({ ok: false, message: expect.stringContaining('counts in EUR (€)') });
    expect(parseAmount('300 GBP', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('(GBP)') });
    expect(parseAmount('CA$300', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('(CA$)') });
  });

  it('refuses a symbol inside the number, and any symbol when the workbook’s currency is not known', () => {
    expect(parseAmount('1$000', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('is not an amount') });
    expect(parseAmount('$300', '')).toMatchObject({ ok: false, message: expect.stringContaining('without it') });
  });
});

