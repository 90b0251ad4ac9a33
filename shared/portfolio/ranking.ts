import type { PortfolioSettings, Proposal } from '../domain/proposal';
import { missingPrerequisites, prerequisiteSentence } from '../domain/proposal-prerequisites';
import { Decimal } from '../money/decimal';
import type { Metric } from '../finance/metrics';
import type { ProposalMetrics } from './proposal-metrics';
import type { ScoreLookup } from './scoring';
import { toScaledInteger } from '../money/scaled-integer';

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
  manual: 'By hand (drag the rows)',
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
  readonly proposal: Proposal;
  readonly metrics: ProposalMetrics;
  readonly score: Decimal | null;
  /** 1-based position in the ranking */
  readonly rank: number;
  readonly place: LinePlace;
  /** why it is where it is, for the tooltip and the session view */
  readonly note: string;
}

const metricValue = (metric: Metric): Decimal | null => (metric.ok ? metric.value : null);

type SortValue = Decimal | bigint | null;

function sortValue(key: RankKey, metrics: ProposalMetrics, scoreKey: bigint | undefined): SortValue {
  switch (key) {
    case 'score':
      return scoreKey ?? null;
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

/** b before a when b is larger: bigints and decimals each compared within their kind. */
function compareDescending(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b ? 0 : b > a ? 1 : -1;
  if (typeof a !== 'bigint' && typeof b !== 'bigint') return b.comparedTo(a);
  return 0;
}

/** Capital per year in cents, computed once per metrics object: the funding line adds thousands of them on every re-rank. */
const capitalCents = new WeakMap<ProposalMetrics, bigint[]>();
function centsOf(metrics: ProposalMetrics): bigint[] {
  let cents = capitalCents.get(metrics);
  if (cents === undefined) {
    cents = metrics.capital.map((amount) => toScaledInteger(amount.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), 2));
    capitalCents.set(metrics, cents);
  }
  return cents;
}

/** Weighted scores for the ranking: the decimal scores to show and the exact sums to sort by. */
export interface RankScores {
  scores: ScoreLookup;
  sortKeys: ReadonlyMap<number, bigint>;
}

/**
 * The proposals in ranking order (best first; proposals without a value for the key last,
 * ties by the order the user gave them), then the funding line drawn through them: what is
 * committed comes first out of the caps, then each proposal in rank order while it fits every
 * year's capital cap; the first that does not fit is where the line crosses, and all after it
 * are below. Alternatives and prerequisites are honoured on the way. Sums run over exact
 * integers (cents, scaled scores) so a re-rank of thousands stays within a frame.
 */
export function rankPortfolio(
  proposals: readonly Proposal[],
  metricsById: ReadonlyMap<number, ProposalMetrics>,
  scoring: RankScores | null,
  key: RankKey,
  settings: Pick<PortfolioSettings, 'capitalCaps'>,
): RankedProposal[] {
  const entries = proposals.map((proposal, order) => {
    const metrics = metricsById.get(proposal.id);
    if (metrics === undefined) throw new Error(`No metrics for proposal ${proposal.id}.`);
    return { proposal, metrics, order, value: sortValue(key, metrics, scoring?.sortKeys.get(proposal.id)) };
  });
  entries.sort((a, b) => {
    if (key !== 'manual') {
      if (a.value === null && b.value !== null) return 1;
      if (b.value === null && a.value !== null) return -1;
      if (a.value !== null && b.value !== null) {
        const compared = compareDescending(a.value, b.value);
        if (compared !== 0) return compared;
      }
    }
    return a.order - b.order;
  });
  const caps = settings.capitalCaps.map((cap) => (cap === null ? null : toScaledInteger(cap, 2)));
  const used = caps.map(() => 0n);
  const fits = (metrics: ProposalMetrics) => {
    const cents = centsOf(metrics);
    return caps.every((cap, year) => cap === null || (used[year] ?? 0n) + (cents[year] ?? 0n) <= cap);
  };
  const take = (metrics: ProposalMetrics) => {
    const cents = centsOf(metrics);
    caps.forEach((_cap, year) => (used[year] = (used[year] ?? 0n) + (cents[year] ?? 0n)));
  };
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
      const over = caps.flatMap((cap, year) => (cap !== null && (used[year] ?? 0n) + (centsOf(metrics)[year] ?? 0n) > cap ? [`year ${year + 1}`] : []));
      places.set(proposal.id, { place: 'crossing', note: `The funding line runs through it: its capital does not fit the cap in ${over.join(', ')}.` });
    }
  }
  return entries.map((entry, index) => {
    const { place, note } = places.get(entry.proposal.id) ?? { place: 'below' as const, note: '' };
    return new RankedEntry(entry.proposal, entry.metrics, scoring?.scores ?? null, index + 1, place, note);
  });
}

/** A ranked proposal whose score (a decimal division) is computed only when something shows it. */
class RankedEntry implements RankedProposal {
  constructor(
    readonly proposal: Proposal,
    readonly metrics: ProposalMetrics,
    private readonly scores: ScoreLookup | null,
    readonly rank: number,
    readonly place: LinePlace,
    readonly note: string,
  ) {}

  get score(): Decimal | null {
    return this.scores?.get(this.proposal.id) ?? null;
  }
}

function outReason(proposal: Proposal, byId: ReadonlyMap<number, Proposal>, inIds: ReadonlySet<number>): string | null {
  if (proposal.forced === 'out') return 'Forced out by the session.';
  if (proposal.status === 'rejected') return 'Rejected.';
  if (proposal.status === 'deferred') return 'Deferred.';
  if (proposal.exclusiveGroup !== null) {
    const rival = [...inIds].map((id) => byId.get(id)).find((other) => other?.exclusiveGroup === proposal.exclusiveGroup);
    if (rival !== undefined) return `Its alternative “${rival.title}” is in (group ${proposal.exclusiveGroup}).`;
  }
  const missing = missingPrerequisites(proposal, inIds);
  if (missing.length > 0) {
    const titles = (ids: readonly number[]) => ids.map((id) => byId.get(id)?.title ?? '?');
    const sentence = prerequisiteSentence(titles(proposal.prerequisites), titles(missing), 'not funded above it');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }
  return null;
}
