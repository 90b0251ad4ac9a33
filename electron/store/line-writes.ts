import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { HistoryState } from '../../shared/domain/cell-edit';
import type { AccountUnit, BudgetLine } from '../../shared/domain/workbook';
import { renameReference } from '../../shared/formula/rename-reference';
import type { DimensionStore } from './dimension-store';
import { applyStep, swapSortOrder, type EditStep, type StoredComment } from './edit-steps';
import { followRename } from './kpi-store';
import type { WorkbookStore } from './workbook-store';

const UNIT_WORDS: Record<AccountUnit, string> = { currency: 'money', number: 'a quantity', percent: 'a rate' };

/** A budget line as stored (its own formula, not a version's). */
export interface LineRow {
  id: number;
  department_id: number;
  account_id: number;
  description: string;
  formula: string | null;
}

/** What the line writes need of their workbook: its connection, its reads and lock check, and its one commit path. */
export interface LineWritesContext {
  readonly db: Database.Database;
  readonly workbook: Pick<WorkbookStore, 'requireUnlocked' | 'history' | 'calendar'>;
  /** the departments and accounts a line sits on */
  readonly dimensions: Pick<DimensionStore, 'requireDimension' | 'refuseIfParent'>;
  /** records the undo step and the audit record and bumps the revision, inside the write's transaction */
  commit(step: EditStep, label: string, actor: string, action: string, detail: unknown): number;
  /** the revision as it stands (a write that changes nothing answers it) */
  revision(): number;
}

/**
 * The writes that change the lines' structure: add, delete, rename, move a line to another place or
 * among its neighbours, and delete a department with its lines. Each is one immediate transaction
 * ending in the workbook's commit, so the change, its undo step and its audit record land together.
 */
export class LineWrites {
  constructor(private readonly context: LineWritesContext) {}

  private get db(): Database.Database {
    return this.context.db;
  }

  private get workbook(): LineWritesContext['workbook'] {
    return this.context.workbook;
  }

  addLine(departmentId: number, accountId: number, description: string, actor: string): { line: BudgetLine; revision: number; history: HistoryState } {
    return this.db
      .transaction(() => {
        this.workbook.requireUnlocked('adding a line is');
        if (this.db.prepare('SELECT 1 FROM departments WHERE id = ?').get(departmentId) === undefined) {
          throw new ApiError('not-found', `Department ${departmentId} does not exist in this workbook.`, 'departmentId');
        }
        if (this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId) === undefined) {
          throw new ApiError('not-found', `Account ${accountId} does not exist in this workbook.`, 'accountId');
        }
        const next = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM budget_lines').pluck().get() as number;
        const result = this.db
          .prepare('INSERT INTO budget_lines (department_id, account_id, description, sort_order) VALUES (?, ?, ?, ?)')
          .run(departmentId, accountId, description, next);
        const id = Number(result.lastInsertRowid);
        const revision = this.context.commit({ kind: 'add-line', line: { id, departmentId, accountId, description, sortOrder: next } }, `add line “${description}”`, actor, 'sheet/add-line', { lineId: id, departmentId, accountId, description });
        const line: BudgetLine = { id, departmentId, accountId, description, values: new Array<null>(this.workbook.calendar().periodCount).fill(null), formula: null, proposalId: null, goalId: null };
        return { line, revision, history: this.workbook.history() };
      })
      .immediate();
  }

  /** Deletes a line and its values in every version; the undo step and the audit record keep what was deleted. */
  deleteLine(lineId: number, actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        this.workbook.requireUnlocked('deleting a line is');
        const step = this.deleteLineStep(lineId);
        const revision = this.context.commit(step, `delete line “${step.line.description}”`, actor, 'sheet/delete-line', { line: step.line, values: step.values });
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }

  /** Deletes a line (inside the caller's transaction) and returns the step that brings it back. */
  deleteLineStep(lineId: number): Extract<EditStep, { kind: 'delete-line' }> {
    const row = this.requireLine(lineId);
    const sortOrder = this.db.prepare<[number], number>('SELECT sort_order FROM budget_lines WHERE id = ?').pluck().get(lineId) as number;
    const values = this.db
      .prepare<[number], { versionId: number; period: number; amount: string }>('SELECT version_id AS versionId, period, amount FROM cell_values WHERE line_id = ?')
      .all(lineId);
    const links = this.db.prepare<[number], { proposal_id: number | null; goal_id: number | null }>('SELECT proposal_id, goal_id FROM budget_lines WHERE id = ?').get(lineId);
    const proposalId = links?.proposal_id ?? null;
    const goalId = links?.goal_id ?? null;
    const versionFormulas = this.db.prepare<[number], { versionId: number; formula: string | null }>('SELECT version_id AS versionId, formula FROM version_formulas WHERE line_id = ?').all(lineId);
    const line = { id: row.id, departmentId: row.department_id, accountId: row.account_id, description: row.description, sortOrder, formula: row.formula, proposalId, goalId, versionFormulas };
    const comments = this.db
      .prepare<[number], StoredComment>('SELECT id, line_id AS lineId, version_id AS versionId, period, text, author, created_at AS createdAt FROM comments WHERE line_id = ?')
      .all(lineId);
    this.db.prepare('DELETE FROM budget_lines WHERE id = ?').run(lineId);
    return { kind: 'delete-line', line, values, comments };
  }

  /** Renames a line; formulas that use it follow the new name, in the same undo step. */
  renameLine(lineId: number, description: string, actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        this.workbook.requireUnlocked('renaming a line is');
        const line = this.requireLine(lineId);
        if (line.description === description) return { revision: this.context.revision(), history: this.workbook.history() };
        // Every formula that names the line follows: the lines' own and each version's.
        const formulas = [
          ...this.db.prepare<[], { id: number; formula: string }>('SELECT id, formula FROM budget_lines WHERE formula IS NOT NULL').all().map((row) => ({ lineId: row.id, formula: row.formula })),
          ...this.db
            .prepare<[], { lineId: number; versionId: number; formula: string }>('SELECT line_id AS lineId, version_id AS versionId, formula FROM version_formulas WHERE formula IS NOT NULL')
            .all(),
        ]
          .map((row) => ({ ...row, before: row.formula, after: renameReference(row.formula, line.description, description) }))
          .filter((change) => change.after !== change.before)
          .map(({ formula: _formula, ...change }) => change);
        const renamed = { kind: 'rename-line' as const, lineId, before: line.description, after: description, formulas };
        // KPI definitions that name the line follow it too, in the same undo step.
        const kpis = followRename(this.db, 'line', line.description, description).map((follower) => follower.change);
        const step: EditStep = kpis.length === 0 ? renamed : { kind: 'compound', steps: [renamed, { kind: 'rows', changes: kpis }] };
        applyStep(this.db, step, 'forward');
        const revision = this.context.commit(step, `rename “${line.description}” to “${description}”`, actor, 'sheet/rename-line', step);
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }

  /**
   * Deletes a department. One with lines is refused, naming how many, unless `withLines` says
   * the user confirmed deleting them too: then lines and department go in one undo step.
   */
  deleteDepartment(id: number, actor: string, withLines = false): WriteReceipt {
    return this.db
      .transaction(() => {
        this.workbook.requireUnlocked('deleting a department is');
        const row = this.db.prepare<[number], { name: string; sort_order: number; parent_id: number | null }>('SELECT name, sort_order, parent_id FROM departments WHERE id = ?').get(id);
        if (row === undefined) throw new ApiError('not-found', 'That department does not exist (it may have been deleted).', 'departmentId');
        this.context.dimensions.refuseIfParent('departments', id, `“${row.name}”`);
        const lineIds = this.db.prepare<[number], number>('SELECT id FROM budget_lines WHERE department_id = ? ORDER BY sort_order').pluck().all(id) as number[];
        if (lineIds.length > 0 && !withLines) {
          throw new ApiError('invalid-input', `“${row.name}” still has ${lineIds.length} line${lineIds.length === 1 ? '' : 's'}. Delete or move them first, so no amounts are lost.`, 'departmentId');
        }
        const proposals = this.db.prepare<[number], number>('SELECT COUNT(*) FROM proposals WHERE department_id = ?').pluck().get(id) as number;
        if (proposals > 0) {
          throw new ApiError('invalid-input', `“${row.name}” has ${proposals} investment proposal${proposals === 1 ? '' : 's'}. Give ${proposals === 1 ? 'it' : 'them'} another department first.`, 'departmentId');
        }
        const kpis = this.db.prepare<[number], number>('SELECT COUNT(*) FROM kpis WHERE department_id = ?').pluck().get(id) as number;
        if (kpis > 0) {
          throw new ApiError('invalid-input', `“${row.name}” owns ${kpis} KPI${kpis === 1 ? '' : 's'}. Give ${kpis === 1 ? 'it' : 'them'} another owner first.`, 'departmentId');
        }
        const lineSteps = lineIds.map((lineId) => this.deleteLineStep(lineId));
        const departmentStep = { kind: 'dimension' as const, table: 'departments' as const, before: { id, name: row.name, sortOrder: row.sort_order, parentId: row.parent_id }, after: null };
        applyStep(this.db, departmentStep, 'forward');
        const step: EditStep = lineSteps.length === 0 ? departmentStep : { kind: 'compound', steps: [...lineSteps, departmentStep] };
        const revision = this.context.commit(step, lineSteps.length === 0 ? `delete department “${row.name}”` : `delete department “${row.name}” and its ${lineSteps.length} lines`, actor, 'dimension/delete-department', { id, name: row.name, lines: lineSteps.map((lineStep) => ({ line: lineStep.line, values: lineStep.values })) });
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }

  /** Moves a line to another department and/or account, at the end of its new place. Units must agree: money stays money. */
  relocateLine(lineId: number, departmentId: number, accountId: number, actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        this.workbook.requireUnlocked('moving a line is');
        const line = this.requireLine(lineId);
        const department = this.context.dimensions.requireDimension('departments', departmentId, 'departmentId');
        const account = this.context.dimensions.requireDimension('accounts', accountId, 'accountId');
        const fromAccount = this.context.dimensions.requireDimension('accounts', line.account_id, 'lineId');
        if (line.department_id === departmentId && line.account_id === accountId) return { revision: this.context.revision(), history: this.workbook.history() };
        if (fromAccount.unit !== account.unit) {
          throw new ApiError(
            'invalid-input',
            `“${line.description}” counts ${UNIT_WORDS[fromAccount.unit ?? 'currency']}; account ${account.code ?? ''} “${account.name}” counts ${UNIT_WORDS[account.unit ?? 'currency']}. Move it to an account of the same kind.`,
            'accountId',
          );
        }
        const sortOrder = this.db.prepare<[number], number>('SELECT sort_order FROM budget_lines WHERE id = ?').pluck().get(lineId) as number;
        const end = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM budget_lines').pluck().get() as number;
        const step = {
          kind: 'relocate-line' as const,
          lineId,
          before: { departmentId: line.department_id, accountId: line.account_id, sortOrder },
          after: { departmentId, accountId, sortOrder: end },
        };
        applyStep(this.db, step, 'forward');
        const revision = this.context.commit(step, `move “${line.description}” to ${department.name}, ${account.code ?? ''} ${account.name}`, actor, 'sheet/relocate-line', step);
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }

  /** Moves a line one place up or down among the lines of its department and account. */
  moveLine(lineId: number, direction: 'up' | 'down', actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        this.workbook.requireUnlocked('reordering lines is');
        const line = this.requireLine(lineId);
        const order = this.db.prepare<[number], number>('SELECT sort_order FROM budget_lines WHERE id = ?').pluck().get(lineId) as number;
        const neighbour = this.db
          .prepare<[number, number, number], { id: number }>(
            direction === 'up'
              ? 'SELECT id FROM budget_lines WHERE department_id = ? AND account_id = ? AND sort_order < ? ORDER BY sort_order DESC LIMIT 1'
              : 'SELECT id FROM budget_lines WHERE department_id = ? AND account_id = ? AND sort_order > ? ORDER BY sort_order ASC LIMIT 1',
          )
          .get(line.department_id, line.account_id, order);
        if (neighbour === undefined) {
          throw new ApiError('invalid-input', `“${line.description}” is already the ${direction === 'up' ? 'first' : 'last'} line of its account in its department.`, 'lineId');
        }
        swapSortOrder(this.db, lineId, neighbour.id);
        const revision = this.context.commit({ kind: 'swap-lines', lineId, otherId: neighbour.id }, `move “${line.description}” ${direction}`, actor, 'sheet/move-line', { lineId, direction, otherId: neighbour.id });
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }

  /** A line as stored, or a clear refusal naming the id. */
  requireLine(lineId: number): LineRow {
    const line = this.db.prepare<[number], LineRow>('SELECT id, department_id, account_id, description, formula FROM budget_lines WHERE id = ?').get(lineId);
    if (line === undefined) throw new ApiError('not-found', `Budget line ${lineId} does not exist in this workbook (it may have been deleted).`, `lineId ${lineId}`);
    return line;
  }
}
