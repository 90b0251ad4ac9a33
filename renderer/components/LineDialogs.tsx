import { useState } from 'react';
import { ACCOUNT_TYPE_LABELS } from '../../shared/domain/workbook';
import type { LineRow, SheetView } from '../state/sheet-view';
import { Dialog } from './Dialog';

export function AddLineDialog({ view, onAdd, onClose }: { view: SheetView; onAdd: (departmentId: number, accountId: number, description: string) => void; onClose: () => void }) {
  const [departmentId, setDepartmentId] = useState(view.model.departments[0]?.id ?? 0);
  const [accountId, setAccountId] = useState(view.model.accounts[0]?.id ?? 0);
  const [description, setDescription] = useState('');
  const ready = description.trim() !== '' && departmentId > 0 && accountId > 0;
  return (
    <Dialog
      title="Add a budget line"
      testId="add-line-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="add-line-form" className="primary" disabled={!ready}>Add line</button>
        </>
      }
    >
      <form
        id="add-line-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onAdd(departmentId, accountId, description.trim());
        }}
      >
        <label>
          Department
          <select value={departmentId} onChange={(event) => setDepartmentId(Number(event.target.value))}>
            {view.model.departments.map((department) => (
              <option key={department.id} value={department.id}>{department.name}</option>
            ))}
          </select>
        </label>
        <label>
          Account
          <select value={accountId} onChange={(event) => setAccountId(Number(event.target.value))}>
            {view.model.accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.code} {account.name} ({ACCOUNT_TYPE_LABELS[account.type]})
              </option>
            ))}
          </select>
        </label>
        <label>
          Description
          <input value={description} onChange={(event) => setDescription(event.target.value)} placeholder="e.g. Field service technicians" />
        </label>
      </form>
    </Dialog>
  );
}

export function DeleteLineDialog({ row, onConfirm, onClose }: { row: LineRow; onConfirm: () => void; onClose: () => void }) {
  const filled = row.line.values.filter((value) => value !== null).length;
  return (
    <Dialog
      title="Delete this line?"
      testId="delete-line-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Keep it</button>
          <button type="button" className="danger" onClick={onConfirm}>Delete line</button>
        </>
      }
    >
      <p>
        <strong>{row.line.description}</strong> ({row.department}, {row.account.code} {row.account.name})
        {filled > 0 ? ` has amounts in ${filled} month${filled === 1 ? '' : 's'}; they will be deleted with it.` : ' has no amounts.'}
      </p>
    </Dialog>
  );
}
