import type Database from 'better-sqlite3';
import type { HistoryState } from '../../shared/domain/cell-edit';
import { applyStep, type EditStep } from './edit-steps';
import { stepOfStoredText, storedStepText } from './packed-steps';

/** How many steps the file keeps; older ones are dropped as new ones come. */
export const HISTORY_LIMIT = 5000;

interface HistoryRow {
  id: number;
  label: string;
  step: string;
}

/** The step an undo or redo would apply next. */
export interface NextStep {
  id: number;
  label: string;
  step: EditStep;
}

/** Statements every write or undo runs, prepared once per connection (they find rows by the `undone, id` index of migration 13). */
interface HistoryStatements {
  dropRedo: Database.Statement;
  insert: Database.Statement;
  trim: Database.Statement;
  nextUndo: Database.Statement<[], HistoryRow>;
  nextRedo: Database.Statement<[], HistoryRow>;
  mark: Database.Statement;
  undoLabel: Database.Statement<[], { label: string }>;
  redoLabel: Database.Statement<[], { label: string }>;
}

function statementsOf(db: Database.Database): HistoryStatements {
  return {
    dropRedo: db.prepare('DELETE FROM edit_history WHERE undone = 1'),
    insert: db.prepare('INSERT INTO edit_history (at, actor, label, step) VALUES (?, ?, ?, ?)'),
    trim: db.prepare('DELETE FROM edit_history WHERE id <= (SELECT MAX(id) FROM edit_history) - ?'),
    nextUndo: db.prepare<[], HistoryRow>('SELECT id, label, step FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    nextRedo: db.prepare<[], HistoryRow>('SELECT id, label, step FROM edit_history WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
    mark: db.prepare('UPDATE edit_history SET undone = ? WHERE id = ?'),
    undoLabel: db.prepare<[], { label: string }>('SELECT label FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    redoLabel: db.prepare<[], { label: string }>('SELECT label FROM edit_history WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
  };
}

/**
 * The workbook's undo history, kept in the file. A step is recorded in the same transaction
 * as the change it undoes; recording a new step drops the steps that had been undone (the
 * redo branch), as in every editor. Steps are stored packed (see packed-steps.ts).
 */
export class EditHistory {
  private statementsPrepared: HistoryStatements | null = null;

  constructor(private readonly db: Database.Database) {}

  private get statements(): HistoryStatements {
    return (this.statementsPrepared ??= statementsOf(this.db));
  }

  record(step: EditStep, label: string, actor: string): void {
    const { dropRedo, insert, trim } = this.statements;
    dropRedo.run();
    insert.run(new Date().toISOString(), actor, label, storedStepText(step));
    trim.run(HISTORY_LIMIT);
  }

  /** The step an undo or redo would apply next, without applying it: hand it to `apply` to apply it. */
  peek(direction: 'undo' | 'redo'): NextStep | null {
    const row = (direction === 'undo' ? this.statements.nextUndo : this.statements.nextRedo).get();
    return row === undefined ? null : { id: row.id, label: row.label, step: stepOfStoredText(row.step) };
  }

  /** Applies a step `peek` gave, undone or redone, and marks it so. Runs inside the caller's transaction, the one `peek` ran in. */
  apply(next: NextStep, direction: 'undo' | 'redo'): void {
    applyStep(this.db, next.step, direction === 'undo' ? 'backward' : 'forward');
    this.statements.mark.run(direction === 'undo' ? 1 : 0, next.id);
  }

  state(): HistoryState {
    const undo = this.statements.undoLabel.get();
    const redo = this.statements.redoLabel.get();
    return { undo: undo?.label ?? null, redo: redo?.label ?? null };
  }
}
