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
});
