import type { GridApi } from 'ag-grid-community';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BudgetGrid } from '../grid/BudgetGrid';
import { useSheetStore } from '../state/sheet-store';
import { useSelectionStore } from '../state/selection-store';
import type { SheetPlace, WorkbookPage } from '../state/sheet-place';
import type { Grouping } from '../../shared/sheet/sheet-groups';
import type { GridRow, LineRow } from '../../shared/sheet/sheet-view';
import { useWorkbookStore } from '../state/workbook-store';
import { periodOfColumn } from '../grid/sheet-cells';
import { CommentDialog } from './CommentDialog';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { DimensionsDialog } from './DimensionsDialog';
import { CommentsPanel } from './CommentsPanel';
import { DisplayDialog } from './DisplayDialog';
import { FileDialogs } from './FileDialogs';
import { FormulaBar } from './FormulaBar';
import { AddLineDialog, DeleteLineDialog, MoveLineDialog } from './LineDialogs';
import { DeleteDepartmentDialog, RenameGroupDialog } from './GroupDialogs';
import { dimensionActions } from '../state/dimension-actions';
import { Notices } from './Notices';
import { SpreadDialog } from './SpreadDialog';
import { StatusBar } from './StatusBar';
import { WelcomeScreen } from './WelcomeScreen';
import { ProposalsView } from '../proposals/ProposalsView';
import { ApprovalControl, ApprovedBanner } from '../approval/ApprovalControl';
import { ApprovalDialog } from '../approval/ApprovalDialog';
import { AuditDialog, type AuditScope } from '../audit/AuditDialog';
import { ExportDialog } from '../export/ExportDialog';
import { VerifyDialog } from '../export/VerifyDialog';
import { ImportDialog } from '../import/ImportDialog';
import { PackageDialog } from '../package/PackageDialog';
import type { ApprovalAction } from '../../shared/domain/approval';
import { VersionPicker } from '../versions/VersionPicker';
// The compare view (and the charting library it draws with) loads when it is first opened, so the sheet opens without it.
const BudgetReport = lazy(() => import('../report/BudgetReport').then((module) => ({ default: module.BudgetReport })));
const CompareView = lazy(() => import('../compare/CompareView').then((module) => ({ default: module.CompareView })));
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((module) => ({ default: module.DashboardView })));
const GoalsView = lazy(() => import('../goals/GoalsView').then((module) => ({ default: module.GoalsView })));
import { VersionsDialog } from '../versions/VersionsDialog';
import { ScenarioDialog } from '../versions/ScenarioDialog';
import { selectedLineIds, TagLinesDialog } from '../goals/TagLinesDialog';

type LineDialog =
  | { kind: 'none' }
  | { kind: 'add' }
  | { kind: 'delete'; row: LineRow }
  | { kind: 'move'; row: LineRow }
  | { kind: 'tag'; lineIds: number[] }
  | { kind: 'spread'; row: LineRow }
  | { kind: 'comment'; row: LineRow; period: number | null }
  | { kind: 'rename-group'; what: 'department' | 'account'; id: number; name: string }
  | { kind: 'delete-department'; id: number; name: string };

const prefersDark = (): boolean => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

export function App() {
  const { loaded, session, start, showDialog, dialog } = useWorkbookStore();
  // Selected, not the whole store: a save answer changes pendingWrites and revision, which the app does not show.
  const { view, addLine, deleteLine, history, undo, redo, spreadTotal, grouping, setGrouping, showQuarters, showYears, setTotalColumns, addComment, moveLine, toggleGroup, renameDimension, openVersion } = useSheetStore(
    useShallow((state) => ({
      view: state.view,
      openVersion: state.openVersion,
      addLine: state.addLine,
      deleteLine: state.deleteLine,
      history: state.history,
      undo: state.undo,
      redo: state.redo,
      spreadTotal: state.spreadTotal,
      grouping: state.grouping,
      setGrouping: state.setGrouping,
      showQuarters: state.showQuarters,
      showYears: state.showYears,
      setTotalColumns: state.setTotalColumns,
      addComment: state.addComment,
      moveLine: state.moveLine,
      toggleGroup: state.toggleGroup,
      renameDimension: state.renameDimension,
    })),
  );
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [displayOpen, setDisplayOpen] = useState(false);
  const [approving, setApproving] = useState<ApprovalAction | null>(null);
  const [auditScope, setAuditScope] = useState<AuditScope | null>(null);
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [importing, setImporting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [packaging, setPackaging] = useState(false);
  const [dimensionsOpen, setDimensionsOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  const [lineDialog, setLineDialog] = useState<LineDialog>({ kind: 'none' });
  const [dark, setDark] = useState(prefersDark);
  /** which part of the workbook is on screen: the budget sheet or the investment proposals */
  const [page, setPage] = useState<WorkbookPage>('budget');
  // Click-through from the dashboard and the goals view: the version, the sheet, the line's cell.
  const showInSheet = useCallback(
    async (place: SheetPlace) => {
      if (place.versionId !== null && place.versionId !== useSheetStore.getState().view?.model.version.id) await openVersion(place.versionId);
      setPage('budget');
      useSelectionStore.getState().requestCursor({ lineId: place.lineId, period: place.period });
    },
    [openVersion],
  );
  const gridApi = useRef<GridApi<GridRow> | null>(null);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  const current = session?.current ?? null;
  useEffect(() => {
    document.title = current === null ? 'Tandem' : `${current.name} — Tandem`;
  }, [current]);

  /** The line under the grid's cursor, if the cursor is on a line. */
  const focusedLine = useCallback((): LineRow | null => {
    const focused = gridApi.current?.getFocusedCell();
    if (focused === null || focused === undefined || focused.rowPinned != null) return null;
    const row = gridApi.current?.getDisplayedRowAtIndex(focused.rowIndex)?.data;
    return row?.kind === 'line' ? row : null;
  }, []);

  const requestDelete = useCallback(() => {
    const row = focusedLine();
    if (row !== null) setLineDialog({ kind: 'delete', row });
  }, [focusedLine]);

  const requestComment = useCallback(() => {
    const row = focusedLine();
    const focused = gridApi.current?.getFocusedCell();
    if (row !== null && focused !== null && focused !== undefined) setLineDialog({ kind: 'comment', row, period: periodOfColumn(focused.column.getColId()) });
  }, [focusedLine]);

  // Shift+F2 comments on the cell under the cursor (Excel's key for it).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'F2' && event.shiftKey && dialog === 'none' && lineDialog.kind === 'none' && view !== null) {
        event.preventDefault();
        requestComment();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [dialog, lineDialog, view, requestComment]);

  const requestSpread = useCallback(() => {
    const row = focusedLine();
    if (row !== null) setLineDialog({ kind: 'spread', row });
  }, [focusedLine]);

  // App-wide shortcuts. Ctrl+N itself is reserved by browsers, hence Ctrl+Alt+N.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Alt+V goes to the version picker, as a menu accelerator would.
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyV' && dialog === 'none' && lineDialog.kind === 'none') {
        const picker = document.getElementById('version-picker');
        if (picker !== null) {
          event.preventDefault();
          picker.focus();
        }
        return;
      }
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || dialog !== 'none' || lineDialog.kind !== 'none') return;
      const key = event.key.toLowerCase();
      const act = (action: () => void) => {
        event.preventDefault();
        action();
      };
      // Inside a text field (a cell being edited, a dialog) undo belongs to the field.
      const inTextField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
      if (!inTextField && view !== null && key === 'z' && !event.shiftKey) act(() => void undo());
      else if (!inTextField && view !== null && (key === 'y' || (key === 'z' && event.shiftKey))) act(() => void redo());
      else if (event.code === 'KeyN' && event.altKey) act(() => void showDialog('new'));
      else if (key === 'o' && !event.shiftKey) act(() => void showDialog('open'));
      else if (key === '1' && current !== null) act(() => setPage('budget'));
      else if (key === '2' && current !== null) act(() => setPage('compare'));
      else if (key === '3' && current !== null) act(() => setPage('proposals'));
      else if (key === '4' && current !== null) act(() => setPage('dashboard'));
      else if (key === '5' && current !== null) act(() => setPage('goals'));
      else if (key === 's' && event.shiftKey && current !== null) act(() => void showDialog('save-as'));
      else if (key === 'l' && event.shiftKey && view !== null) act(() => setLineDialog({ kind: 'add' }));
      else if (key === 'k' && event.shiftKey && view !== null) act(requestDelete);
      else if (key === 'e' && event.shiftKey && view !== null) act(requestSpread);
      else if (key === 'x' && event.shiftKey && view !== null) act(() => setExporting(true));
      else if (key === 'v' && event.shiftKey && view !== null) act(() => setVersionsOpen(true));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, lineDialog, current, view, showDialog, requestDelete, requestSpread, undo, redo]);

  /** The context menu's commands for a row, each with the key that does the same. */
  const menuItems = useCallback((target: { row: GridRow; rowIndex: number; colId: string }): MenuItem[] => {
    const manage: MenuItem = { label: 'Departments and accounts…', action: () => setDimensionsOpen(true) };
    if (target.row.kind === 'group') {
      const group = target.row;
      // A department's or an account's own group row can rename it; a department's can delete it with its lines.
      const department = /^g:d(\d+)$/.exec(group.id);
      const account = /^g:a(\d+)$/.exec(group.id);
      const departmentId = department === null ? null : Number(department[1]);
      const accountId = account === null ? null : Number(account[1]);
      const childDepartments = departmentId === null ? 0 : (view?.model.departments.filter((candidate) => candidate.parentId === departmentId).length ?? 0);
      return [
        { label: group.collapsed ? 'Expand group' : 'Collapse group', shortcut: 'Enter', action: () => toggleGroup(group.id) },
        { label: 'Add line…', shortcut: 'Ctrl+Shift+L', action: () => setLineDialog({ kind: 'add' }) },
        ...(departmentId === null
          ? []
          : ([
              { label: `Rename department “${group.label}”…`, action: () => setLineDialog({ kind: 'rename-group', what: 'department', id: departmentId, name: group.label }) },
              {
                label: childDepartments > 0 ? `Delete “${group.label}” (move its departments first)` : `Delete department “${group.label}”…`,
                disabled: childDepartments > 0,
                action: () => setLineDialog({ kind: 'delete-department', id: departmentId, name: group.label }),
              },
            ] satisfies MenuItem[])),
        ...(accountId === null
          ? []
          : ([
              {
                label: `Rename account “${group.label}”…`,
                action: () => setLineDialog({ kind: 'rename-group', what: 'account', id: accountId, name: view?.model.accounts.find((candidate) => candidate.id === accountId)?.name ?? group.label }),
              },
            ] satisfies MenuItem[])),
        'separator',
        manage,
      ];
    }
    if (target.row.kind !== 'line') return [manage];
    const row = target.row;
    const period = periodOfColumn(target.colId);
    return [
      {
        label: 'Rename line',
        shortcut: 'F2 on the name',
        action: () => gridApi.current?.startEditingCell({ rowIndex: target.rowIndex, colKey: 'description' }),
      },
      { label: 'Move line up', shortcut: 'Alt+Shift+↑', action: () => void moveLine(row.line.id, 'up') },
      { label: 'Move line down', shortcut: 'Alt+Shift+↓', action: () => void moveLine(row.line.id, 'down') },
      { label: 'Move to another department or account…', action: () => setLineDialog({ kind: 'move', row }) },
      { label: 'Tag with goal…', action: () => view !== null && setLineDialog({ kind: 'tag', lineIds: selectedLineIds(view, row, target.rowIndex) }) },
      { label: 'Spread an amount…', shortcut: 'Ctrl+Shift+E', action: () => setLineDialog({ kind: 'spread', row }) },
      { label: period === null ? 'Comment on the line…' : 'Comment on the cell…', shortcut: 'Shift+F2', action: () => setLineDialog({ kind: 'comment', row, period }) },
      { label: period === null ? 'History of the line…' : 'History of the cell…', action: () => setAuditScope(period === null ? { lineId: row.line.id } : { lineId: row.line.id, period }) },
      { label: 'Add line…', shortcut: 'Ctrl+Shift+L', action: () => setLineDialog({ kind: 'add' }) },
      'separator',
      { label: 'Delete line…', shortcut: 'Ctrl+Shift+K', action: () => setLineDialog({ kind: 'delete', row }) },
      'separator',
      manage,
    ];
  }, [toggleGroup, moveLine, view]);

  // The grid's callbacks keep their identity, so an edit does not hand AG Grid new options.
  const onGridReady = useCallback((api: GridApi<GridRow>) => (gridApi.current = api), []);
  const onGridContextMenu = useCallback(
    (request: { row: GridRow; rowIndex: number; colId: string; x: number; y: number }) => setMenu({ x: request.x, y: request.y, items: menuItems(request) }),
    [menuItems],
  );

  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Tandem</span>
        <span className="workbook-name" data-testid="workbook-name" title={current?.name}>{current?.name ?? ''}</span>
        {current !== null && view !== null && <VersionPicker versions={view.model.versions} versionId={view.model.version.id} onOpen={(versionId) => void openVersion(versionId)} onManage={() => setVersionsOpen(true)} />}
        {current !== null && view !== null && <ApprovalControl version={view.model.version} onAction={setApproving} />}
        {current !== null && (
          <div className="page-tabs" role="tablist" aria-label="Workbook part">
            <button type="button" role="tab" aria-selected={page === 'budget'} onClick={() => setPage('budget')} title="The budget sheet (Ctrl+1)">
              Budget
            </button>
            <button type="button" role="tab" aria-selected={page === 'compare'} onClick={() => setPage('compare')} title="Two versions side by side: variance and variance % (Ctrl+2)">
              Compare
            </button>
            <button type="button" role="tab" aria-selected={page === 'proposals'} onClick={() => setPage('proposals')} title="Investment proposals and the funding line (Ctrl+3)">
              Proposals
            </button>
            <button type="button" role="tab" aria-selected={page === 'dashboard'} onClick={() => setPage('dashboard')} title="KPIs against their targets, and the year in charts (Ctrl+4)">
              Dashboard
            </button>
            <button type="button" role="tab" aria-selected={page === 'goals'} onClick={() => setPage('goals')} title="Strategic goals: the money, proposals and KPIs behind each (Ctrl+5)">
              Goals
            </button>
          </div>
        )}
        <nav className="toolbar-actions" aria-label="Workbook">
          <button type="button" onClick={() => void showDialog('new')} title="New workbook (Ctrl+Alt+N)">New</button>
          <button type="button" onClick={() => void showDialog('open')} title="Open workbook (Ctrl+O)">Open</button>
          <button type="button" onClick={() => void showDialog('save-as')} disabled={current === null} title="Save a copy as… (Ctrl+Shift+S)">Save as</button>
          <span className="toolbar-separator" />
          <button type="button" onClick={() => void undo()} disabled={history.undo === null} title={history.undo === null ? 'Nothing to undo' : `Undo ${history.undo} (Ctrl+Z)`}>Undo</button>
          <button type="button" onClick={() => void redo()} disabled={history.redo === null} title={history.redo === null ? 'Nothing to redo' : `Redo ${history.redo} (Ctrl+Y)`}>Redo</button>
          <span className="toolbar-separator" />
          {page === 'budget' && (
            <>
          <button type="button" onClick={() => setLineDialog({ kind: 'add' })} disabled={view === null} title="Add a budget line (Ctrl+Shift+L)">Add line</button>
          <button type="button" onClick={requestDelete} disabled={view === null} title="Delete the line under the cursor (Ctrl+Shift+K)">Delete line</button>
          <button type="button" onClick={requestSpread} disabled={view === null} title="Spread a full-year amount over the months of the line under the cursor (Ctrl+Shift+E)">Spread…</button>
          <button type="button" onClick={() => setAdjusting(true)} disabled={view === null} title="What if: move a department's or an account's months by a percentage or an amount, or bring another version's values in">Adjust…</button>
          <span className="toolbar-separator" />
          <label className="toolbar-select" title="Group the sheet's lines, with subtotals">
            Group by
            <select value={grouping} onChange={(event) => setGrouping(event.target.value as Grouping)} disabled={view === null}>
              <option value="department">Department</option>
              <option value="account">Account</option>
              <option value="none">Nothing</option>
            </select>
          </label>
          <button
            type="button"
            aria-pressed={commentsOpen}
            className="toggle"
            onClick={() => setCommentsOpen((open) => !open)}
            disabled={view === null}
            title="Show the comments of this version; Shift+F2 adds one to the cell under the cursor"
          >
            Comments{view !== null && view.model.comments.length > 0 ? ` (${view.model.comments.length})` : ''}
          </button>
          <button type="button" aria-pressed={showQuarters} className="toggle" onClick={() => setTotalColumns({ showQuarters: !showQuarters })} disabled={view === null} title="Show or hide quarter total columns">
            Quarters
          </button>
          {view !== null && view.model.periods.length > 12 && (
            <button type="button" aria-pressed={showYears} className="toggle" onClick={() => setTotalColumns({ showYears: !showYears })} title="Show or hide a total column after each fiscal year">
              Years
            </button>
          )}
            </>
          )}
          <span className="toolbar-separator" />
          <button type="button" onClick={() => setAuditScope({})} disabled={view === null} title="Who changed what and when: the workbook's audit trail">History…</button>
          <button type="button" onClick={() => setImporting(true)} disabled={view === null} title="Import budget values or last year's actuals from CSV or Excel">Import…</button>
          <button type="button" onClick={() => setExporting(true)} disabled={view === null} title="Export the version to Excel or CSV (Ctrl+Shift+X)">Export…</button>
          <button type="button" onClick={() => setPackaging(true)} disabled={view === null} title="Send a department's lines out to draft offline, and merge them back">Packages…</button>
          <button type="button" onClick={() => setReporting(true)} disabled={view === null} title="The version as a printed report (PDF)">Report…</button>
          <button type="button" onClick={() => setDisplayOpen(true)} title="How amounts look: negatives, zeros, separators">Display…</button>
          <button type="button" onClick={() => setDark((value) => !value)} title="Switch between light and dark" aria-pressed={dark}>{dark ? 'Light' : 'Dark'}</button>
        </nav>
      </header>
      <Notices />
      {!loaded ? (
        <main className="loading">Opening…</main>
      ) : page === 'proposals' && current !== null ? (
        <ProposalsView dark={dark} />
      ) : page === 'dashboard' && current !== null && view !== null ? (
        <Suspense fallback={<main className="loading">Opening the dashboard…</main>}>
          <DashboardView model={view.model} dark={dark} onShowInSheet={(place) => void showInSheet(place)} onShowProposals={() => setPage('proposals')} />
        </Suspense>
      ) : page === 'goals' && current !== null && view !== null ? (
        <Suspense fallback={<main className="loading">Opening the goals…</main>}>
          <GoalsView model={view.model} dark={dark} onShowInSheet={(place) => void showInSheet(place)} onShowProposals={() => setPage('proposals')} />
        </Suspense>
      ) : page === 'compare' && current !== null && view !== null ? (
        <Suspense fallback={<main className="loading">Opening the comparison…</main>}>
          <CompareView model={view.model} dark={dark} />
        </Suspense>
      ) : view !== null && current !== null && view.rows.length === 0 ? (
        <main className="empty-sheet" data-testid="empty-sheet">
          <h2>This workbook has no budget lines yet</h2>
          <p>
            A line is one department&rsquo;s amounts on one account, month by month ({view.model.periods[0]?.label} to{' '}
            {view.model.periods[view.model.periods.length - 1]?.label}).
          </p>
          <button type="button" className="primary" onClick={() => setLineDialog({ kind: 'add' })} title="Add a budget line (Ctrl+Shift+L)">
            Add line
          </button>
        </main>
      ) : view !== null && current !== null ? (
        <>
          <ApprovedBanner version={view.model.version} onReopen={() => setApproving('reopen')} />
          <FormulaBar />
          <div className="sheet-area">
            <BudgetGrid view={view} dark={dark} onReady={onGridReady} onContextMenu={onGridContextMenu} />
            {commentsOpen && <CommentsPanel view={view} onClose={() => setCommentsOpen(false)} />}
          </div>
        </>
      ) : (
        <WelcomeScreen />
      )}
      <StatusBar />
      <FileDialogs />
      {menu !== null && <ContextMenu x={menu.x} y={menu.y} items={menu.items} onClose={() => setMenu(null)} />}
      {dimensionsOpen && view !== null && <DimensionsDialog view={view} onClose={() => setDimensionsOpen(false)} />}
      {versionsOpen && view !== null && <VersionsDialog view={view} onClose={() => setVersionsOpen(false)} />}
      {adjusting && view !== null && <ScenarioDialog view={view} onClose={() => setAdjusting(false)} />}
      {displayOpen && <DisplayDialog onClose={() => setDisplayOpen(false)} />}
      {approving !== null && view !== null && <ApprovalDialog version={view.model.version} action={approving} onClose={() => setApproving(null)} />}
      {exporting && view !== null && (
        <ExportDialog
          view={view}
          onClose={() => setExporting(false)}
          onVerify={() => {
            setExporting(false);
            setVerifying(true);
          }}
        />
      )}
      {verifying && <VerifyDialog onClose={() => setVerifying(false)} />}
      {packaging && view !== null && <PackageDialog view={view} onClose={() => setPackaging(false)} />}
      {reporting && view !== null && (
        <Suspense fallback={<div className="report-view">Preparing the report…</div>}>
          <BudgetReport view={view} onClose={() => setReporting(false)} />
        </Suspense>
      )}
      {importing && view !== null && <ImportDialog view={view} onClose={() => setImporting(false)} />}
      {auditScope !== null && view !== null && <AuditDialog view={view} scope={auditScope} onClose={() => setAuditScope(null)} />}
      {lineDialog.kind === 'add' && view !== null && (
        <AddLineDialog
          view={view}
          onClose={() => setLineDialog({ kind: 'none' })}
          onAdd={(departmentId, accountId, description) => {
            setLineDialog({ kind: 'none' });
            void addLine(departmentId, accountId, description);
          }}
        />
      )}
      {lineDialog.kind === 'comment' && view !== null && (
        <CommentDialog
          view={view}
          row={lineDialog.row}
          period={lineDialog.period}
          onClose={() => setLineDialog({ kind: 'none' })}
          onSave={(text) => {
            setLineDialog({ kind: 'none' });
            setCommentsOpen(true);
            void addComment(lineDialog.row.line.id, lineDialog.period, text);
          }}
        />
      )}
      {lineDialog.kind === 'spread' && view !== null && (
        <SpreadDialog
          view={view}
          row={lineDialog.row}
          onClose={() => setLineDialog({ kind: 'none' })}
          onSpread={(total, method) => {
            setLineDialog({ kind: 'none' });
            void spreadTotal(lineDialog.row.line.id, total, method);
          }}
        />
      )}
      {lineDialog.kind === 'move' && view !== null && (
        <MoveLineDialog
          view={view}
          row={lineDialog.row}
          onClose={() => setLineDialog({ kind: 'none' })}
          onMove={(departmentId, accountId) => {
            setLineDialog({ kind: 'none' });
            void dimensionActions.relocateLine(lineDialog.row.line.id, departmentId, accountId, lineDialog.row.line.description);
          }}
        />
      )}
      {lineDialog.kind === 'tag' && view !== null && <TagLinesDialog view={view} lineIds={lineDialog.lineIds} onClose={() => setLineDialog({ kind: 'none' })} />}
      {lineDialog.kind === 'rename-group' && (
        <RenameGroupDialog
          what={lineDialog.what}
          name={lineDialog.name}
          onClose={() => setLineDialog({ kind: 'none' })}
          onSave={(name) => {
            setLineDialog({ kind: 'none' });
            void renameDimension(lineDialog.what, lineDialog.id, name);
          }}
        />
      )}
      {lineDialog.kind === 'delete-department' && view !== null && (
        <DeleteDepartmentDialog
          name={lineDialog.name}
          lineCount={view.rows.filter((row) => row.line.departmentId === lineDialog.id).length}
          filledCells={view.rows.filter((row) => row.line.departmentId === lineDialog.id && row.line.formula === null).reduce((count, row) => count + row.line.values.filter((value) => value !== null).length, 0)}
          onClose={() => setLineDialog({ kind: 'none' })}
          onConfirm={() => {
            setLineDialog({ kind: 'none' });
            void dimensionActions.deleteDepartment(lineDialog.id, true);
          }}
        />
      )}
      {lineDialog.kind === 'delete' && (
        <DeleteLineDialog
          row={lineDialog.row}
          onClose={() => setLineDialog({ kind: 'none' })}
          onConfirm={() => {
            setLineDialog({ kind: 'none' });
            void deleteLine(lineDialog.row.line.id);
          }}
        />
      )}
    </div>
  );
}
