import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { wouldMakeLoop } from '../../shared/domain/dimension-tree';
import type { AccountType, AccountUnit } from '../../shared/domain/workbook';
import { applyStep, type EditStep, type StoredDimension } from './edit-steps';
import { followRename } from './kpi-store';
import type { WorkbookStore } from './workbook-store';

/** A department or account row; code, type and unit only for accounts. */
export interface DimensionRow {
  id: number;
  name: string;
  sort_order: number;
  parent_id: number | null;
  code?: string;
  type?: string;
  unit?: AccountUnit;
}

/**
 * The departments and accounts the lines sit on (each a tree), and the seasonality profiles:
 * added, renamed, moved and deleted through the workbook's one commit path, each an undo step.
 * Changes to departments and accounts are locked while any version is approved.
 */
export class DimensionStore {
  constructor(private readonly workbook: WorkbookStore) {}

  private get db(): Database.Database {
    return this.workbook.database;
  }

  /** Adds a department at the end of the list, at the top or under `parentId`. */
  addDepartment(name: string, parentId: number | null, actor: string): WriteReceipt & { departmentId: number } {
    return this.workbook.change('dimension/add-department', actor, () => {
        this.workbook.requireUnlocked('adding a department is');
        if (this.db.prepare('SELECT 1 FROM departments WHERE lower(name) = lower(?)').get(name) !== undefined) {
          throw new ApiError('already-exists', `There is already a department called “${name}”.`, 'name');
        }
        if (parentId !== null) this.requireDimension('departments', parentId, 'parentId');
        const sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM departments').pluck().get() as number;
        const id = Number(this.db.prepare('INSERT INTO departments (name, sort_order, parent_id) VALUES (?, ?, ?)').run(name, sortOrder, parentId).lastInsertRowid);
        return { step: { kind: 'dimension', table: 'departments', before: null, after: { id, name, sortOrder, parentId } }, label: `add department “${name}”`, detail: { id, name, parentId }, result: { departmentId: id } };
      }, 'adding a department is');
  }

  /** Adds an account to the chart of accounts, at the top or under a header account of the same type. */
  addAccount(input: { code: string; name: string; type: AccountType; unit: AccountUnit; parentId: number | null }, actor: string): WriteReceipt & { accountId: number } {
    return this.workbook.change('dimension/add-account', actor, () => {
        this.workbook.requireUnlocked('adding an account is');
        const { code, name, type, parentId } = input;
        const unit: AccountUnit = type === 'driver' ? input.unit : 'currency';
        if (type === 'driver' && input.unit === 'currency') {
          throw new ApiError('invalid-input', 'A driver account counts a quantity or a rate, not money: choose “number” or “percent”.', 'unit');
        }
        if (this.db.prepare('SELECT 1 FROM accounts WHERE code = ?').get(code) !== undefined) {
          throw new ApiError('already-exists', `There is already an account with code ${code}.`, 'code');
        }
        if (parentId !== null) this.requireSameTypeParent(type, parentId);
        const sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM accounts').pluck().get() as number;
        const id = Number(
          this.db.prepare('INSERT INTO accounts (code, name, type, sort_order, unit, parent_id) VALUES (?, ?, ?, ?, ?, ?)').run(code, name, type, sortOrder, unit, parentId).lastInsertRowid,
        );
        return { step: { kind: 'dimension', table: 'accounts', before: null, after: { id, name, sortOrder, code, type, unit, parentId } }, label: `add account ${code} “${name}”`, detail: { id, code, name, type, unit, parentId }, result: { accountId: id } };
      }, 'adding an account is');
  }

  /** Puts a department or an account under another (or, with null, at the top). */
  setParent(table: 'departments' | 'accounts', id: number, parentId: number | null, actor: string): WriteReceipt {
    return this.workbook.change(`dimension/set-${table === 'departments' ? 'department' : 'account'}-parent`, actor, () => {
        this.workbook.requireUnlocked('the departments and accounts are');
        const what = table === 'departments' ? 'department' : 'account';
        const row = this.requireDimension(table, id, `${what}Id`);
        if (parentId !== null) {
          const parent = table === 'accounts' ? this.requireSameTypeParent(row.type as AccountType, parentId) : this.requireDimension(table, parentId, 'parentId');
          const nodes = new Map(
            this.db
              .prepare<[], { id: number; parentId: number | null }>(`SELECT id, parent_id AS parentId FROM ${table}`)
              .all()
              .map((node) => [node.id, node]),
          );
          if (wouldMakeLoop(id, parentId, nodes)) {
            throw new ApiError('invalid-input', `“${row.name}” cannot go under “${parent.name}”: “${parent.name}” is inside “${row.name}”.`, 'parentId');
          }
        }
        const before: StoredDimension = { id, name: row.name, sortOrder: row.sort_order, parentId: row.parent_id };
        const step = { kind: 'dimension' as const, table, before, after: { ...before, parentId } };
        applyStep(this.db, step, 'forward');
        const parentName = parentId === null ? null : this.requireDimension(table, parentId, 'parentId').name;
        return { step, label: parentName === null ? `move ${what} “${row.name}” to the top` : `put ${what} “${row.name}” under “${parentName}”`, detail: { id, before: row.parent_id, after: parentId }, result: {} };
      }, 'the departments and accounts are');
  }

  /** Deletes an account no line uses and no account sits under. */
  deleteAccount(id: number, actor: string): WriteReceipt {
    return this.workbook.change('dimension/delete-account', actor, () => {
        this.workbook.requireUnlocked('deleting an account is');
        const row = this.requireDimension('accounts', id, 'accountId');
        const label = `${row.code ?? ''} “${row.name}”`;
        const lines = this.db.prepare<[number], number>('SELECT COUNT(*) FROM budget_lines WHERE account_id = ?').pluck().get(id) as number;
        if (lines > 0) throw new ApiError('invalid-input', `Account ${label} still has ${lines} line${lines === 1 ? '' : 's'}. Delete or move them first, so no amounts are lost.`, 'accountId');
        this.refuseIfParent('accounts', id, `Account ${label}`);
        const step = {
          kind: 'dimension' as const,
          table: 'accounts' as const,
          before: { id, name: row.name, sortOrder: row.sort_order, code: row.code ?? '', type: row.type ?? 'opex', unit: row.unit ?? 'currency', parentId: row.parent_id },
          after: null,
        };
        applyStep(this.db, step, 'forward');
        return { step, label: `delete account ${label}`, detail: step.before, result: {} };
      }, 'deleting an account is');
  }

  /** Adds a seasonality profile: twelve non-negative weights, month 1 of the fiscal year first. */
  addProfile(name: string, weights: readonly string[], actor: string): WriteReceipt & { profileId: number } {
    return this.workbook.change('dimension/add-profile', actor, () => {
        if (this.db.prepare('SELECT 1 FROM seasonality_profiles WHERE lower(name) = lower(?)').get(name) !== undefined) {
          throw new ApiError('already-exists', `There is already a profile called “${name}”.`, 'name');
        }
        const json = JSON.stringify(weights);
        const id = Number(this.db.prepare('INSERT INTO seasonality_profiles (name, weights) VALUES (?, ?)').run(name, json).lastInsertRowid);
        const profile = { id, name, weights: json };
        return { step: { kind: 'profile', profile, added: true }, label: `add profile “${name}”`, detail: profile, result: { profileId: id } };
      });
  }

  deleteProfile(id: number, actor: string): WriteReceipt {
    return this.workbook.change('dimension/delete-profile', actor, () => {
        const profile = this.db.prepare<[number], { id: number; name: string; weights: string }>('SELECT id, name, weights FROM seasonality_profiles WHERE id = ?').get(id);
        if (profile === undefined) throw new ApiError('not-found', 'That profile does not exist (it may have been deleted).', 'profileId');
        this.db.prepare('DELETE FROM seasonality_profiles WHERE id = ?').run(id);
        return { step: { kind: 'profile', profile, added: false }, label: `delete profile “${profile.name}”`, detail: profile, result: {} };
      });
  }

  requireDimension(table: 'departments' | 'accounts', id: number, where: string): DimensionRow {
    const row = this.db
      .prepare<[number], DimensionRow>(
        table === 'departments'
          ? 'SELECT id, name, sort_order, parent_id FROM departments WHERE id = ?'
          : 'SELECT id, name, sort_order, parent_id, code, type, unit FROM accounts WHERE id = ?',
      )
      .get(id);
    if (row === undefined) throw new ApiError('not-found', `${table === 'departments' ? 'Department' : 'Account'} ${id} does not exist in this workbook (it may have been deleted).`, where);
    return row;
  }

  /** A header account must hold accounts of its own type: revenue never rolls up into costs. */
  private requireSameTypeParent(type: AccountType, parentId: number): DimensionRow {
    const parent = this.requireDimension('accounts', parentId, 'parentId');
    if (parent.type !== type) {
      throw new ApiError('invalid-input', `Account ${parent.code ?? ''} “${parent.name}” is ${parent.type ?? '?'}; an account of type ${type} cannot roll up into it.`, 'parentId');
    }
    return parent;
  }

  refuseIfParent(table: 'departments' | 'accounts', id: number, label: string): void {
    const children = this.db.prepare<[number], number>(`SELECT COUNT(*) FROM ${table} WHERE parent_id = ?`).pluck().get(id) as number;
    if (children > 0) {
      throw new ApiError('invalid-input', `${label} has ${children} ${table === 'departments' ? 'department' : 'account'}${children === 1 ? '' : 's'} under it. Move them first.`, table === 'departments' ? 'departmentId' : 'accountId');
    }
  }

  /** Renames a department or an account. */
  renameDimension(table: 'departments' | 'accounts', id: number, name: string, actor: string): WriteReceipt {
    return this.workbook.change(`dimension/rename-${table === 'departments' ? 'department' : 'account'}`, actor, () => {
        this.workbook.requireUnlocked('renaming a department or account is');
        const what = table === 'departments' ? 'department' : 'account';
        const row = this.db.prepare<[number], { name: string; sort_order: number }>(`SELECT name, sort_order FROM ${table} WHERE id = ?`).get(id);
        if (row === undefined) throw new ApiError('not-found', `That ${what} does not exist (it may have been deleted).`, `${what}Id`);
        if (table === 'departments' && this.db.prepare('SELECT 1 FROM departments WHERE lower(name) = lower(?) AND id <> ?').get(name, id) !== undefined) {
          throw new ApiError('already-exists', `There is already a department called “${name}”.`, 'name');
        }
        const renamed = { kind: 'dimension' as const, table, before: { id, name: row.name, sortOrder: row.sort_order }, after: { id, name, sortOrder: row.sort_order } };
        // KPI definitions that name it (dept([Sales], …), account([Travel])) follow, in the same undo step.
        const kpis = followRename(this.db, table === 'departments' ? 'department' : 'account', row.name, name).map((follower) => follower.change);
        const step: EditStep = kpis.length === 0 ? renamed : { kind: 'compound', steps: [renamed, { kind: 'rows', changes: kpis }] };
        applyStep(this.db, step, 'forward');
        return { step, label: `rename ${what} “${row.name}” to “${name}”`, detail: { id, before: row.name, after: name }, result: {} };
      }, 'renaming a department or account is');
  }
}
