import type { Objective } from '../../shared/portfolio/portfolio-model';
import { buildPortfolioModel, type PortfolioInput } from '../../shared/portfolio/portfolio-model';
import { greedyStart } from '../../shared/portfolio/greedy-start';
import { interpretOutcome, type OptimizeOutcome } from '../../shared/portfolio/optimize-result';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { weightedScores, type ScoreLookup } from '../../shared/portfolio/scoring';
import { Decimal } from '../../shared/money/decimal';
import type { Portfolio } from '../../shared/domain/proposal';
import type { MipProgress } from './solve-mip';
import type { OptimizerService } from './optimizer-service';

/** The optimizer's input from a portfolio as the file holds it; null with the reason when the objective cannot be computed. */
export function portfolioInput(portfolio: Portfolio, objective: Objective): { ok: true; input: PortfolioInput } | { ok: false; message: string } {
  const metricsById = new Map(portfolio.proposals.map((proposal) => [proposal.id, proposalMetrics(proposal, portfolio.settings)]));
  let scores: ScoreLookup | null = null;
  if (objective === 'score') {
    const scoring = weightedScores(portfolio.proposals, portfolio.criteria);
    if (!scoring.ok) return { ok: false, message: scoring.message };
    scores = scoring.scores;
  }
  return { ok: true, input: { proposals: portfolio.proposals, metricsById, scores, settings: portfolio.settings, objective } };
}

/** Builds the program, starts it from a greedy portfolio, solves it and explains the answer. */
export async function optimizePortfolio(
  service: OptimizerService,
  input: PortfolioInput,
  limits: { timeLimitSeconds: number; relativeGap: number },
  onProgress?: (progress: MipProgress) => void,
): Promise<OptimizeOutcome> {
  if (input.proposals.length === 0) return { ok: false, message: 'There are no proposals to choose from yet.', conflicts: [] };
  const built = buildPortfolioModel(input);
  if (!built.ok) return { ok: false, message: 'These constraints cannot all hold, so no portfolio is possible:', conflicts: built.conflicts };
  const outcome = await service.solve(built.model.lp, { ...limits, start: greedyStart(input, built.model) }, onProgress);
  return interpretOutcome(input, built.model, outcome);
}

/** The efficient frontier: the best objective with every cap scaled, point by point. */
export async function frontier(service: OptimizerService, input: PortfolioInput, scales: readonly Decimal[]): Promise<{ scale: string; capitalTotal: string; objective: string | null; proven: boolean }[]> {
  const points: { scale: string; capitalTotal: string; objective: string | null; proven: boolean }[] = [];
  const capTotal = input.settings.capitalCaps.reduce((sum, cap) => (cap === null ? sum : sum.plus(cap)), new Decimal(0));
  for (const scale of scales) {
    const outcome = await optimizePortfolio(service, { ...input, capScale: scale }, { timeLimitSeconds: 10, relativeGap: 1e-4 });
    points.push({
      scale: scale.toString(),
      capitalTotal: capTotal.times(scale).toString(),
      objective: outcome.ok ? outcome.choice.objective : null,
      proven: outcome.ok && outcome.choice.status === 'optimal',
    });
  }
  return points;
}
