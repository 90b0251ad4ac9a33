import type { Proposal } from '../domain/proposal';
import { missingPrerequisites, prerequisiteSentence } from '../domain/proposal-prerequisites';
import { Decimal } from '../money/decimal';
import { formatAmount } from '../money/format-amount';
import { describe, type PortfolioInput, type PortfolioModel } from './portfolio-model';
import type { ProposalMetrics } from './proposal-metrics';

/** What the solver reported, as plain numbers: the solver computes in binary floating point. */
export interface MipOutcome {
  status: 'optimal' | 'time-limit' | 'interrupted' | 'infeasible' | 'failed';
  /** 0/1 (or near) per column */
  values: number[];
  /** the best proven bound on the objective (maximisation: an upper bound) */
  bound: number | null;
  seconds: number;
  message?: string;
}

/** A portfolio the optimizer chose, checked in exact decimals, with the reason for each proposal. */
export interface PortfolioChoice {
  /** proven optimal; within the gap that was asked for; stopped by the time limit or by cancel */
  status: 'optimal' | 'within-gap' | 'time-limit' | 'interrupted';
  chosen: number[];
  /** the objective of the chosen set, exact (decimal text) */
  objective: string;
  /** proven bound and relative gap; gap "0" when optimal */
  bound: string | null;
  gap: string | null;
  seconds: number;
  /** capital use per year against the cap */
  capital: { used: string; cap: string | null }[];
  /** why each proposal is in or out */
  reasons: Record<number, string>;
}

export type OptimizeOutcome = { ok: true; choice: PortfolioChoice } | { ok: false; message: string; conflicts: string[] };

const money = (value: Decimal) => formatAmount(value, { negatives: 'minus', zero: 'digits' });

/**
 * Reads the solver's answer: rounds each column to 0 or 1, checks every constraint again in
 * exact decimals (a float solution that breaks a cap by a cent is refused, not used), and
 * explains each proposal: decided beforehand, chosen, or left out because of an alternative, a
 * prerequisite, a negative contribution, or the cap that binds and how much more would bring it in.
 */
export function interpretOutcome(input: PortfolioInput, model: PortfolioModel, outcome: MipOutcome): OptimizeOutcome {
  if (outcome.status === 'infeasible') return { ok: false, message: 'No portfolio meets all the constraints together.', conflicts: [] };
  if (outcome.status === 'failed' || outcome.values.length !== model.columns.length) {
    return { ok: false, message: `The solver did not return a portfolio${outcome.message === undefined ? '' : `: ${outcome.message}`}.`, conflicts: [] };
  }
  const chosen = new Set(model.columns.filter((_id, index) => (outcome.values[index] ?? 0) > 0.5));
  const byId = new Map(input.proposals.map((proposal) => [proposal.id, proposal]));
  const metricsOf = (id: number) => input.metricsById.get(id) as ProposalMetrics;
  const usedCapital = model.capitalCaps.map((_cap, year) => [...chosen].reduce((sum, id) => sum.plus(metricsOf(id).capital[year] ?? 0), new Decimal(0)));
  const usedOperating = model.operatingCaps.map((_cap, year) => [...chosen].reduce((sum, id) => sum.plus(metricsOf(id).operating[year] ?? 0), new Decimal(0)));
  const broken: string[] = [];
  model.capitalCaps.forEach((cap, year) => cap !== null && usedCapital[year]?.gt(cap) === true && broken.push(`capital cap of year ${year + 1}`));
  model.operatingCaps.forEach((cap, year) => cap !== null && usedOperating[year]?.gt(cap) === true && broken.push(`operating cap of year ${year + 1}`));
  for (const [departmentId, minimum] of model.departmentMinimums) {
    const got = [...chosen].filter((id) => byId.get(id)?.departmentId === departmentId).reduce((sum, id) => sum.plus(metricsOf(id).capitalTotal), new Decimal(0));
    if (got.lt(minimum)) broken.push(`the minimum for ${input.departmentNames?.get(departmentId) ?? `department ${departmentId}`}`);
  }
  for (const id of chosen) {
    const proposal = byId.get(id);
    for (const needed of proposal?.prerequisites ?? []) if (!chosen.has(needed)) broken.push(`prerequisite “${byId.get(needed)?.title ?? needed}” of “${proposal?.title ?? id}”`);
  }
  const groupCount = new Map<string, number>();
  for (const id of chosen) {
    const group = byId.get(id)?.exclusiveGroup;
    if (group !== null && group !== undefined) groupCount.set(group, (groupCount.get(group) ?? 0) + 1);
  }
  for (const [group, count] of groupCount) if (count > 1) broken.push(`alternatives group ${group}`);
  for (const [id, reason] of model.fixed) {
    const wanted = reason === 'mandatory' || reason === 'forced-in' || reason === 'funded';
    if (wanted !== chosen.has(id)) broken.push(`“${byId.get(id)?.title ?? id}” (${describe(reason)})`);
  }
  if (broken.length > 0) {
    return { ok: false, message: `The solver's answer breaks ${broken.join(', ')} when checked exactly, so it is not used. Try again with a longer time limit.`, conflicts: [] };
  }
  const objective = [...chosen].reduce((sum, id) => sum.plus(model.value.get(id) ?? 0), new Decimal(0));
  const bound = outcome.bound === null || !Number.isFinite(outcome.bound) ? null : new Decimal(outcome.bound);
  // The gap between the portfolio and the proven bound. HiGHS says "optimal" once the gap is within
  // the tolerance asked for; only a gap of (floating-point) nothing is called a proven optimum.
  const rawGap = bound === null ? null : Decimal.max(bound.minus(objective), 0).div(Decimal.max(objective.abs(), 1));
  const proven = outcome.status === 'optimal' && (rawGap === null || rawGap.lte('1e-9'));
  const status: PortfolioChoice['status'] = proven ? 'optimal' : outcome.status === 'optimal' ? 'within-gap' : outcome.status;
  const gap = proven ? new Decimal(0) : rawGap;
  const reasons: Record<number, string> = {};
  for (const proposal of input.proposals) reasons[proposal.id] = reasonFor(proposal, input, model, chosen, usedCapital, byId);
  return {
    ok: true,
    choice: {
      status,
      chosen: [...chosen],
      objective: objective.toString(),
      bound: bound === null ? null : (proven ? objective : bound).toString(),
      gap: gap === null ? null : gap.toString(),
      seconds: outcome.seconds,
      capital: model.capitalCaps.map((cap, year) => ({ used: (usedCapital[year] ?? new Decimal(0)).toString(), cap: cap === null ? null : cap.toString() })),
      reasons,
    },
  };
}

/** The proposals' titles, in order ('?' for one not in the portfolio). */
const titles = (ids: readonly number[], byId: ReadonlyMap<number, Proposal>): string[] => ids.map((id) => byId.get(id)?.title ?? '?');

function reasonFor(
  proposal: Proposal,
  input: PortfolioInput,
  model: PortfolioModel,
  chosen: ReadonlySet<number>,
  usedCapital: readonly Decimal[],
  byId: ReadonlyMap<number, Proposal>,
): string {
  const fixed = model.fixed.get(proposal.id);
  if (fixed !== undefined) return `${chosen.has(proposal.id) ? 'In' : 'Out'}: ${describe(fixed)}.`;
  const value = model.value.get(proposal.id) ?? new Decimal(0);
  const what = input.objective === 'npv' ? `NPV ${money(value)}` : `score ${value.toDecimalPlaces(2).toString()}`;
  if (chosen.has(proposal.id)) return `In: adds ${what}.`;
  if (proposal.exclusiveGroup !== null) {
    const rival = [...chosen].map((id) => byId.get(id)).find((other) => other?.exclusiveGroup === proposal.exclusiveGroup);
    if (rival !== undefined) return `Out: its alternative “${rival.title}” is in (group ${proposal.exclusiveGroup}).`;
  }
  const missing = missingPrerequisites(proposal, chosen);
  if (missing.length > 0) return `Out: it ${prerequisiteSentence(titles(proposal.prerequisites, byId), titles(missing, byId), 'out')}.`;
  if (!value.isPositive()) return `Out: its ${what} would not add to the total.`;
  const metrics = input.metricsById.get(proposal.id) as ProposalMetrics;
  const short = model.capitalCaps.flatMap((cap, year) => {
    if (cap === null) return [];
    const missing = (usedCapital[year] ?? new Decimal(0)).plus(metrics.capital[year] ?? 0).minus(cap);
    return missing.isPositive() ? [`${money(missing)} more in year ${year + 1}`] : [];
  });
  if (short.length > 0) return `Out: the capital cap binds. ${short.join(' and ')} would bring it in without displacing anything; within today's caps it would displace proposals worth more.`;
  return 'Out: taking it would break another constraint (its dependents, operating caps) or lower the total.';
}
