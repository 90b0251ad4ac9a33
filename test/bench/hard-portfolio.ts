import type { Criterion, Proposal } from '../../shared/domain/proposal';
import { seededRandom } from '../../electron/sample/seeded-random';
import { proposalFixture } from '../helpers/proposal';
import { Decimal } from '../../shared/money/decimal';
import type { PortfolioInput } from '../../shared/portfolio/portfolio-model';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';

const YEARS = 5;
/** A discount rate of zero makes a proposal's NPV its benefit less its capital, so the NPV is drawn directly. */
const SETTINGS = { discountRate: '0', financeRate: '0.06', reinvestRate: '0.1' };

/** Splits whole currency units into `parts` near-equal amounts (the remainder goes to the first ones). */
function spreadEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_unused, part) => base + (part < total - base * parts ? 1 : 0));
}

/**
 * The hard class of the multi-year knapsack (issue 14), seeded so that every run sees the same
 * instances: each proposal's capital (uniform in 20,000 to 2,000,000) spread evenly over one to
 * three consecutive years of five; its NPV uniform between -10% and +90% of that capital; each
 * year's cap 30% of that year's demand; one prerequisite pair per ten proposals (always on an
 * earlier proposal, so acyclic); one group of three alternatives per forty; a few mandatory
 * proposals (neither alternatives nor dependents, so the instance stays feasible).
 */
export function hardPortfolio(n: number, seed: number): { input: PortfolioInput; criteria: Criterion[] } {
  const next = seededRandom(seed);
  const criteria: Criterion[] = ['Strategy', 'Risk', 'Customers', 'Urgency'].map((name, index) => ({ id: index + 1, name, weight: String(1 + index) }));
  const mandatoryEvery = Math.max(20, Math.floor(n / 10));
  const proposals: Proposal[] = [];
  for (let index = 0; index < n; index += 1) {
    const capitalTotal = 20_000 + Math.floor(next() * 1_980_001);
    const span = 1 + Math.floor(next() * 3);
    const start = Math.floor(next() * (YEARS - span + 1));
    const amounts = spreadEvenly(capitalTotal, span);
    const capex = Array.from({ length: YEARS }, (_unused, year) => String(year >= start && year < start + span ? amounts[year - start] : 0));
    // NPV = benefit - capital at a zero rate: a benefit of capital x (0.9 to 1.9), in cents, in the last year.
    const npvCents = Math.round(capitalTotal * 100 * (-0.1 + next()));
    const benefit = Array.from({ length: YEARS }, (_unused, year) => (year === YEARS - 1 ? new Decimal(capitalTotal * 100 + npvCents).div(100).toFixed() : '0'));
    const dependent = index % 10 === 9;
    const alternative = index % 40 < 3;
    proposals.push(
      proposalFixture(
        index + 1,
        { capex, benefit, opex: [] },
        {
          title: `Proposal ${index + 1}`,
          prerequisites: dependent ? [1 + Math.floor(next() * index)] : [],
          exclusiveGroup: alternative ? `trio ${Math.floor(index / 40)}` : null,
          mandatory: !dependent && !alternative && index % mandatoryEvery === 5,
          scores: Object.fromEntries(criteria.map((criterion) => [criterion.id, String(Math.floor(next() * 11))])),
        },
      ),
    );
  }
  const metricsById = new Map(proposals.map((proposal) => [proposal.id, proposalMetrics(proposal, SETTINGS)]));
  const demand = Array.from({ length: YEARS }, (_unused, year) => proposals.reduce((sum, proposal) => sum.plus(proposal.flows.capex[year] ?? '0'), new Decimal(0)));
  const capitalCaps = demand.map((total) => total.times('0.3').toDecimalPlaces(2).toString());
  return { input: { proposals, metricsById, scores: null, settings: { capitalCaps, operatingCaps: [], years: YEARS }, objective: 'npv' }, criteria };
}
