import type { PortfolioSettings, Proposal } from '../domain/proposal';
import { Decimal } from '../money/decimal';
import type { Metric } from '../finance/metrics';
import type { ProposalMetrics } from './proposal-metrics';

export const RANK_KEYS = ['score', 'npv', 'irr', 'mirr', 'profitabilityIndex', 'roi', 'payback', 'manual'] as const;
/** What the ranking sorts by: weighted score, a metric, or the order the user dragged them into. */
export type RankKey = (typeof RANK_KEYS)[number];

export const RANK_LABELS: Record<RankKey, string> = {
  score: 'Weighted score',
  npv: 'NPV',
  irr: 'IRR',
  mirr: 'MIRR',
  profitabilityIndex: 'Profitability index',
  roi: 'ROI',
  payback: 'Payback (shortest first)',
  manual: 'By hand',
};

/** Where a proposal stands against the funding line. */
export type LinePlace =
  /** in whatever the ranking says: mandatory, forced in by the session, or already funded */
  | 'committed'
  | 'above'
  /** the first that does not fit the caps: the line runs through it */
  | 'crossing'
  | 'below'
  /** out for a reason of its own: forced out, rejected or deferred, an alternative is in, or its prerequisite is not */
  | 'out';

export interface RankedProposal {
  proposal: Proposal;
  metrics: ProposalMetrics;
  score: Decimal | null;
  /** 1-based position in the ranking */
  rank: number;
  place: LinePlace;
  /** why it is where it is, for the tooltip and the session view */
  note: string;
}

const metricValue = (metric: Metric): Decimal | null => (metric.ok ? metric.value : null);

function sortValue(key: RankKey, metrics: ProposalMetrics, score: Decimal | null): Decimal | null {
  switch (key) {
    case 'score':
      return score;
    case 'npv':
      return metrics.npv;
    case 'irr':
      return metricValue(metrics.irr);
    case 'mirr':
      return metricValue(metrics.mirr);
    case 'profitabilityIndex':
      return metricValue(metrics.profitabilityIndex);
    case 'roi':
      return metricValue(metrics.roi);
    case 'payback': {
      // Shorter is better: sort by the negated periods.
      const value = metricValue(metrics.payback);
      return value === null ? null : value.negated();
    }
    case 'manual':
      return null;
  }
}

/**
 * The proposals in ranking order (best first; proposals without a value for the key last,
 * ties by the order the user gave them), then the funding line drawn through them: what is
 * committed comes first out of the caps, then each proposal in rank order while it fits every
 * year's capital cap; the first that does not fit is where the line crosses, and all after it
 * are below. Alternatives and prerequisites are honoured on the way.
 */
export function rankPortfolio(
  proposals: readonly Proposal[],
  metricsById: ReadonlyMap<number, ProposalMetrics>,
  scores: ReadonlyMap<number, Decimal> | null,
  key: RankKey,
  settings: Pick<PortfolioSettings, 'capitalCaps'>,
): RankedProposal[] {
  const entries = proposals.map((proposal, order) => {
    const metrics = metricsById.get(proposal.id);
    if (metrics === undefined) throw new Error(`No metrics for proposal ${proposal.id}.`);
    const score = scores?.get(proposal.id) ?? null;
    return { proposal, metrics, score, order, value: sortValue(key, metrics, score) };
  });
  entries.sort((a, b) => {
    if (key !== 'manual') {
      if (a.value === null && b.value !== null) return 1;
      if (b.value === null && a.value !== null) return -1;
      if (a.value !== null && b.value !== null) {
        const compared = b.value.comparedTo(a.value);
        if (compared !== 0) return compared;
      }
    }
    return a.order - b.order;
  });
  const caps = settings.capitalCaps.map((cap) => (cap === null ? null : new Decimal(cap)));
  const used = caps.map(() => new Decimal(0));
  const fits = (metrics: ProposalMetrics) => caps.every((cap, year) => cap === null || (used[year] ?? new Decimal(0)).plus(metrics.capital[year] ?? 0).lte(cap));
  const take = (metrics: ProposalMetrics) => caps.forEach((_cap, year) => (used[year] = (used[year] ?? new Decimal(0)).plus(metrics.capital[year] ?? 0)));
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  const inIds = new Set<number>();
  const places = new Map<number, { place: LinePlace; note: string }>();
  // Committed first: they are in whatever the ranking says.
  for (const entry of entries) {
    const { proposal } = entry;
    const reason = proposal.mandatory ? 'Mandatory: always funded.' : proposal.forced === 'in' ? 'Forced in by the session.' : proposal.status === 'funded' ? 'Already funded.' : null;
    if (reason === null) continue;
    take(entry.metrics);
    inIds.add(proposal.id);
    places.set(proposal.id, { place: 'committed', note: reason });
  }
  let crossed = false;
  for (const entry of entries) {
    const { proposal, metrics } = entry;
    if (places.has(proposal.id)) continue;
    const out = outReason(proposal, byId, inIds);
    if (out !== null) {
      places.set(proposal.id, { place: 'out', note: out });
      continue;
    }
    if (crossed) {
      places.set(proposal.id, { place: 'below', note: 'Below the funding line.' });
      continue;
    }
    if (fits(metrics)) {
      take(metrics);
      inIds.add(proposal.id);
      places.set(proposal.id, { place: 'above', note: 'Above the funding line: fits the capital caps.' });
    } else {
      crossed = true;
      places.set(proposal.id, { place: 'crossing', note: `The funding line runs through it: its capital does not fit the cap in ${overCapYears(metrics, caps, used)}.` });
    }
  }
  return entries.map((entry, index) => ({ proposal: entry.proposal, metrics: entry.metrics, score: entry.score, rank: index + 1, ...(places.get(entry.proposal.id) ?? { place: 'below', note: '' }) }));
}

function outReason(proposal: Proposal, byId: ReadonlyMap<number, Proposal>, inIds: ReadonlySet<number>): string | null {
  if (proposal.forced === 'out') return 'Forced out by the session.';
  if (proposal.status === 'rejected') return 'Rejected.';
  if (proposal.status === 'deferred') return 'Deferred.';
  if (proposal.exclusiveGroup !== null) {
    const rival = [...inIds].map((id) => byId.get(id)).find((other) => other?.exclusiveGroup === proposal.exclusiveGroup);
    if (rival !== undefined) return `Its alternative “${rival.title}” is in (group ${proposal.exclusiveGroup}).`;
  }
  if (proposal.dependsOn !== null && !inIds.has(proposal.dependsOn)) return `Needs “${byId.get(proposal.dependsOn)?.title ?? '?'}”, which is not funded above it.`;
  return null;
}

function overCapYears(metrics: ProposalMetrics, caps: readonly (Decimal | null)[], used: readonly Decimal[]): string {
  const years = caps.flatMap((cap, year) => (cap !== null && (used[year] ?? new Decimal(0)).plus(metrics.capital[year] ?? 0).gt(cap) ? [`year ${year + 1}`] : []));
  return years.join(', ');
}
