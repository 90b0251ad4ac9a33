import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../../shared/money/parse-entry';

describe('reading an entry by the unit of its line', () => {
  it('reads a rate as a percentage, with or without the sign, and holds the fraction', () => {
    expect(parseEntry('15%', 'percent')).toEqual({ ok: true, amount: '0.15' });
    expect(parseEntry('22', 'percent')).toEqual({ ok: true, amount: '0.22' });
    expect(parseEntry('3.5 %', 'percent')).toEqual({ ok: true, amount: '0.035' });
    expect(parseEntry('(1.25%)', 'percent')).toEqual({ ok: true, amount: '-0.0125' });
  });

  it('rounds a rate past four decimals of a percent half-even, and says so', () => {
    expect(parseEntry('3.123456%', 'percent')).toEqual({ ok: true, amount: '0.031235', roundedFrom: '3.123456%' });
  });

  it('keeps six decimals on counts and refuses a percentage there', () => {
    expect(parseEntry('12.5', 'number')).toEqual({ ok: true, amount: '12.5' });
    expect(parseEntry('1.2k', 'number')).toEqual({ ok: true, amount: '1200' });
    expect(parseEntry('0.0000004', 'number')).toEqual({ ok: true, amount: '0', roundedFrom: '0.0000004' });
    const refused = parseEntry('15%', 'number');
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toContain('only allowed on rate lines');
  });

  it('reads money to the cent, refusing percentages', () => {
    expect(parseEntry('1,250.505', 'currency')).toEqual({ ok: true, amount: '1250.5', roundedFrom: '1,250.505' });
    expect(parseEntry('15%', 'currency').ok).toBe(false);
  });

  it('names what is wrong with a bad rate', () => {
    const refused = parseEntry('fifteen%', 'percent');
    expect(refused.ok ? '' : refused.message).toBe('"fifteen" is not a rate. Type a percentage such as 3.5% or 22.');
  });
});
