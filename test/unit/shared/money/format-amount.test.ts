import { describe, expect, it } from 'vitest';
import { formatAmount } from '../../../../shared/money/format-amount';

describe('formatAmount', () => {
  it('groups thousands and shows two decimals', () => {
    expect(formatAmount('1234567.5')).toBe('1,234,567.50');
    expect(formatAmount('999')).toBe('999.00');
  });

  it('puts negatives in parentheses by default, or a minus when asked', () => {
    expect(formatAmount('-300')).toBe('(300.00)');
    expect(formatAmount('-300', { negatives: 'minus', zero: 'dash' })).toBe('-300.00');
  });

  it('shows zero as a dash, a blank, or digits', () => {
    expect(formatAmount('0')).toBe('–');
    expect(formatAmount('0', { negatives: 'parentheses', zero: 'blank' })).toBe('');
    expect(formatAmount('0', { negatives: 'parentheses', zero: 'digits' })).toBe('0.00');
  });

  it('never shows a float artefact: 0.1 + 0.2 is 0.30', () => {
    expect(formatAmount('0.3')).toBe('0.30');
    expect(formatAmount('12345678901234567.89')).toBe('12,345,678,901,234,567.89');
  });
});

describe('formatAmount for other locales and drivers', () => {
  it('uses the locale’s separators', () => {
    expect(formatAmount('-1234567.5', { negatives: 'minus', zero: 'dash', groupSeparator: '.', decimalSeparator: ',' })).toBe('-1.234.567,50');
  });

  it('drops trailing zero decimals for drivers', () => {
    expect(formatAmount('12', { negatives: 'minus', zero: 'digits', trimDecimals: true })).toBe('12');
    expect(formatAmount('12.5', { negatives: 'minus', zero: 'digits', trimDecimals: true })).toBe('12.5');
  });
});

describe('formatAmount in whole units (the sheet without cents)', () => {
  const whole = { negatives: 'parentheses', zero: 'dash', wholeUnits: true } as const;

  it('rounds half away from zero, as a spreadsheet shows 0 decimals', () => {
    expect(formatAmount('1234.50', whole)).toBe('1,235');
    expect(formatAmount('-1234.50', whole)).toBe('(1,235)');
    expect(formatAmount('1234.49', whole)).toBe('1,234');
  });

  it('shows an amount that rounds to nothing as zero, not as a negative zero', () => {
    expect(formatAmount('-0.40', whole)).toBe('–');
    expect(formatAmount('-0.40', { ...whole, zero: 'digits' })).toBe('0');
  });
});
