import { useState } from 'react';
import { pathTo, treeOrder } from '../../shared/domain/dimension-tree';
import { ACCOUNT_TYPES, ACCOUNT_TYPE_LABELS, type AccountType, type AccountUnit } from '../../shared/domain/workbook';
import { dimensionActions } from '../state/dimension-actions';
import { useSheetStore } from '../state/sheet-store';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { Dialog } from './Dialog';
import { AccountOptions, DepartmentOptions } from './DimensionOptions';

/** One name that can be edited in place and saved with Enter or the button. */
function NameField({ label, name, onSave, depth = 0 }: { label: string; name: string; onSave: (name: string) => void; depth?: number }) {
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
      {/* The tree shows as the name's indent, so the columns beside it stay aligned. */}
      <input aria-label={label} value={text} style={depth > 0 ? { marginLeft: depth * 18 } : undefined} onChange={(event) => setText(event.target.value)} />
      <button type="submit" disabled={!changed}>Rename</button>
    </form>
  );
}

const TOP = 0;
const parentValue = (id: number | null) => id ?? TOP;
const parentOf = (value: number) => (value === TOP ? null : value);

/**
 * Departments and accounts as trees: rename, put under a parent (a division, a header
 * account of the same type), add, and delete what holds no lines. Each change is an undo step.
 */
export function DimensionsDialog({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const { renameDimension } = useSheetStore();
  const [newDepartment, setNewDepartment] = useState('');
  const [newDepartmentParent, setNewDepartmentParent] = useState(TOP);
  const [newAccount, setNewAccount] = useState<{ code: string; name: string; type: AccountType; unit: AccountUnit; parent: number }>({ code: '', name: '', type: 'opex', unit: 'currency', parent: TOP });
  const departmentsById = new Map(view.model.departments.map((department) => [department.id, department]));
  const accountsById = new Map(view.model.accounts.map((account) => [account.id, account]));
  const departmentLines = (id: number) => view.rows.filter((row) => row.line.departmentId === id).length;
  const accountLines = (id: number) => view.rows.filter((row) => row.line.accountId === id).length;
  const accountReady = newAccount.code.trim() !== '' && newAccount.name.trim() !== '';
  return (
    <Dialog title="Departments and accounts" testId="dimensions-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Done</button>}>
      <h3 className="dialog-section">Departments</h3>
      <ul className="dimension-list">
        {treeOrder(view.model.departments).map(({ node: department, depth }) => {
          const lines = departmentLines(department.id);
          const children = view.model.departments.filter((candidate) => candidate.parentId === department.id).length;
          const blocker = children > 0 ? `Has ${children} department${children === 1 ? '' : 's'} under it: move them first` : lines > 0 ? `Has ${lines} line${lines === 1 ? '' : 's'}: delete or move them first` : null;
          return (
            <li key={`${department.id}:${department.name}:${department.parentId ?? ''}`}>
              <NameField label={`Name of ${department.name}`} name={department.name} depth={depth} onSave={(name) => void renameDimension('department', department.id, name)} />
              <select
                aria-label={`${department.name} belongs to`}
                title="The division it belongs to"
                value={parentValue(department.parentId)}
                onChange={(event) => void dimensionActions.setDepartmentParent(department.id, parentOf(Number(event.target.value)))}
              >
                <option value={TOP}>(top level)</option>
                {/* A department cannot go under itself or a department inside it. */}
                <DepartmentOptions departments={view.model.departments} exclude={(candidate) => pathTo(candidate.id, departmentsById).some((node) => node.id === department.id)} />
              </select>
              <button type="button" className="link-button" disabled={blocker !== null} title={blocker ?? 'Delete this empty department'} onClick={() => void dimensionActions.deleteDepartment(department.id, false)}>
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
          if (newDepartment.trim() !== '') void dimensionActions.addDepartment(newDepartment.trim(), parentOf(newDepartmentParent)).then((added) => added && setNewDepartment(''));
        }}
      >
        <input aria-label="New department" placeholder="New department, e.g. Customer success" value={newDepartment} onChange={(event) => setNewDepartment(event.target.value)} />
        <select aria-label="New department belongs to" value={newDepartmentParent} onChange={(event) => setNewDepartmentParent(Number(event.target.value))}>
          <option value={TOP}>(top level)</option>
          <DepartmentOptions departments={view.model.departments} />
        </select>
        <button type="submit" disabled={newDepartment.trim() === ''}>Add department</button>
      </form>
      <h3 className="dialog-section">Accounts</h3>
      <ul className="dimension-list accounts">
        {treeOrder(view.model.accounts.slice().sort((a, b) => a.code.localeCompare(b.code))).map(({ node: account, depth }) => {
          const lines = accountLines(account.id);
          const children = view.model.accounts.filter((candidate) => candidate.parentId === account.id).length;
          const blocker = children > 0 ? `Has ${children} account${children === 1 ? '' : 's'} under it: move them first` : lines > 0 ? `Has ${lines} line${lines === 1 ? '' : 's'}: delete or move them first` : null;
          return (
            <li key={`${account.id}:${account.name}:${account.parentId ?? ''}`}>
              <span className="account-code">{account.code}</span>
              <NameField label={`Name of account ${account.code}`} name={account.name} depth={depth} onSave={(name) => void renameDimension('account', account.id, name)} />
              <span className="account-type">
                {ACCOUNT_TYPE_LABELS[account.type]}
                {account.unit === 'percent' ? ' (rate)' : ''}
              </span>
              <select
                aria-label={`Account ${account.code} rolls up into`}
                title="The header account it rolls up into (same type)"
                value={parentValue(account.parentId)}
                onChange={(event) => void dimensionActions.setAccountParent(account.id, parentOf(Number(event.target.value)))}
              >
                <option value={TOP}>(top level)</option>
                <AccountOptions
                  accounts={view.model.accounts}
                  showType={false}
                  exclude={(candidate) => candidate.type !== account.type || pathTo(candidate.id, accountsById).some((node) => node.id === account.id)}
                />
              </select>
              <button type="button" className="link-button" disabled={blocker !== null} title={blocker ?? 'Delete this unused account'} onClick={() => void dimensionActions.deleteAccount(account.id)}>
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="name-field new-account"
        onSubmit={(event) => {
          event.preventDefault();
          if (!accountReady) return;
          void dimensionActions
            .addAccount({ code: newAccount.code.trim(), name: newAccount.name.trim(), type: newAccount.type, unit: newAccount.type === 'driver' ? newAccount.unit : 'currency', parentId: parentOf(newAccount.parent) })
            .then((added) => added && setNewAccount({ ...newAccount, code: '', name: '' }));
        }}
      >
        <input aria-label="New account code" className="account-code-input" placeholder="Code" value={newAccount.code} onChange={(event) => setNewAccount({ ...newAccount, code: event.target.value })} />
        <input aria-label="New account name" placeholder="New account, e.g. Recruiting fees" value={newAccount.name} onChange={(event) => setNewAccount({ ...newAccount, name: event.target.value })} />
        <select
          aria-label="New account type"
          value={newAccount.type}
          onChange={(event) => {
            const type = event.target.value as AccountType;
            setNewAccount({ ...newAccount, type, unit: type === 'driver' ? 'number' : 'currency', parent: TOP });
          }}
        >
          {ACCOUNT_TYPES.map((type) => (
            <option key={type} value={type}>{ACCOUNT_TYPE_LABELS[type]}</option>
          ))}
        </select>
        {newAccount.type === 'driver' && (
          <select aria-label="New account unit" value={newAccount.unit} onChange={(event) => setNewAccount({ ...newAccount, unit: event.target.value as AccountUnit })}>
            <option value="number">Count</option>
            <option value="percent">Rate (%)</option>
          </select>
        )}
        <select aria-label="New account rolls up into" value={newAccount.parent} onChange={(event) => setNewAccount({ ...newAccount, parent: Number(event.target.value) })}>
          <option value={TOP}>(top level)</option>
          <AccountOptions accounts={view.model.accounts} showType={false} exclude={(candidate) => candidate.type !== newAccount.type} />
        </select>
        <button type="submit" disabled={!accountReady}>Add account</button>
      </form>
    </Dialog>
  );
}
