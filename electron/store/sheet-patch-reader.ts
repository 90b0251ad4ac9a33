import type Database from 'better-sqlite3';
import type { Account, BudgetLine, Department, SheetComment } from '../../shared/domain/workbook';
import type { AmountText } from '../../shared/money/amount';
import { emptyPatch, type PlacedLine, type SheetPatch } from '../../shared/sheet/sheet-patch';
import type { Direction, EditStep, StoredComment } from './edit-steps';
import type { WorkbookStore } from './workbook-store';
import { stepOfStoredText } from './packed-steps';

/** Row tables a step may change without the sheet of any version changing (KPI definitions follow renames). */
const OFF_SHEET_TABLES = new Set(['kpis', 'kpi_inputs']);

/** What a step touched in the sheet: lines to read again, lines gone, comments, and whether departments or accounts changed. */
interface Touched {
  lines: Set<number>;
  removed: Set<number>;
  commentsAdded: Map<number, StoredComment>;
  commentsRemoved: Set<number>;
  dimensions: boolean;
}

/** Collects what `step`, applied in `direction`, touched; false when the sheet cannot be patched for it. */
function collect(step: EditStep, direction: Direction, touched: Touched): boolean {
  const place = (lineId: number) => {
    touched.removed.delete(lineId);
    touched.lines.add(lineId);
  };
  const remove = (lineId: number) => {
    touched.lines.delete(lineId);
    touched.removed.add(lineId);
  };
  const comment = (stored: StoredComment, added: boolean) => {
    if (added) {
      touched.commentsRemoved.delete(stored.id);
      touched.commentsAdded.set(stored.id, stored);
    } else {
      touched.commentsAdded.delete(stored.id);
      touched.commentsRemoved.add(stored.id);
    }
  };
  const forward = direction === 'forward';
  switch (step.kind) {
    case 'add-line':
      (forward ? place : remove)(step.line.id);
      return true;
    case 'delete-line':
      (forward ? remove : place)(step.line.id);
      for (const stored of step.comments ?? []) comment(stored, !forward);
      return true;
    case 'formula':
    case 'relocate-line':
      place(step.lineId);
      return true;
    case 'rename-line':
      place(step.lineId);
      for (const formula of step.formulas) place(formula.lineId);
      return true;
    case 'swap-lines':
      place(step.lineId);
      place(step.otherId);
      return true;
    case 'comment':
      comment(step.comment, step.added === forward);
      return true;
    case 'dimension':
      touched.dimensions = true;
      return true;
    case 'rows':
      return step.changes.every((change) => OFF_SHEET_TABLES.has(change.table));
    case 'compound': {
      const steps = forward ? step.steps : step.steps.slice().reverse();
      return steps.every((inner) => collect(inner, direction, touched));
    }
    default:
      // Cells (answered cell by cell), profiles: no patch.
      return false;
  }
}

interface PlacedRow {
  id: number;
  department_id: number;
  account_id: number;
  description: string;
  formula: string | null;
  proposal_id: number | null;
  goal_id: number | null;
  d_order: number;
  a_order: number;
  l_order: number;
}

/**
 * Reads, for the version the renderer shows, what a structural write or an undo/redo step
 * changed in its sheet (see SheetPatch). Reads only: call it inside or right after the write.
 */
export class SheetPatchReader {
  constructor(private readonly store: WorkbookStore) {}

  private get db(): Database.Database {
    return this.store.database;
  }

  /** The id of the newest step that can be undone (null: none): taken before a write, to find the step it recorded. */
  latestStepId(): number | null {
    return (this.db.prepare<[], number>('SELECT id FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined) ?? null;
  }

  /** After a write: the patch of the step it recorded (none recorded: an empty patch); null when it cannot be patched. */
  patchSince(stepIdBefore: number | null, versionId: number | undefined): SheetPatch | null {
    if (versionId === undefined) return null;
    const row = this.db.prepare<[], { id: number; step: string }>('SELECT id, step FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get();
    if (row === undefined || row.id === stepIdBefore) return this.versionExists(versionId) ? emptyPatch(versionId) : null;
    return this.patchOf(stepOfStoredText(row.step), 'forward', versionId);
  }

  /** The patch of `step` applied in `direction`, for the sheet of `versionId`; null when the sheet must be read again. */
  patchOf(step: EditStep, direction: Direction, versionId: number): SheetPatch | null {
    const touched: Touched = { lines: new Set(), removed: new Set(), commentsAdded: new Map(), commentsRemoved: new Set(), dimensions: false };
    if (!collect(step, direction, touched) || !this.versionExists(versionId)) return null;
    const patch = emptyPatch(versionId);
    const placed = [...touched.lines].map((lineId) => this.placedRow(lineId, versionId));
    for (const [index, lineId] of [...touched.lines].entries()) if (placed[index] === undefined) touched.removed.add(lineId);
    const present = placed.filter((row): row is PlacedRow => row !== undefined).sort(bySheetOrder);
    patch.lines = present.map((row) => this.placedLine(row, versionId));
    patch.removedLines = [...touched.removed];
    patch.commentsAdded = [...touched.commentsAdded.values()].filter((stored) => stored.versionId === versionId).map(sheetComment);
    patch.commentsRemoved = [...touched.commentsRemoved];
    if (touched.dimensions) {
      patch.departments = this.db.prepare<[], Department>('SELECT id, name, parent_id AS parentId FROM departments ORDER BY sort_order, id').all();
      patch.accounts = this.db.prepare<[], Account>('SELECT id, code, name, type, unit, parent_id AS parentId FROM accounts ORDER BY sort_order, id').all();
    }
    return patch;
  }

  private versionExists(versionId: number): boolean {
    return this.db.prepare('SELECT 1 FROM versions WHERE id = ? AND period_offset = 0 AND deleted_at IS NULL').get(versionId) !== undefined;
  }

  private placedRow(lineId: number, versionId: number): PlacedRow | undefined {
    return this.db
      .prepare<[number, number], PlacedRow>(
        `SELECT l.id, l.department_id, l.account_id, l.description, CASE WHEN o.line_id IS NULL THEN l.formula ELSE o.formula END AS formula,
                l.proposal_id, l.goal_id, d.sort_order AS d_order, a.sort_order AS a_order, l.sort_order AS l_order
           FROM budget_lines l
           JOIN departments d ON d.id = l.department_id
           JOIN accounts a ON a.id = l.account_id
           LEFT JOIN version_formulas o ON o.line_id = l.id AND o.version_id = ?
          WHERE l.id = ?`,
      )
      .get(versionId, lineId);
  }

  /** The line as `sheet/get-sheet` reads it for the version, and the line before it in the sheet's order. */
  private placedLine(row: PlacedRow, versionId: number): PlacedLine {
    const version = this.store.versionRow(versionId);
    const { periodCount } = this.store.calendar();
    const values = this.cellsOf(row.id, versionId, periodCount, periodCount);
    // A forecast shows the actuals in its closed months, as the sheet reads it.
    const actuals = this.store.actualsFor(version);
    if (actuals !== null) {
      values.fill(null, 0, actuals.months);
      this.cellsOf(row.id, actuals.id, actuals.months, periodCount).forEach((value, period) => {
        if (period < actuals.months) values[period] = value;
      });
    }
    const line: BudgetLine = {
      id: row.id,
      departmentId: row.department_id,
      accountId: row.account_id,
      description: row.description,
      values,
      formula: version.kind === 'actuals' ? null : row.formula,
      proposalId: row.proposal_id,
      goalId: row.goal_id,
    };
    const after = this.db
      .prepare<[number, number, number, number], number>(
        `SELECT l.id FROM budget_lines l JOIN departments d ON d.id = l.department_id JOIN accounts a ON a.id = l.account_id
          WHERE (d.sort_order, a.sort_order, l.sort_order, l.id) < (?, ?, ?, ?)
          ORDER BY d.sort_order DESC, a.sort_order DESC, l.sort_order DESC, l.id DESC LIMIT 1`,
      )
      .pluck()
      .get(row.d_order, row.a_order, row.l_order, row.id) as number | undefined;
    return { line, after: after ?? null, priorYear: this.priorYearOf(row.id) };
  }

  private cellsOf(lineId: number, versionId: number, below: number, periodCount: number): (AmountText | null)[] {
    const values = new Array<AmountText | null>(periodCount).fill(null);
    const cells = this.db.prepare<[number, number, number], { period: number; amount: string }>('SELECT period, amount FROM cell_values WHERE line_id = ? AND version_id = ? AND period < ?').all(lineId, versionId, below);
    for (const cell of cells) values[cell.period] = cell.amount;
    return values;
  }

  /** Last year's twelve months of the line, as the sheet reads them; null without last year's actuals or any cell there. */
  private priorYearOf(lineId: number): (AmountText | null)[] | null {
    const prior = this.db.prepare<[], number>('SELECT id FROM versions WHERE period_offset = -12 ORDER BY id').pluck().get() as number | undefined;
    if (prior === undefined) return null;
    const values = this.cellsOf(lineId, prior, 12, 12);
    return values.some((value) => value !== null) ? values : null;
  }
}

function bySheetOrder(a: PlacedRow, b: PlacedRow): number {
  return a.d_order - b.d_order || a.a_order - b.a_order || a.l_order - b.l_order || a.id - b.id;
}

function sheetComment(stored: StoredComment): SheetComment {
  const { versionId: _versionId, ...comment } = stored;
  return comment;
}
