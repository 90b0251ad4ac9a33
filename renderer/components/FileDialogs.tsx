import { useState, type FormEvent } from 'react';
import { useWorkbookStore } from '../state/workbook-store';
import { Dialog } from './Dialog';

/** A workbook's name made into a file name: no path separators or characters file systems refuse. */
function fileNameFor(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|]+/g, '-').replace(/^\.+/, '').trim();
  return `${safe === '' ? 'Workbook' : safe}.tandem`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function NewWorkbookDialog() {
  const { createFile, createChosenFile, showDialog, nativeDialogs } = useWorkbookStore();
  const [name, setName] = useState('');
  // Budgets are drafted for the coming year: default to next January.
  const [startYear, setStartYear] = useState(new Date().getFullYear() + 1);
  const [startMonth, setStartMonth] = useState(1);
  const [periodCount, setPeriodCount] = useState(12);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    const calendar = { startYear, startMonth, periodCount };
    // The desktop app asks where the file goes in the system's Save dialog; the browser keeps it in the workbooks folder.
    void (nativeDialogs ? createChosenFile(name.trim(), false, calendar) : createFile(fileNameFor(name.trim()), name.trim(), false, calendar));
  };
  return (
    <Dialog
      title="New workbook"
      testId="new-dialog"
      onClose={() => void showDialog('none')}
      actions={
        <>
          <button type="button" onClick={() => void showDialog('none')}>Cancel</button>
          <button type="submit" form="new-form" className="primary" disabled={name.trim() === ''}>{nativeDialogs ? 'Create…' : 'Create'}</button>
        </>
      }
    >
      <form id="new-form" onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. FY2027 Operations budget" />
        </label>
        <div className="field-row">
          <label>
            First month
            <select value={startMonth} onChange={(event) => setStartMonth(Number(event.target.value))}>
              {MONTHS.map((month, index) => (
                <option key={month} value={index + 1}>{month}</option>
              ))}
            </select>
          </label>
          <label>
            Year
            <input type="number" min={2000} max={2100} value={startYear} onChange={(event) => setStartYear(Number(event.target.value))} />
          </label>
          <label>
            Months
            <select value={periodCount} onChange={(event) => setPeriodCount(Number(event.target.value))}>
              {[12, 18, 24, 36].map((count) => (
                <option key={count} value={count}>{count} months</option>
              ))}
            </select>
          </label>
        </div>
        <p className="hint">
          {nativeDialogs ? 'You choose where to keep the file next.' : `Saved as “${fileNameFor(name.trim() || 'name')}” in your workbooks folder.`} It starts with the standard departments and chart of accounts.
        </p>
      </form>
    </Dialog>
  );
}

function OpenWorkbookDialog() {
  const { openFile, showDialog, knownFiles, session } = useWorkbookStore();
  const [path, setPath] = useState('');
  return (
    <Dialog
      title="Open workbook"
      testId="open-dialog"
      onClose={() => void showDialog('none')}
      actions={
        <>
          <button type="button" onClick={() => void showDialog('none')}>Cancel</button>
          <button type="submit" form="open-form" className="primary" disabled={path.trim() === ''}>Open</button>
        </>
      }
    >
      {knownFiles.length === 0 ? (
        <p className="hint">No workbooks yet in {session?.workbooksFolder}. Type the path of a .tandem file below.</p>
      ) : (
        <ul className="file-list">
          {knownFiles.map((file) => (
            <li key={file.path}>
              <button type="button" className="file-entry" onClick={() => void openFile(file.path)} title={file.path} disabled={file.modifiedAt === null}>
                <span className="file-name">{file.name}</span>
                <span className="file-meta">{file.modifiedAt === null ? 'missing' : new Date(file.modifiedAt).toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        id="open-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() !== '') void openFile(path.trim());
        }}
      >
        <label>
          Path
          <input value={path} onChange={(event) => setPath(event.target.value)} placeholder="/path/to/budget.tandem" />
        </label>
      </form>
    </Dialog>
  );
}

function SaveAsDialog() {
  const { saveAs, showDialog, session } = useWorkbookStore();
  const [path, setPath] = useState(session?.current === null || session === null ? '' : `${session.current.name} copy`);
  return (
    <Dialog
      title="Save as"
      testId="save-as-dialog"
      onClose={() => void showDialog('none')}
      actions={
        <>
          <button type="button" onClick={() => void showDialog('none')}>Cancel</button>
          <button type="submit" form="save-as-form" className="primary" disabled={path.trim() === ''}>Save copy</button>
        </>
      }
    >
      <form
        id="save-as-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() !== '') void saveAs(path.trim());
        }}
      >
        <label>
          File name or path
          <input value={path} onChange={(event) => setPath(event.target.value)} />
        </label>
        <p className="hint">Every change is already saved in the open file. Save as copies it to a new file and continues there.</p>
      </form>
    </Dialog>
  );
}

/**
 * The in-app file dialogs. In the desktop app, Open and Save as are the system's own dialogs
 * (the store asks the back to show them) and New asks only for the name and calendar here.
 */
export function FileDialogs() {
  const dialog = useWorkbookStore((state) => state.dialog);
  if (dialog === 'new') return <NewWorkbookDialog />;
  if (dialog === 'open') return <OpenWorkbookDialog />;
  if (dialog === 'save-as') return <SaveAsDialog />;
  return null;
}
