import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import { periodsOf, type FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { Account, AccountType, BudgetLine, BudgetVersion, Department, SheetModel, VersionKind, WorkbookInfo } from '../../shared/domain/workbook';
import type { AmountText } from '../../shared/money/amount';
import { configureConnection, openWorkbookDatabase } from './open-database';
import { migrate } from './migrations/migrate';
import type { WorkbookSeed } from './workbook-seed';

interface LineRow {
  id: number;
  department_id: number;
  account_id: number;
  description: string;
}

/**
 * One open workbook file. Every write is one SQLite transaction that also bumps the revision
 * and appends to the audit log, so what the UI shows as saved is on disk.
 */
export class WorkbookStore {
  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {}

  static open(path: string): WorkbookStore {
    return new WorkbookStore(path, openWorkbookDatabase(path));
  }

  /** Writes a new workbook next to `path` and renames it into place, so no half-made file is ever seen there. */
  static create(path: string, seed: WorkbookSeed, actor: string): WorkbookStore {
    if (existsSync(path)) throw new ApiError('already-exists', `A file already exists at ${path}. Choose another name.`, path);
    const temporary = `${path}.creating-${process.pid}-${Date.now()}`;
    try {
      const db = new Database(temporary);
      try {
        db.pragma('journal_mode = DELETE');
        migrate(db);
        db.transaction(() => writeSeed(db, seed, actor)).immediate();
      } finally {
        db.close();
      }
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    return WorkbookStore.open(path);
  }

  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  /** Copies the workbook, as of its last committed write, to a new file (via a temporary file and a rename). */
  async copyTo(destination: string): Promise<void> {
    const temporary = `${destination}.saving-${process.pid}-${Date.now()}`;
    try {
      await this.db.backup(temporary);
      const copy = new Database(temporary);
      try {
        configureConnection(copy);
        copy.pragma('wal_checkpoint(TRUNCATE)');
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      renameSync(temporary, destination);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  private setting(key: string): string {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM workbook_settings WHERE key = ?').get(key);
    if (row === undefined) throw new ApiError('corrupt', `${this.path} has no "${key}" setting.`, this.path);
    return row.value;
  }

  info(): WorkbookInfo {
    return { path: this.path, name: this.setting('name'), currency: this.setting('currency'), revision: Number(this.setting('revision')) };
  }

  calendar(): FiscalCalendar {
    return {
      startYear: Number(this.setting('fiscal_start_year')),
      startMonth: Number(this.setting('fiscal_start_month')),
      periodCount: Number(this.setting('period_count')),
    };
  }

  /** The budget version the sheet shows: the first one for now. */
  private activeVersion(): BudgetVersion {
    const row = this.db.prepare<[], { id: number; name: string; kind: VersionKind }>('SELECT id, name, kind FROM versions ORDER BY id LIMIT 1').get();
    if (row === undefined) throw new ApiError('corrupt', `${this.path} has no budget version.`, this.path);
    return row;
  }

  sheet(): SheetModel {
    const calendar = this.calendar();
    const version = this.activeVersion();
    const departments = this.db.prepare<[], Department>('SELECT id, name FROM departments ORDER BY sort_order, id').all();
    const accounts = this.db.prepare<[], Account>('SELECT id, code, name, type FROM accounts ORDER BY sort_order, id').all();
    const rows = this.db
      .prepare<[], LineRow>(
        `SELECT l.id, l.department_id, l.account_id, l.description
           FROM budget_lines l
           JOIN departments d ON d.id = l.department_id
           JOIN accounts a ON a.id = l.account_id
          ORDER BY d.sort_order, a.sort_order, l.sort_order, l.id`,
      )
      .all();
    const lines: BudgetLine[] = [];
    const byId = new Map<number, BudgetLine>();
    for (const row of rows) {
      const line: BudgetLine = {
        id: row.id,
        departmentId: row.department_id,
        accountId: row.account_id,
        description: row.description,
        values: new Array<AmountText | null>(calendar.periodCount).fill(null),
      };
      lines.push(line);
      byId.set(line.id, line);
    }
    const cells = this.db
      .prepare<[number, number], { line_id: number; period: number; amount: string }>(
        'SELECT line_id, period, amount FROM cell_values WHERE version_id = ? AND period < ?',
      )
      .raw(false)
      .iterate(version.id, calendar.periodCount);
    for (const cell of cells) {
      const line = byId.get(cell.line_id);
      if (line !== undefined) line.values[cell.period] = cell.amount;
    }
    return { workbook: this.info(), calendar, periods: periodsOf(calendar), version, departments, accounts, lines };
  }

  private bumpRevision(actor: string, action: string, detail: unknown): number {
    this.db.prepare("UPDATE workbook_settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'").run();
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)')
      .run(new Date().toISOString(), actor, action, JSON.stringify(detail));
    return Number(this.setting('revision'));
  }

  private requireLine(lineId: number): LineRow {
    const line = this.db.prepare<[number], LineRow>('SELECT id, department_id, account_id, description FROM budget_lines WHERE id = ?').get(lineId);
    if (line === undefined) throw new ApiError('not-found', `Budget line ${lineId} does not exist in this workbook (it may have been deleted).`, `lineId ${lineId}`);
    return line;
  }

  /** Sets (or, with null, clears) one cell of the active version. */
  setCell(lineId: number, period: number, value: AmountText | null, actor: string): number {
    return this.db
      .transaction(() => {
        const line = this.requireLine(lineId);
        const { periodCount } = this.calendar();
        if (period >= periodCount) {
          throw new ApiError('invalid-input', `Period ${period} is outside this workbook's calendar (periods 0 to ${periodCount - 1}).`, 'period');
        }
        const version = this.activeVersion();
        const before = this.db
          .prepare<[number, number, number], { amount: string }>('SELECT amount FROM cell_values WHERE line_id = ? AND version_id = ? AND period = ?')
          .get(line.id, version.id, period);
        if (value === null) {
          this.db.prepare('DELETE FROM cell_values WHERE line_id = ? AND version_id = ? AND period = ?').run(line.id, version.id, period);
        } else {
          this.db
            .prepare('INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET amount = excluded.amount')
            .run(line.id, version.id, period, value);
        }
        return this.bumpRevision(actor, 'sheet/set-cell', { lineId, versionId: version.id, period, before: before?.amount ?? null, after: value });
      })
      .immediate();
  }

  addLine(departmentId: number, accountId: number, description: string, actor: string): { line: BudgetLine; revision: number } {
    return this.db
      .transaction(() => {
        if (this.db.prepare('SELECT 1 FROM departments WHERE id = ?').get(departmentId) === undefined) {
          throw new ApiError('not-found', `Department ${departmentId} does not exist in this workbook.`, 'departmentId');
        }
        const account = this.db.prepare<[number], { type: AccountType }>('SELECT type FROM accounts WHERE id = ?').get(accountId);
        if (account === undefined) throw new ApiError('not-found', `Account ${accountId} does not exist in this workbook.`, 'accountId');
        const next = this.db.prepare<[], { next: number }>('SELECT COALESCE(MAX(sort_order), 0) + 1 AS next FROM budget_lines').get();
        const result = this.db
          .prepare('INSERT INTO budget_lines (department_id, account_id, description, sort_order) VALUES (?, ?, ?, ?)')
          .run(departmentId, accountId, description, next?.next ?? 1);
        const id = Number(result.lastInsertRowid);
        const revision = this.bumpRevision(actor, 'sheet/add-line', { lineId: id, departmentId, accountId, description });
        const line: BudgetLine = { id, departmentId, accountId, description, values: new Array<null>(this.calendar().periodCount).fill(null) };
        return { line, revision };
      })
      .immediate();
  }

  /** Deletes a line and its values in every version; the audit record keeps what was deleted. */
  deleteLine(lineId: number, actor: string): number {
    return this.db
      .transaction(() => {
        const line = this.requireLine(lineId);
        const values = this.db.prepare('SELECT version_id, period, amount FROM cell_values WHERE line_id = ?').all(lineId);
        this.db.prepare('DELETE FROM budget_lines WHERE id = ?').run(lineId);
        return this.bumpRevision(actor, 'sheet/delete-line', { line, values });
      })
      .immediate();
  }
}

function writeSeed(db: Database.Database, seed: WorkbookSeed, actor: string): void {
  const setSetting = db.prepare('INSERT INTO workbook_settings (key, value) VALUES (?, ?)');
  const settings: Record<string, string> = {
    name: seed.name,
    currency: seed.currency,
    fiscal_start_year: String(seed.calendar.startYear),
    fiscal_start_month: String(seed.calendar.startMonth),
    period_count: String(seed.calendar.periodCount),
    revision: '0',
  };
  for (const [key, value] of Object.entries(settings)) setSetting.run(key, value);
  const now = new Date().toISOString();
  const versionId = Number(db.prepare("INSERT INTO versions (name, kind, created_at) VALUES (?, 'budget', ?)").run(seed.versionName, now).lastInsertRowid);
  const departmentIds = new Map<string, number>();
  const insertDepartment = db.prepare('INSERT INTO departments (name, sort_order) VALUES (?, ?)');
  seed.departments.forEach((name, index) => departmentIds.set(name, Number(insertDepartment.run(name, index + 1).lastInsertRowid)));
  const accountIds = new Map<string, number>();
  const insertAccount = db.prepare('INSERT INTO accounts (code, name, type, sort_order) VALUES (?, ?, ?, ?)');
  seed.accounts.forEach((account, index) =>
    accountIds.set(account.code, Number(insertAccount.run(account.code, account.name, account.type, index + 1).lastInsertRowid)),
  );
  const insertLine = db.prepare('INSERT INTO budget_lines (department_id, account_id, description, sort_order) VALUES (?, ?, ?, ?)');
  const insertCell = db.prepare('INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (?, ?, ?, ?)');
  seed.lines.forEach((line, index) => {
    const departmentId = departmentIds.get(line.department);
    const accountId = accountIds.get(line.accountCode);
    if (departmentId === undefined || accountId === undefined) {
      throw new Error(`Seed line "${line.description}" names an unknown department or account (${line.department}, ${line.accountCode}).`);
    }
    const lineId = Number(insertLine.run(departmentId, accountId, line.description, index + 1).lastInsertRowid);
    line.values.forEach((amount, period) => {
      if (amount !== null) insertCell.run(lineId, versionId, period, amount);
    });
  });
  db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
    now,
    actor,
    'workbook/create-file',
    JSON.stringify({ name: seed.name, lines: seed.lines.length }),
  );
}
