import { FLOW_KINDS, type Proposal } from '../../shared/domain/proposal';
import { amountMatches, parseFindQuery, textMatches } from '../../shared/sheet/find-lines';
import type { Decimal } from '../../shared/money/decimal';

/**
 * Find in the proposals: a query matches a proposal's name, owner (sponsor), department,
 * strategic goal or category as text, and its amounts by exact value: each year's capital cost,
 * operating cost and benefit, its capital in total, and its NPV to the cent.
 */
export interface ProposalMatch {
  proposalId: number;
  /** the column of the proposals sheet (title, owner, department, goal, category, capex-0, …) */
  sheetColumn: string;
  /** the column of the ranking that shows it (title where the ranking has no such column) */
  rankingColumn: string;
}

/** What find needs of a proposal in the ranked order. */
export interface FindableProposal {
  proposal: Proposal;
  metrics: { capitalTotal: Decimal; npv: Decimal };
}

const TEXT_FIELDS = [
  { field: 'title', ranking: 'title' },
  { field: 'owner', ranking: 'title' },
  { field: 'department', ranking: 'department' },
  { field: 'category', ranking: 'title' },
  { field: 'goal', ranking: 'title' },
] as const;

/** Every match in the proposals' order, left to right on each proposal; empty for an empty query. */
export function findInProposals(entries: readonly FindableProposal[], departmentName: ReadonlyMap<number, string>, query: string, currency: string): ProposalMatch[] {
  const parsed = parseFindQuery(query, currency);
  if (parsed === null) return [];
  const matches: ProposalMatch[] = [];
  for (const { proposal, metrics } of entries) {
    const add = (sheetColumn: string, rankingColumn: string) => matches.push({ proposalId: proposal.id, sheetColumn, rankingColumn });
    for (const { field, ranking } of TEXT_FIELDS) {
      const text = field === 'department' ? (proposal.departmentId === null ? '' : (departmentName.get(proposal.departmentId) ?? '')) : proposal[field];
      if (textMatches(text, parsed)) add(field, ranking);
    }
    if (parsed.amount === null) continue;
    for (const kind of FLOW_KINDS) {
      proposal.flows[kind].forEach((amount, year) => {
        if (amount !== '0' && amountMatches(amount, 'currency', parsed)) add(`${kind}-${year}`, kind === 'capex' ? 'capital' : 'title');
      });
    }
    const total = metrics.capitalTotal;
    if (!parsed.amount.percent && !total.isZero() && total.eq(parsed.amount.value)) add('title', 'capital');
    const npv = metrics.npv.toDecimalPlaces(2);
    if (!parsed.amount.percent && !npv.isZero() && npv.eq(parsed.amount.value)) add('title', 'npv');
  }
  return matches;
}
