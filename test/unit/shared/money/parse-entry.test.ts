import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../../shared/money/parse-entry';

describe('reading an entry by the unit of its line', () => {
  it('reads a rate as a percentage, with or without the sign, and holds the fraction', () => {
    expect(parseEntry('15%', 'percent', 'USD')).toEqual({ ok: true, amount: '0.15' });
    expect(parseEntry('22', 'percent', 'USD')).toEqual({ ok: true, amount: '0.22' });
    expect(parseEntry('3.5 %', 'percent', 'USD')).toEqual({ ok: true, amount: '0.035' });
    expect(parseEntry('(1.25%)', 'percent', 'USD')).toEqual({ ok: true, amount: '-0.0125' });
  });

  it('rounds a rate past four decimals of a percent half-even, and says so', () => {
    expect(parseEntry('3.123456%', 'percent', 'USD')).toEqual({ ok: true, amount: '0.031235', roundedFrom: '3.123456%' });
  });

  it('keeps six decimals on counts and refuses a percentage there', () => {
    expect(parseEntry('12.5', 'number', 'USD')).toEqual({ ok: true, amount: '12.5' });
    expect(parseEntry('1.2k', 'number', 'USD')).toEqual({ ok: true, amount: '1200' });
    expect(parseEntry('0.0000004', 'number', 'USD')).toEqual({ ok: true, amount: '0', roundedFrom: '0.0000004' });
    const refused = parseEntry('15%', 'number', 'USD');
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toContain('only allowed on rate lines');
  });

  it('reads money to the cent, refusing percentages', () => {
    expect(parseEntry('1,250.505', 'currency', 'USD')).toEqual({ ok: true, amount: '1250.5', roundedFrom: '1,250.505' });
    expect(parseEntry('15%', 'currency', 'USD').ok).toBe(false);
  });

  it('names what is wrong with a bad rate', () => {
    const refused = parseEntry('fifteen%', 'percent', 'USD');
    expect(refused.ok ? '' : refused.message).toBe('"fifteen" is not a rate. Type a percentage such as 3.5% or 22.');
  });
  it('takes only the workbook’s own currency mark, on drivers as on money', () => {
    expect(parseEntry('£300', 'currency', 'USD')).toMatchObject({ ok: false, message: expect.stringContaining('this workbook counts in USD') });
    expect(parseEntry('£300', 'currency', 'GBP')).toEqual({ ok: true, amount: '300' });
    expect(parseEntry('€12', 'number', 'USD').ok).toBe(false);
  });

  it('refuses a driver beyond 18 digits before the point, in the words of the size rule', () => {
    expect(parseEntry('1234567890123456789', 'number', 'USD')).toEqual({ ok: false, message: '"1234567890123456789" is too large: drivers have at most 18 digits before the decimal point.' });
  });
});
