import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadByWeights, spreadEvenly } from '../../../../shared/engine/spread';
import { Decimal } from '../../../../shared/money/decimal';
import { centsToText } from '../../../helpers/cents';

function amounts(result: ReturnType<typeof spreadEvenly>): string[] {
  if (!result.ok) throw new Error(result.message);
  return result.amounts;
}

/**
 * The rule written out the slow way: each month's share as an exact fraction cents * w / W,
 * floors first, then one cent each to the largest remainders, earlier months first on ties,
 * found by comparing every pair of remainders by cross-multiplication.
 */
function referenceSpread(cents: bigint, weights: readonly number[]): string[] {
  const total = cents < 0n ? -cents : cents;
  const weightSum = BigInt(weights.reduce((acc, weight) => acc + weight, 0));
  const floors = weights.map((weight) => (total * BigInt(weight)) / weightSum);
  const remainders = weights.map((weight, index) => ({ index, numerator: total * BigInt(weight) - (floors[index] ?? 0n) * weightSum, denominator: weightSum }));
  let leftover = total - floors.reduce((acc, value) => acc + value, 0n);
  const taken = new Set<number>();
  while (leftover > 0n) {
    let best: (typeof remainders)[number] | null = null;
    for (const candidate of remainders) {
      if (taken.has(candidate.index)) continue;
      // a/b > c/d exactly when a * d > c * b: cross-multiplied, then ties go to the earlier month.
      if (best === null || candidate.numerator * best.denominator > best.numerator * candidate.denominator) best = candidate;
    }
    if (best === null) break;
    taken.add(best.index);
    leftover -= 1n;
  }
  return floors.map((floor, index) => centsToText((taken.has(index) ? floor + 1n : floor) * (cents < 0n ? -1n : 1n)));
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
  it('gives tied remainders to the earlier month: 0.72 over 7,0,0,1,18,3,12,9,15,20,4,10 puts the cent in month 8, not month 10', () => {
    const weights = [7, 0, 0, 1, 18, 3, 12, 9, 15, 20, 4, 10].map((weight) => new Decimal(weight));
    const spread = amounts(spreadByWeights('0.72', weights));
    expect(spread[7]).toBe('0.07');
    expect(spread[9]).toBe('0.14');
    expect(sum(spread).equals(new Decimal('0.72'))).toBe(true);
  });

  it('agrees with a brute-force largest-remainder reference in exact fractions, ties to the earlier month', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }).filter((weights) => weights.some((weight) => weight > 0)),
        (cents, rawWeights) => {
          expect(amounts(spreadByWeights(centsToText(cents), rawWeights.map((weight) => new Decimal(weight))))).toEqual(referenceSpread(cents, rawWeights));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('compares fractional weights exactly too: 0.1 and 0.2 are one and two tenths, not binary fractions', () => {
    const spread = amounts(spreadByWeights('0.03', ['0.1', '0.1', '0.1'].map((weight) => new Decimal(weight))));
    expect(spread).toEqual(['0.01', '0.01', '0.01']);
    expect(amounts(spreadByWeights('0.01', ['0.1', '0.2', '0.2'].map((weight) => new Decimal(weight))))).toEqual(['0', '0.01', '0']);
  });
});
