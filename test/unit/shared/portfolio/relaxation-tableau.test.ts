import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelaxationTableau } from '../../../../shared/portfolio/relaxation-tableau';

describe('the relaxation tableau', () => {
  it('solves a small relaxation to its known optimum, and its proof bound is that optimum', () => {
    // max 3a + 2b + 5c, a + b <= 1.5, b + 2c <= 1, all in [0, 1]: a = 1, then c (2.5 per unit of the second row, b only 2) takes the second row: c = 0.5.
    const tableau = RelaxationTableau.of(
      [3, 2, 5],
      [
        { columns: [0, 1], amounts: [1, 1], limit: 1.5 },
        { columns: [1, 2], amounts: [1, 2], limit: 1 },
      ],
      [0, 0, 0],
      [1, 1, 1],
    );
    expect(tableau.solve(100)).toBe('optimal');
    expect(Array.from(tableau.values())).toEqual([1, 0, 0.5].map((value) => expect.closeTo(value, 9) as unknown as number));
    expect(tableau.proofBound().bound).toBeCloseTo(5.5, 9);
  });

  it('solves again from its basis after a column is fixed, and says when fixings leave nothing feasible', () => {
    const tableau = RelaxationTableau.of([3, 2], [{ columns: [0, 1], amounts: [2, 2], limit: 3 }], [0, 0], [1, 1]);
    expect(tableau.solve(100)).toBe('optimal');
    expect(tableau.proofBound().bound).toBeCloseTo(4, 9);
    tableau.setBounds(1, 1, 1);
    expect(tableau.solve(100)).toBe('optimal');
    expect(Array.from(tableau.values())).toEqual([expect.closeTo(0.5, 9), 1]);
    tableau.setBounds(0, 1, 1);
    expect(tableau.solve(100)).toBe('infeasible');
  });

  it('gives a bound that holds even before it is solved (any multipliers bound the program)', () => {
    const tableau = RelaxationTableau.of([3, 2], [{ columns: [0, 1], amounts: [2, 2], limit: 3 }], [0, 0], [1, 1]);
    expect(tableau.proofBound().bound).toBeGreaterThanOrEqual(4);
  });

  it('goes back to a kept basis: solved there again it gives the same values and bound as when the basis was kept', () => {
    const rows = [
      { columns: [0, 1, 2, 3], amounts: [4, 3, 5, 2], limit: 8 },
      { columns: [1, 2, 3], amounts: [2, 4, 3], limit: 5 },
      { columns: [0, 3], amounts: [1, -1], limit: 0 },
    ];
    const tableau = RelaxationTableau.of([7, 4, 9, 3], rows, [0, 0, 0, 0], [1, 1, 1, 1]);
    expect(tableau.solve(100)).toBe('optimal');
    const kept = tableau.snapshot();
    const values = Array.from(tableau.values());
    const bound = tableau.proofBound().bound;
    // Elsewhere: other bounds, other pivots.
    tableau.setBounds(2, 0, 0);
    tableau.setBounds(0, 1, 1);
    expect(tableau.solve(100)).toBe('optimal');
    expect(tableau.proofBound().bound).toBeLessThan(bound - 1e-6);
    tableau.restore(kept);
    tableau.applyFixings(Int8Array.from([-1, -1, -1, -1]));
    // No pivot allowed: the kept basis itself must already be the optimum, with its multipliers.
    tableau.solve(0);
    expect(Array.from(tableau.values())).toEqual(values.map((value) => expect.closeTo(value, 9) as unknown as number));
    expect(tableau.proofBound().bound).toBeCloseTo(bound, 9);
    expect(tableau.solve(100)).toBe('optimal');
    expect(Array.from(tableau.values())).toEqual(values.map((value) => expect.closeTo(value, 9) as unknown as number));
    expect(tableau.proofBound().bound).toBeCloseTo(bound, 9);
  });

  it("bounds each branch of a fractional column by no less than that branch's own relaxation (the fixing and the open branches rely on it)", () => {
    const relaxation = fc.record({
      values: fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 2, maxLength: 9 }),
      rows: fc.array(fc.record({ amounts: fc.array(fc.integer({ min: -3, max: 60 }), { minLength: 9, maxLength: 9 }), share: fc.integer({ min: 10, max: 90 }) }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(relaxation, ({ values, rows }) => {
        const program = rows.map(({ amounts, share }) => {
          const used = amounts.slice(0, values.length);
          const columns = used.flatMap((amount, column) => (amount !== 0 ? [column] : []));
          const limit = Math.floor((used.reduce((sum, amount) => sum + Math.max(0, amount), 0) * share) / 100);
          return { columns, amounts: columns.map((column) => used[column] ?? 0), limit };
        });
        const lower = values.map(() => 0);
        const upper = values.map(() => 1);
        const tableau = RelaxationTableau.of(values, program, lower, upper);
        if (tableau.solve(500) !== 'optimal') return true;
        const relaxed = tableau.values();
        relaxed.forEach((x, column) => {
          if (Math.min(x, 1 - x) <= 1e-6) return;
          for (const side of [0, 1]) {
            const branch = RelaxationTableau.of(values, program, lower, upper);
            branch.setBounds(column, side, side);
            const status = branch.solve(500);
            if (status === 'optimal') expect(tableau.childBound(column, side)).toBeGreaterThanOrEqual(branch.proofBound().bound - 1e-7 * Math.max(1, Math.abs(branch.proofBound().bound)));
          }
        });
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
