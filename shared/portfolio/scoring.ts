import type { Criterion, Proposal } from '../domain/proposal';
import { Decimal } from '../money/decimal';
import { toScaledInteger } from '../money/scaled-integer';

export type Scoring =
  | {
      ok: true;
      scores: ScoreLookup;
      /** the weighted sums before the division by the weights' total, as exact scaled integers: what ranking compares */
      sortKeys: Map<number, bigint>;
    }
  | { ok: false; message: string };

/** Scores and weights have at most six decimals: as integers of 10^-6 they multiply exactly. */
const SCALE = 6;
const parsedScores = new WeakMap<Proposal, Map<number, bigint>>();

function scoresOf(proposal: Proposal): Map<number, bigint> {
  let parsed = parsedScores.get(proposal);
  if (parsed === undefined) {
    parsed = new Map(Object.entries(proposal.scores).map(([criterionId, score]) => [Number(criterionId), toScaledInteger(score, SCALE)]));
    parsedScores.set(proposal, parsed);
  }
  return parsed;
}

/**
 * Each proposal's weighted score: the sum of weight x score over the criteria, divided by the
 * sum of the weights (so it stays on the scores' own scale). A missing score counts as zero.
 * Weights that sum to zero give no ranking, and say so.
 */
export function weightedScores(proposals: readonly Proposal[], criteria: readonly Criterion[]): Scoring {
  if (criteria.length === 0) return { ok: false, message: 'This workbook has no scoring criteria yet, so there is no weighted score to rank by. Rank by a metric instead.' };
  const weights = criteria.map((criterion) => ({ id: criterion.id, weight: toScaledInteger(criterion.weight, SCALE) }));
  const total = weights.reduce((sum, { weight }) => sum + weight, 0n);
  if (total === 0n) return { ok: false, message: 'The criteria weights add up to zero, so there is no weighted score to rank by. Give at least one criterion a weight.' };
  const divisor = new Decimal(total.toString()).times(new Decimal(10).pow(SCALE));
  const sortKeys = new Map<number, bigint>();
  for (const proposal of proposals) {
    const scores = scoresOf(proposal);
    let weighted = 0n;
    for (const { id, weight } of weights) weighted += weight * (scores.get(id) ?? 0n);
    sortKeys.set(proposal.id, weighted);
  }
  // The scores as decimals are for display; computed only when asked for.
  const scores = new LazyDecimals(sortKeys, divisor);
  return { ok: true, scores, sortKeys };
}

/** Each proposal's weighted score, by proposal id. */
export interface ScoreLookup {
  get(proposalId: number): Decimal | undefined;
}

/** Weighted scores that divide each sum by the weights' total the first time one is read. */
class LazyDecimals implements ScoreLookup {
  private readonly computed = new Map<number, Decimal>();

  constructor(
    private readonly sums: ReadonlyMap<number, bigint>,
    private readonly divisor: Decimal,
  ) {}

  get(proposalId: number): Decimal | undefined {
    let value = this.computed.get(proposalId);
    if (value === undefined) {
      const sum = this.sums.get(proposalId);
      if (sum === undefined) return undefined;
      value = new Decimal(sum.toString()).div(this.divisor);
      this.computed.set(proposalId, value);
    }
    return value;
  }
}
