import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { fiscalYearLabel, periodsOf, type Period } from '../../shared/calendar/fiscal-calendar';
import type { ImportContext, ImportPlan } from '../../shared/import/plan-import';
import type { ImportTarget } from '../../shared/import/import-target';
import { cellWriter, type CellChange, type EditStep, type RowChange } from './edit-steps';
import type { WorkbookStore } from './workbook-store';

/** What an import needs of its workbook: the reads and checks every store may use, and the commit path only the workbook holds. */
export interface ImportWritesContext {
  readonly db: Database.Database;
  readonly workbook: Pick<
    WorkbookStore,
    'versionRow' | 'actualsFor' | 'sheetPeriods' | 'actualsThrough' | 'writeActualsThrough' | 'requireVersionUnlocked' | 'requireUnlocked' | 'calendar' | 'sheet' | 'defaultVersionId' | 'history'
  >;
  /** last year's actuals, when the workbook has them */
  priorYearVersion(): { id: number; name: string } | undefined;
  /** records the undo step and the audit record and bumps the revision, inside the write's transaction */
  commit(step: EditStep | null, label: string, actor: string, action: string, detail: unknown): number;
}

/**
 * Imports into a version or into last year's actuals: the checks an import plan is made and refused
 * against, and its write (new lines, then every cell) as one transaction, one undo step, one audit record.
 */
export class ImportWrites {
  constructor(private readonly context: ImportWritesContext) {}

  private get db(): Database.Database {
    return this.context.db;
  }

  private get workbook(): ImportWritesContext['workbook'] {
    return this.context.workbook;
  }

  /** Refuses an import into a forecast's closed months: they show the actuals, which an import into the actuals version changes. */
  requireOpenMonths(plan: Pick<ImportPlan, 'cells'>, target: ImportTarget): void {
    if (target.kind !== 'version') return;
    const version = this.workbook.versionRow(target.versionId);
    const closed = this.workbook.actualsFor(version);
    const first = closed === null ? undefined : plan.cells.find((cell) => cell.period < closed.months);
    if (closed === null || first === undefined) return;
    const month = this.workbook.sheetPeriods()[first.period]?.label ?? `month ${first.period + 1}`;
    throw new ApiError('invalid-input', `Nothing was imported: ${month} is closed, and “${version.name}” shows the actuals of “${closed.name}” there. Import into “${closed.name}”, or leave the closed months out of the file.`, 'target');
  }

  /** Where an import into actuals of the plan year moves “actuals through”: the last month it fills, when later than now; else null. */
  actualsThroughAfter(plan: Pick<ImportPlan, 'cells'>, target: ImportTarget): number | null {
    if (target.kind !== 'version' || this.workbook.versionRow(target.versionId).kind !== 'actuals') return null;
    const lastFilled = plan.cells.reduce((last, cell) => (cell.value === null ? last : Math.max(last, cell.period)), -1);
    const through = this.workbook.actualsThrough();
    return lastFilled >= 0 && (through === null || lastFilled > through) ? lastFilled : null;
  }

  /** The months an import into a version or last year's actuals takes. */
  importPeriods(target: ImportTarget): Period[] {
    const calendar = this.workbook.calendar();
    if (target.kind === 'version') this.workbook.versionRow(target.versionId);
    return target.kind === 'version' ? periodsOf(calendar) : periodsOf({ ...calendar, startYear: calendar.startYear - 1, periodCount: 12 });
  }

  /** What an import into a version or last year's actuals is checked against: the months, the lines and their values. */
  importContext(target: ImportTarget): ImportContext {
    const model = this.workbook.sheet(target.kind === 'version' ? target.versionId : this.workbook.defaultVersionId());
    const calendar = this.workbook.calendar();
    if (target.kind === 'version') {
      return { departments: model.departments, accounts: model.accounts, lines: model.lines, periods: model.periods, values: new Map(model.lines.map((line) => [line.id, line.values])), currency: model.workbook.currency };
    }
    const periods = periodsOf({ ...calendar, startYear: calendar.startYear - 1, periodCount: 12 });
    const prior = model.priorYear?.values ?? {};
    return { departments: model.departments, accounts: model.accounts, lines: model.lines, periods, values: new Map(Object.entries(prior).map(([lineId, values]) => [Number(lineId), values])), currency: model.workbook.currency };
  }

  /**
   * Writes a checked import in one transaction: the lines it creates, then every cell, as one
   * undo step and one audit record. Into a version, refused while it is approved; into last
   * year's actuals, the actuals version is created when the workbook has none. Actuals of the
   * plan year move "actuals through" forward to the last month the import fills.
   */
  importCells(plan: Pick<ImportPlan, 'newLines' | 'cells'>, target: ImportTarget, label: string, actor: string, action = 'import/commit'): WriteReceipt & { linesAdded: number; cellsSet: number } {
    return this.db
      .transaction(() => {
        let versionId: number;
        const settingChanges: RowChange[] = [];
        if (target.kind === 'version') {
          const version = this.workbook.versionRow(target.versionId);
          this.workbook.requireVersionUnlocked(version.id, 'importing into it is');
          this.requireOpenMonths(plan, target);
          versionId = version.id;
          const closesThrough = this.actualsThroughAfter(plan, target);
          if (closesThrough !== null) settingChanges.push(...this.workbook.writeActualsThrough(closesThrough));
        } else {
          versionId = this.context.priorYearVersion()?.id ?? this.createPriorYearVersion();
        }
        // New lines change the budget's structure, whichever version the values go to.
        if (plan.newLines.length > 0) this.workbook.requireUnlocked('adding lines is');
        const steps: EditStep[] = [];
        const lineIds = new Map<string, number>();
        let sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) FROM budget_lines').pluck().get() as number;
        const insertLine = this.db.prepare('INSERT INTO budget_lines (department_id, account_id, description, sort_order) VALUES (?, ?, ?, ?)');
        for (const line of plan.newLines) {
          sortOrder += 1;
          const id = Number(insertLine.run(line.departmentId, line.accountId, line.description, sortOrder).lastInsertRowid);
          lineIds.set(line.key, id);
          steps.push({ kind: 'add-line', line: { id, departmentId: line.departmentId, accountId: line.accountId, description: line.description, sortOrder } });
        }
        const current = this.db.prepare<[number, number, number], string>('SELECT amount FROM cell_values WHERE line_id = ? AND version_id = ? AND period = ?').pluck();
        const write = cellWriter(this.db);
        const changes: CellChange[] = [];
        for (const cell of plan.cells) {
          const lineId = 'id' in cell.line ? cell.line.id : lineIds.get(cell.line.key);
          if (lineId === undefined) throw new Error(`An imported cell refers to a line the import did not create (${JSON.stringify(cell.line)}).`);
          const before = (current.get(lineId, versionId, cell.period) as string | undefined) ?? null;
          if (before === cell.value) continue;
          write(lineId, versionId, cell.period, cell.value);
          changes.push({ lineId, versionId, period: cell.period, before, after: cell.value });
        }
        if (changes.length > 0) steps.push({ kind: 'cells', changes });
        if (settingChanges.length > 0) steps.push({ kind: 'rows', changes: settingChanges });
        const step: EditStep | null = steps.length === 0 ? null : steps.length === 1 ? (steps[0] as EditStep) : { kind: 'compound', steps };
        const revision = this.context.commit(step, label, actor, action, { target, linesAdded: plan.newLines.length, cellsSet: changes.length });
        return { revision, history: this.workbook.history(), linesAdded: plan.newLines.length, cellsSet: changes.length };
      })
      .immediate();
  }

  /** Creates last year's actuals (inside the caller's transaction), named after its year, or with “(last year)” when a version of the plan year has that name. */
  private createPriorYearVersion(): number {
    const { startYear, startMonth } = this.workbook.calendar();
    const label = `Actuals ${fiscalYearLabel({ startYear: startYear - 1, startMonth, periodCount: 12 })}`;
    const taken = this.db.prepare<[string], number>('SELECT 1 FROM versions WHERE name = ?').pluck().get(label) !== undefined;
    const insert = this.db.prepare("INSERT INTO versions (name, kind, created_at, period_offset) VALUES (?, 'actuals', ?, -12)");
    return Number(insert.run(taken ? `${label} (last year)` : label, new Date().toISOString()).lastInsertRowid);
  }
}
