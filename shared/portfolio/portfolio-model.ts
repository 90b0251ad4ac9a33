import type { PortfolioSettings, Proposal } from '../domain/proposal';
import { Decimal } from '../money/decimal';
import type { ProposalMetrics } from './proposal-metrics';
import type { ScoreLookup } from './scoring';

/** What the optimizer maximises: the portfolio's total NPV, or its total weighted score. */
export type Objective = 'npv' | 'score';

/** Everything a portfolio selection is decided from. */
export interface PortfolioInput {
  proposals: readonly Proposal[];
  metricsById: ReadonlyMap<number, ProposalMetrics>;
  /** weighted scores, needed when the objective is the score */
  scores: ScoreLookup | null;
  settings: Pick<PortfolioSettings, 'capitalCaps' | 'operatingCaps' | 'years'> & Partial<Pick<PortfolioSettings, 'departmentMinimums'>>;
  objective: Objective;
  /** caps multiplied by this (the efficient frontier varies it); 1 by default */
  capScale?: Decimal;
  /** proposals the question "what if it were in?" forces in */
  alsoForcedIn?: readonly number[];
  /** department names, for messages */
  departmentNames?: ReadonlyMap<number, string>;
}

/** Why a proposal is decided before the solver runs. */
export type FixedReason = 'mandatory' | 'forced-in' | 'funded' | 'forced-out' | 'rejected' | 'deferred';

/** The selection problem as a 0/1 program, in CPLEX LP text for HiGHS, with what each column is. */
export interface PortfolioModel {
  lp: string;
  /** proposal id of each column x0, x1, … */
  columns: number[];
  /** proposals whose value is set before solving, and why */
  fixed: Map<number, FixedReason>;
  /** objective coefficient per proposal, exact */
  value: Map<number, Decimal>;
  /** the caps in force per year (scaled), null where none */
  capitalCaps: (Decimal | null)[];
  operatingCaps: (Decimal | null)[];
  /** capital (all years) each department's chosen proposals must reach, by department id */
  departmentMinimums: Map<number, Decimal>;
}

export type ModelBuild = { ok: true; model: PortfolioModel } | { ok: false; conflicts: string[] };

function fixedReason(proposal: Proposal, alsoIn: ReadonlySet<number>): FixedReason | null {
  if (proposal.mandatory) return 'mandatory';
  if (proposal.forced === 'in' || alsoIn.has(proposal.id)) return 'forced-in';
  if (proposal.status === 'funded') return 'funded';
  if (proposal.forced === 'out') return 'forced-out';
  if (proposal.status === 'rejected') return 'rejected';
  if (proposal.status === 'deferred') return 'deferred';
  return null;
}

const IN_REASONS: ReadonlySet<FixedReason> = new Set(['mandatory', 'forced-in', 'funded']);

/** LP numbers: plain decimal text, never an exponent (HiGHS reads both, people read one). */
const lpNumber = (value: Decimal) => value.toFixed();

/**
 * Builds the 0/1 program: maximise the objective over x_i in {0, 1}, subject to the capital
 * (and operating) cap of every year, prerequisites (x_i <= x_j for each of its prerequisites j), one of each group of
 * alternatives at most, and the proposals decided beforehand. What is decided beforehand is
 * first checked for conflicts in exact decimals, so an impossible problem is explained by the
 * constraints that clash rather than reported as "infeasible" by the solver.
 */
export function buildPortfolioModel(input: PortfolioInput): ModelBuild {
  const scale = input.capScale ?? new Decimal(1);
  const alsoIn = new Set(input.alsoForcedIn ?? []);
  const years = input.settings.years;
  const capsOf = (caps: readonly (string | null)[]) => Array.from({ length: years }, (_unused, year) => (caps[year] === null || caps[year] === undefined ? null : new Decimal(caps[year] as string).times(scale)));
  const capitalCaps = capsOf(input.settings.capitalCaps);
  const operatingCaps = capsOf(input.settings.operatingCaps);
  const fixed = new Map<number, FixedReason>();
  const value = new Map<number, Decimal>();
  const byId = new Map(input.proposals.map((proposal) => [proposal.id, proposal]));
  for (const proposal of input.proposals) {
    const reason = fixedReason(proposal, alsoIn);
    if (reason !== null) fixed.set(proposal.id, reason);
    const metrics = input.metricsById.get(proposal.id);
    value.set(proposal.id, input.objective === 'npv' ? (metrics?.npv ?? new Decimal(0)) : (input.scores?.get(proposal.id) ?? new Decimal(0)));
  }
  const departmentMinimums = new Map(
    Object.entries(input.settings.departmentMinimums ?? {})
      .map(([departmentId, minimum]) => [Number(departmentId), new Decimal(minimum)] as const)
      .filter(([, minimum]) => minimum.isPositive()),
  );
  const conflicts = [...fixedConflicts(input, fixed, byId, capitalCaps, operatingCaps), ...minimumConflicts(input, fixed, departmentMinimums)];
  if (conflicts.length > 0) return { ok: false, conflicts };

  const columns = input.proposals.map((proposal) => proposal.id);
  const column = new Map(columns.map((id, index) => [id, `x${index}`]));
  const objective = columns
    .map((id) => ({ id, coefficient: value.get(id) ?? new Decimal(0) }))
    .filter(({ coefficient }) => !coefficient.isZero())
    .map(({ id, coefficient }) => `${coefficient.isNegative() ? '-' : '+'} ${lpNumber(coefficient.abs())} ${column.get(id) ?? ''}`);
  const rows: string[] = [];
  const capRows = (caps: (Decimal | null)[], amounts: (metrics: ProposalMetrics) => Decimal[], prefix: string) =>
    caps.forEach((cap, year) => {
      if (cap === null) return;
      const terms = columns.flatMap((id) => {
        const amount = amounts(input.metricsById.get(id) as ProposalMetrics)[year] ?? new Decimal(0);
        return amount.isZero() ? [] : [`+ ${lpNumber(amount)} ${column.get(id) ?? ''}`];
      });
      if (terms.length > 0) rows.push(` ${prefix}${year}: ${terms.join(' ')} <= ${lpNumber(cap)}`);
    });
  capRows(capitalCaps, (metrics) => metrics.capital, 'capital_y');
  capRows(operatingCaps, (metrics) => metrics.operating, 'operating_y');
  for (const proposal of input.proposals) {
    // One row per (proposal, prerequisite): the proposal in means every prerequisite in.
    for (const needed of proposal.prerequisites) {
      if (column.has(needed)) rows.push(` needs_${column.get(proposal.id) ?? ''}_${column.get(needed) ?? ''}: ${column.get(proposal.id) ?? ''} - ${column.get(needed) ?? ''} <= 0`);
    }
  }
  const groups = new Map<string, number[]>();
  for (const proposal of input.proposals) if (proposal.exclusiveGroup !== null) groups.set(proposal.exclusiveGroup, [...(groups.get(proposal.exclusiveGroup) ?? []), proposal.id]);
  [...groups.values()].forEach((ids, index) => {
    if (ids.length > 1) rows.push(` one_of_${index}: ${ids.map((id) => `+ ${column.get(id) ?? ''}`).join(' ')} <= 1`);
  });
  for (const [departmentId, minimum] of departmentMinimums) {
    const terms = input.proposals
      .filter((proposal) => proposal.departmentId === departmentId && !(input.metricsById.get(proposal.id) as ProposalMetrics).capitalTotal.isZero())
      .map((proposal) => `+ ${lpNumber((input.metricsById.get(proposal.id) as ProposalMetrics).capitalTotal)} ${column.get(proposal.id) ?? ''}`);
    if (terms.length > 0) rows.push(` department_min_${departmentId}: ${terms.join(' ')} >= ${lpNumber(minimum)}`);
  }
  const bounds = columns.flatMap((id) => {
    const reason = fixed.get(id);
    if (reason === undefined) return [];
    return [` ${column.get(id) ?? ''} = ${IN_REASONS.has(reason) ? 1 : 0}`];
  });
  const lp = [
    'Maximize',
    ` obj: ${objective.length > 0 ? objective.join(' ') : `0 ${column.get(columns[0] ?? 0) ?? 'x0'}`}`,
    'Subject To',
    ...(rows.length > 0 ? rows : [` none: ${column.get(columns[0] ?? 0) ?? 'x0'} <= 1`]),
    'Bounds',
    ...bounds,
    'Binary',
    ` ${columns.map((id) => column.get(id) ?? '').join(' ')}`,
    'End',
  ].join('\n');
  return { ok: true, model: { lp, columns, fixed, value, capitalCaps, operatingCaps, departmentMinimums } };
}

/** Conflicts among what is decided before solving: caps broken, alternatives both in, prerequisites out. */
function fixedConflicts(
  input: PortfolioInput,
  fixed: ReadonlyMap<number, FixedReason>,
  byId: ReadonlyMap<number, Proposal>,
  capitalCaps: readonly (Decimal | null)[],
  operatingCaps: readonly (Decimal | null)[],
): string[] {
  const conflicts: string[] = [];
  const committed = input.proposals.filter((proposal) => IN_REASONS.has(fixed.get(proposal.id) ?? 'rejected'));
  const label = (proposal: Proposal) => `“${proposal.title}” (${describe(fixed.get(proposal.id))})`;
  const checkCaps = (caps: readonly (Decimal | null)[], amounts: (metrics: ProposalMetrics) => Decimal[], what: string) =>
    caps.forEach((cap, year) => {
      if (cap === null) return;
      const need = committed.reduce((sum, proposal) => sum.plus(amounts(input.metricsById.get(proposal.id) as ProposalMetrics)[year] ?? 0), new Decimal(0));
      if (need.gt(cap)) {
        const who = committed.filter((proposal) => !(amounts(input.metricsById.get(proposal.id) as ProposalMetrics)[year] ?? new Decimal(0)).isZero()).map(label);
        conflicts.push(`The ${what} cap of year ${year + 1} is ${cap.toFixed(2)}, but ${who.join(', ')} already need ${need.toFixed(2)}. Raise the cap or release one of them.`);
      }
    });
  checkCaps(capitalCaps, (metrics) => metrics.capital, 'capital');
  checkCaps(operatingCaps, (metrics) => metrics.operating, 'operating');
  const groups = new Map<string, Proposal[]>();
  for (const proposal of committed) if (proposal.exclusiveGroup !== null) groups.set(proposal.exclusiveGroup, [...(groups.get(proposal.exclusiveGroup) ?? []), proposal]);
  for (const [group, members] of groups) {
    if (members.length > 1) conflicts.push(`${members.map(label).join(' and ')} are alternatives (group ${group}): only one can be in.`);
  }
  for (const proposal of committed) {
    for (const neededId of proposal.prerequisites) {
      const needed = byId.get(neededId);
      const neededFix = fixed.get(neededId);
      if (needed !== undefined && neededFix !== undefined && !IN_REASONS.has(neededFix)) {
        conflicts.push(`${label(proposal)} needs “${needed.title}”, which is ${describe(neededFix)}.`);
      }
    }
  }
  return conflicts;
}

/** A department minimum that even every open proposal of the department could not reach. */
function minimumConflicts(input: PortfolioInput, fixed: ReadonlyMap<number, FixedReason>, minimums: ReadonlyMap<number, Decimal>): string[] {
  const conflicts: string[] = [];
  for (const [departmentId, minimum] of minimums) {
    const reachable = input.proposals
      .filter((proposal) => proposal.departmentId === departmentId && !['forced-out', 'rejected', 'deferred'].includes(fixed.get(proposal.id) ?? ''))
      .reduce((sum, proposal) => sum.plus((input.metricsById.get(proposal.id) as ProposalMetrics).capitalTotal), new Decimal(0));
    if (reachable.lt(minimum)) {
      conflicts.push(`${input.departmentNames?.get(departmentId) ?? `Department ${departmentId}`} must get at least ${minimum.toFixed(2)} of capital, but all its open proposals together ask for ${reachable.toFixed(2)}. Lower the minimum or add proposals.`);
    }
  }
  return conflicts;
}

export function describe(reason: FixedReason | undefined): string {
  switch (reason) {
    case 'mandatory':
      return 'mandatory';
    case 'forced-in':
      return 'forced in';
    case 'funded':
      return 'already funded';
    case 'forced-out':
      return 'forced out';
    case 'rejected':
      return 'rejected';
    case 'deferred':
      return 'deferred';
    case undefined:
      return 'open';
  }
}
