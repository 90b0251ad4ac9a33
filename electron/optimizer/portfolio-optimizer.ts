import type { Objective, PortfolioModel } from '../../shared/portfolio/portfolio-model';
import { buildPortfolioModel, type PortfolioInput } from '../../shared/portfolio/portfolio-model';
import { greedyStart } from '../../shared/portfolio/greedy-start';
import { improvedStart } from '../../shared/portfolio/primal-heuristic';
import { interpretOutcome, type OptimizeOutcome } from '../../shared/portfolio/optimize-result';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { weightedScores, type ScoreLookup } from '../../shared/portfolio/scoring';
import { Decimal } from '../../shared/money/decimal';
import type { Portfolio } from '../../shared/domain/proposal';
import type { MipProgress } from './solve-mip';
import type { OptimizerService } from './optimizer-service';
import { EXACT_SEARCH_MAX_COLUMNS, type ExactSearch } from './solve-program';
import { centsProblem, type CentsProblem } from '../../shared/portfolio/cents-problem';
import { FRONTIER_GAP } from '../../shared/portfolio/frontier-precision';

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

/**
 * Builds the program. Up to EXACT_SEARCH_MAX_COLUMNS proposals in whole cents, the own branch and
 * bound solves it (racing HiGHS). Otherwise: solves its linear relaxation (a bound, and values to
 * round), builds a portfolio from them by an exact local search, and stops there when that
 * portfolio is already within the gap asked for of the bound; otherwise HiGHS starts from it (or
 * from the greedy portfolio when that is better) and searches on. Every answer is explained and
 * re-checked exactly.
 */
export async function optimizePortfolio(
  service: OptimizerService,
  input: PortfolioInput,
  limits: { timeLimitSeconds: number; relativeGap: number },
  onProgress?: (progress: MipProgress) => void,
): Promise<OptimizeOutcome> {
  if (input.proposals.length === 0) return { ok: false, message: 'There are no proposals to choose from yet.', conflicts: [] };
  const built = buildPortfolioModel(input);
  if (!built.ok) return { ok: false, message: 'These constraints cannot all hold, so no portfolio is possible:', conflicts: built.conflicts };
  const started = performance.now();
  const exactProblem = exactProblemFor(input, built.model);
  if (exactProblem !== null) {
    // The own search solves the relaxation itself and rounds and polishes every node's (from any start it takes the same
    // nodes on the bench's class): HiGHS's relaxation and the start's local search first would only delay it (30-45 ms at 200).
    // With two workers it races HiGHS (started from the greedy portfolio) for the whole time; alone, it hands over to HiGHS halfway.
    const exactSearch = { problem: exactProblem, seconds: service.workerCount > 1 ? limits.timeLimitSeconds : limits.timeLimitSeconds / 2 };
    const outcome = await service.solve(built.model.lp, { ...limits, start: greedyStart(input, built.model), exactSearch }, onProgress);
    return interpretOutcome(input, built.model, { ...outcome, seconds: (performance.now() - started) / 1000 });
  }
  const relaxation = await service.solve(built.model.lp, { timeLimitSeconds: limits.timeLimitSeconds, relativeGap: 0, relaxation: true });
  if (relaxation.status === 'infeasible') return interpretOutcome(input, built.model, relaxation);
  const relaxed = relaxation.status === 'optimal' && relaxation.values.length === built.model.columns.length;
  const start = bestStart(input, built.model, relaxed ? relaxation.values : null);
  // Cancelled while relaxing: the best portfolio so far is the start.
  if (relaxation.status === 'interrupted') return interpretOutcome(input, built.model, { status: 'interrupted', values: start, bound: null, seconds: (performance.now() - started) / 1000 });
  const startValue = objectiveOf(built.model, start);
  if (relaxed && relaxation.bound !== null && withinGap(startValue, relaxation.bound, limits.relativeGap)) {
    return interpretOutcome(input, built.model, { status: 'optimal', values: start, bound: relaxation.bound, seconds: (performance.now() - started) / 1000 });
  }
  const remaining = Math.max(0.1, limits.timeLimitSeconds - (performance.now() - started) / 1000);
  const outcome = await service.solve(built.model.lp, { ...limits, timeLimitSeconds: remaining, start }, onProgress);
  return interpretOutcome(input, built.model, { ...outcome, seconds: (performance.now() - started) / 1000 });
}

/** The program in cents for the own branch and bound, when it suits it (whole cents, up to its size); null otherwise. */
function exactProblemFor(input: PortfolioInput, model: PortfolioModel): CentsProblem | null {
  return model.columns.length > EXACT_SEARCH_MAX_COLUMNS ? null : centsProblem(input, model);
}

/** The own branch and bound's share, for programs it suits; null otherwise. */
function exactSearchFor(input: PortfolioInput, model: PortfolioModel, seconds: number): ExactSearch | null {
  const problem = exactProblemFor(input, model);
  return problem === null ? null : { problem, seconds };
}

/** The better of the greedy portfolio and the one rounded from the relaxation. */
function bestStart(input: PortfolioInput, model: PortfolioModel, guide: readonly number[] | null): number[] {
  const greedy = greedyStart(input, model);
  const improved = improvedStart(input, model, guide);
  return improved !== null && objectiveOf(model, improved).gte(objectiveOf(model, greedy)) ? improved : greedy;
}

/** A 0/1 portfolio's objective, exact. */
function objectiveOf(model: PortfolioModel, values: readonly number[]): Decimal {
  return model.columns.reduce((sum, id, column) => (values[column] === 1 ? sum.plus(model.value.get(id) ?? 0) : sum), new Decimal(0));
}

/** Whether a portfolio of this value is certified within the relative gap by the bound (as the solver measures it). */
function withinGap(value: Decimal, bound: number, relativeGap: number): boolean {
  if (relativeGap <= 0) return false;
  return new Decimal(bound).minus(value).div(Decimal.max(value.abs(), 1)).lte(relativeGap);
}

export interface FrontierPoint {
  scale: string;
  capitalTotal: string;
  objective: string | null;
  /** the best any portfolio at this scale could reach, as proven; the objective is within FRONTIER_GAP of it */
  bound: string | null;
  proven: boolean;
}

/** Per point: the frontier answers within seconds, and a point not certified in time keeps its best portfolio and bound. */
const FRONTIER_POINT_SECONDS = 10;

/**
 * The efficient frontier: the best objective with every cap scaled, point by point, each within
 * FRONTIER_GAP of its bound. The points are independent programs, so the workers take them in turn; each starts
 * from the better of its greedy portfolio and the best portfolio of a smaller scale already
 * solved (it still fits: caps only grow with the scale).
 */
export async function frontier(service: OptimizerService, input: PortfolioInput, scales: readonly Decimal[]): Promise<FrontierPoint[]> {
  const capTotal = input.settings.capitalCaps.reduce((sum, cap) => (cap === null ? sum : sum.plus(cap)), new Decimal(0));
  const points: FrontierPoint[] = scales.map((scale) => ({ scale: scale.toString(), capitalTotal: capTotal.times(scale).toString(), objective: null, bound: null, proven: false }));
  const order = scales.map((_scale, index) => index).sort((a, b) => (scales[a] as Decimal).comparedTo(scales[b] as Decimal));
  const inputs = order.map((index) => ({ ...input, capScale: scales[index] as Decimal }));
  const models = inputs.map((pointInput) => buildPortfolioModel(pointInput));
  const solvedChoices: { scale: Decimal; chosen: ReadonlySet<number> }[] = [];
  const startFor = (position: number, model: PortfolioModel): number[] => {
    const greedy = bestStart(inputs[position] as PortfolioInput, model, null);
    const scale = scales[order[position] as number] as Decimal;
    const below = solvedChoices.filter((solved) => solved.scale.lte(scale));
    return below.reduce((best, solved) => {
      const values = model.columns.map((id) => (solved.chosen.has(id) ? 1 : 0));
      return objectiveOf(model, values).gt(objectiveOf(model, best)) ? values : best;
    }, greedy);
  };
  const solvable = models.flatMap((built, position) => (built.ok ? [{ position, model: built.model }] : []));
  await service.solveEach(
    solvable.length,
    (index) => {
      const { position, model } = solvable[index] as { position: number; model: PortfolioModel };
      const exactSearch = exactSearchFor(inputs[position] as PortfolioInput, model, FRONTIER_POINT_SECONDS);
      const options = { timeLimitSeconds: FRONTIER_POINT_SECONDS, relativeGap: FRONTIER_GAP, start: startFor(position, model) };
      return { lp: model.lp, options: exactSearch === null ? options : { ...options, exactSearch } };
    },
    (index, solverOutcome) => {
      const { position, model } = solvable[index] as { position: number; model: PortfolioModel };
      const outcome = interpretOutcome(inputs[position] as PortfolioInput, model, solverOutcome);
      if (!outcome.ok) return;
      solvedChoices.push({ scale: scales[order[position] as number] as Decimal, chosen: new Set(outcome.choice.chosen) });
      const point = points[order[position] as number] as FrontierPoint;
      point.objective = outcome.choice.objective;
      point.bound = outcome.choice.bound;
      point.proven = outcome.choice.status === 'optimal';
    },
  );
  return points;
}
