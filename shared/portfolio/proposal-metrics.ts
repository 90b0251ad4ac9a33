import type { PortfolioSettings, Proposal } from '../domain/proposal';
import { Decimal } from '../money/decimal';
import { discountedPayback, irr, mirr, npv, payback, profitabilityIndex, roi, type Metric } from '../finance/metrics';

/** A proposal's net cash flow per year: benefits less capital and operating costs. */
export function netFlows(proposal: Proposal): Decimal[] {
  return proposal.flows.benefit.map((benefit, year) => new Decimal(benefit).minus(proposal.flows.capex[year] ?? '0').minus(proposal.flows.opex[year] ?? '0'));
}

/** Every metric of a proposal, exact, at the portfolio's rates. */
export interface ProposalMetrics {
  npv: Decimal;
  irr: Metric;
  mirr: Metric;
  payback: Metric;
  discountedPayback: Metric;
  profitabilityIndex: Metric;
  roi: Metric;
  /** capital cost per year and in all */
  capital: Decimal[];
  capitalTotal: Decimal;
  operating: Decimal[];
}

export function proposalMetrics(proposal: Proposal, settings: Pick<PortfolioSettings, 'discountRate' | 'financeRate' | 'reinvestRate'>): ProposalMetrics {
  const flows = netFlows(proposal);
  const rate = new Decimal(settings.discountRate);
  const capital = proposal.flows.capex.map((amount) => new Decimal(amount));
  return {
    npv: npv(flows, rate),
    irr: irr(flows),
    mirr: mirr(flows, new Decimal(settings.financeRate), new Decimal(settings.reinvestRate)),
    payback: payback(flows),
    discountedPayback: discountedPayback(flows, rate),
    profitabilityIndex: profitabilityIndex(flows, rate),
    roi: roi(flows),
    capital,
    capitalTotal: capital.reduce((sum, amount) => sum.plus(amount), new Decimal(0)),
    operating: proposal.flows.opex.map((amount) => new Decimal(amount)),
  };
}
