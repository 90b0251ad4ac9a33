import type { PortfolioChoice } from '../../shared/portfolio/optimize-result';
import type { RankedProposal } from '../../shared/portfolio/ranking';
import type { SpreadsheetCells } from '../grid/spreadsheet/use-spreadsheet';

/** The ranking grid's column ids, in its order. */
export const RANKING_COLUMN_IDS = ['rank', 'title', 'department', 'status', 'capital', 'npv', 'irr', 'pi', 'payback', 'score', 'place', 'optimal'] as const;

/**
 * The ranking as spreadsheet cells: exact numbers as canonical decimals (a spreadsheet formats
 * them itself), rates as fractions, "" where a metric has none.
 */
export function rankingCells(rows: readonly RankedProposal[], departmentName: ReadonlyMap<number, string>, choice: PortfolioChoice | null): string[][] {
  const metric = (value: { ok: true; value: { toString(): string } } | { ok: false }) => (value.ok ? value.value.toString() : '');
  return rows.map((entry) => [
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
}

/**
 * The ranking for the shared grid behaviour: every cell can be selected and copied, none typed
 * (ranks and metrics are computed; a proposal's inputs are typed on the proposals sheet).
 * Without an optimizer answer its column is hidden and left out.
 */
export function rankingGridCells(rows: readonly RankedProposal[], departmentName: ReadonlyMap<number, string>, choice: PortfolioChoice | null): SpreadsheetCells {
  const columnIds = RANKING_COLUMN_IDS.filter((id) => id !== 'optimal' || choice !== null);
  let cells: string[][] | null = null;
  const cellsOf = () => (cells ??= rankingCells(rows, departmentName, choice));
  const text = (row: number, column: number) => cellsOf()[row]?.[column] ?? '';
  return {
    rows: rows.length,
    columns: columnIds.length,
    columnIds,
    isDataRow: (row) => row >= 0 && row < rows.length,
    value: (row, column) => (text(row, column) === '' ? null : text(row, column)),
    isWritable: () => false,
    copyText: text,
  };
}
