import type { AmountText } from '../money/amount';

export const PROPOSAL_STATUSES = ['proposed', 'funded', 'deferred', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const RISK_RATINGS = ['low', 'medium', 'high'] as const;
export type RiskRating = (typeof RISK_RATINGS)[number];

export const FLOW_KINDS = ['capex', 'opex', 'benefit'] as const;
/** Capital cost, operating cost (both entered as positive amounts spent), or benefit (cash gained or saved). */
export type FlowKind = (typeof FLOW_KINDS)[number];

export const FLOW_LABELS: Record<FlowKind, string> = { capex: 'Capital cost', opex: 'Operating cost', benefit: 'Benefit' };

/** An investment proposal, with its cash flows by year (year 0 is the budget's first fiscal year). */
export interface Proposal {
  id: number;
  title: string;
  owner: string;
  departmentId: number | null;
  category: string;
  /** the name of the strategic goal it serves ('' when none): what the sheet shows */
  goal: string;
  /** the strategic goal it serves, or null */
  goalId: number | null;
  description: string;
  status: ProposalStatus;
  /** years */
  usefulLife: number | null;
  risk: RiskRating;
  mandatory: boolean;
  /** the proposals this one needs funded with it, every one of them (ids, each once; empty when none) */
  prerequisites: number[];
  /** proposals sharing a group are alternatives: at most one is funded */
  exclusiveGroup: string | null;
  /** the session's own call: always in, always out, or null for the optimizer */
  forced: 'in' | 'out' | null;
  /** one amount per year of the proposals' horizon, as canonical amounts ("0" where nothing) */
  flows: Record<FlowKind, AmountText[]>;
  /** score per criterion id, canonical decimals (0 to 10 by convention) */
  scores: Record<number, string>;
}

/** A scoring criterion with its weight (any non-negative decimal; weights are normalised by their sum). */
export interface Criterion {
  id: number;
  name: string;
  weight: string;
}

/** The portfolio's money settings. Rates are fractions ("0.08" is 8%). */
export interface PortfolioSettings {
  discountRate: string;
  financeRate: string;
  reinvestRate: string;
  /** how many years the proposals' cash flows cover */
  years: number;
  /** the capital budget per year (null: no cap that year) */
  capitalCaps: (AmountText | null)[];
  /** optional operating-cost caps per year */
  operatingCaps: (AmountText | null)[];
  /** optional: at least this much capital (all years together) goes to a department's proposals, by department id */
  departmentMinimums: Record<number, AmountText>;
}

/** A decision taken in a session, with its reason: the decisions log. */
export interface Decision {
  id: number;
  proposalId: number;
  decision: ProposalStatus;
  reason: string;
  actor: string;
  /** ISO time */
  at: string;
}

/** A prioritization session's outcome as it stood when saved: weights, caps, ranking and decisions. */
export interface SessionSnapshot {
  id: number;
  name: string;
  /** ISO time */
  takenAt: string;
  actor: string;
  content: {
    rankKey: string;
    weights: { criterionId: number; name: string; weight: string }[];
    capitalCaps: (AmountText | null)[];
    /** every proposal in ranking order, with its place against the funding line and its status */
    ranking: { proposalId: number; title: string; rank: number; place: string; status: ProposalStatus }[];
  };
}

/** Everything the proposals view needs. */
export interface Portfolio {
  proposals: Proposal[];
  criteria: Criterion[];
  settings: PortfolioSettings;
  decisions: Decision[];
  /** saved session outcomes, oldest first */
  snapshots: SessionSnapshot[];
  /** the first fiscal year's label ("FY2027"), year 0 of the flows */
  firstYearLabel: string;
}
