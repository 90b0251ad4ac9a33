import { useState } from 'react';
import { ACCOUNT_TYPE_LABELS } from '../../shared/domain/workbook';
import { useSheetStore } from '../state/sheet-store';
import type { SheetView } from '../state/sheet-view';
import { Dialog } from './Dialog';

/** One name that can be edited in place and saved with Enter or the button. */
function NameField({ label, name, onSave }: { label: string; name: string; onSave: (name: string) => void }) {
  const [text, setText] = useState(name);
  const changed = text.trim() !== '' && text.trim() !== name;
  return (
    <form
      className="name-field"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) onSave(text.trim());
      }}
    >
      <input aria-label={label} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit" disabled={!changed}>Rename</button>
    </form>
  );
}

/** Departments and accounts: rename them, add a department, delete an empty one. */
export function DimensionsDialog({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const { addDepartment, renameDimension, deleteDepartment } = useSheetStore();
  const [newDepartment, setNewDepartment] = useState('');
  const linesOf = (departmentId: number) => view.rows.filter((row) => row.line.departmentId === departmentId).length;
  return (
    <Dialog title="Departments and accounts" testId="dimensions-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Done</button>}>
      <h3 className="dialog-section">Departments</h3>
      <ul className="dimension-list">
        {view.model.departments.map((department) => {
          const lines = linesOf(department.id);
          return (
            <li key={`${department.id}:${department.name}`}>
              <NameField label={`Name of ${department.name}`} name={department.name} onSave={(name) => void renameDimension('department', department.id, name)} />
              <button
                type="button"
                className="link-button"
                disabled={lines > 0}
                title={lines > 0 ? `Has ${lines} line${lines === 1 ? '' : 's'}: delete or move them first` : 'Delete this empty department'}
                onClick={() => void deleteDepartment(department.id)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="name-field"
        onSubmit={(event) => {
          event.preventDefault();
          if (newDepartment.trim() !== '') void addDepartment(newDepartment.trim()).then((added) => added && setNewDepartment(''));
        }}
      >
        <input aria-label="New department" placeholder="New department, e.g. Customer success" value={newDepartment} onChange={(event) => setNewDepartment(event.target.value)} />
        <button type="submit" disabled={newDepartment.trim() === ''}>Add department</button>
      </form>
      <h3 className="dialog-section">Accounts</h3>
      <ul className="dimension-list accounts">
        {view.model.accounts.map((account) => (
          <li key={`${account.id}:${account.name}`}>
            <span className="account-code">{account.code}</span>
            <NameField label={`Name of account ${account.code}`} name={account.name} onSave={(name) => void renameDimension('account', account.id, name)} />
            <span className="account-type">{ACCOUNT_TYPE_LABELS[account.type]}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
