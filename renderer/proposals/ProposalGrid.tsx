import '../grid/spreadsheet/grid-modules';
import { cellsLabel } from '../../shared/domain/cells-label';
import {
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColDef,
  type ColGroupDef,
  type GetRowIdParams,
  type GridApi,
  type RowClassRules,
  type SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { rankingGridCells } from './ranking-table';
import { decisionCommandOf, runDecision } from './decision-keys';
import type { ProposalEdit } from '../../shared/domain/proposal-fields';
import { showError } from '../state/notice-store';
import { parseTabularText } from '../../shared/clipboard/tabular-text';
import { pasteWrites, type CellRange, type CellWrite } from '../selection/cell-range';
import { createSelectionStore } from '../selection/selection-store';
import { isSpreadsheetCommand, rangeCellClassRules, useSpreadsheet, type SpreadsheetCells } from '../grid/spreadsheet/use-spreadsheet';
import { inputColumns, proposalEdits, proposalSheetCells, type SheetContext } from './proposal-sheet';
import type { Department } from '../../shared/domain/workbook';
import type { RankedProposal } from '../../shared/portfolio/ranking';
import type { PortfolioChoice } from '../../shared/portfolio/optimize-result';
import { darkGridTheme, lightGridTheme } from '../grid/spreadsheet/grid-theme';
import { formatMetric, formatMoney, metricTooltip } from './format-metric';
import { useShallow } from 'zustand/react/shallow';
import { FindBar } from '../find/FindBar';
import { filterActive, findCommandProvider, registerFindTarget, useFindStore, type FindHit } from '../find/find-store';
import { findInProposals } from '../find/find-proposals';
import { registerFind, registerGridActions } from '../commands/command-actions';
import { gridCommandProvider } from '../grid/spreadsheet/active-grid';
import './ranking-title.css';

const PLACE_LABELS: Record<RankedProposal['place'], string> = {
  committed: 'Committed',
  above: 'Above',
  crossing: 'On the line',
  below: 'Below',
  out: 'Out',
};

/** The ranking with its metrics, or the proposals sheet of their inputs (fields, scores, cash flows by year). */
export type ProposalGridLayout = 'ranking' | 'sheet';

export interface ProposalGridProps {
  ranked: RankedProposal[];
  layout: ProposalGridLayout;
  /** what the sheet's columns need: departments, criteria, years */
  sheet: SheetContext;
  /** the optimizer's last portfolio: who is in, and why each is in or out */
  choice: PortfolioChoice | null;
  /** ranked by hand: rows can be dragged into a new order */
  byHand: boolean;
  onReorder: (proposalIds: number[]) => void;
  departments: readonly Department[];
  dark: boolean;
  onSelect: (proposalId: number) => void;
  /** saves typed, pasted, cleared or filled cells as one undo step */
  onEdit: (edits: ProposalEdit[], label: string) => Promise<boolean>;
}

const suppressSpreadsheetKeys = (params: SuppressKeyboardEventParams) => !params.editing && isSpreadsheetCommand(params.event);


/**
 * The proposals in ranked order, as the ranking (metrics, the funding line drawn above the
 * proposal it runs through) or as the proposals sheet. Both have the budget sheet's habits,
 * from the same shared behaviour: ranges, copy and paste, Delete, fills, Ctrl+arrows, undo.
 */
export function ProposalGrid({ ranked: allRanked, layout, sheet, choice, byHand, onReorder, departments, dark, onSelect, onEdit }: ProposalGridProps) {
  const departmentName = useMemo(() => new Map(departments.map((department) => [department.id, department.name])), [departments]);
  // Every proposal's title, for naming prerequisites (also those the find filter hides).
  const prerequisiteNames = useMemo(() => {
    const titleOf = new Map(allRanked.map((entry) => [entry.proposal.id, entry.proposal.title]));
    return (proposal: { prerequisites: readonly number[] }) => proposal.prerequisites.map((id) => `“${titleOf.get(id) ?? `#${id}`}”`).join(', ');
  }, [allRanked]);
  // Find: "show only matching proposals" narrows the rows; everything below works on the rows shown.
  const find = useFindStore(useShallow((state) => ({ active: filterActive(state, 'proposals'), matches: state.matches })));
  const ranked = useMemo(() => {
    if (!find.active) return allRanked;
    const ids = new Set(find.matches.map((hit) => hit.rowId));
    return allRanked.filter((entry) => ids.has(String(entry.proposal.id)));
  }, [allRanked, find]);
  // Edit › Find…, Find next, Find previous, Show only matching lines and the clipboard and fill
  // commands (menus, their keys, the context menu) reach find and the grid that has the keyboard.
  useEffect(() => {
    registerFind(findCommandProvider);
    registerGridActions(gridCommandProvider);
  }, []);
  const [selection] = useState(createSelectionStore);
  const apiRef = useRef<GridApi<RankedProposal> | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const sheetColumns = useMemo(() => inputColumns(sheet), [sheet]);
  const rows = useMemo(() => ranked.map((entry) => entry.proposal), [ranked]);

  const cells = useCallback(
    (): SpreadsheetCells => (layout === 'sheet' ? proposalSheetCells(rows, sheetColumns) : rankingGridCells(ranked, departmentName, choice)),
    [layout, rows, sheetColumns, ranked, departmentName, choice],
  );
  const write = useCallback(
    async (writes: CellWrite[], label: string): Promise<boolean> => {
      if (layout !== 'sheet') {
        showError(new Error('The ranking shows computed figures: switch to the Sheet view to type or paste a proposal’s inputs.'));
        return false;
      }
      const plan = proposalEdits(writes, rows, sheetColumns);
      if (!plan.ok) {
        showError(new Error(plan.message), plan.where);
        return false;
      }
      return plan.edits.length === 0 ? true : onEdit(plan.edits, label);
    },
    [layout, rows, sheetColumns, onEdit],
  );
  const paste = useCallback(
    async (range: CellRange, text: string): Promise<CellRange | null> => {
      const plan = pasteWrites(cells(), range, parseTabularText(text));
      if (!plan.ok) {
        showError(new Error(plan.message));
        return null;
      }
      return (await write(plan.writes, `paste ${cellsLabel(plan.writes.length)}`)) ? plan.pasted : null;
    },
    [cells, write],
  );
  const readOnly = useCallback(() => (layout === 'sheet' ? null : 'The ranking shows computed figures: switch to the Sheet view to type or paste a proposal’s inputs'), [layout]);
  const spreadsheet = useSpreadsheet<RankedProposal>({ apiRef, hostRef, selection, cells, paste, write, noCellMessage: 'Put the cursor on a proposal’s cell first.', readOnly });

  // Find goes to a match's cell: on the sheet its own column, on the ranking the column that shows it.
  const { revealCell } = spreadsheet;
  const searchable = useRef({ allRanked, departmentName, currency: sheet.currency });
  useEffect(() => {
    searchable.current = { allRanked, departmentName, currency: sheet.currency };
    useFindStore.getState().refresh('proposals');
  }, [allRanked, departmentName, sheet.currency]);
  useEffect(
    () =>
      registerFindTarget('proposals', {
        search: (query) =>
          findInProposals(searchable.current.allRanked, searchable.current.departmentName, query, searchable.current.currency).map(
            (match): FindHit => ({ key: `${match.proposalId}:${match.sheetColumn}:${match.rankingColumn}`, rowId: String(match.proposalId), column: `${match.sheetColumn}|${match.rankingColumn}` }),
          ),
        reveal: (hit, keepFocus) => {
          const rowIndex = apiRef.current?.getRowNode(hit.rowId)?.rowIndex;
          const [sheetColumn = 'title', rankingColumn = 'title'] = hit.column.split('|');
          if (rowIndex !== undefined && rowIndex !== null) revealCell(rowIndex, layout === 'sheet' ? sheetColumn : rankingColumn, keepFocus);
        },
        focusGrid: () => {
          const grid = apiRef.current;
          const focused = grid?.getFocusedCell();
          if (grid === null || grid === undefined) return;
          if (focused !== null && focused !== undefined) grid.setFocusedCell(focused.rowIndex, focused.column);
          else if (grid.getDisplayedRowCount() > 0) grid.setFocusedCell(0, 'title');
        },
      }),
    [revealCell, layout],
  );
  // A new layout or a new order puts other cells under the old selection: start afresh.
  const order = ranked.map((entry) => entry.proposal.id).join(',');
  useEffect(() => selection.getState().setRange(null), [selection, layout, order]);

  const rankingColumns = useMemo<ColDef<RankedProposal>[]>(
    () => [
      { colId: 'rank', headerName: '#', width: byHand ? 64 : 44, type: 'rightAligned', rowDrag: byHand && !find.active, valueGetter: (params) => params.data?.rank ?? null },
      {
        colId: 'title',
        headerName: 'Proposal',
        flex: 1,
        // Room for a short title beside both badges; the title gives way first (ranking-title.css).
        minWidth: 220,
        valueGetter: (params) => params.data?.proposal.title ?? '',
        cellRenderer: (params: { data?: RankedProposal; value: string }) => {
          const proposal = params.data?.proposal;
          return (
            <span className="proposal-title">
              <span className="proposal-title-text" title={params.value}>
                {params.value}
              </span>
              {proposal?.mandatory === true && <span className="badge badge-mandatory">mandatory</span>}
              {proposal?.exclusiveGroup !== null && proposal?.exclusiveGroup !== undefined && (
                <span className="badge badge-group" title={`Alternatives group “${proposal.exclusiveGroup}”: at most one proposal of the group is funded`}>
                  {proposal.exclusiveGroup}
                </span>
              )}
              {proposal !== undefined && proposal.prerequisites.length > 0 && (
                <span className="badge" title={`Needs ${prerequisiteNames(proposal)} funded with it`}>
                  needs {proposal.prerequisites.length}
                </span>
              )}
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
    [departmentName, choice, byHand, find.active, prerequisiteNames],
  );
  // Every column of either layout is a range column: its cells show the selection and take the shared keys.
  const columns = useMemo<(ColDef<RankedProposal> | ColGroupDef<RankedProposal>)[]>(() => {
    if (layout === 'ranking') {
      return rankingColumns
        .filter((column) => column.colId !== 'optimal' || choice !== null)
        .map((column, index) => ({ ...column, cellClassRules: rangeCellClassRules<RankedProposal>(selection, index, () => true), suppressKeyboardEvent: suppressSpreadsheetKeys }));
    }
    const grouped: (ColDef<RankedProposal> | ColGroupDef<RankedProposal>)[] = [];
    sheetColumns.forEach((column, index) => {
      const definition: ColDef<RankedProposal> = {
        colId: column.id,
        headerName: column.header,
        width: column.width,
        pinned: column.id === 'title' ? 'left' : undefined,
        type: column.numeric ? 'rightAligned' : undefined,
        editable: column.parse !== undefined,
        valueGetter: (params) => (params.data === undefined ? '' : (column.value(params.data.proposal) ?? '')),
        valueFormatter: (params) => (params.data === undefined ? '' : column.display(params.data.proposal)),
        cellClass: column.numeric ? ['ag-right-aligned-cell', 'amount-cell'] : column.parse === undefined ? ['computed-cell'] : [],
        cellClassRules: rangeCellClassRules<RankedProposal>(selection, index, () => true),
        suppressKeyboardEvent: suppressSpreadsheetKeys,
        ...(column.choices === undefined ? {} : { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...column.choices] } }),
      };
      const last = grouped[grouped.length - 1];
      if (column.group === null) grouped.push(definition);
      else if (last !== undefined && 'children' in last && last.headerName === column.group) last.children.push(definition);
      else grouped.push({ headerName: column.group, children: [definition] });
    });
    return grouped;
  }, [layout, rankingColumns, sheetColumns, choice, selection]);
  const getRowId = useCallback((params: GetRowIdParams<RankedProposal>) => String(params.data.proposal.id), []);
  // Class rules (not getRowClass) are evaluated again when a row's data changes, as it does on every re-rank.
  const rowClassRules = useMemo<RowClassRules<RankedProposal>>(
    () => ({
      'funding-line': (params) => params.data?.place === 'crossing',
      'proposal-row-below': (params) => params.data?.place === 'below' || params.data?.place === 'crossing',
      'proposal-row-out': (params) => params.data?.place === 'out',
    }),
    [],
  );
  // One-key decisions on cells that take no typing (all of the ranking, the sheet's status);
  // elsewhere a letter starts an entry, as in a spreadsheet. Then the shared keys.
  const onKeyDownCapture = useCallback(
    (event: ReactKeyboardEvent<HTMLDivElement>) => {
      const grid = apiRef.current;
      const native = event.nativeEvent;
      const focused = grid?.getFocusedCell();
      if (grid !== null && grid !== undefined && focused !== null && focused !== undefined && grid.getEditingCells().length === 0 && !native.ctrlKey && !native.metaKey && !native.altKey) {
        const decision = decisionCommandOf(native);
        const shown = cells();
        const column = shown.columnIds.indexOf(focused.column.getColId());
        const entry = grid.getDisplayedRowAtIndex(focused.rowIndex)?.data;
        if (decision !== undefined && entry !== undefined && !shown.isWritable(focused.rowIndex, column)) {
          event.preventDefault();
          event.stopPropagation();
          // The command acts on the selected proposal: the focused row's.
          onSelect(entry.proposal.id);
          runDecision(decision);
          return;
        }
      }
      spreadsheet.handleKey(event);
    },
    [cells, spreadsheet, onSelect],
  );
  const onCellFocused = useCallback(
    (event: CellFocusedEvent<RankedProposal>) => {
      spreadsheet.onCellFocused(event);
      const entry = event.rowIndex === null || event.rowIndex === undefined ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex)?.data;
      if (entry !== undefined) onSelect(entry.proposal.id);
    },
    [spreadsheet, onSelect],
  );
  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<RankedProposal>) => {
      const column = sheetColumns.findIndex((candidate) => candidate.id === event.column.getColId());
      const spec = sheetColumns[column];
      if (event.rowIndex === null || spec === undefined) return;
      const text = event.newValue === null || event.newValue === undefined ? null : String(event.newValue);
      void write([{ row: event.rowIndex, column, value: text === '' ? null : text }], `edit ${spec.group === null ? spec.header : `${spec.group} ${spec.header}`} of “${event.data.proposal.title}”`);
    },
    [sheetColumns, write],
  );
  return (
    <div className="grid-column">
      <FindBar scope="proposals" shown={find.active ? { count: ranked.length, of: allRanked.length } : null} />
      <div className="proposal-grid" data-testid="proposal-grid" data-layout={layout} ref={hostRef} onKeyDownCapture={onKeyDownCapture}>
        <AgGridReact<RankedProposal>
          theme={dark ? darkGridTheme : lightGridTheme}
          rowData={ranked}
          columnDefs={columns}
          getRowId={getRowId}
          rowClassRules={rowClassRules}
          animateRows={false}
          suppressMovableColumns
          tooltipShowDelay={400}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          onGridReady={(event) => (apiRef.current = event.api)}
          onCellFocused={onCellFocused}
          onCellMouseDown={spreadsheet.onCellMouseDown}
          onCellMouseOver={spreadsheet.onCellMouseOver}
          suppressColumnVirtualisation
          rowDragManaged={byHand && layout === 'ranking' && !find.active}
          onRowDragEnd={(event) => {
            const order: number[] = [];
            event.api.forEachNode((node) => node.data !== undefined && order.push(node.data.proposal.id));
            onReorder(order);
          }}
        />
      </div>
    </div>
  );
}
