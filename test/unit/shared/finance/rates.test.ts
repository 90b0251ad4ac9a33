import { describe, expect, it } from 'vitest';
import { rateProblem } from '../../../../shared/finance/rates';

describe('the bounds of a rate', () => {
  it('takes rates above -100% and up to 100% a year', () => {
    for (const rate of ['0', '0.08', '1', '-0.999999', '-0.5']) expect(rateProblem(rate), rate).toBeNull();
  });

  it('refuses -100% and below, and above 100%, saying the bound and the rate as a percentage', () => {
    expect(rateProblem('-1')).toBe('a rate must be above -100% and at most 100% a year (a fraction above -1 and at most 1, such as 0.08 for 8%); -1 is -100%');
    expect(rateProblem('999999999999999999')).toContain('999999999999999999 is 99999999999999999900%');
    expect(rateProblem('1.000001')).toContain('1.000001 is 100.0001%');
  });

  it('refuses what is not a number', () => {
    expect(rateProblem('eight')).toBe('expected a rate as a fraction such as 0.08 for 8%, not "eight"');
    expect(rateProblem('Infinity')).toContain('expected a rate');
  });
});
