import { useState, type FormEvent } from 'react';
import { useWorkbookStore } from '../state/workbook-store';
import { Dialog } from './Dialog';

/** A workbook's name made into a file name: no path separators or characters file systems refuse. */
function fileNameFor(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|]+/g, '-').replace(/^\.+/, '').trim();
  return `${safe === '' ? 'Workbook' : safe}.tandem`;
}

/** The last part of a path, as the user named the file. */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Tandem's own New and Save as dialogs ask before replacing a file (the system's dialogs ask in
 * the desktop app): shown over them once the back has refused the path as taken.
 */
function ReplaceConfirmation({ onReplace }: { onReplace: () => void }) {
  const { replaceAsked, keepExistingFile } = useWorkbookStore();
  if (replaceAsked === null) return null;
  const name = fileNameOf(replaceAsked);
  return (
    <Dialog
      title={`“${name}” already exists. Replace it?`}
      testId="replace-file-dialog"
      onClose={keepExistingFile}
      actions={
        <>
          <button type="button" onClick={keepExistingFile}>Cancel</button>
          <button type="button" className="danger" onClick={onReplace}>Replace</button>
        </>
      }
    >
      <p className="hint">
        It is in {replaceAsked.slice(0, replaceAsked.length - name.length - 1) || replaceAsked}. Replacing it puts this workbook in its place; what the old file held is lost.
      </p>
    </Dialog>
  );
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function NewWorkbookDialog() {
  const { createFile, createChosenFile, showDialog, nativeDialogs } = useWorkbookStore();
  const [name, setName] = useState('');
  // Budgets are drafted for the coming year: default to next January.
  const [startYear, setStartYear] = useState(new Date().getFullYear() + 1);
  const [startMonth, setStartMonth] = useState(1);
  const [periodCount, setPeriodCount] = useState(12);
  const create = (replace: boolean) => {
    if (name.trim() === '') return;
    const calendar = { startYear, startMonth, periodCount };
    // The desktop app asks where the file goes in the system's Save dialog; the browser keeps it in the workbooks folder.
    void (nativeDialogs ? createChosenFile(name.trim(), false, calendar) : createFile(fileNameFor(name.trim()), name.trim(), false, calendar, replace));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create(false);
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
      <ReplaceConfirmation onReplace={() => create(true)} />
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
          if (path.trim() !== '') void saveAs(path.trim(), false);
        }}
      >
        <label>
          File name or path
          <input value={path} onChange={(event) => setPath(event.target.value)} />
        </label>
        <p className="hint">Every change is already saved in the open file. Save as copies it to a new file and continues there.</p>
      </form>
      <ReplaceConfirmation onReplace={() => void saveAs(path.trim(), true)} />
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
