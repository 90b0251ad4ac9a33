import { lazy, Suspense, useCallback, useEffect } from 'react';
import type { CommandId } from '../../shared/commands/command-table';
import { runCommand } from '../commands/command-handlers';
import { useCommandKeys } from '../commands/use-command-keys';
import { useCommandStates } from '../commands/use-command-states';
import { currentHost } from '../commands/platform';
import { Notices } from '../components/Notices';
import { StatusBar } from '../components/StatusBar';
import { WelcomeScreen } from '../components/WelcomeScreen';
import { ProposalsView } from '../proposals/ProposalsView';
import { showNote } from '../state/notice-store';
import type { SheetPlace } from '../state/sheet-place';
import { useDialogStore } from '../state/dialog-store';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { useShellStore } from '../state/shell-store';
import { useWorkbookStore } from '../state/workbook-store';
import { MenuBar } from './MenuBar';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SheetPage } from './SheetPage';
import { Toolbar } from './Toolbar';

// Views with charts load when first opened, so the sheet opens without the charting library.
const CompareView = lazy(() => import('../compare/CompareView').then((module) => ({ default: module.CompareView })));
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((module) => ({ default: module.DashboardView })));
const GoalsView = lazy(() => import('../goals/GoalsView').then((module) => ({ default: module.GoalsView })));

/**
 * The app's frame: the menu bar (in the browser; Electron has its native menu), the toolbar, the
 * view of the moment, the status bar and the notices. Every command comes from
 * the command table and runs through one function, whichever way it was asked for.
 */
export function AppShell() {
  const { loaded, start } = useWorkbookStore();
  const current = useWorkbookStore((state) => state.session?.current ?? null);
  // The model, not the view: a typed edit changes the view's rows and totals, never its model, so
  // the shell (menus, toolbar, status bar) is not drawn again for it; the sheet page reads the view.
  const model = useSheetStore((state) => state.view?.model ?? null);
  const openVersion = useSheetStore((state) => state.openVersion);
  const { page, dark, setPage, enterWorkbook } = useShellStore();
  const states = useCommandStates();

  const run = useCallback((id: CommandId) => {
    const reason = runCommand(id);
    if (reason !== null) showNote(reason);
  }, []);

  useCommandKeys();

  useEffect(() => {
    void start();
  }, [start]);

  // The native menu's clicks arrive here, as commands of the same table; a modal dialog finishes first.
  useEffect(
    () =>
      window.tandem?.shell?.onCommand((id) => {
        if (document.querySelector('[aria-modal="true"]') === null) run(id as CommandId);
      }),
    [run],
  );

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  // Each workbook opens on the view it was left on; a dialog about the last one does not follow it.
  const currentPath = current?.path ?? null;
  useEffect(() => {
    enterWorkbook(currentPath);
    useDialogStore.getState().close();
  }, [currentPath, enterWorkbook]);

  useEffect(() => {
    document.title = current === null ? 'Tandem' : `${current.name} — Tandem`;
  }, [current]);

  // Click-through from the dashboard and the goals view: the version, the sheet, the line's cell.
  const showInSheet = useCallback(
    async (place: SheetPlace) => {
      if (place.versionId !== null && place.versionId !== useSheetStore.getState().view?.model.version.id) await openVersion(place.versionId);
      setPage('budget');
      useSelectionStore.getState().requestCursor({ lineId: place.lineId, period: place.period });
    },
    [openVersion, setPage],
  );
  const showProposals = useCallback(() => setPage('proposals'), [setPage]);

  let body;
  if (!loaded) body = <main className="loading">Opening…</main>;
  else if (current === null || model === null) body = current === null ? <WelcomeScreen /> : <main className="loading">Opening the sheet…</main>;
  else if (page === 'proposals') body = <ProposalsView dark={dark} />;
  else if (page === 'dashboard')
    body = (
      <Suspense fallback={<main className="loading">Opening the dashboard…</main>}>
        <DashboardView model={model} dark={dark} onShowInSheet={(place) => void showInSheet(place)} onShowProposals={showProposals} />
      </Suspense>
    );
  else if (page === 'goals')
    body = (
      <Suspense fallback={<main className="loading">Opening the goals…</main>}>
        <GoalsView model={model} dark={dark} onShowInSheet={(place) => void showInSheet(place)} onShowProposals={showProposals} />
      </Suspense>
    );
  else if (page === 'compare')
    body = (
      <Suspense fallback={<main className="loading">Opening the comparison…</main>}>
        <CompareView model={model} dark={dark} />
      </Suspense>
    );
  else body = <SheetPage dark={dark} onRun={run} />;

  return (
    <div className="app">
      {/* Electron has its native menu, and the window's title names the workbook. */}
      {currentHost() === 'browser' ? (
        <div className="menu-row">
          <span className="brand">Tandem</span>
          <MenuBar states={states} onRun={run} />
          <span className="workbook-name" data-testid="workbook-name" title={current?.path}>
            {current?.name ?? ''}
          </span>
        </div>
      ) : (
        <span className="visually-hidden" data-testid="workbook-name">
          {current?.name ?? ''}
        </span>
      )}
      <Toolbar workbookName={current?.name ?? null} model={current === null ? null : model} states={states} onRun={run} />
      <ReadOnlyBanner onRun={run} />
      {body}
      <StatusBar />
      <Notices />
    </div>
  );
}
