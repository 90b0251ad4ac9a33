import { useWorkbookStore } from '../state/workbook-store';
import { commandTooltip } from '../commands/command-keys';

/** What the app shows with no workbook open: what to do next. */
export function WelcomeScreen() {
  const { session, showDialog, openFile, openSample } = useWorkbookStore();
  const recent = session?.recent.filter((file) => file.modifiedAt !== null) ?? [];
  return (
    <main className="welcome" data-testid="welcome">
      <h1>Tandem</h1>
      <p className="welcome-lead">Budgets that finance and operations build together. Every change is saved to the workbook file as you type.</p>
      <div className="welcome-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void openSample()}
        >
          Open the sample workbook
        </button>
        <button type="button" onClick={() => void showDialog('new')} title={commandTooltip('file.new')}>New workbook…</button>
        <button type="button" onClick={() => void showDialog('open')} title={commandTooltip('file.open')}>Open…</button>
      </div>
      {recent.length > 0 && (
        <section className="welcome-recent">
          <h2>Recent</h2>
          <ul className="file-list">
            {recent.map((file) => (
              <li key={file.path}>
                <button type="button" className="file-entry" onClick={() => void openFile(file.path)} title={file.path}>
                  <span className="file-name">{file.name}</span>
                  <span className="file-meta">{file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
