import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../shared/money/decimal';
import { planAdjustment, type AdjustableLine } from '../../../../shared/scenario/plan-adjustment';

const line = (values: (string | null)[], extra: Partial<AdjustableLine> = {}): AdjustableLine => ({ id: 1, description: 'Line', unit: 'currency', formula: null, values, ...extra });

describe('a scenario adjustment', () => {
  it('moves each amount by the percentage, rounded half-even to the cent, and counts the cells it rounded', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((cents) => new Decimal(cents).div(100).toFixed())), { minLength: 12, maxLength: 12 }), fc.integer({ min: -10000, max: 10000 }), (values, basisPoints) => {
        const percent = new Decimal(basisPoints).div(100).toFixed();
        const plan = planAdjustment([line(values)], values.map((_value, period) => period), { kind: 'percent', percent });
        if (!plan.ok) throw new Error(plan.message);
        let rounded = 0;
        const expected = values.map((value) => {
          if (value === null) return null;
          const exact = new Decimal(value).times(new Decimal(1).plus(new Decimal(percent).div(100)));
          const cents = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
          if (!cents.equals(exact)) rounded += 1;
          return cents.isZero() ? '0' : cents.toString();
        });
        const after = values.slice();
        for (const edit of plan.edits) after[edit.period] = edit.value;
        expect(after).toEqual(expected);
        expect(plan.rounded).toBe(rounded);
      }),
    );
  });

  it('adds an amount to each chosen month, empty months counting as zero, and leaves formula and driver lines as they are', () => {
    const plan = planAdjustment([line(['100', null, '5']), line(['1'], { id: 2, formula: 'A * 2' }), line(['3'], { id: 3, unit: 'number' })], [0, 1], { kind: 'amount', amount: '-0.05' });
    expect(plan).toEqual({ ok: true, edits: [{ lineId: 1, period: 0, value: '99.95' }, { lineId: 1, period: 1, value: '-0.05' }], rounded: 0, skipped: { formula: 1, drivers: 1 } });
  });

  it('refuses what is not a number, an amount finer than a cent, a cut beyond -100%, and an empty selection, saying why', () => {
    const refusal = (plan: ReturnType<typeof planAdjustment>) => (plan.ok ? 'accepted' : plan.message);
    expect(refusal(planAdjustment([line(['1'])], [0], { kind: 'percent', percent: 'ten' }))).toBe('“ten” is not a percentage: type one such as -10 or 2.5.');
    expect(refusal(planAdjustment([line(['1'])], [0], { kind: 'amount', amount: '10.005' }))).toBe('10.005 has more than two decimals: an amount added to a month is to the cent, so nothing is rounded away. Round it first.');
    expect(refusal(planAdjustment([line(['1'])], [0], { kind: 'percent', percent: '-120' }))).toBe('-120% would turn amounts negative: a cut is at most -100%.');
    expect(refusal(planAdjustment([], [0], { kind: 'percent', percent: '5' }))).toBe('Choose at least one line, department or account to adjust.');
    expect(refusal(planAdjustment([line(['1'])], [], { kind: 'percent', percent: '5' }))).toBe('Choose at least one month to adjust.');
  });

  it('keeps to the one size rule: an amount or a result beyond 18 digits is refused, naming the line and month, and nothing is planned', () => {
    const huge = planAdjustment([line(['5'])], [0], { kind: 'amount', amount: '1000000000000000000' });
    expect(huge).toMatchObject({ ok: false, message: expect.stringContaining('at most 18 digits'), where: 'amount' });
    const grown = planAdjustment([line(['500000000000000000'])], [0], { kind: 'percent', percent: '100' });
    expect(grown).toMatchObject({ ok: false, message: expect.stringContaining('“Line” would hold 1000000000000000000 in month 1') });
    const added = planAdjustment([line([null, '999999999999999999'])], [0, 1], { kind: 'amount', amount: '1' });
    expect(added).toMatchObject({ ok: false, message: expect.stringContaining('month 2') });
  });
});

