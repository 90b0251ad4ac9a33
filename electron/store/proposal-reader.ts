import type { Database } from 'better-sqlite3';
import { FLOW_KINDS, type Criterion, type Decision, type FlowKind, type Portfolio, type PortfolioSettings, type Proposal, type ProposalStatus, type RiskRating, type SessionSnapshot } from '../../shared/domain/proposal';
import type { AmountText } from '../../shared/money/amount';
import { allPrerequisites, prerequisitesOf } from './proposal-prerequisites';
import type { WorkbookStore } from './workbook-store';

/** A proposal's columns with its goal's name, for reading (the legacy free-text `goal` column is not read). */
const PROPOSAL_COLUMNS = `SELECT p.id, p.title, p.owner, p.department_id, p.category, p.goal_id, g.name AS goal_name, p.description, p.status, p.useful_life, p.risk,
  p.mandatory, p.exclusive_group, p.forced, p.sort_order FROM proposals p LEFT JOIN goals g ON g.id = p.goal_id`;

export interface ProposalRow {
  id: number;
  title: string;
  owner: string;
  department_id: number | null;
  category: string;
  goal_id: number | null;
  /** the goal's name, joined */
  goal_name: string | null;
  description: string;
  status: ProposalStatus;
  useful_life: number | null;
  risk: RiskRating;
  mandatory: number;
  exclusive_group: string | null;
  forced: 'in' | 'out' | null;
  sort_order: number;
}

/** The portfolio's settings, each with its default where the workbook has none. */
export function readPortfolioSettings(workbook: Pick<WorkbookStore, 'settingOrNull'>): PortfolioSettings {
  const setting = (key: string, fallback: string) => workbook.settingOrNull(key) ?? fallback;
  return {
    discountRate: setting('discount_rate', '0.08'),
    financeRate: setting('finance_rate', '0.06'),
    reinvestRate: setting('reinvest_rate', '0.1'),
    years: Number(setting('proposal_years', '5')),
    capitalCaps: JSON.parse(setting('capital_caps', '[]')) as (AmountText | null)[],
    operatingCaps: JSON.parse(setting('operating_caps', '[]')) as (AmountText | null)[],
    departmentMinimums: JSON.parse(setting('department_minimums', '{}')) as Record<number, AmountText>,
  };
}


/** One proposal with its flows and prerequisites (not its scores); null when there is none by that id. */
export function readOneProposal(db: Database, proposalId: number, years: number): Proposal | null {
  const row = db.prepare<[number], ProposalRow>(`${PROPOSAL_COLUMNS} WHERE p.id = ?`).get(proposalId);
  if (row === undefined) return null;
  const proposal = proposalOf(row, years);
  proposal.prerequisites = prerequisitesOf(db, proposalId);
  const flows = db.prepare<[number], { kind: FlowKind; year: number; amount: string }>('SELECT kind, year, amount FROM proposal_flows WHERE proposal_id = ?').all(proposalId);
  for (const flow of flows) if (flow.year < years) proposal.flows[flow.kind][flow.year] = flow.amount;
  return proposal;
}

/** The whole portfolio as the renderer gets it: proposals with flows, scores and prerequisites, criteria, decisions, snapshots. */
export function readPortfolio(db: Database, settings: PortfolioSettings, firstYearLabel: string): Portfolio {
  const rows = db.prepare<[], ProposalRow>(`${PROPOSAL_COLUMNS} ORDER BY p.sort_order, p.id`).all();
  const proposals = new Map<number, Proposal>(rows.map((row) => [row.id, proposalOf(row, settings.years)]));
  for (const [proposalId, prerequisites] of allPrerequisites(db)) {
    const proposal = proposals.get(proposalId);
    if (proposal !== undefined) proposal.prerequisites = prerequisites;
  }
  const flows = db.prepare<[], { proposal_id: number; kind: FlowKind; year: number; amount: string }>('SELECT proposal_id, kind, year, amount FROM proposal_flows').all();
  for (const flow of flows) {
    const proposal = proposals.get(flow.proposal_id);
    if (proposal !== undefined && flow.year < settings.years) proposal.flows[flow.kind][flow.year] = flow.amount;
  }
  const scores = db.prepare<[], { proposal_id: number; criterion_id: number; score: string }>('SELECT proposal_id, criterion_id, score FROM proposal_scores').all();
  for (const score of scores) {
    const proposal = proposals.get(score.proposal_id);
    if (proposal !== undefined) proposal.scores[score.criterion_id] = score.score;
  }
  const criteria = db.prepare<[], Criterion>('SELECT id, name, weight FROM criteria ORDER BY sort_order, id').all();
  const decisions = db.prepare<[], Decision>('SELECT id, proposal_id AS proposalId, decision, reason, actor, at FROM decisions ORDER BY id').all();
  const snapshots = db
    .prepare<[], { id: number; name: string; taken_at: string; actor: string; content: string }>('SELECT id, name, taken_at, actor, content FROM session_snapshots ORDER BY id')
    .all()
    .map((row): SessionSnapshot => ({ id: row.id, name: row.name, takenAt: row.taken_at, actor: row.actor, content: JSON.parse(row.content) as SessionSnapshot['content'] }));
  return { proposals: [...proposals.values()], criteria, settings, decisions, snapshots, firstYearLabel };
}

function proposalOf(row: ProposalRow, years: number): Proposal {
  const zeros = () => new Array<AmountText>(years).fill('0');
  return {
    id: row.id,
    title: row.title,
    owner: row.owner,
    departmentId: row.department_id,
    category: row.category,
    goal: row.goal_name ?? '',
    goalId: row.goal_id,
    description: row.description,
    status: row.status,
    usefulLife: row.useful_life,
    risk: row.risk,
    mandatory: row.mandatory === 1,
    prerequisites: [],
    exclusiveGroup: row.exclusive_group,
    forced: row.forced,
    flows: Object.fromEntries(FLOW_KINDS.map((kind) => [kind, zeros()])) as Record<FlowKind, AmountText[]>,
    scores: {},
  };
}
