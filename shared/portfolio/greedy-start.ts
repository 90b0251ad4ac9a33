import { Decimal } from '../money/decimal';
import type { PortfolioInput, PortfolioModel } from './portfolio-model';
import type { ProposalMetrics } from './proposal-metrics';

/**
 * A quick feasible portfolio to start the exact search from: what is decided beforehand, then
 * the rest by objective per unit of capital, each taken while it fits every cap, its
 * prerequisites are all in and no alternative is. One 0/1 per model column.
 */
export function greedyStart(input: PortfolioInput, model: PortfolioModel): number[] {
  const metricsOf = (id: number) => input.metricsById.get(id) as ProposalMetrics;
  const byId = new Map(input.proposals.map((proposal) => [proposal.id, proposal]));
  const taken = new Set<number>();
  const groups = new Set<string>();
  const used = model.capitalCaps.map(() => new Decimal(0));
  const usedOperating = model.operatingCaps.map(() => new Decimal(0));
  const fits = (id: number) =>
    model.capitalCaps.every((cap, year) => cap === null || (used[year] ?? new Decimal(0)).plus(metricsOf(id).capital[year] ?? 0).lte(cap)) &&
    model.operatingCaps.every((cap, year) => cap === null || (usedOperating[year] ?? new Decimal(0)).plus(metricsOf(id).operating[year] ?? 0).lte(cap));
  const take = (id: number) => {
    taken.add(id);
    const group = byId.get(id)?.exclusiveGroup;
    if (group !== null && group !== undefined) groups.add(group);
    model.capitalCaps.forEach((_cap, year) => (used[year] = (used[year] ?? new Decimal(0)).plus(metricsOf(id).capital[year] ?? 0)));
    model.operatingCaps.forEach((_cap, year) => (usedOperating[year] = (usedOperating[year] ?? new Decimal(0)).plus(metricsOf(id).operating[year] ?? 0)));
  };
  for (const [id, reason] of model.fixed) if (reason === 'mandatory' || reason === 'forced-in' || reason === 'funded') take(id);
  const open = model.columns
    .filter((id) => !model.fixed.has(id) && (model.value.get(id) ?? new Decimal(0)).isPositive())
    .map((id) => ({ id, ratio: (model.value.get(id) ?? new Decimal(0)).div(metricsOf(id).capitalTotal.plus(1)) }))
    .sort((a, b) => b.ratio.comparedTo(a.ratio));
  // Prerequisites may come later in the order: a few passes let dependents follow them in.
  for (let pass = 0; pass < 3; pass += 1) {
    for (const { id } of open) {
      if (taken.has(id)) continue;
      const proposal = byId.get(id);
      if (proposal === undefined) continue;
      if (proposal.exclusiveGroup !== null && groups.has(proposal.exclusiveGroup)) continue;
      if (proposal.prerequisites.some((needed) => !taken.has(needed))) continue;
      if (fits(id)) take(id);
    }
  }
  return model.columns.map((id) => (taken.has(id) ? 1 : 0));
}
