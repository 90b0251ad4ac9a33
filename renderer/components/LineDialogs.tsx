import { useState } from 'react';
import type { LineRow, SheetView } from '../../shared/sheet/sheet-view';
import type { Account } from '../../shared/domain/workbook';
import { Dialog, FormDialog } from './Dialog';
import { AccountOptions, DepartmentOptions } from './DimensionOptions';

/** Where a line sits: its department and account, each a tree-ordered choice. */
function LinePlaceFields({
  view,
  departmentId,
  accountId,
  onDepartment,
  onAccount,
  excludeAccount,
}: {
  view: SheetView;
  departmentId: number;
  accountId: number;
  onDepartment: (departmentId: number) => void;
  onAccount: (accountId: number) => void;
  excludeAccount?: (account: Account) => boolean;
}) {
  return (
    <>
      <label>
        Department
        <select value={departmentId} onChange={(event) => onDepartment(Number(event.target.value))}>
          <DepartmentOptions departments={view.model.departments} />
        </select>
      </label>
      <label>
        Account
        <select value={accountId} onChange={(event) => onAccount(Number(event.target.value))}>
          <AccountOptions accounts={view.model.accounts} exclude={excludeAccount} />
        </select>
      </label>
    </>
  );
}

/**
 * Adds a line. It proposes the department and account of the line under the cursor (a new line is
 * usually a neighbour of the one being looked at); without one, the first department that holds
 * lines (a division above it usually holds none) and the first account.
 */
export function AddLineDialog({
  view,
  proposed,
  onAdd,
  onClose,
}: {
  view: SheetView;
  proposed: { departmentId: number | null; accountId: number | null };
  onAdd: (departmentId: number, accountId: number, description: string) => void;
  onClose: () => void;
}) {
  const [departmentId, setDepartmentId] = useState(proposed.departmentId ?? view.rows[0]?.line.departmentId ?? view.model.departments[0]?.id ?? 0);
  const [accountId, setAccountId] = useState(proposed.accountId ?? view.model.accounts.slice().sort((a, b) => a.code.localeCompare(b.code))[0]?.id ?? 0);
  const [description, setDescription] = useState('');
  const ready = description.trim() !== '' && departmentId > 0 && accountId > 0;
  return (
    <FormDialog title="Add a budget line" testId="add-line-dialog" submitLabel="Add line" ready={ready} onClose={onClose} onSubmit={() => onAdd(departmentId, accountId, description.trim())}>
      <LinePlaceFields view={view} departmentId={departmentId} accountId={accountId} onDepartment={setDepartmentId} onAccount={setAccountId} />
      <label>
        Description
        <input value={description} onChange={(event) => setDescription(event.target.value)} placeholder="e.g. Field service technicians" />
      </label>
    </FormDialog>
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

/** Moves a line to another department or account; the accounts offered count what the line counts (money, a quantity or a rate). */
export function MoveLineDialog({ view, row, onMove, onClose }: { view: SheetView; row: LineRow; onMove: (departmentId: number, accountId: number) => void; onClose: () => void }) {
  const [departmentId, setDepartmentId] = useState(row.line.departmentId);
  const [accountId, setAccountId] = useState(row.line.accountId);
  const changed = departmentId !== row.line.departmentId || accountId !== row.line.accountId;
  return (
    <FormDialog title={`Move “${row.line.description}”`} testId="move-line-dialog" submitLabel="Move line" ready={changed} onClose={onClose} onSubmit={() => onMove(departmentId, accountId)}>
      <p className="dialog-note">
        Now in {row.department}, {row.account.code} {row.account.name}. Its amounts, formula and comments move with it; formulas that use it keep working.
      </p>
      <LinePlaceFields
        view={view}
        departmentId={departmentId}
        accountId={accountId}
        onDepartment={setDepartmentId}
        onAccount={setAccountId}
        excludeAccount={(account) => account.unit !== row.account.unit}
      />
    </FormDialog>
  );
}
