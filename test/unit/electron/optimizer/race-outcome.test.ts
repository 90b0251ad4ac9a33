import { describe, expect, it } from 'vitest';
import { combineRace } from '../../../../electron/optimizer/race-outcome';
import type { SolverOutcome } from '../../../../electron/optimizer/solve-mip';

const answer = (outcome: Partial<SolverOutcome>, finishedAt: number) => ({ outcome: { status: 'time-limit', values: [1, 0], bound: null, seconds: 1, objective: null, ...outcome } as SolverOutcome, finishedAt });

describe('combining the racers’ answers', () => {
  it('takes the first proof, even when a later racer reports a better-looking portfolio', () => {
    const first = answer({ status: 'optimal', values: [1, 0], bound: 10, objective: 10 }, 5);
    const late = answer({ status: 'interrupted', values: [0, 1], bound: 12, objective: 11 }, 9);
    expect(combineRace([late, first])).toEqual(first.outcome);
  });

  it('takes a proof that nothing is feasible as the answer', () => {
    expect(combineRace([answer({ status: 'interrupted', objective: 3 }, 2), answer({ status: 'infeasible', values: [] }, 1)]).status).toBe('infeasible');
  });

  it('without a proof, keeps the best portfolio and the tightest bound either proved', () => {
    const combined = combineRace([answer({ values: [1, 0], bound: 20, objective: 9 }, 1), answer({ values: [0, 1], bound: 15, objective: 8 }, 2)]);
    expect(combined.values).toEqual([1, 0]);
    expect(combined.bound).toBe(15);
  });
});
