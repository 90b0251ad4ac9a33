import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadByWeights, spreadEvenly } from '../../../../shared/engine/spread';
import { Decimal } from '../../../../shared/money/decimal';
import { centsToText } from '../../../helpers/cents';

function amounts(result: ReturnType<typeof spreadEvenly>): string[] {
  if (!result.ok) throw new Error(result.message);
  return result.amounts;
}

const sum = (values: string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));

describe('spreading a total over months', () => {
  it('splits 100.00 over 12 months to the cent: the first four months take the extra cents', () => {
    expect(amounts(spreadEvenly('100', 12))).toEqual(['8.34', '8.34', '8.34', '8.34', '8.33', '8.33', '8.33', '8.33', '8.33', '8.33', '8.33', '8.33']);
  });

  it('keeps a negative total negative', () => {
    expect(amounts(spreadEvenly('-0.05', 3))).toEqual(['-0.02', '-0.02', '-0.01']);
  });

  it('follows a shape: 1,200 in the shape 1 : 2 : 3', () => {
    expect(amounts(spreadByWeights('1200', ['1', '2', '3'].map((w) => new Decimal(w))))).toEqual(['200', '400', '600']);
  });

  it('refuses an empty or negative shape with a reason', () => {
    expect(spreadByWeights('10', [new Decimal(0), new Decimal(0)])).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
    expect(spreadByWeights('10', [new Decimal(1), new Decimal(-1)])).toMatchObject({ ok: false, message: expect.stringContaining('negative') });
  });

  it('always adds up to the total, and no month is a cent or more from its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 36 }).filter((weights) => weights.some((weight) => weight > 0)),
        (cents, rawWeights) => {
          const total = centsToText(cents);
          const weights = rawWeights.map((weight) => new Decimal(weight));
          const spread = amounts(spreadByWeights(total, weights));
          expect(sum(spread).equals(new Decimal(total))).toBe(true);
          const weightSum = weights.reduce((acc, weight) => acc.plus(weight), new Decimal(0));
          spread.forEach((value, index) => {
            const exact = new Decimal(total).times(weights[index] ?? 0).div(weightSum);
            expect(new Decimal(value).minus(exact).abs().lessThan('0.01')).toBe(true);
          });
        },
      ),
    );
  });
});
