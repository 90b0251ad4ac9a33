import { AllCommunityModule, ModuleRegistry, type CellKeyDownEvent, type ColDef, type GetRowIdParams, type RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { toTabularText } from '../../shared/clipboard/tabular-text';
import { rankingCells } from './ranking-table';
import type { ProposalStatus } from '../../shared/domain/proposal';
import type { Department } from '../../shared/domain/workbook';
import type { RankedProposal } from '../../shared/portfolio/ranking';
import type { PortfolioChoice } from '../../shared/portfolio/optimize-result';
import { darkGridTheme, lightGridTheme } from '../grid/grid-theme';
import { formatMetric, formatMoney, metricTooltip } from './format-metric';

ModuleRegistry.registerModules([AllCommunityModule]);

const PLACE_LABELS: Record<RankedProposal['place'], string> = {
  committed: 'Committed',
  above: 'Above',
  crossing: 'On the line',
  below: 'Below',
  out: 'Out',
};

/** One-key decisions on the focused proposal, as in the session: F fund, D defer, R reject, P back to proposed. */
export const DECISION_KEYS: Record<string, ProposalStatus> = { f: 'funded', d: 'deferred', r: 'rejected', p: 'proposed' };

export interface ProposalGridProps {
  ranked: RankedProposal[];
  /** the optimizer's last portfolio: who is in, and why each is in or out */
  choice: PortfolioChoice | null;
  /** ranked by hand: rows can be dragged into a new order */
  byHand: boolean;
  onReorder: (proposalIds: number[]) => void;
  departments: readonly Department[];
  dark: boolean;
  onSelect: (proposalId: number) => void;
  onDecisionKey: (proposalId: number, decision: ProposalStatus) => void;
}

/** The ranked proposals with their metrics; the funding line is drawn above the proposal it runs through. */
export function ProposalGrid({ ranked, choice, byHand, onReorder, departments, dark, onSelect, onDecisionKey }: ProposalGridProps) {
  const departmentName = useMemo(() => new Map(departments.map((department) => [department.id, department.name])), [departments]);
  const columns = useMemo<ColDef<RankedProposal>[]>(
    () => [
      { colId: 'rank', headerName: '#', width: byHand ? 64 : 44, type: 'rightAligned', rowDrag: byHand, valueGetter: (params) => params.data?.rank ?? null },
      {
        colId: 'title',
        headerName: 'Proposal',
        flex: 1,
        minWidth: 150,
        valueGetter: (params) => params.data?.proposal.title ?? '',
        cellRenderer: (params: { data?: RankedProposal; value: string }) => {
          const proposal = params.data?.proposal;
          return (
            <span className="proposal-title">
              {params.value}
              {proposal?.mandatory === true && <span className="badge badge-mandatory">mandatory</span>}
              {proposal?.exclusiveGroup !== null && proposal?.exclusiveGroup !== undefined && <span className="badge">{proposal.exclusiveGroup}</span>}
              {proposal?.dependsOn !== null && proposal?.dependsOn !== undefined && <span className="badge" title="Needs another proposal funded first">needs</span>}
            </span>
          );
        },
      },
      { colId: 'department', headerName: 'Department', width: 96, valueGetter: (params) => departmentName.get(params.data?.proposal.departmentId ?? 0) ?? '' },
      { colId: 'status', headerName: 'Status', width: 80, valueGetter: (params) => params.data?.proposal.status ?? '' },
      {
        colId: 'capital',
        headerName: 'Capital',
        width: 92,
        type: 'rightAligned',
        valueGetter: (params) => (params.data === undefined ? '' : formatMoney(params.data.metrics.capitalTotal)),
        tooltipValueGetter: (params) => params.data?.metrics.capital.map((amount, year) => `Year ${year + 1}: ${amount.toFixed(2)}`).join('\n'),
      },
      {
        colId: 'npv',
        headerName: 'NPV',
        width: 100,
        type: 'rightAligned',
        valueGetter: (params) => (params.data === undefined ? '' : formatMoney(params.data.metrics.npv)),
        // A cellClass replaces the right-aligned type's own class: keep it.
        cellClass: (params) => ['ag-right-aligned-cell', ...(params.data?.metrics.npv.isNegative() === true ? ['amount-negative'] : [])],
        tooltipValueGetter: (params) => params.data?.metrics.npv.toFixed(2),
      },
      {
        colId: 'irr',
        headerName: 'IRR',
        width: 70,
        type: 'rightAligned',
        valueGetter: (params) => (params.data === undefined ? '' : formatMetric(params.data.metrics.irr, 'rate')),
        tooltipValueGetter: (params) => (params.data === undefined ? undefined : metricTooltip(params.data.metrics.irr, (value) => `${value.times(100).toDecimalPlaces(6).toString()}%`)),
      },
      {
        colId: 'pi',
        headerName: 'PI',
        width: 52,
        type: 'rightAligned',
        valueGetter: (params) => (params.data === undefined ? '' : formatMetric(params.data.metrics.profitabilityIndex, 'ratio')),
        tooltipValueGetter: (params) => (params.data === undefined ? undefined : metricTooltip(params.data.metrics.profitabilityIndex, (value) => value.toDecimalPlaces(6).toString())),
      },
      {
        colId: 'payback',
        headerName: 'Payback',
        width: 70,
        type: 'rightAligned',
        valueGetter: (params) => (params.data === undefined ? '' : formatMetric(params.data.metrics.payback, 'years')),
        tooltipValueGetter: (params) => (params.data === undefined ? undefined : metricTooltip(params.data.metrics.payback, (value) => `${value.toDecimalPlaces(4).toString()} years`)),
      },
      {
        colId: 'score',
        headerName: 'Score',
        width: 62,
        type: 'rightAligned',
        valueGetter: (params) => (params.data?.score === null || params.data?.score === undefined ? '—' : params.data.score.toFixed(2)),
      },
      {
        colId: 'place',
        headerName: 'Funding line',
        width: 100,
        valueGetter: (params) => (params.data === undefined ? '' : PLACE_LABELS[params.data.place]),
        tooltipValueGetter: (params) => params.data?.note,
        cellClass: (params) => [`place-${params.data?.place ?? 'below'}`],
      },
      {
        colId: 'optimal',
        headerName: 'Optimizer',
        width: 84,
        hide: choice === null,
        valueGetter: (params) => (params.data === undefined || choice === null ? '' : choice.chosen.includes(params.data.proposal.id) ? 'In' : 'Out'),
        tooltipValueGetter: (params) => (params.data === undefined || choice === null ? undefined : choice.reasons[params.data.proposal.id]),
        cellClass: (params) => (choice !== null && params.data !== undefined && choice.chosen.includes(params.data.proposal.id) ? ['optimal-in'] : ['optimal-out']),
      },
    ],
    [departmentName, choice, byHand],
  );
  const getRowId = useCallback((params: GetRowIdParams<RankedProposal>) => String(params.data.proposal.id), []);
  const hostRef = useRef<HTMLDivElement>(null);
  const focusedRow = useRef<number | null>(null);
  // Ctrl+A marks the whole ranking for the next copy, as in a spreadsheet; moving the cursor ends it.
  const wholeRanking = useRef(false);

  // Copy: the focused proposal's row, or the whole ranking after Ctrl+A, as tab-separated text and an HTML table.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (hostRef.current === null || !hostRef.current.contains(document.activeElement) || event.clipboardData === null) return;
      const rows = wholeRanking.current ? ranked : ranked.filter((entry) => entry.rank - 1 === focusedRow.current);
      if (rows.length === 0) return;
      event.preventDefault();
      const cells = rankingCells(rows, departmentName, choice, wholeRanking.current);
      const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      event.clipboardData.setData('text/plain', toTabularText(cells));
      event.clipboardData.setData('text/html', `<table>${cells.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</table>`);
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, [ranked, departmentName, choice]);
  // Class rules (not getRowClass) are evaluated again when a row's data changes, as it does on every re-rank.
  const rowClassRules = useMemo<RowClassRules<RankedProposal>>(
    () => ({
      'funding-line': (params) => params.data?.place === 'crossing',
      'proposal-row-below': (params) => params.data?.place === 'below' || params.data?.place === 'crossing',
      'proposal-row-out': (params) => params.data?.place === 'out',
    }),
    [],
  );
  const onKeyDown = useCallback(
    (event: CellKeyDownEvent<RankedProposal>) => {
      const native = event.event as KeyboardEvent | null;
      if (native !== null && (native.ctrlKey || native.metaKey) && native.key.toLowerCase() === 'a') {
        native.preventDefault();
        wholeRanking.current = true;
        return;
      }
      if (native === null || native.ctrlKey || native.metaKey || native.altKey || event.data === undefined) return;
      const decision = DECISION_KEYS[native.key.toLowerCase()];
      if (decision === undefined) return;
      native.preventDefault();
      onDecisionKey(event.data.proposal.id, decision);
    },
    [onDecisionKey],
  );
  return (
    <div className="proposal-grid" data-testid="proposal-grid" ref={hostRef}>
      <AgGridReact<RankedProposal>
        theme={dark ? darkGridTheme : lightGridTheme}
        rowData={ranked}
        columnDefs={columns}
        getRowId={getRowId}
        rowClassRules={rowClassRules}
        animateRows={false}
        suppressMovableColumns
        tooltipShowDelay={400}
        onCellFocused={(event) => {
          const row = event.rowIndex === null || event.rowIndex === undefined ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex)?.data;
          if (focusedRow.current !== (event.rowIndex ?? null)) wholeRanking.current = false;
          focusedRow.current = event.rowIndex ?? null;
          if (row !== undefined) onSelect(row.proposal.id);
        }}
        onCellKeyDown={onKeyDown}
        rowDragManaged={byHand}
        onRowDragEnd={(event) => {
          const order: number[] = [];
          event.api.forEachNode((node) => node.data !== undefined && order.push(node.data.proposal.id));
          onReorder(order);
        }}
      />
    </div>
  );
}
