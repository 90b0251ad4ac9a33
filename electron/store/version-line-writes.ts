import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { SheetComment } from '../../shared/domain/workbook';
import { writeFormula, type EditStep, type StoredComment } from './edit-steps';
import type { LineRow } from './line-writes';
import type { WorkbookStore } from './workbook-store';

/** What these writes need of their workbook: the connection, its reads and checks, a line as stored, and the commit path. */
export interface VersionLineWritesContext {
  readonly db: Database.Database;
  readonly workbook: Pick<WorkbookStore, 'versionRow' | 'requireVersionUnlocked' | 'formulaIn' | 'calendar' | 'history'>;
  /** a line as stored, or a clear refusal naming the id */
  requireLine(lineId: number): LineRow;
  /** records the undo step and the audit record and bumps the revision, inside the write's transaction */
  commit(step: EditStep | null, label: string, actor: string, action: string, detail: unknown): number;
}

/**
 * What one version holds of a line besides its amounts: the line's formula in that version and the
 * comments on it. Each write is one immediate transaction ending in the workbook's commit.
 */
export class VersionLineWrites {
  constructor(private readonly context: VersionLineWritesContext) {}

  private get db(): Database.Database {
    return this.context.db;
  }

  private get workbook(): VersionLineWritesContext['workbook'] {
    return this.context.workbook;
  }

  /**
   * Sets or clears a line's formula in one version, kept as written; entered amounts stay in the
   * file for when the formula is cleared. Other versions keep theirs (a scenario asks "what if the
   * rate were 9,000?"); actuals are recorded amounts and take none.
   */
  setFormula(versionId: number, lineId: number, formula: string | null, actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        const version = this.workbook.versionRow(versionId);
        if (version.kind === 'actuals') {
          throw new ApiError('invalid-input', `“${version.name}” holds actuals, which are recorded amounts: formulas drive budgets, forecasts and scenarios. Type or import the amounts instead.`, 'versionId');
        }
        this.workbook.requireVersionUnlocked(versionId, 'its formulas are');
        const line = this.context.requireLine(lineId);
        const before = this.workbook.formulaIn(lineId, versionId);
        const after = formula === null || formula.trim() === '' ? null : formula.trim();
        if (before !== after) writeFormula(this.db, lineId, versionId, after);
        const label = after === null ? `clear the formula of “${line.description}” in “${version.name}”` : `formula of “${line.description}” in “${version.name}”`;
        const step: EditStep | null = before === after ? null : { kind: 'formula', lineId, versionId, before, after };
        const revision = this.context.commit(step, label, actor, 'sheet/set-formula', { lineId, versionId, before, after });
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }

  addComment(versionId: number, lineId: number, period: number | null, text: string, actor: string): WriteReceipt & { comment: SheetComment } {
    return this.db
      .transaction(() => {
        this.workbook.versionRow(versionId);
        const line = this.context.requireLine(lineId);
        const { periodCount } = this.workbook.calendar();
        if (period !== null && period >= periodCount) {
          throw new ApiError('invalid-input', `Period ${period} is outside this workbook's calendar (periods 0 to ${periodCount - 1}).`, 'period');
        }
        const createdAt = new Date().toISOString();
        const id = Number(
          this.db.prepare('INSERT INTO comments (line_id, version_id, period, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(lineId, versionId, period, text, actor, createdAt).lastInsertRowid,
        );
        const comment = { id, lineId, period, text, author: actor, createdAt };
        const revision = this.context.commit({ kind: 'comment', comment: { ...comment, versionId }, added: true }, `comment on “${line.description}”`, actor, 'sheet/add-comment', { ...comment, versionId });
        return { revision, history: this.workbook.history(), comment };
      })
      .immediate();
  }

  deleteComment(commentId: number, actor: string): WriteReceipt {
    return this.db
      .transaction(() => {
        const comment = this.db
          .prepare<[number], StoredComment>('SELECT id, line_id AS lineId, version_id AS versionId, period, text, author, created_at AS createdAt FROM comments WHERE id = ?')
          .get(commentId);
        if (comment === undefined) throw new ApiError('not-found', `Comment ${commentId} does not exist (it may have been deleted).`, 'commentId');
        this.db.prepare('DELETE FROM comments WHERE id = ?').run(commentId);
        const revision = this.context.commit({ kind: 'comment', comment, added: false }, 'delete a comment', actor, 'sheet/delete-comment', comment);
        return { revision, history: this.workbook.history() };
      })
      .immediate();
  }
}
