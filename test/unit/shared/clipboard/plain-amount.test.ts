import { describe, expect, it } from 'vitest';
import { plainAmountText } from '../../../../shared/clipboard/plain-amount';
import { parseEntry } from '../../../../shared/money/parse-entry';

/** Plain numbers as spreadsheets copy them: signs, leading and trailing zeros, up to 15 digits and the unit's decimals. */
const PLAIN = ['0', '-0', '0.00', '-0.0', '7', '007', '-007.50', '12.5', '12.50', '12.00', '9973', '-300', '1250.05', '999999999999999', '999999999999999.99', '0.1', '0.000001', '3.140000', '-2.000100'];

describe('reading a pasted cell that is a plain number', () => {
  it.each(['currency', 'number'] as const)('gives what parseEntry gives, for a %s line', (unit) => {
    for (const text of PLAIN) {
      const parsed = parseEntry(text, unit, 'USD');
      const plain = plainAmountText(text, unit);
      // Either read the same, or left to parseEntry (more decimals than the unit keeps).
      if (plain !== null) expect([text, plain]).toEqual([text, parsed.ok ? parsed.amount : 'refused']);
    }
  });

  it('reads every plain money amount of a large block, and leaves the rest to parseEntry', () => {
    expect(plainAmountText('1250.50', 'currency')).toBe('1250.5');
    expect(plainAmountText('-0.00', 'currency')).toBe('0');
    expect(plainAmountText('0.125', 'currency')).toBeNull();
    expect(plainAmountText('1,250.50', 'currency')).toBeNull();
    expect(plainAmountText('$12', 'currency')).toBeNull();
    expect(plainAmountText('1e3', 'currency')).toBeNull();
    expect(plainAmountText('1234567890123456', 'currency')).toBeNull();
    expect(plainAmountText('22', 'percent')).toBeNull();
    expect(plainAmountText('0.125', 'number')).toBe('0.125');
  });
});
