import fc from 'fast-check';
import type { CentsProblem } from '../../../../shared/portfolio/cents-problem';

/** Every constraint, checked here on its own (not with the search's own check). */
export function feasible(problem: CentsProblem, values: readonly number[]): boolean {
  const capsHold = problem.capacity.every((capacity, row) => values.reduce((sum, value, column) => sum + value * (problem.weight[column]?.[row] ?? 0), 0) <= capacity);
  const prerequisitesHold = values.every((value, column) => value === 0 || (problem.prerequisites[column] ?? []).every((needed) => values[needed] === 1));
  const groups = values.flatMap((value, column) => (value === 1 && (problem.group[column] ?? -1) >= 0 ? [problem.group[column]] : []));
  const decidedHold = values.every((value, column) => (problem.fixedIn[column] === true ? value === 1 : problem.fixedOut[column] === true ? value === 0 : true));
  return capsHold && prerequisitesHold && new Set(groups).size === groups.length && decidedHold;
}

export const total = (problem: CentsProblem, values: readonly number[]) => values.reduce((sum, value, column) => sum + value * (problem.value[column] ?? 0), 0);

/** The best value over every subset, or null when none is feasible. */
export function bestBySubsets(problem: CentsProblem): number | null {
  let best: number | null = null;
  for (let mask = 0; mask < 1 << problem.value.length; mask += 1) {
    const values = problem.value.map((_value, column) => (mask >> column) & 1);
    if (feasible(problem, values) && (best === null || total(problem, values) > best)) best = total(problem, values);
  }
  return best;
}

/** Every feasible portfolio with its value, best first. */
export function feasibleValues(problem: CentsProblem): { values: number[]; total: number }[] {
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
export const program: fc.Arbitrary<CentsProblem> = fc
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

