import type Database from 'better-sqlite3';
import type { HistoryState } from '../../shared/domain/cell-edit';
import { applyStep, type EditStep } from './edit-steps';

/** How many steps the file keeps; older ones are dropped as new ones come. */
export const HISTORY_LIMIT = 5000;

interface HistoryRow {
  id: number;
  label: string;
  step: string;
}

/**
 * The workbook's undo history, kept in the file. A step is recorded in the same transaction
 * as the change it undoes; recording a new step drops the steps that had been undone (the
 * redo branch), as in every editor.
 */
export class EditHistory {
  constructor(private readonly db: Database.Database) {}

  record(step: EditStep, label: string, actor: string): void {
    this.db.prepare('DELETE FROM edit_history WHERE undone = 1').run();
    this.db.prepare('INSERT INTO edit_history (at, actor, label, step) VALUES (?, ?, ?, ?)').run(new Date().toISOString(), actor, label, JSON.stringify(step));
    this.db.prepare('DELETE FROM edit_history WHERE id <= (SELECT MAX(id) FROM edit_history) - ?').run(HISTORY_LIMIT);
  }

  /** The step an undo or redo would apply next, without applying it. */
  peek(direction: 'undo' | 'redo'): { label: string; step: EditStep } | null {
    const row = this.db
      .prepare<[], HistoryRow>(direction === 'undo' ? 'SELECT id, label, step FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1' : 'SELECT id, label, step FROM edit_history WHERE undone = 1 ORDER BY id ASC LIMIT 1')
      .get();
    return row === undefined ? null : { label: row.label, step: JSON.parse(row.step) as EditStep };
  }

  /** Applies the latest step backward; null when there is nothing to undo. Runs inside the caller's transaction. */
  undo(): { label: string; step: EditStep } | null {
    return this.replay('SELECT id, label, step FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1', 'backward', 1);
  }

  /** Applies the earliest undone step forward again; null when there is nothing to redo. */
  redo(): { label: string; step: EditStep } | null {
    return this.replay('SELECT id, label, step FROM edit_history WHERE undone = 1 ORDER BY id ASC LIMIT 1', 'forward', 0);
  }

  private replay(next: string, direction: 'forward' | 'backward', undone: 0 | 1): { label: string; step: EditStep } | null {
    const row = this.db.prepare<[], HistoryRow>(next).get();
    if (row === undefined) return null;
    const step = JSON.parse(row.step) as EditStep;
    applyStep(this.db, step, direction);
    this.db.prepare('UPDATE edit_history SET undone = ? WHERE id = ?').run(undone, row.id);
    return { label: row.label, step };
  }

  state(): HistoryState {
    const undo = this.db.prepare<[], { label: string }>('SELECT label FROM edit_history WHERE undone = 0 ORDER BY id DESC LIMIT 1').get();
    const redo = this.db.prepare<[], { label: string }>('SELECT label FROM edit_history WHERE undone = 1 ORDER BY id ASC LIMIT 1').get();
    return { undo: undo?.label ?? null, redo: redo?.label ?? null };
  }
}
