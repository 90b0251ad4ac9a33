import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanResult } from '../../../../electron/export/xlsx-budget-sheet';
import { Decimal } from '../../../../shared/money/decimal';
import { centsToText } from '../../../helpers/cents';

/** The number a cell saves for an exact sum: the double nearest to the decimal, as Excel would read its text. */
const nearest = (texts: readonly (string | null)[]) => texts.reduce((sum, text) => (text === null ? sum : sum.plus(text)), new Decimal(0)).toNumber();

describe('a quarter or year total’s saved result', () => {
  it('is the double nearest to the exact sum of its months, summed in whole cents', () => {
    const amount = fc.option(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((cents) => centsToText(cents)), { nil: null });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (values) => {
        expect(spanResult(values, values.map((_value, index) => index))).toBe(nearest(values));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact for amounts with more decimals, and for sums past what cents hold in a double', () => {
    expect(spanResult(['0.001', '0.002', null], [0, 1, 2])).toBe(0.003);
    const huge = ['9999999999999.99', '9999999999999.99', '9999999999999.99'];
    expect(spanResult(huge, [0, 1, 2])).toBe(nearest(huge));
    expect(spanResult(['1', '2', '4'], [0, 2])).toBe(5);
  });
});
