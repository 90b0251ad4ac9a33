import type { CentsProblem } from './cents-problem';
import { NodeRounding } from './node-rounding';
import { polishedPortfolio } from './primal-heuristic';
import { RelaxationTableau, type BasisSnapshot, type SparseRow } from './relaxation-tableau';

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

function valueOf(problem: CentsProblem, values: readonly number[]): number {
  let sum = 0;
  for (let column = 0; column < values.length; column += 1) if (values[column] === 1) sum += problem.value[column] ?? 0;
  return sum;
}

/** A branch still to search: its columns' bounds (-1 free, 0 or 1 fixed) and its parent's bound. */
interface OpenBranch {
  fixings: Int8Array;
  parentBound: number;
  /** the parent's optimal basis, to solve it from (null beyond SNAPSHOT_BYTES: then from whatever basis is current) */
  snapshot: BasisSnapshot | null;
}

/** The memory open branches may keep their parents' bases in (7 kB each at 200 proposals, 50 kB at 600). */
const SNAPSHOT_BYTES = 32 * 1024 * 1024;

/**
 * A branch and bound for the portfolio's 0/1 program, small enough to be fast where HiGHS's
 * start-up (presolve, root cuts, sub-MIPs) costs seconds: a bounded dual simplex on a dense
 * tableau, branching on a fractional column (taking it first), the relaxation rounded down as a
 * portfolio at every node, and columns fixed by their reduced values when flipping them could
 * not beat the best portfolio. Every portfolio it keeps is checked exactly in integer cents;
 * every bound it prunes with holds whatever the tableau's rounding errors (see `proofBound`). A
 * branch whose relaxation it cannot finish is left open, so the answer is then not complete.
 */
export function branchAndBound(problem: CentsProblem, start: readonly number[] | null, limits: SearchLimits): SearchResult {
  return new Search(problem, start, limits).run();
}

/** What a node's relaxation leads to: the next open branch, the same node again (columns were fixed), or its up branch. */
type NodeStep = 'next' | 'again' | 'deeper';

class Search {
  private readonly tableau: RelaxationTableau;
  private readonly open = new OpenBranches();
  private readonly rounding: NodeRounding;
  private readonly snapshotsKept: number;
  /** bases of branches already taken, to write new ones into (they are large: fewer allocations, less garbage collection) */
  private readonly spareSnapshots: BasisSnapshot[] = [];
  /** each node's relaxation and reduced values, written over at every node (nothing keeps them past it) */
  private readonly relaxedBuffer: Float64Array;
  private readonly reducedBuffer: Float64Array;
  private best: number[] | null = null;
  private bestValue = Number.NEGATIVE_INFINITY;
  /** the highest bound of every branch closed so far (what the answer's bound must cover) */
  private closedBound = Number.NEGATIVE_INFINITY;
  /** the bound of the branch being searched, from its parent */
  private currentBound = Number.POSITIVE_INFINITY;
  private complete = true;
  private nodes = 0;

  constructor(
    private readonly problem: CentsProblem,
    start: readonly number[] | null,
    private readonly limits: SearchLimits,
  ) {
    const lower = problem.fixedIn.map((fixed) => (fixed ? 1 : 0));
    const upper = problem.fixedOut.map((fixed) => (fixed ? 0 : 1));
    this.rounding = new NodeRounding(problem);
    this.relaxedBuffer = new Float64Array(problem.value.length);
    this.reducedBuffer = new Float64Array(problem.value.length);
    const rows = programRows(problem);
    this.tableau = RelaxationTableau.of(problem.value, rows, lower, upper);
    this.snapshotsKept = Math.floor(SNAPSHOT_BYTES / (8 * rows.length * rows.length + 2 * problem.value.length + 64));
    if (start !== null && start.length === problem.value.length) this.consider([...start]);
  }

  run(): SearchResult {
    let fixings: Int8Array | null = Int8Array.from(this.problem.fixedIn, (fixedIn, column) => (fixedIn ? 1 : this.problem.fixedOut[column] === true ? 0 : -1));
    while (fixings !== null) {
      // The clock and the cancel flag every few nodes: reading them costs as much as a small node.
      if (this.nodes % 16 === 0 && (this.limits.now() > this.limits.deadline || this.limits.shouldStop?.() === true)) {
        return this.result(false, Math.max(this.open.highestBound(), this.currentBound));
      }
      const step = this.searchNode(fixings);
      if (step === 'next') fixings = this.nextBranch();
    }
    return this.result(this.complete, Number.NEGATIVE_INFINITY);
  }

  /** Solves the node's relaxation and closes it, fixes columns in it, or branches (diving into the up branch). */
  private searchNode(fixings: Int8Array): NodeStep {
    this.nodes += 1;
    let status = this.tableau.solve(PIVOTS_PER_NODE);
    if (status === 'iteration-limit') {
      // Stalled, perhaps on rounding errors: once more from a freshly factored basis.
      this.tableau.factorise();
      status = this.tableau.solve(PIVOTS_PER_NODE);
    }
    if (status === 'infeasible') return 'next';
    const { bound, reducedValues } = this.tableau.proofBound(this.reducedBuffer);
    const relaxed = this.tableau.values(this.relaxedBuffer);
    const integral = !anyFractional(relaxed);
    const before = this.bestValue;
    // An integral relaxation is itself the portfolio (if the exact check refuses it, the node stays unproven); else its rounding, checked exactly only when it would be kept.
    let roundingFits = true;
    if (integral) roundingFits = this.consider(Array.from(relaxed, (value) => (value >= 1 - FRACTIONAL ? 1 : 0)));
    else {
      const rounded = this.rounding.round(relaxed, reducedValues);
      if (rounded.value > this.bestValue) this.consider(Array.from(rounded.values));
    }
    // A better portfolio is rare and worth the exchanges of the start's local search.
    if (this.bestValue > before && this.best !== null) this.consider(polishedPortfolio(this.problem, this.best, relaxed));

    // Closed: nothing in it can beat the best portfolio by more than the gap; or its relaxation is
    // integral (a rounding the exact check refused leaves it unproven); or, not solved, its bound holds but it cannot be branched on.
    if (bound <= this.bestValue + this.tolerance() || status === 'iteration-limit' || integral) {
      if (bound > this.bestValue + this.tolerance() && (status === 'iteration-limit' || !roundingFits)) this.complete = false;
      this.closedBound = Math.max(this.closedBound, bound);
      return 'next';
    }
    const threshold = this.bestValue + this.tolerance();
    // What fixings cut off is bounded by its own (lower) bound, which the answer's bound must still cover.
    // A column fixed by its reduced value stays where the relaxation has it, so the node goes on
    // (its fixings only sharpen the penalties); one fixed by its penalty moves it: solved again.
    const dropped = fixByReducedValue(this.tableau, relaxed, fixings, bound, reducedValues, threshold);
    if (dropped !== null) this.closedBound = Math.max(this.closedBound, dropped);
    const candidates = fractionalColumns(this.tableau, relaxed);
    const cutOff = this.fixByPenalty(candidates, fixings, bound, threshold);
    if (cutOff !== null) {
      this.closedBound = Math.max(this.closedBound, cutOff);
      return 'again';
    }
    const { column, first } = branchingChoice(candidates, this.problem.value);
    const other = fixings.slice();
    other[column] = 1 - first;
    // The branch left for later keeps the bound of its first dual step when that is tighter (it may then close unsolved).
    const snapshot = this.open.size < this.snapshotsKept ? this.tableau.snapshot(this.spareSnapshots.pop() ?? null) : null;
    this.open.push({ fixings: other, parentBound: Math.min(bound, this.tableau.childBound(column, 1 - first)), snapshot });
    fixings[column] = first;
    this.tableau.setBounds(column, first, first);
    this.currentBound = bound;
    return 'deeper';
  }

  /**
   * Fixes each fractional column one of whose branches cannot beat the best portfolio, judged by
   * its Driebeck-Tomlin penalty and then confirmed by a sure bound (`childBound`); answers the
   * highest bound of what was cut off, null when nothing was fixed.
   */
  private fixByPenalty(candidates: readonly Candidate[], fixings: Int8Array, bound: number, threshold: number): number | null {
    let dropped: number | null = null;
    for (const { column, down, up } of candidates) {
      for (const [side, penalty] of [[0, down], [1, up]] as const) {
        if (bound - penalty > threshold) continue;
        const sure = this.tableau.childBound(column, side);
        if (sure > threshold) continue;
        fixings[column] = 1 - side;
        this.tableau.setBounds(column, 1 - side, 1 - side);
        dropped = Math.max(dropped ?? Number.NEGATIVE_INFINITY, sure);
        break;
      }
    }
    return dropped;
  }

  private nextBranch(): Int8Array | null {
    for (let branch = this.open.take(); branch !== undefined; branch = this.open.take()) {
      if (branch.snapshot !== null) this.spareSnapshots.push(branch.snapshot);
      if (branch.parentBound <= this.bestValue + this.tolerance()) {
        this.closedBound = Math.max(this.closedBound, branch.parentBound);
        continue;
      }
      if (branch.snapshot !== null) this.tableau.restore(branch.snapshot);
      this.tableau.applyFixings(branch.fixings);
      this.currentBound = branch.parentBound;
      return branch.fixings;
    }
    return null;
  }

  /** How far above the best portfolio a bound may be and still close its branch (none before there is a portfolio). */
  private tolerance(): number {
    if (!Number.isFinite(this.bestValue)) return 0;
    return Math.max(this.limits.relativeGap * Math.abs(this.bestValue), 0.5e-9 * Math.max(1, Math.abs(this.bestValue)));
  }

  /** Keeps a portfolio that meets every constraint exactly and beats the best; false when it breaks one. */
  private consider(values: number[]): boolean {
    if (!meetsEveryConstraint(this.problem, values)) return false;
    const value = valueOf(this.problem, values);
    if (value > this.bestValue) {
      this.best = values;
      this.bestValue = value;
    }
    return true;
  }

  private result(complete: boolean, openBound: number): SearchResult {
    return { values: this.best, objective: this.bestValue, bound: Math.max(this.bestValue, this.closedBound, openBound), complete, nodes: this.nodes };
  }
}

/**
 * The open branches, highest bound first (a binary heap): the search dives depth first, and after
 * a dead end takes up the open branch with the highest bound (measured on the bench's class: the
 * better portfolios come sooner and prune the rest; a third to a tenth of the nodes of depth first).
 */
class OpenBranches {
  private readonly heap: OpenBranch[] = [];

  push(branch: OpenBranch): void {
    const { heap } = this;
    heap.push(branch);
    for (let index = heap.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1;
      if ((heap[parent] as OpenBranch).parentBound >= branch.parentBound) break;
      heap[index] = heap[parent] as OpenBranch;
      heap[parent] = branch;
      index = parent;
    }
  }

  take(): OpenBranch | undefined {
    const { heap } = this;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    for (let index = 0; ; ) {
      const left = 2 * index + 1;
      const right = left + 1;
      let largest = index;
      if (left < heap.length && (heap[left] as OpenBranch).parentBound > (heap[largest] as OpenBranch).parentBound) largest = left;
      if (right < heap.length && (heap[right] as OpenBranch).parentBound > (heap[largest] as OpenBranch).parentBound) largest = right;
      if (largest === index) break;
      heap[index] = heap[largest] as OpenBranch;
      heap[largest] = last;
      index = largest;
    }
    return top;
  }

  get size(): number {
    return this.heap.length;
  }

  highestBound(): number {
    return this.heap[0]?.parentBound ?? Number.NEGATIVE_INFINITY;
  }
}

/**
 * Fixes each free column whose flip would drop the bound to the threshold or below, at the end
 * its reduced value prefers and the relaxation already has it at (so the relaxation's answer
 * stands); answers the highest bound of what was cut off, null when nothing was fixed.
 */
function fixByReducedValue(tableau: RelaxationTableau, relaxed: Float64Array, fixings: Int8Array, bound: number, reducedValues: Float64Array, threshold: number): number | null {
  let dropped: number | null = null;
  reducedValues.forEach((reduced, column) => {
    const flipped = bound - Math.abs(reduced);
    const end = reduced > 0 ? 1 : 0;
    if ((fixings[column] ?? 0) >= 0 || flipped > threshold || Math.abs((relaxed[column] ?? 0) - end) > FRACTIONAL) return;
    fixings[column] = end;
    tableau.setBounds(column, end, end);
    dropped = Math.max(dropped ?? Number.NEGATIVE_INFINITY, flipped);
  });
  return dropped;
}

/** Whether some column of the relaxation is fractional (else the node is integral and closes). */
const anyFractional = (relaxed: Float64Array) => relaxed.some((x) => Math.min(x, 1 - x) > FRACTIONAL);

/** A fractional column of a node's relaxation with the Driebeck-Tomlin penalties of its two branches. */
interface Candidate {
  column: number;
  down: number;
  up: number;
}

function fractionalColumns(tableau: RelaxationTableau, relaxed: Float64Array): Candidate[] {
  const candidates: Candidate[] = [];
  relaxed.forEach((x, column) => {
    if (Math.min(x, 1 - x) > FRACTIONAL) candidates.push({ column, ...tableau.branchPenalties(column) });
  });
  return candidates;
}

/**
 * The column whose two branches cost most together (the product of their penalties, each at
 * least a hair of the column's value so that a zero penalty does not hide the other), its
 * cheaper branch searched first. Measured on the bench's class (200 proposals, seeds 1-5): with
 * the fixing by penalty, 0.4 to 0.8 times the nodes of branching on the largest value.
 */
function branchingChoice(candidates: readonly Candidate[], value: readonly number[]): { column: number; first: number } {
  let chosen = -1;
  let first = 1;
  let largest = -1;
  for (const { column, down, up } of candidates) {
    const floor = 1e-6 * Math.abs(value[column] ?? 0) + 1e-9;
    const score = Math.max(down, floor) * Math.max(up, floor);
    if (score > largest) {
      largest = score;
      chosen = column;
      first = up <= down ? 1 : 0;
    }
  }
  return { column: chosen, first };
}
