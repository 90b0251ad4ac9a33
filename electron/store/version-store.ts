import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { AdjustmentReceipt, VersionContents } from '../../shared/api/version-api';
import { pathTo, type TreeNode } from '../../shared/domain/dimension-tree';
import { VERSION_KIND_LABELS, type BudgetLine, type SheetModel, type VersionKind, type VersionSummary } from '../../shared/domain/workbook';
import { planAdjustment, type Adjustment } from '../../shared/scenario/plan-adjustment';
import { buildSheetView } from '../../shared/sheet/sheet-view';
import type { RowChange, StoredRow } from './edit-steps';
import type { WorkbookStore } from './workbook-store';

/** Which lines a change takes; a filter left out takes all. */
export interface LineScope {
  departmentIds?: readonly number[] | undefined;
  accountIds?: readonly number[] | undefined;
  lineIds?: readonly number[] | undefined;
}

/**
 * A deleted version keeps its row and values (so the deletion can be undone) under a set-aside
 * name, which frees its name for a new version. The audit trail reads the name back.
 */
export function setAsideName(id: number, name: string): string {
  return `~deleted~${id}~${name}`;
}

/**
 * The columns of a version a step moves (its name and, for some, its deletion mark or switch-over),
 * with its id: only these, so undoing a rename never rewinds an approval status set since.
 */
function storedVersion(db: Database.Database, id: number, columns: readonly ('name' | 'deleted_at' | 'closed_through')[]): StoredRow {
  const row = db.prepare<[number], StoredRow>(`SELECT id, ${columns.join(', ')} FROM versions WHERE id = ?`).get(id);
  if (row === undefined) throw new Error(`Version ${id} vanished inside its own transaction.`);
  return row;
}

/** The versions of a workbook: create (empty or as a copy), rename, delete, and the last closed month. Every write goes through the workbook's one commit path. */
export class VersionStore {
  constructor(private readonly workbook: WorkbookStore) {}

  private get db(): Database.Database {
    return this.workbook.database;
  }

  private requireFreeName(name: string, exceptId: number | null): void {
    const taken = this.db.prepare<[string], number>('SELECT id FROM versions WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').pluck().get(name) as number | undefined;
    if (taken !== undefined && taken !== exceptId) throw new ApiError('invalid-input', `A version named “${name}” already exists. Choose another name.`, 'name');
  }

  /**
   * A new version of the plan year, empty or a copy of another's values and comments (lines and
   * their formulas are shared by all versions). One undo step: undo sets the version aside, redo
   * brings it back with everything it held.
   */
  create(input: { name: string; kind: VersionKind; copyFrom: number | null }, actor: string): WriteReceipt & { version: VersionSummary } {
    return this.workbook.change('version/create', actor, () => {
      const name = input.name.trim();
      this.requireFreeName(name, null);
      const source = input.copyFrom === null ? null : this.workbook.versionRow(input.copyFrom);
      const now = new Date().toISOString();
      const id = Number(
        this.db
          .prepare("INSERT INTO versions (name, kind, created_at, period_offset, owner, based_on, status, closed_through) VALUES (?, ?, ?, 0, ?, ?, 'draft', ?)")
          // A new forecast is the latest estimate: actuals through the last closed month, then its plan.
          .run(name, input.kind, now, actor, source?.id ?? null, input.kind === 'forecast' ? this.workbook.actualsThrough() : null).lastInsertRowid,
      );
      let cells = 0;
      // A copy holds what the source shows. Most copies are the stored cells, copied in SQL; a forecast's
      // closed months show actuals, and actuals record what a plan's formula lines compute: those copy the model.
      const fromModel = source !== null && (this.workbook.actualsFor(source) !== null || (input.kind === 'actuals' && source.kind !== 'actuals'));
      if (source !== null && fromModel) {
        const insert = this.db.prepare('INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (?, ?, ?, ?)');
        for (const row of buildSheetView(this.workbook.sheet(source.id), 'none').rows) {
          if (input.kind !== 'actuals' && row.line.formula !== null) continue;
          row.line.values.forEach((value, period) => {
            if (value === null) return;
            insert.run(row.line.id, id, period, value);
            cells += 1;
          });
        }
      } else if (source !== null) {
        cells = this.db.prepare('INSERT INTO cell_values (line_id, version_id, period, amount) SELECT line_id, ?, period, amount FROM cell_values WHERE version_id = ?').run(id, source.id).changes;
      }
      if (source !== null) {
        // A plan copies its source's own formulas; actuals take none.
        if (input.kind !== 'actuals') this.db.prepare('INSERT INTO version_formulas (line_id, version_id, formula) SELECT line_id, ?, formula FROM version_formulas WHERE version_id = ?').run(id, source.id);
        this.db
          .prepare('INSERT INTO comments (line_id, version_id, period, text, author, created_at) SELECT line_id, ?, period, text, author, created_at FROM comments WHERE version_id = ? ORDER BY id')
          .run(id, source.id);
      }
      const after = storedVersion(this.db, id, ['name', 'deleted_at']);
      // The step moves the version from set aside to live: undo sets it aside again, keeping its values for a redo.
      const change: RowChange = { table: 'versions', before: { ...after, name: setAsideName(id, name), deleted_at: now }, after };
      const what = source === null ? `new ${VERSION_KIND_LABELS[input.kind].toLowerCase()} “${name}”` : `“${name}”, a copy of “${source.name}”`;
      return {
        step: { kind: 'rows', changes: [change] },
        label: what,
        detail: { versionId: id, name, kind: input.kind, copyFrom: source?.id ?? null, cells },
        result: { version: this.workbook.versionRow(id) },
      };
    });
  }

  rename(versionId: number, name: string, actor: string): WriteReceipt {
    return this.workbook.change('version/rename', actor, () => {
      const version = this.workbook.versionRow(versionId);
      const next = name.trim();
      if (version.name === next) return { step: null, label: 'rename a version', detail: { versionId }, result: {} };
      this.requireFreeName(next, versionId);
      const before = storedVersion(this.db, versionId, ['name']);
      this.db.prepare('UPDATE versions SET name = ? WHERE id = ?').run(next, versionId);
      return {
        step: { kind: 'rows', changes: [{ table: 'versions', before, after: storedVersion(this.db, versionId, ['name']) }] },
        label: `rename “${version.name}” to “${next}”`,
        detail: { versionId, before: version.name, after: next },
        result: {},
      };
    }, 'renaming it is');
  }

  /** What a version holds, for the confirmation before deleting it. */
  contents(versionId: number): VersionContents {
    this.workbook.versionRow(versionId);
    const count = (sql: string) => this.db.prepare<[number], number>(sql).pluck().get(versionId) as number;
    return {
      cells: count('SELECT COUNT(*) FROM cell_values WHERE version_id = ?'),
      comments: count('SELECT COUNT(*) FROM comments WHERE version_id = ?'),
      lines: count('SELECT COUNT(DISTINCT line_id) FROM cell_values WHERE version_id = ?'),
    };
  }

  /** Deletes a version (undoable: its values stay in the file, set aside). Refused for the last version and an approved one. */
  delete(versionId: number, actor: string): WriteReceipt {
    return this.workbook.change('version/delete', actor, () => {
      const version = this.workbook.versionRow(versionId);
      this.workbook.requireVersionUnlocked(versionId, 'deleting it is');
      const versions = this.workbook.versions();
      if (versions.length <= 1) {
        throw new ApiError('invalid-input', `“${version.name}” is the workbook's only version: create another before deleting it.`, 'versionId');
      }
      if (version.kind === 'budget' && !versions.some((other) => other.kind === 'budget' && other.id !== version.id)) {
        throw new ApiError('invalid-input', `“${version.name}” is the workbook's only budget, which funded proposals flow into: create another budget before deleting it.`, 'versionId');
      }
      const before = storedVersion(this.db, versionId, ['name', 'deleted_at']);
      this.db.prepare('UPDATE versions SET name = ?, deleted_at = ? WHERE id = ?').run(setAsideName(versionId, version.name), new Date().toISOString(), versionId);
      return {
        step: { kind: 'rows', changes: [{ table: 'versions', before, after: storedVersion(this.db, versionId, ['name', 'deleted_at']) }] },
        label: `delete version “${version.name}”`,
        detail: { versionId, name: version.name },
        result: {},
      };
    }, 'deleting it is');
  }

  /**
   * Moves a forecast's switch-over one month on, after that month closed: the month shows its
   * actuals from then on; what was planned for the months ahead stays. One undo step.
   */
  rollForward(versionId: number, actor: string): WriteReceipt & { closedThrough: number } {
    return this.workbook.change('version/roll-forward', actor, () => {
      const version = this.workbook.versionRow(versionId);
      if (version.kind !== 'forecast') throw new ApiError('invalid-input', `“${version.name}” is a ${version.kind}: only a forecast rolls forward.`, 'versionId');
      const through = this.workbook.actualsThrough();
      const next = (version.closedThrough ?? -1) + 1;
      const periods = this.workbook.sheetPeriods();
      if (through === null || next > through) {
        const last = through === null ? 'No month has closed yet' : `${periods[through]?.label ?? `Month ${through + 1}`} is the last closed month`;
        throw new ApiError('invalid-input', `${last}: close ${periods[next]?.label ?? 'the next month'} first (import its actuals, or set “actuals through”), then roll “${version.name}” forward.`, 'versionId');
      }
      const before = storedVersion(this.db, versionId, ['name', 'closed_through']);
      this.db.prepare('UPDATE versions SET closed_through = ? WHERE id = ?').run(next, versionId);
      return {
        step: { kind: 'rows', changes: [{ table: 'versions', before, after: storedVersion(this.db, versionId, ['name', 'closed_through']) }] },
        label: `roll “${version.name}” forward to ${periods[next]?.label ?? `month ${next + 1}`}`,
        detail: { versionId, closedThrough: next },
        result: { closedThrough: next },
      };
    }, 'rolling it forward is');
  }

  /**
   * Moves the chosen lines' months by a percentage, or adds an amount to each, exact to the cent
   * (see planAdjustment); one undo step. Refused whole, with the reason, when the input is bad.
   */
  adjust(versionId: number, scope: LineScope, periods: readonly number[], adjustment: Adjustment, actor: string): AdjustmentReceipt {
    const model = this.workbook.sheet(versionId);
    const chosen = this.linesIn(model, scope);
    const accounts = new Map(model.accounts.map((account) => [account.id, account]));
    const outside = periods.find((period) => period >= model.periods.length);
    if (outside !== undefined) throw new ApiError('invalid-input', `Month ${outside + 1} is outside this workbook's calendar (${model.periods.length} months).`, 'periods');
    const plan = planAdjustment(
      chosen.map((line) => ({ ...line, unit: accounts.get(line.accountId)?.unit ?? 'currency' })),
      periods,
      adjustment,
    );
    if (!plan.ok) throw new ApiError('invalid-input', plan.message, plan.where);
    const how = adjustment.kind === 'percent' ? `${adjustment.percent.replace(/%$/, '')}%` : `${adjustment.amount} a month`;
    const span = periods.length === model.periods.length ? 'all months' : `${model.periods[Math.min(...periods)]?.label ?? ''}–${model.periods[Math.max(...periods)]?.label ?? ''}`;
    if (plan.edits.length === 0) return { revision: model.workbook.revision, history: model.history, cellsChanged: 0, rounded: 0, skipped: plan.skipped };
    const receipt = this.workbook.setCells(versionId, plan.edits, `adjust ${chosen.length} line${chosen.length === 1 ? '' : 's'} by ${how} (${span})`, actor);
    return { ...receipt, cellsChanged: plan.edits.length, rounded: plan.rounded, skipped: plan.skipped };
  }

  /** Brings one version's values into another for the chosen lines and months (all by default), as one undo step. Formula lines of the target compute and are passed by. */
  copyValues(fromVersionId: number, toVersionId: number, scope: LineScope, periods: readonly number[] | undefined, actor: string): WriteReceipt & { cellsChanged: number } {
    if (fromVersionId === toVersionId) throw new ApiError('invalid-input', 'Choose another version to bring values from: a version already holds its own values.', 'fromVersionId');
    const source = this.workbook.sheet(fromVersionId);
    const target = this.workbook.sheet(toVersionId);
    // What the source shows: its formula lines computed (actuals record them), a forecast's closed months as actuals.
    const shown = buildSheetView(source, 'none').rows.map((row) => row.line);
    const months = periods ?? source.periods.map((period) => period.index);
    const targetLines = new Map(target.lines.map((line) => [line.id, line]));
    const chosen = new Set(this.linesIn(source, scope).map((line) => line.id));
    const edits = shown.filter((line) => chosen.has(line.id)).flatMap((line) => {
      const into = targetLines.get(line.id);
      if (into === undefined || into.formula !== null) return [];
      return months.filter((period) => period >= target.actualMonths && (line.values[period] ?? null) !== (into.values[period] ?? null)).map((period) => ({ lineId: line.id, period, value: line.values[period] ?? null }));
    });
    if (edits.length === 0) return { revision: target.workbook.revision, history: target.history, cellsChanged: 0 };
    const receipt = this.workbook.setCells(toVersionId, edits, `bring ${edits.length} value${edits.length === 1 ? '' : 's'} from “${source.version.name}”`, actor);
    return { ...receipt, cellsChanged: edits.length };
  }

  /** The lines of a model on the given departments and accounts (with those under them) and among the given lines; every filter left out takes all. */
  private linesIn(model: SheetModel, scope: LineScope): BudgetLine[] {
    const withChildren = (ids: readonly number[] | undefined, nodes: readonly TreeNode[], what: string): Set<number> | null => {
      if (ids === undefined) return null;
      const byId = new Map(nodes.map((node) => [node.id, node]));
      const unknown = ids.find((candidate) => !byId.has(candidate));
      if (unknown !== undefined) throw new ApiError('not-found', `${what} ${unknown} does not exist in this workbook.`, what.toLowerCase());
      const chosen = new Set(ids);
      return new Set(nodes.filter((node) => pathTo(node.id, byId).some((above) => chosen.has(above.id))).map((node) => node.id));
    };
    const departments = withChildren(scope.departmentIds, model.departments, 'Department');
    const accounts = withChildren(scope.accountIds, model.accounts, 'Account');
    const lines = scope.lineIds === undefined ? null : new Set(scope.lineIds);
    return model.lines.filter((line) => (departments?.has(line.departmentId) ?? true) && (accounts?.has(line.accountId) ?? true) && (lines?.has(line.id) ?? true));
  }

  /** Sets the last closed month (or clears it), as an undo step. */
  setActualsThrough(period: number | null, actor: string): WriteReceipt & { actualsThrough: number | null } {
    return this.workbook.change('version/set-actuals-through', actor, () => {
      const changes = this.workbook.writeActualsThrough(period);
      const label = period === null ? 'clear “actuals through”' : `actuals through month ${period + 1}`;
      return { step: changes.length === 0 ? null : { kind: 'rows', changes }, label, detail: { period }, result: { actualsThrough: period } };
    });
  }
}
