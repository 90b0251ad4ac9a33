import type { Proposal } from '../../shared/domain/proposal';
import type { PortfolioInput } from '../../shared/portfolio/portfolio-model';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { proposalFixture } from './proposal';

const SETTINGS = { discountRate: '0.08', financeRate: '0.06', reinvestRate: '0.1' };

/** A proposal over two years: its capital in year 1, its benefit in year 2 (whole currency units). */
export function twoYearProposal(id: number, capital: number, benefit: number, extra: Partial<Proposal> = {}): Proposal {
  return proposalFixture(id, { capex: [String(capital), '0'], benefit: ['0', String(benefit)] }, extra);
}

/** The optimizer's input for `proposals` by NPV, under a capital cap in year 1 (null: none). */
export function npvInput(proposals: Proposal[], capitalCap: string | null): PortfolioInput {
  return {
    proposals,
    metricsById: new Map(proposals.map((entry) => [entry.id, proposalMetrics(entry, SETTINGS)])),
    scores: null,
    settings: { capitalCaps: [capitalCap, null], operatingCaps: [], years: 2 },
    objective: 'npv',
  };
}
