import type { PortfolioChoice } from '../../shared/portfolio/optimize-result';
import type { RankedProposal } from '../../shared/portfolio/ranking';

const HEADER = ['Rank', 'Proposal', 'Department', 'Status', 'Capital', 'NPV', 'IRR', 'Profitability index', 'Payback (years)', 'Score', 'Funding line', 'Optimizer'];

/**
 * The ranking as spreadsheet cells: exact numbers as canonical decimals (a spreadsheet formats
 * them itself), rates as fractions, "" where a metric has none. With `header`, a first row of titles.
 */
export function rankingCells(rows: readonly RankedProposal[], departmentName: ReadonlyMap<number, string>, choice: PortfolioChoice | null, header: boolean): string[][] {
  const metric = (value: { ok: true; value: { toString(): string } } | { ok: false }) => (value.ok ? value.value.toString() : '');
  const cells = rows.map((entry) => [
    String(entry.rank),
    entry.proposal.title,
    departmentName.get(entry.proposal.departmentId ?? 0) ?? '',
    entry.proposal.status,
    entry.metrics.capitalTotal.toFixed(2),
    entry.metrics.npv.toDecimalPlaces(2).toFixed(2),
    metric(entry.metrics.irr),
    metric(entry.metrics.profitabilityIndex),
    metric(entry.metrics.payback),
    entry.score === null ? '' : entry.score.toString(),
    entry.place,
    choice === null ? '' : choice.chosen.includes(entry.proposal.id) ? 'in' : 'out',
  ]);
  return header ? [HEADER, ...cells] : cells;
}
