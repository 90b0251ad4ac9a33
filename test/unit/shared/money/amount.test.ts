import { describe, expect, it } from 'vitest';
import { isCanonicalAmount, toAmountText } from '../../../../shared/money/amount';
import { Decimal } from '../../../../shared/money/decimal';

describe('canonical amounts', () => {
  it.each(['0', '1', '-1', '1250.5', '0.01', '-0.99', '123456789012345678'])('accepts %s', (text) => {
    expect(isCanonicalAmount(text)).toBe(true);
  });

  it.each(['', '-0', '01', '1.', '1.50', '1.234', '1e5', '1,000', ' 1', 'abc', '+1', '1234567890123456789'])('refuses %j', (text) => {
    expect(isCanonicalAmount(text)).toBe(false);
  });

  it('rounds half-even to cents when making canonical text', () => {
    expect(toAmountText(new Decimal('2.345'))).toBe('2.34');
    expect(toAmountText(new Decimal('2.355'))).toBe('2.36');
    expect(toAmountText(new Decimal('-0.001'))).toBe('0');
  });
});
