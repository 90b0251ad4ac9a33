import { OptimizerService } from '../../electron/optimizer/optimizer-service';
import { frontier, optimizePortfolio } from '../../electron/optimizer/portfolio-optimizer';
import type { Criterion, Proposal } from '../../shared/domain/proposal';
import { seededRandom } from '../../electron/sample/seeded-random';
import { proposalFixture } from '../helpers/proposal';
import { Decimal } from '../../shared/money/decimal';
import type { PortfolioInput } from '../../shared/portfolio/portfolio-model';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { rankPortfolio } from '../../shared/portfolio/ranking';
import { weightedScores } from '../../shared/portfolio/scoring';
import { median, time, type BenchRow } from './bench-table';

const YEARS = 5;

/**
 * The issue's generated instance: n proposals over five years, capital in the first two,
 * benefits after; five yearly caps at 30% of the demand; a prerequisite per ten proposals; a
 * trio of alternatives per forty. NPVs track capital closely (strongly correlated values and
 * weights), which is what makes such knapsacks hard.
 */
export function generatedPortfolio(n: number, seed = 7): { input: PortfolioInput; criteria: Criterion[] } {
  const next = seededRandom(seed);
  const criteria: Criterion[] = ['Strategy', 'Risk', 'Customers', 'Urgency'].map((name, index) => ({ id: index + 1, name, weight: String(1 + index) }));
  const proposals: Proposal[] = [];
  for (let index = 0; index < n; index += 1) {
    const size = 20_000 + Math.floor(next() * 480_000);
    const start = Math.floor(next() * 2);
    const capex = Array.from({ length: YEARS }, (_unused, year) => (year === start ? String(size) : year === start + 1 ? String(Math.floor(size * next() * 0.5)) : '0'));
    // Gains proportional to the outlay, with a little spread: value and weight correlate, the hard kind of knapsack.
    const yearly = Math.floor(size * ((start === 0 ? 0.42 : 0.62) + next() * 0.06));
    const benefit = Array.from({ length: YEARS }, (_unused, year) => (year > start ? String(yearly) : '0'));
    const opex = Array.from({ length: YEARS }, (_unused, year) => (year > start ? String(Math.floor(size * 0.03)) : '0'));
    proposals.push(
      proposalFixture(
        index + 1,
        { capex, opex, benefit },
        {
          title: `Proposal ${index + 1}`,
          prerequisites: index % 10 === 9 ? [Math.max(1, index - 1 - Math.floor(next() * 8))] : [],
          exclusiveGroup: index % 40 < 3 ? `trio ${Math.floor(index / 40)}` : null,
          scores: Object.fromEntries(criteria.map((criterion) => [criterion.id, String(Math.floor(next() * 11))])),
        },
      ),
    );
  }
  const settings = { discountRate: '0.08', financeRate: '0.06', reinvestRate: '0.1' };
  const metricsById = new Map(proposals.map((proposal) => [proposal.id, proposalMetrics(proposal, settings)]));
  const demand = Array.from({ length: YEARS }, (_unused, year) => proposals.reduce((sum, proposal) => sum.plus(proposal.flows.capex[year] ?? '0'), new Decimal(0)));
  const capitalCaps = demand.map((total) => total.times('0.3').toDecimalPlaces(2).toString());
  return { input: { proposals, metricsById, scores: null, settings: { capitalCaps, operatingCaps: [], years: YEARS }, objective: 'npv' }, criteria };
}

/** The portfolio measures of issue 4, as medians. */
export async function benchPortfolio(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const record = (measure: string, samples: number[], target = '-') => rows.push({ measure: `[portfolio] ${measure}`, samples, target });
  const service = new OptimizerService(null);
  const report = (label: string, outcome: Awaited<ReturnType<typeof optimizePortfolio>>) =>
    console.log(`  ${label}: ${outcome.ok ? `${outcome.choice.status}, ${outcome.choice.chosen.length} chosen, objective ${new Decimal(outcome.choice.objective).toFixed(2)}, gap ${outcome.choice.gap ?? '?'}` : outcome.message}`);

  const small = generatedPortfolio(200);
  record(
    '200 proposals: proven optimum (5 caps, dependencies, alternatives)',
    await time(3, async () => report('200 proven', await optimizePortfolio(service, small.input, { timeLimitSeconds: 120, relativeGap: 0 }))),
    '< 0.5 s',
  );
  const large = generatedPortfolio(2000);
  record(
    '2,000 proposals: within 0.1% of the optimum (certified gap)',
    await time(3, async () => report('2,000 within 0.1%', await optimizePortfolio(service, large.input, { timeLimitSeconds: 120, relativeGap: 0.001 }))),
    '< 2 s',
  );
  record(
    '2,000 proposals: proven optimum (time limit 120 s)',
    await time(1, async () => report('2,000 proven', await optimizePortfolio(service, large.input, { timeLimitSeconds: 120, relativeGap: 0 }))),
    '< 60 s',
  );
  // Re-ranking after a weight change: score every proposal and sort, with the funding line.
  const weights = large.criteria.map((criterion) => ({ ...criterion }));
  record(
    '2,000 proposals: re-rank after a weight change, with the funding line',
    await time(20, (run) => {
      weights[run % weights.length] = { ...(weights[run % weights.length] as Criterion), weight: String(1 + (run % 7)) };
      const scoring = weightedScores(large.input.proposals, weights);
      return rankPortfolio(large.input.proposals, large.input.metricsById, scoring.ok ? scoring : null, 'score', large.input.settings);
    }),
    '< 16 ms',
  );
  const medium = generatedPortfolio(500);
  const scales = Array.from({ length: 50 }, (_unused, index) => new Decimal('0.2').plus(new Decimal('1.8').times(index).div(49)).toDecimalPlaces(4));
  record('500 proposals: efficient frontier, 50 points', await time(1, () => frontier(service, medium.input, scales)));
  console.log(`  portfolio medians: ${rows.map((row) => `${row.measure} ${median(row.samples).toFixed(1)} ms`).join('; ')}`);
  return rows;
}
