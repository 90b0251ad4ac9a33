import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchAndBound } from '../../../../shared/portfolio/branch-and-bound';
import type { CentsProblem } from '../../../../shared/portfolio/cents-problem';
import { bestBySubsets, feasible, feasibleValues, program, total } from './cents-programs';

const clock = () => 0;
const noLimit = (relativeGap: number) => ({ relativeGap, deadline: 1, now: clock });

describe('the branch and bound', () => {
  it('proves the same optimum as trying every subset, and answers a portfolio that meets every constraint', () => {
    fc.assert(
      fc.property(program, (problem) => {
        const best = bestBySubsets(problem);
        const result = branchAndBound(problem, null, noLimit(0));
        expect(result.complete).toBe(true);
        if (best === null) return result.values === null;
        expect(result.values).not.toBeNull();
        expect(feasible(problem, result.values ?? [])).toBe(true);
        expect(total(problem, result.values ?? [])).toBeCloseTo(best, 6);
        expect(result.bound).toBeGreaterThanOrEqual(best - 1e-6);
        return result.bound - best <= 1e-9 * Math.max(1, Math.abs(best)) + 1e-6;
      }),
      { numRuns: 400 },
    );
  });

  it('from the second-best portfolio as its start (the fixings then cut hardest), still finds the optimum', () => {
    fc.assert(
      fc.property(program, (problem) => {
        const ranked = feasibleValues(problem);
        const [best, secondBest] = ranked;
        if (best === undefined || secondBest === undefined || secondBest.total >= best.total) return true;
        const result = branchAndBound(problem, secondBest.values, noLimit(0));
        expect(result.complete).toBe(true);
        expect(feasible(problem, result.values ?? [])).toBe(true);
        expect(total(problem, result.values ?? [])).toBeCloseTo(best.total, 6);
        return result.bound >= best.total - 1e-6;
      }),
      { numRuns: 400 },
    );
  });

  it('within a gap, answers a portfolio that close to the optimum and a bound no lower than the optimum', () => {
    fc.assert(
      fc.property(program, fc.constantFrom(0.01, 0.05, 0.2), (problem, relativeGap) => {
        const best = bestBySubsets(problem);
        const result = branchAndBound(problem, null, noLimit(relativeGap));
        if (best === null) return result.values === null;
        const found = total(problem, result.values ?? []);
        expect(feasible(problem, result.values ?? [])).toBe(true);
        expect(result.bound).toBeGreaterThanOrEqual(best - 1e-6);
        return found >= best - relativeGap * Math.abs(found) - 1e-6;
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a feasible start it is given when nothing beats it, and refuses one that breaks a cap', () => {
    const problem: CentsProblem = { value: [30, 20, 20], weight: [[50], [40], [40]], capacity: [80], prerequisites: [[], [], []], dependents: [[], [], []], group: [-1, -1, -1], fixedIn: [false, false, false], fixedOut: [false, false, false] };
    // Two of 40 fill the cap of 80 for 40; the one of 50 alone gives 30.
    expect(branchAndBound(problem, [1, 0, 0], noLimit(0)).values).toEqual([0, 1, 1]);
    expect(branchAndBound(problem, [1, 1, 1], noLimit(0)).objective).toBe(40);
  });

  it('stops at its deadline with the best portfolio so far, not complete, and a bound that still holds', () => {
    const problem: CentsProblem = { value: [30, 20, 20], weight: [[50], [40], [40]], capacity: [80], prerequisites: [[], [], []], dependents: [[], [], []], group: [-1, -1, -1], fixedIn: [false, false, false], fixedOut: [false, false, false] };
    const result = branchAndBound(problem, [1, 0, 0], { relativeGap: 0, deadline: 0, now: () => 1 });
    expect(result.complete).toBe(false);
    expect(result.values).toEqual([1, 0, 0]);
    expect(result.bound).toBeGreaterThanOrEqual(40);
  });
});
