import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchAndBound } from '../../../../shared/portfolio/branch-and-bound';
import type { CentsProblem } from '../../../../shared/portfolio/cents-problem';

/** Every constraint, checked here on its own (not with the search's own check). */
function feasible(problem: CentsProblem, values: readonly number[]): boolean {
  const capsHold = problem.capacity.every((capacity, row) => values.reduce((sum, value, column) => sum + value * (problem.weight[column]?.[row] ?? 0), 0) <= capacity);
  const prerequisitesHold = values.every((value, column) => value === 0 || (problem.prerequisites[column] ?? []).every((needed) => values[needed] === 1));
  const groups = values.flatMap((value, column) => (value === 1 && (problem.group[column] ?? -1) >= 0 ? [problem.group[column]] : []));
  const decidedHold = values.every((value, column) => (problem.fixedIn[column] === true ? value === 1 : problem.fixedOut[column] === true ? value === 0 : true));
  return capsHold && prerequisitesHold && new Set(groups).size === groups.length && decidedHold;
}

const total = (problem: CentsProblem, values: readonly number[]) => values.reduce((sum, value, column) => sum + value * (problem.value[column] ?? 0), 0);

/** The best value over every subset, or null when none is feasible. */
function bestBySubsets(problem: CentsProblem): number | null {
  let best: number | null = null;
  for (let mask = 0; mask < 1 << problem.value.length; mask += 1) {
    const values = problem.value.map((_value, column) => (mask >> column) & 1);
    if (feasible(problem, values) && (best === null || total(problem, values) > best)) best = total(problem, values);
  }
  return best;
}

/** Every feasible portfolio with its value, best first. */
function feasibleValues(problem: CentsProblem): { values: number[]; total: number }[] {
  const found: { values: number[]; total: number }[] = [];
  for (let mask = 0; mask < 1 << problem.value.length; mask += 1) {
    const values = problem.value.map((_value, column) => (mask >> column) & 1);
    if (feasible(problem, values)) found.push({ values, total: total(problem, values) });
  }
  return found.sort((a, b) => b.total - a.total);
}

interface ColumnDraw {
  weights: number[];
  valueCents: number;
  needsEarlier: boolean;
  group: number;
  decided: 'in' | 'out' | null;
}

/** Small programs of the bench's shape: amounts in cents on one to three capped rows, prerequisites on earlier columns, groups of alternatives, a few decided columns. */
const program: fc.Arbitrary<CentsProblem> = fc
  .record({
    rows: fc.integer({ min: 1, max: 3 }),
    share: fc.integer({ min: 10, max: 90 }),
    columns: fc.array(
      fc.record({
        weights: fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 3, maxLength: 3 }),
        valueCents: fc.integer({ min: -20_000, max: 150_000 }),
        needsEarlier: fc.boolean(),
        group: fc.constantFrom(-1, -1, 0, 1),
        decided: fc.constantFrom<'in' | 'out' | null>(null, null, null, null, null, null, null, null, 'in', 'out'),
      }),
      { minLength: 1, maxLength: 11 },
    ),
    earlier: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
  })
  .map(({ rows, share, columns, earlier }) => {
    const weight = columns.map((column: ColumnDraw) => column.weights.slice(0, rows));
    const prerequisites = columns.map((column: ColumnDraw, index) => (column.needsEarlier && index > 0 ? [(earlier[index] ?? 0) % index] : []));
    const dependents = columns.map((): number[] => []);
    prerequisites.forEach((needs, column) => needs.forEach((needed) => dependents[needed]?.push(column)));
    return {
      value: columns.map((column: ColumnDraw) => column.valueCents / 100),
      weight,
      capacity: Array.from({ length: rows }, (_unused, row) => Math.floor((weight.reduce((sum, amounts) => sum + (amounts[row] ?? 0), 0) * share) / 100)),
      prerequisites,
      dependents,
      group: columns.map((column: ColumnDraw) => column.group),
      fixedIn: columns.map((column: ColumnDraw) => column.decided === 'in'),
      fixedOut: columns.map((column: ColumnDraw) => column.decided === 'out'),
    };
  });

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
