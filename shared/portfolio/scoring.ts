import type { Criterion, Proposal } from '../domain/proposal';
import { Decimal } from '../money/decimal';

export type Scoring = { ok: true; scores: Map<number, Decimal> } | { ok: false; message: string };

/**
 * Each proposal's weighted score: the sum of weight x score over the criteria, divided by the
 * sum of the weights (so it stays on the scores' own scale). A missing score counts as zero.
 * Weights that sum to zero give no ranking, and say so.
 */
export function weightedScores(proposals: readonly Proposal[], criteria: readonly Criterion[]): Scoring {
  const total = criteria.reduce((sum, criterion) => sum.plus(criterion.weight), new Decimal(0));
  if (total.isZero()) return { ok: false, message: 'The criteria weights add up to zero, so there is no weighted score to rank by. Give at least one criterion a weight.' };
  const scores = new Map<number, Decimal>();
  for (const proposal of proposals) {
    let weighted = new Decimal(0);
    for (const criterion of criteria) weighted = weighted.plus(new Decimal(criterion.weight).times(proposal.scores[criterion.id] ?? '0'));
    scores.set(proposal.id, weighted.div(total));
  }
  return { ok: true, scores };
}
