import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountOf } from '../../../../shared/money/amount';
import { Decimal } from '../../../../shared/money/decimal';
import { centsOf, decimalOfCents, ExactSum } from '../../../../shared/money/exact-sum';
import { centsToText } from '../../../helpers/cents';

describe('exact sums over whole cents', () => {
  it('reads canonical amounts as whole cents', () => {
    expect(['0', '1', '-1250.5', '0.05', '-0.01', '12.34', '999999999999.99'].map(centsOf)).toEqual([0, 100, -125050, 5, -1, 1234, 99999999999999]);
    expect([null, undefined, ''].map(centsOf)).toEqual([0, 0, 0]);
  });

  it('leaves to Decimal what it cannot read as safe whole cents', () => {
    // 16 digits of cents, three decimals, exponents, stray characters, a bare point.
    expect(['10000000000000', '0.001', '1e5', '1,000', '1.', '-', '.', '1.2.3', 'abc'].map(centsOf)).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  it('turns cents back into exact decimals', () => {
    expect([0, 5, -5, 100, -123450, Number.MAX_SAFE_INTEGER].map((cents) => decimalOfCents(cents).toString())).toEqual(['0', '0.05', '-0.05', '1', '-1234.5', '90071992547409.91']);
    expect(() => decimalOfCents(0.5)).toThrow(RangeError);
    expect(() => decimalOfCents(2 ** 53)).toThrow(RangeError);
  });

  it('adds any canonical amounts exactly, as Decimal does, whatever their size', () => {
    const amount = fc.oneof(
      fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }).map(centsToText),
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(centsToText),
      fc.bigInt({ min: -(10n ** 20n) + 1n, max: 10n ** 20n - 1n }).map(centsToText),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { maxLength: 60 }), (pairs) => {
        const sum = new ExactSum();
        const differences = new ExactSum();
        let oracle = new Decimal(0);
        let oracleDifferences = new Decimal(0);
        for (const [a, b] of pairs) {
          sum.add(a);
          sum.subtract(b);
          differences.addDifference(a, b);
          oracle = oracle.plus(amountOf(a)).minus(amountOf(b));
          oracleDifferences = oracleDifferences.plus(amountOf(a).minus(amountOf(b)));
        }
        expect(sum.value().toString()).toBe(oracle.toString());
        expect(differences.value().toString()).toBe(oracleDifferences.toString());
        expect(sum.isZero()).toBe(oracle.isZero());
      }),
    );
  });

  it('keeps the sum exact past 2^53 cents', () => {
    const sum = new ExactSum();
    // Ten times 999,999,999,999,999 cents is past 2^53 (about 9.007 x 10^15).
    for (let step = 0; step < 10; step += 1) sum.add('9999999999999.99');
    sum.add('0.01');
    expect(sum.value().toString()).toBe('99999999999999.91');
    const copy = new ExactSum();
    copy.addSum(sum);
    copy.addSum(sum, -1);
    expect(copy.isZero()).toBe(true);
  });
});
