import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeRounding } from '../../../../shared/portfolio/node-rounding';
import { polishedPortfolio } from '../../../../shared/portfolio/primal-heuristic';
import { feasible, feasibleValues, program, total } from './cents-programs';

/** A relaxation-like guide: a value in [0, 1] per column, some exactly 0 or 1. */
const guideFor = (columns: number) => fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: columns, maxLength: columns });

describe('the rounding of a node', () => {
  it('builds from a feasible portfolio as its 1s a portfolio that still meets every constraint, keeps those 1s, and adds only what is worth something', () => {
    fc.assert(
      fc.property(
        program.chain((problem) => fc.tuple(fc.constant(problem), fc.nat(), guideFor(problem.value.length), guideFor(problem.value.length))),
        ([problem, pick, fractions, reduced]) => {
          const portfolios = feasibleValues(problem);
          if (portfolios.length === 0) return true;
          const base = (portfolios[pick % portfolios.length] as { values: number[] }).values;
          // Its 1s at 1, the rest anywhere below 1: what a node's relaxation may look like around a feasible portfolio.
          const relaxed = Float64Array.from(base, (inside, column) => (inside === 1 ? 1 : Math.min(fractions[column] ?? 0, 0.5)));
          const rounding = new NodeRounding(problem).round(relaxed, Float64Array.from(reduced, (value) => value - 0.5));
          const rounded = Array.from(rounding.values);
          expect(rounding.value).toBeCloseTo(total(problem, rounded), 6);
          expect(feasible(problem, rounded)).toBe(true);
          base.forEach((inside, column) => inside === 1 && expect(rounded[column]).toBe(1));
          rounded.forEach((inside, column) => inside === 1 && base[column] === 0 && expect(problem.value[column]).toBeGreaterThan(0));
          return total(problem, rounded) >= total(problem, base);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('fills the room a rounding down leaves: two items of 40 under a cap of 80 beside a half-taken item of 50', () => {
    const problem = { value: [30, 20, 20], weight: [[50], [40], [40]], capacity: [80], prerequisites: [[], [], []], dependents: [[], [], []], group: [-1, -1, -1], fixedIn: [false, false, false], fixedOut: [false, false, false] };
    expect(Array.from(new NodeRounding(problem).round(Float64Array.from([0, 1, 0.5]), Float64Array.from([0, 0, 0])).values)).toEqual([0, 1, 1]);
  });
});

describe('the polish of a better portfolio', () => {
  it('answers a portfolio that meets every constraint and is worth at least as much as the one it started from', () => {
    fc.assert(
      fc.property(
        program.chain((problem) => fc.tuple(fc.constant(problem), fc.nat(), guideFor(problem.value.length))),
        ([problem, pick, guide]) => {
          const portfolios = feasibleValues(problem);
          if (portfolios.length === 0) return true;
          const base = (portfolios[pick % portfolios.length] as { values: number[] }).values;
          const polished = polishedPortfolio(problem, base, guide);
          expect(feasible(problem, polished)).toBe(true);
          return total(problem, polished) >= total(problem, base) - 1e-9;
        },
      ),
      { numRuns: 400 },
    );
  });
});
