import type { CentsProblem } from './cents-problem';
import { RelaxationTableau, type SparseRow } from './relaxation-tableau';

/** How far the search goes: to a gap (0 proves the optimum), until a moment of a clock (shared code has no clock of its own). */
export interface SearchLimits {
  relativeGap: number;
  deadline: number;
  now: () => number;
  /** checked between nodes; true stops the search (cancel) */
  shouldStop?: () => boolean;
}

/** The best portfolio found (0/1 per column, null when none), the proven bound, and whether the search closed every branch. */
export interface SearchResult {
  values: number[] | null;
  objective: number;
  bound: number;
  complete: boolean;
  nodes: number;
}

/** Branch and bound goes this deep into one relaxation before it gives that branch up as unproven. */
const PIVOTS_PER_NODE = 2000;
const FRACTIONAL = 1e-6;
/** Best first needs a scan of the open branches per choice: past this many, depth first (a pop). */
const MAX_KEPT_BRANCHES = 20_000;

/** The rows of the program: the caps in cents, each prerequisite (x_i - x_j <= 0), each group of alternatives (sum <= 1). */
function programRows(problem: CentsProblem): SparseRow[] {
  const rows: SparseRow[] = problem.capacity.map((capacity, row) => {
    const columns = problem.weight.flatMap((amounts, column) => ((amounts[row] ?? 0) !== 0 ? [column] : []));
    return { columns, amounts: columns.map((column) => problem.weight[column]?.[row] ?? 0), limit: capacity };
  });
  problem.prerequisites.forEach((needs, column) => needs.forEach((needed) => rows.push({ columns: [column, needed], amounts: [1, -1], limit: 0 })));
  const groups = new Map<number, number[]>();
  problem.group.forEach((group, column) => group >= 0 && groups.set(group, [...(groups.get(group) ?? []), column]));
  for (const members of groups.values()) if (members.length > 1) rows.push({ columns: members, amounts: members.map(() => 1), limit: 1 });
  return rows;
}

/** Whether a 0/1 answer meets every constraint, checked exactly in integer cents. */
export function meetsEveryConstraint(problem: CentsProblem, values: readonly number[]): boolean {
  const fitsCaps = problem.capacity.every((capacity, row) => values.reduce((sum, value, column) => (value === 1 ? sum + (problem.weight[column]?.[row] ?? 0) : sum), 0) <= capacity);
  const groupsTaken = new Set<number>();
  for (let column = 0; column < values.length; column += 1) {
    const inside = values[column] === 1;
    if (inside ? problem.fixedOut[column] === true : problem.fixedIn[column] === true) return false;
    if (!inside) continue;
    if ((problem.prerequisites[column] ?? []).some((needed) => values[needed] !== 1)) return false;
    const group = problem.group[column] ?? -1;
    if (group >= 0 && groupsTaken.has(group)) return false;
    if (group >= 0) groupsTaken.add(group);
  }
  return fitsCaps;
}

const valueOf = (problem: CentsProblem, values: readonly number[]) => values.reduce((sum, value, column) => (value === 1 ? sum + (problem.value[column] ?? 0) : sum), 0);

/** A branch still to search: its columns' bounds (-1 free, 0 or 1 fixed) and its parent's bound. */
interface OpenBranch {
  fixings: Int8Array;
  parentBound: number;
}

/**
 * A depth-first branch and bound for the portfolio's 0/1 program, small enough to be fast where
 * HiGHS's start-up (presolve, root cuts, sub-MIPs) costs seconds: a bounded dual simplex on a
 * dense tableau (warm from the parent), branching on a fractional column (taking it first), the
 * relaxation rounded down as a portfolio at every node, and columns fixed by their reduced values
 * when flipping them could not beat the best portfolio. Every portfolio it keeps is checked
 * exactly in integer cents; every bound it prunes with holds whatever the tableau's rounding
 * errors (see `proofBound`). A branch whose relaxation it cannot finish is left open, so the
 * answer is then not called complete.
 */
export function branchAndBound(problem: CentsProblem, start: readonly number[] | null, limits: SearchLimits): SearchResult {
  const n = problem.value.length;
  const lower = problem.fixedIn.map((fixed) => (fixed ? 1 : 0));
  const upper = problem.fixedOut.map((fixed) => (fixed ? 0 : 1));
  const tableau = RelaxationTableau.of(problem.value, programRows(problem), lower, upper);
  let fixings: Int8Array | null = Int8Array.from(problem.fixedIn, (fixedIn, column) => (fixedIn ? 1 : problem.fixedOut[column] === true ? 0 : -1));
  let best: number[] | null = start !== null && start.length === n && meetsEveryConstraint(problem, start) ? [...start] : null;
  let bestValue = best === null ? Number.NEGATIVE_INFINITY : valueOf(problem, best);
  // How far above the best portfolio a bound may be and still close its branch (none before there is a portfolio).
  const tolerance = () => (Number.isFinite(bestValue) ? Math.max(limits.relativeGap * Math.abs(bestValue), 0.5e-9 * Math.max(1, Math.abs(bestValue))) : 0);
  const consider = (values: number[]) => {
    if (!meetsEveryConstraint(problem, values)) return false;
    const value = valueOf(problem, values);
    if (value > bestValue) {
      best = values;
      bestValue = value;
    }
    return true;
  };
  const open: OpenBranch[] = [];
  let closedBound = Number.NEGATIVE_INFINITY;
  let currentBound = Number.POSITIVE_INFINITY;
  let complete = true;
  let nodes = 0;
  const nextBranch = (): Int8Array | null => {
    for (let branch = takeBranch(open); branch !== undefined; branch = takeBranch(open)) {
      if (branch.parentBound <= bestValue + tolerance()) {
        closedBound = Math.max(closedBound, branch.parentBound);
        continue;
      }
      tableau.applyFixings(branch.fixings);
      currentBound = branch.parentBound;
      return branch.fixings;
    }
    return null;
  };
  while (fixings !== null) {
    if (limits.now() > limits.deadline || limits.shouldStop?.() === true) {
      const openBound = open.reduce((highest, branch) => Math.max(highest, branch.parentBound), currentBound);
      return { values: best, objective: bestValue, bound: Math.max(bestValue, closedBound, openBound), complete: false, nodes };
    }
    nodes += 1;
    let status = tableau.solve(PIVOTS_PER_NODE);
    if (status === 'iteration-limit') {
      // Stalled, perhaps on rounding errors: once more from a freshly factored basis.
      tableau.factorise();
      status = tableau.solve(PIVOTS_PER_NODE);
    }
    if (status === 'infeasible') {
      fixings = nextBranch();
      continue;
    }
    const { bound, reducedValues } = tableau.proofBound();
    const relaxed = tableau.values();
    consider(Array.from(relaxed, (value) => (value >= 1 - FRACTIONAL ? 1 : 0)));
    if (bound <= bestValue + tolerance()) {
      closedBound = Math.max(closedBound, bound);
      fixings = nextBranch();
      continue;
    }
    if (status === 'iteration-limit') {
      // Not solved: its bound holds, but without a relaxation to branch on the branch stays open.
      complete = false;
      closedBound = Math.max(closedBound, bound);
      fixings = nextBranch();
      continue;
    }
    const dropped = fixByReducedValue(tableau, fixings, bound, reducedValues, bestValue + tolerance());
    if (dropped !== null) {
      // What the fixings cut off is bounded by its own (lower) bound, which the answer's bound must still cover.
      closedBound = Math.max(closedBound, dropped);
      continue;
    }
    const column = branchingColumn(relaxed, problem.value);
    if (column < 0) {
      // The relaxation is integral: its rounding was considered above; a rounding the exact check refused leaves the branch unproven.
      const integral = Array.from(relaxed, (value) => (value >= 1 - FRACTIONAL ? 1 : 0));
      if (!meetsEveryConstraint(problem, integral)) complete = false;
      closedBound = Math.max(closedBound, bound);
      fixings = nextBranch();
      continue;
    }
    const other = fixings.slice();
    other[column] = 0;
    open.push({ fixings: other, parentBound: bound });
    fixings[column] = 1;
    tableau.setBounds(column, 1, 1);
    currentBound = bound;
  }
  return { values: best, objective: bestValue, bound: Math.max(bestValue, closedBound), complete, nodes };
}

/**
 * Dives depth first, and after a dead end takes up the open branch with the highest bound (the
 * best-first choice finds the better portfolios sooner, and they prune the rest); depth first
 * only when the open branches grow too many to scan.
 */
function takeBranch(open: OpenBranch[]): OpenBranch | undefined {
  if (open.length > MAX_KEPT_BRANCHES) return open.pop();
  let chosen = -1;
  let highest = Number.NEGATIVE_INFINITY;
  open.forEach((branch, index) => {
    if (branch.parentBound > highest) {
      highest = branch.parentBound;
      chosen = index;
    }
  });
  if (chosen < 0) return undefined;
  const [branch] = open.splice(chosen, 1);
  return branch;
}

/**
 * Fixes each free column whose flip would drop the bound to the threshold or below, at the end
 * its reduced value prefers; answers the highest bound of what was cut off, null when nothing was fixed.
 */
function fixByReducedValue(tableau: RelaxationTableau, fixings: Int8Array, bound: number, reducedValues: Float64Array, threshold: number): number | null {
  let dropped: number | null = null;
  reducedValues.forEach((reduced, column) => {
    const flipped = bound - Math.abs(reduced);
    if ((fixings[column] ?? 0) >= 0 || flipped > threshold) return;
    const end = reduced > 0 ? 1 : 0;
    fixings[column] = end;
    tableau.setBounds(column, end, end);
    dropped = Math.max(dropped ?? Number.NEGATIVE_INFINITY, flipped);
  });
  return dropped;
}

/**
 * The fractional column of the largest value (measured on the bench's class: a third to a tenth
 * of the nodes of the most fractional one, and fewer than pseudo-costs on most instances); -1
 * when none is fractional.
 */
function branchingColumn(relaxed: Float64Array, value: readonly number[]): number {
  let chosen = -1;
  let largest = -1;
  relaxed.forEach((x, column) => {
    if (Math.min(x, 1 - x) <= FRACTIONAL) return;
    const weight = Math.abs(value[column] ?? 0);
    if (weight > largest) {
      largest = weight;
      chosen = column;
    }
  });
  return chosen;
}
