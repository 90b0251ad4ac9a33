import { IdleCheckpoint } from './idle-checkpoint';
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { placeFinishedFile, refuseExisting } from './workbook-file-placement';
import { ApiError } from '../../shared/api/errors';
import { periodsOf, type FiscalCalendar, type Period } from '../../shared/calendar/fiscal-calendar';
import type { ImportContext, ImportPlan } from '../../shared/import/plan-import';
import type { ImportTarget } from '../../shared/import/import-target';
import type { BudgetLine, SheetComment, BudgetVersion, SheetModel, VersionSummary, WorkbookInfo } from '../../shared/domain/workbook';
import type { HistoryReceipt, WriteReceipt } from '../../shared/api/sheet-api';
import type { CellEdit, HistoryState } from '../../shared/domain/cell-edit';
import { EditHistory } from './edit-history';
import { writeCellChanges, writeSetting, type Direction, type EditStep, type RowChange } from './edit-steps';
import { configureConnection, openWorkbookDatabase } from './open-database';
import type { ReadOnlyReason } from './file-access';
import { migrate } from './migrations/migrate';
import type { WorkbookSeed } from './workbook-seed';
import { writeSeed } from './write-seed';
import { RESOLVED_FORMULA } from './sheet-reader';
import { checkedCellChanges } from './cell-edits';
import type { CompactSheet } from '../../shared/sheet/compact-sheet';
import { DimensionStore } from './dimension-store';
import { LineWrites } from './line-writes';
import { ImportWrites } from './import-writes';
import { SheetModelReader } from './sheet-model-reader';
import { VersionApproval } from './version-approval';
import { VersionLineWrites } from './version-line-writes';
import { UndoRedo } from './undo-redo';
import { writeStepAudit } from './audit-trail';
import { readAudit, writeAuditChanges } from './audit-changes';
import type { AuditChange, AuditFilter, AuditPage } from '../../shared/domain/audit';
import type { ApprovalAction } from '../../shared/domain/approval';

/**
 * One open workbook file. Every write is one SQLite transaction that also bumps the revision
 * and appends to the audit log, so what the UI shows as saved is on disk.
 */
export class WorkbookStore {
  private readonly edits: EditHistory;
  private readonly checkpoint: IdleCheckpoint;
  private readonly sheets: SheetModelReader;
  private readonly lineWrites: LineWrites;
  private readonly importWrites: ImportWrites;
  private readonly versionLines: VersionLineWrites;
  private readonly undoRedo: UndoRedo;
  private readonly approval: VersionApproval;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    /** why the file can only be read (its file or folder is read-only), null when it can be changed */
    readonly readOnlyReason: ReadOnlyReason | null = null,
  ) {
    this.edits = new EditHistory(db);
    this.checkpoint = new IdleCheckpoint(db);
    // Each part gets only what it uses; the commit path (commit, bumpRevision) stays private here and is lent as a function.
    this.sheets = new SheetModelReader({ db, workbook: this });
    this.approval = new VersionApproval({
      db,
      workbook: this,
      commit: (step, label, actor, action, detail, changes) => this.commit(step, label, actor, action, detail, changes),
    });
    this.lineWrites = new LineWrites({
      db,
      workbook: this,
      // Departments, accounts and profiles: their own store, over this file and its one commit path.
      dimensions: new DimensionStore(this),
      commit: (step, label, actor, action, detail) => this.commit(step, label, actor, action, detail),
      revision: () => Number(this.setting('revision')),
    });
    this.versionLines = new VersionLineWrites({
      db,
      workbook: this,
      requireLine: (lineId) => this.lineWrites.requireLine(lineId),
      commit: (step, label, actor, action, detail) => this.commit(step, label, actor, action, detail),
    });
    this.undoRedo = new UndoRedo({
      db,
      workbook: this,
      edits: this.edits,
      requireStepUnlocked: (step, what) => this.approval.requireStepUnlocked(step, what),
      bumpRevision: (actor, action, label, detail, audit) => this.bumpRevision(actor, action, label, detail, audit),
    });
    this.importWrites = new ImportWrites({
      db,
      workbook: this,
      priorYearVersion: () => this.sheets.priorYearVersion(),
      commit: (step, label, actor, action, detail) => this.commit(step, label, actor, action, detail),
    });
  }

  static open(path: string): WorkbookStore {
    const { db, readOnlyReason } = openWorkbookDatabase(path);
    return new WorkbookStore(path, db, readOnlyReason);
  }

  /**
   * Writes a new workbook next to `path` and renames it into place, so no half-made file is ever seen
   * there. A file already at `path` is refused, or replaced whole when `replace` says the user agreed.
   */
  static create(path: string, seed: WorkbookSeed, actor: string, replace = false): WorkbookStore {
    if (!replace) refuseExisting(path);
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
      placeFinishedFile(temporary, path, replace);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    return WorkbookStore.open(path);
  }

  close(): void {
    this.checkpoint.cancel();
    this.sheets.forget();
    if (!this.db.open) return;
    // A read-only workbook is a copy in memory: there is nothing to fold back into the file.
    if (this.readOnlyReason === null) this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  /**
   * Copies the workbook, as of its last committed write, to a new file (via a temporary file and a
   * rename). A file already at `destination` is refused, or replaced whole when `replace` says the
   * user agreed to it.
   */
  async copyTo(destination: string, replace = false): Promise<void> {
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
      placeFinishedFile(temporary, destination, replace);
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

  /** The months of the plan year, labelled. */
  sheetPeriods(): Period[] {
    return periodsOf(this.calendar());
  }

  calendar(): FiscalCalendar {
    return {
      startYear: Number(this.setting('fiscal_start_year')),
      startMonth: Number(this.setting('fiscal_start_month')),
      periodCount: Number(this.setting('period_count')),
    };
  }

  /** The versions of the plan year (not last year's actuals), budgets first, then actuals, forecasts and scenarios. */
  versions(): VersionSummary[] {
    return this.db
      .prepare<[], VersionSummary>(
        `SELECT id, name, kind, status, owner, based_on AS basedOn, created_at AS createdAt, closed_through AS closedThrough FROM versions
          WHERE period_offset = 0 AND deleted_at IS NULL
          ORDER BY CASE kind WHEN 'budget' THEN 0 WHEN 'actuals' THEN 1 WHEN 'forecast' THEN 2 ELSE 3 END, id`,
      )
      .all();
  }

  /** A live version of the plan year, or a clear refusal naming the id. */
  versionRow(versionId: number): VersionSummary {
    const row = this.db
      .prepare<[number], VersionSummary>(
        'SELECT id, name, kind, status, owner, based_on AS basedOn, created_at AS createdAt, closed_through AS closedThrough FROM versions WHERE id = ? AND period_offset = 0 AND deleted_at IS NULL',
      )
      .get(versionId);
    if (row === undefined) throw new ApiError('not-found', `Version ${versionId} does not exist in this workbook (it may have been deleted). Pick a version from the list.`, 'versionId');
    return row;
  }

  /** The budget that funded proposals flow into and that opens first: the first budget version (or the first version). */
  defaultVersionId(): number {
    const first = this.versions()[0];
    if (first === undefined) throw new ApiError('corrupt', `${this.path} has no version of its plan year.`, this.path);
    return first.id;
  }

  /** The last closed month (a period index), or null before the first close. */
  actualsThrough(): number | null {
    const value = this.settingOrNull('actuals_through');
    return value === null || value === '' ? null : Number(value);
  }

  /** Sets the last closed month (inside the caller's transaction) and returns the row change for the undo step. */
  writeActualsThrough(period: number | null): RowChange[] {
    const { periodCount } = this.calendar();
    if (period !== null && period >= periodCount) {
      throw new ApiError('invalid-input', `Month ${period + 1} is outside this workbook's calendar (${periodCount} months).`, 'period');
    }
    const change = writeSetting(this.db, 'actuals_through', period === null ? '' : String(period));
    return change === null ? [] : [change];
  }

  /** Refuses an import into a forecast's closed months: they show the actuals, which an import into the actuals version changes. */
  requireOpenMonths(plan: Pick<ImportPlan, 'cells'>, target: ImportTarget): void {
    this.importWrites.requireOpenMonths(plan, target);
  }

  /** A line's formula in a plan version: the version's own where it has one, else the line's. */
  formulaIn(lineId: number, versionId: number): string | null {
    const row = this.db
      .prepare<[number, number], { formula: string | null }>(`SELECT ${RESOLVED_FORMULA} AS formula FROM budget_lines l LEFT JOIN version_formulas o ON o.line_id = l.id AND o.version_id = ? WHERE l.id = ?`)
      .get(versionId, lineId);
    return row?.formula ?? null;
  }

  /** Where an import into actuals of the plan year moves “actuals through”: the last month it fills, when later than now; else null. */
  actualsThroughAfter(plan: Pick<ImportPlan, 'cells'>, target: ImportTarget): number | null {
    return this.importWrites.actualsThroughAfter(plan, target);
  }

  /** A version with its approval history. */
  version(versionId: number): BudgetVersion {
    return this.approval.version(versionId);
  }

  /** Refuses a change to a version's values while it is approved (see VersionApproval). */
  requireVersionUnlocked(versionId: number, what: string): void {
    this.approval.requireVersionUnlocked(versionId, what);
  }

  /** Refuses a change to what every version shares while any version is approved. */
  requireUnlocked(what: string): void {
    this.approval.requireUnlocked(what);
  }

  /** Moves a version's approval status one step, recorded with who, when and why; not an undo step. */
  setVersionStatus(versionId: number, action: ApprovalAction, reason: string, actor: string): WriteReceipt & { version: BudgetVersion } {
    return this.approval.setVersionStatus(versionId, action, reason, actor);
  }

  /** The audit trail, newest first, filtered. */
  audit(filter: AuditFilter): AuditPage {
    return readAudit(this.db, filter);
  }

  /** Everything the sheet needs to draw one version. Actuals are recorded amounts: their lines carry no formula. */
  sheet(versionId: number): SheetModel {
    return this.sheets.sheet(versionId);
  }

  /** What `sheet/read-sheet` sends: the compact sheet, kept frozen until the file changes (see SheetAnswerCache). */
  sheetAnswer(versionId: number): CompactSheet {
    return this.sheets.sheetAnswer(versionId);
  }

  /** The sheet of one version with its lines as columns (see CompactSheet). */
  compactSheet(versionId: number): CompactSheet {
    return this.sheets.compactSheet(versionId);
  }

  /** For a forecast with a switch-over: the actuals version its closed months show, and how many months. */
  actualsFor(version: VersionSummary): { id: number; name: string; months: number } | null {
    if (version.kind !== 'forecast' || version.closedThrough === null) return null;
    const source = this.versions().find((candidate) => candidate.kind === 'actuals');
    return source === undefined ? null : { id: source.id, name: source.name, months: version.closedThrough + 1 };
  }

  /**
   * Ends every write: records the undo step (if any), the audit record with each change the
   * step made (or the changes given), and bumps the revision. Runs inside the write's
   * transaction, so the change, its undo step and its audit trail are on disk together.
   */
  private commit(step: EditStep | null, label: string, actor: string, action: string, detail: unknown, changes?: readonly AuditChange[]): number {
    if (step !== null) this.edits.record(step, label, actor);
    return this.bumpRevision(actor, action, label, detail, changes ?? (step === null ? [] : { step, direction: 'forward' }));
  }

  /** Bumps the revision and writes the audit record: with the changes given, or with what `audit.step` changed seen in its direction. */
  private bumpRevision(actor: string, action: string, label: string, detail: unknown, audit: readonly AuditChange[] | { step: EditStep; direction: Direction }): number {
    this.db.prepare("UPDATE workbook_settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'").run();
    const auditId = Number(
      this.db.prepare('INSERT INTO audit_log (at, actor, action, label, detail) VALUES (?, ?, ?, ?, ?)').run(new Date().toISOString(), actor, action, label, JSON.stringify(detail)).lastInsertRowid,
    );
    if ('step' in audit) writeStepAudit(this.db, auditId, audit.step, audit.direction);
    else writeAuditChanges(this.db, auditId, audit);
    this.checkpoint.afterWrite();
    return Number(this.setting('revision'));
  }

  history(): HistoryState {
    return this.edits.state();
  }

  /** The connection, for the stores of other domains (proposals) that share this file. Reads only outside `change`. */
  get database(): Database.Database {
    return this.db;
  }

  /**
   * Runs one change of another domain's store in an immediate transaction: `apply` writes and
   * returns the undo step (null when nothing changed), its label and the audit detail. The
   * step is recorded and the revision bumped in the same transaction, as for sheet changes.
   */
  change<T extends object>(action: string, actor: string, apply: () => { step: EditStep | null; label: string; detail: unknown; result: T }, lockedWhat = 'changing its lines is'): WriteReceipt & T {
    return this.db
      .transaction(() => {
        const { step, label, detail, result } = apply();
        if (step !== null) this.approval.requireStepUnlocked(step, lockedWhat);
        const revision = this.commit(step, label, actor, action, detail);
        return { ...result, revision, history: this.edits.state() };
      })
      .immediate();
  }

  /** A workbook setting, or null where the file has none. */
  settingOrNull(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM workbook_settings WHERE key = ?').get(key)?.value ?? null;
  }

  /**
   * Sets (or, with null, clears) cells of the active version: all of them or, when any is
   * invalid, none. One transaction, one undo step, one audit record.
   */
  setCells(versionId: number, edits: readonly CellEdit[], label: string, actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        const version = this.versionRow(versionId);
        this.requireVersionUnlocked(versionId, 'its values are');
        const changes = checkedCellChanges(this.db, { version, closed: this.actualsFor(version), periodCount: this.calendar().periodCount }, edits);
        writeCellChanges(this.db, changes, 'forward');
        const revision = this.commit(changes.length > 0 ? { kind: 'cells', changes } : null, label, actor, 'sheet/set-cells', { cells: changes.length });
        return { revision, history: this.edits.state() };
      })
      .immediate();
  }

  addLine(departmentId: number, accountId: number, description: string, actor: string): { line: BudgetLine; revision: number; history: HistoryState } {
    return this.lineWrites.addLine(departmentId, accountId, description, actor);
  }

  /** This workbook's id (department packages carry it), and a setting only packages have. */
  workbookId(): string {
    return this.settingOrNull('workbook_id') ?? '';
  }

  /** Writes a setting outside the undo history: what a package file says of itself when it is cut. */
  writeMarker(key: string, value: string): void {
    this.db.prepare('INSERT INTO workbook_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The months an import into a version or last year's actuals takes. */
  importPeriods(target: ImportTarget): Period[] {
    return this.importWrites.importPeriods(target);
  }

  /** What an import into a version or last year's actuals is checked against: the months, the lines and their values. */
  importContext(target: ImportTarget): ImportContext {
    return this.importWrites.importContext(target);
  }

  /** Writes a checked import in one transaction, one undo step and one audit record (see ImportWrites). */
  importCells(plan: Pick<ImportPlan, 'newLines' | 'cells'>, target: ImportTarget, label: string, actor: string, action = 'import/commit'): WriteReceipt & { linesAdded: number; cellsSet: number } {
    return this.importWrites.importCells(plan, target, label, actor, action);
  }

  /** Deletes a line and its values in every version; the undo step and the audit record keep what was deleted. */
  deleteLine(lineId: number, actor: string): WriteReceipt {
    return this.lineWrites.deleteLine(lineId, actor);
  }

  /** Sets or clears a line's formula in one version, kept as written (see VersionLineWrites). */
  setFormula(versionId: number, lineId: number, formula: string | null, actor: string): WriteReceipt {
    return this.versionLines.setFormula(versionId, lineId, formula, actor);
  }

  addComment(versionId: number, lineId: number, period: number | null, text: string, actor: string): WriteReceipt & { comment: SheetComment } {
    return this.versionLines.addComment(versionId, lineId, period, text, actor);
  }

  deleteComment(commentId: number, actor: string): WriteReceipt {
    return this.versionLines.deleteComment(commentId, actor);
  }

  /** Renames a line; formulas that use it follow the new name, in the same undo step. */
  renameLine(lineId: number, description: string, actor: string): WriteReceipt {
    return this.lineWrites.renameLine(lineId, description, actor);
  }

  /** Deletes a department; one with lines only when `withLines` says the user confirmed deleting them too (see LineWrites). */
  deleteDepartment(id: number, actor: string, withLines = false): WriteReceipt {
    return this.lineWrites.deleteDepartment(id, actor, withLines);
  }

  /** Moves a line to another department and/or account, at the end of its new place. */
  relocateLine(lineId: number, departmentId: number, accountId: number, actor: string): WriteReceipt {
    return this.lineWrites.relocateLine(lineId, departmentId, accountId, actor);
  }

  /** Moves a line one place up or down among the lines of its department and account. */
  moveLine(lineId: number, direction: 'up' | 'down', actor: string): WriteReceipt {
    return this.lineWrites.moveLine(lineId, direction, actor);
  }

  /** Undoes (or redoes) the workbook's next step, in one transaction (see UndoRedo). */
  stepHistory(direction: 'undo' | 'redo', shownVersionId: number, actor: string): HistoryReceipt {
    return this.undoRedo.stepHistory(direction, shownVersionId, actor);
  }
}
