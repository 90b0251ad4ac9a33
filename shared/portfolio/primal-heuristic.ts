import { centsProblem, type CentsProblem } from './cents-problem';
import type { PortfolioInput, PortfolioModel } from './portfolio-model';

/** A portfolio being searched: membership, room left per capped row, which group is taken. */
class Selection {
  readonly chosen: boolean[];
  readonly room: number[];
  readonly groupTaken = new Map<number, number>();

  constructor(private readonly problem: CentsProblem) {
    this.chosen = problem.value.map(() => false);
    this.room = [...problem.capacity];
  }

  /** The column with the prerequisites it still lacks (all of them, transitively), or null when one cannot come in. */
  bundle(column: number): number[] | null {
    const members: number[] = [];
    const seen = new Set<number>();
    const visit = (current: number): boolean => {
      if (seen.has(current) || this.chosen[current] === true) return true;
      seen.add(current);
      if (this.problem.fixedOut[current] === true) return false;
      members.push(current);
      return (this.problem.prerequisites[current] ?? []).every(visit);
    };
    return visit(column) ? members : null;
  }

  /** Whether these columns can all come in, given `freed` room and the group of `leaving` freed too. */
  fits(members: readonly number[], freed: readonly number[] | null = null, leaving = -1): boolean {
    const groupsUsed = new Set<number>();
    for (const member of members) {
      const group = this.problem.group[member] ?? -1;
      if (group < 0) continue;
      const holder = this.groupTaken.get(group);
      if ((holder !== undefined && holder !== leaving) || groupsUsed.has(group)) return false;
      groupsUsed.add(group);
    }
    return this.room.every((room, row) => members.reduce((sum, member) => sum + (this.problem.weight[member]?.[row] ?? 0), 0) <= room + (freed?.[row] ?? 0));
  }

  set(column: number, inside: boolean): void {
    if (this.chosen[column] === inside) return;
    this.chosen[column] = inside;
    const sign = inside ? -1 : 1;
    this.problem.weight[column]?.forEach((amount, row) => (this.room[row] = (this.room[row] ?? 0) + sign * amount));
    const group = this.problem.group[column] ?? -1;
    if (group >= 0) {
      if (inside) this.groupTaken.set(group, column);
      else this.groupTaken.delete(group);
    }
  }
}

const valueOf = (problem: CentsProblem, members: readonly number[]) => members.reduce((sum, member) => sum + (problem.value[member] ?? 0), 0);

/** Adds, best first, every bundle that fits and adds value; true when anything came in. */
function fillGreedily(problem: CentsProblem, selection: Selection, order: readonly number[]): boolean {
  let added = false;
  for (const column of order) {
    if (selection.chosen[column] === true) continue;
    const members = selection.bundle(column);
    if (members === null || valueOf(problem, members) <= 0 || !selection.fits(members)) continue;
    for (const member of members) selection.set(member, true);
    added = true;
  }
  return added;
}

/** A column not chosen, with the prerequisites it would bring, their value and their amounts per row. */
interface Candidate {
  members: number[];
  value: number;
  weight: number[];
}

function candidates(problem: CentsProblem, selection: Selection, order: readonly number[]): Candidate[] {
  return order
    .flatMap((column) => {
      if (selection.chosen[column] === true) return [];
      const members = selection.bundle(column);
      if (members === null) return [];
      const weight = selection.room.map((_room, row) => members.reduce((sum, member) => sum + (problem.weight[member]?.[row] ?? 0), 0));
      return [{ members, value: valueOf(problem, members), weight }];
    })
    .sort((a, b) => b.value - a.value);
}

/** One pass of 1-for-1 exchanges: take out a chosen column nothing depends on, bring in a bundle worth more that then fits. */
function swapPass(problem: CentsProblem, selection: Selection, order: readonly number[]): boolean {
  let improved = false;
  let outside = candidates(problem, selection, order);
  const removable = problem.value.flatMap((_value, column) => (selection.chosen[column] === true && problem.fixedIn[column] !== true ? [column] : []));
  for (const leaving of removable) {
    if (selection.chosen[leaving] !== true || (problem.dependents[leaving] ?? []).some((dependent) => selection.chosen[dependent] === true)) continue;
    const leavingValue = problem.value[leaving] ?? 0;
    const freed = problem.weight[leaving] ?? [];
    const entering = outside.find(
      (candidate) =>
        candidate.value > leavingValue &&
        candidate.weight.every((amount, row) => amount <= (selection.room[row] ?? 0) + (freed[row] ?? 0)) &&
        !candidate.members.some((member) => (problem.prerequisites[member] ?? []).includes(leaving)) &&
        selection.fits(candidate.members, freed, leaving),
    );
    if (entering === undefined) continue;
    selection.set(leaving, false);
    for (const member of entering.members) selection.set(member, true);
    improved = true;
    outside = candidates(problem, selection, order);
  }
  return improved;
}

/** How many of the best outside bundles a 1-for-many exchange tries to refill with: enough to fill a freed cap, cheap to scan. */
const REFILL_CANDIDATES = 64;

/**
 * One pass of 1-for-many exchanges: take out a chosen column nothing depends on and refill the
 * room it frees with the best bundles in the search order; keep the change when it gains.
 */
function dropAndRefillPass(problem: CentsProblem, selection: Selection, order: readonly number[]): boolean {
  let improved = false;
  const position = new Map(order.map((column, index) => [column, index]));
  const shortList = () =>
    candidates(problem, selection, order)
      .filter((candidate) => candidate.value > 0)
      .sort((a, b) => (position.get(a.members[0] as number) ?? 0) - (position.get(b.members[0] as number) ?? 0))
      .slice(0, REFILL_CANDIDATES);
  let outside = shortList();
  const removable = problem.value.flatMap((_value, column) => (selection.chosen[column] === true && problem.fixedIn[column] !== true ? [column] : []));
  for (const leaving of removable) {
    if (selection.chosen[leaving] !== true || (problem.dependents[leaving] ?? []).some((dependent) => selection.chosen[dependent] === true)) continue;
    const room = selection.room.map((left, row) => left + (problem.weight[leaving]?.[row] ?? 0));
    const groups = new Set([...selection.groupTaken].filter(([, holder]) => holder !== leaving).map(([group]) => group));
    const entering = new Set<number>();
    let gain = -(problem.value[leaving] ?? 0);
    for (const candidate of outside) {
      if (candidate.members.some((member) => entering.has(member) || (problem.prerequisites[member] ?? []).includes(leaving))) continue;
      if (!candidate.weight.every((amount, row) => amount <= (room[row] ?? 0))) continue;
      const memberGroups = candidate.members.map((member) => problem.group[member] ?? -1).filter((group) => group >= 0);
      if (memberGroups.some((group) => groups.has(group)) || new Set(memberGroups).size !== memberGroups.length) continue;
      candidate.weight.forEach((amount, row) => (room[row] = (room[row] ?? 0) - amount));
      memberGroups.forEach((group) => groups.add(group));
      candidate.members.forEach((member) => entering.add(member));
      gain += candidate.value;
    }
    if (gain <= 0) continue;
    selection.set(leaving, false);
    for (const member of entering) selection.set(member, true);
    improved = true;
    outside = shortList();
  }
  return improved;
}

/**
 * A good feasible portfolio from the relaxation's answer: what is decided, then the proposals in
 * the order of their relaxation values (LP rounding), each with the prerequisites it needs while
 * it fits, then 1-for-1 and 1-for-many exchanges and refills while they gain. All in exact integer cents, so the
 * answer is feasible, not nearly so. Null when the model has department minimums or amounts finer
 * than a cent (the greedy start serves then). One 0/1 per model column.
 */
export function improvedStart(input: PortfolioInput, model: PortfolioModel, guide: readonly number[] | null, maxPasses = 8): number[] | null {
  const problem = centsProblem(input, model);
  if (problem === null) return null;
  const selection = new Selection(problem);
  problem.fixedIn.forEach((fixed, column) => fixed && selection.set(column, true));
  if (selection.room.some((room) => room < 0)) return null;
  return improveSelection(problem, selection, searchOrder(problem, guide), maxPasses);
}

/** The open columns in the order the exchanges try them: by the guide's value (a relaxation), then by value per cent of amounts. */
function searchOrder(problem: CentsProblem, guide: ArrayLike<number> | null): number[] {
  const density = (column: number) => (problem.value[column] ?? 0) / (1 + (problem.weight[column] ?? []).reduce((sum, amount) => sum + amount, 0));
  return problem.value
    .map((_value, column) => column)
    .filter((column) => problem.fixedIn[column] !== true && problem.fixedOut[column] !== true)
    .sort((a, b) => (guide === null ? 0 : (guide[b] ?? 0) - (guide[a] ?? 0)) || density(b) - density(a));
}

function improveSelection(problem: CentsProblem, selection: Selection, order: readonly number[], maxPasses: number): number[] {
  fillGreedily(problem, selection, order);
  for (let pass = 0; pass < maxPasses; pass += 1) {
    const swapped = swapPass(problem, selection, order);
    const refilled = dropAndRefillPass(problem, selection, order);
    const filled = fillGreedily(problem, selection, order);
    if (!swapped && !refilled && !filled) break;
  }
  return selection.chosen.map((inside) => (inside ? 1 : 0));
}

/**
 * A feasible portfolio (one the exact check accepted) improved by the same exchanges, guided by a
 * relaxation's values: what the branch and bound does with each better portfolio it finds.
 */
export function polishedPortfolio(problem: CentsProblem, values: readonly number[], guide: ArrayLike<number>, maxPasses = 8): number[] {
  const selection = new Selection(problem);
  values.forEach((inside, column) => inside === 1 && selection.set(column, true));
  return improveSelection(problem, selection, searchOrder(problem, guide), maxPasses);
}
