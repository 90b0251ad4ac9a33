import { useSheetStore } from '../state/sheet-store';
import { useWorkbookStore } from '../state/workbook-store';

export function StatusBar() {
  const current = useWorkbookStore((state) => state.session?.current ?? null);
  const { pendingWrites, saveError, view } = useSheetStore();
  const saveState = saveError !== null ? 'error' : pendingWrites > 0 ? 'saving' : 'saved';
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-file" title={current?.path}>{current === null ? 'No workbook open' : current.path}</span>
      {view !== null && (
        <span className="status-meta">
          {view.model.version.name} · {view.rows.length} line{view.rows.length === 1 ? '' : 's'} · {view.model.workbook.currency}
        </span>
      )}
      {current !== null && (
        <span className={`status-save status-${saveState}`} data-testid="save-status" title={saveError ?? undefined}>
          {saveState === 'saved' ? 'All changes saved' : saveState === 'saving' ? 'Saving…' : 'Last change not saved'}
        </span>
      )}
    </footer>
  );
}
