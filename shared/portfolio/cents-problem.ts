import { Decimal } from '../money/decimal';
import type { PortfolioInput, PortfolioModel } from './portfolio-model';
import type { ProposalMetrics } from './proposal-metrics';

/** The model in exact integer cents per column: what the searches add, remove and check (values stay floating point: they only rank). */
export interface CentsProblem {
  value: number[];
  /** per column, the amount per capped row (capital years, then operating years) */
  weight: number[][];
  capacity: number[];
  prerequisites: number[][];
  dependents: number[][];
  group: number[];
  fixedIn: boolean[];
  fixedOut: boolean[];
}

const HUNDRED = new Decimal(100);
const IN_REASONS = new Set(['mandatory', 'forced-in', 'funded']);

/** Amounts as whole cents, or null when one has finer decimals (then the exact search does not apply). */
function cents(amount: Decimal): number | null {
  const scaled = amount.times(HUNDRED);
  return scaled.isInteger() && scaled.abs().lt(2 ** 52) ? scaled.toNumber() : null;
}

/** The problem in cents; null when it has department minimums or an amount finer than a cent (the searches do not apply then). */
export function centsProblem(input: PortfolioInput, model: PortfolioModel): CentsProblem | null {
  if (model.departmentMinimums.size > 0) return null;
  const columnOf = new Map(model.columns.map((id, column) => [id, column]));
  const byId = new Map(input.proposals.map((proposal) => [proposal.id, proposal]));
  const rows = [
    ...model.capitalCaps.flatMap((cap, year) => (cap === null ? [] : [{ cap, amount: (metrics: ProposalMetrics) => metrics.capital[year] ?? new Decimal(0) }])),
    ...model.operatingCaps.flatMap((cap, year) => (cap === null ? [] : [{ cap, amount: (metrics: ProposalMetrics) => metrics.operating[year] ?? new Decimal(0) }])),
  ];
  // Usage is whole cents, so "used <= cap" is "used <= cap rounded down to a cent".
  const capacity = rows.map((row) => cents(row.cap.times(HUNDRED).floor().div(HUNDRED)));
  const weight = model.columns.map((id) => rows.map((row) => cents(row.amount(input.metricsById.get(id) as ProposalMetrics))));
  if (capacity.some((cap) => cap === null) || weight.some((amounts) => amounts.some((amount) => amount === null))) return null;
  const groups = new Map<string, number>();
  const group = model.columns.map((id) => {
    const name = byId.get(id)?.exclusiveGroup ?? null;
    if (name === null) return -1;
    if (!groups.has(name)) groups.set(name, groups.size);
    return groups.get(name) as number;
  });
  const prerequisites = model.columns.map((id) => (byId.get(id)?.prerequisites ?? []).flatMap((needed) => (columnOf.has(needed) ? [columnOf.get(needed) as number] : [])));
  const dependents = model.columns.map((): number[] => []);
  prerequisites.forEach((needs, column) => needs.forEach((needed) => dependents[needed]?.push(column)));
  return {
    value: model.columns.map((id) => (model.value.get(id) ?? new Decimal(0)).toNumber()),
    weight: weight as number[][],
    capacity: capacity as number[],
    prerequisites,
    dependents,
    group,
    fixedIn: model.columns.map((id) => IN_REASONS.has(model.fixed.get(id) ?? '')),
    fixedOut: model.columns.map((id) => model.fixed.has(id) && !IN_REASONS.has(model.fixed.get(id) ?? '')),
  };
}
