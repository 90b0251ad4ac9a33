import type Database from 'better-sqlite3';
import type { VarianceComment } from '../../shared/api/compare-api';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { StoredRow } from './edit-steps';
import type { WorkbookStore } from './workbook-store';

const COLUMNS = 'id, base_version_id, comparison_version_id, row_key, span, text, author, created_at';

function commentOf(row: StoredRow): VarianceComment {
  return {
    id: Number(row.id),
    baseVersionId: Number(row.base_version_id),
    comparisonVersionId: Number(row.comparison_version_id),
    rowKey: String(row.row_key),
    span: String(row.span),
    text: String(row.text),
    author: String(row.author),
    createdAt: String(row.created_at),
  };
}

/** Comments that explain a variance between two versions; written through the workbook's one commit path, as undo steps. */
export class VarianceCommentStore {
  constructor(private readonly workbook: WorkbookStore) {}

  private get db(): Database.Database {
    return this.workbook.database;
  }

  /** The comments of a pair of versions; an unknown version is refused (naming it), not answered with none. */
  list(baseVersionId: number, comparisonVersionId: number): VarianceComment[] {
    this.requireVersion(baseVersionId, 'baseVersionId');
    this.requireVersion(comparisonVersionId, 'comparisonVersionId');
    return this.db
      .prepare<[number, number], StoredRow>(`SELECT ${COLUMNS} FROM variance_comments WHERE base_version_id = ? AND comparison_version_id = ? ORDER BY id`)
      .all(baseVersionId, comparisonVersionId)
      .map(commentOf);
  }

  private requireVersion(versionId: number, where: string): void {
    try {
      this.workbook.versionRow(versionId);
    } catch (error) {
      if (error instanceof ApiError) throw new ApiError(error.code, error.message, where);
      throw error;
    }
  }

  add(input: Omit<VarianceComment, 'id' | 'author' | 'createdAt'>, actor: string): WriteReceipt & { comment: VarianceComment } {
    return this.workbook.change('compare/add-comment', actor, () => {
      const base = this.workbook.versionRow(input.baseVersionId);
      const comparison = this.workbook.versionRow(input.comparisonVersionId);
      if (base.id === comparison.id) throw new ApiError('invalid-input', 'A variance is between two different versions: pick another comparison.', 'comparisonVersionId');
      const id = Number(
        this.db
          .prepare('INSERT INTO variance_comments (base_version_id, comparison_version_id, row_key, span, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(base.id, comparison.id, input.rowKey, input.span, input.text.trim(), actor, new Date().toISOString()).lastInsertRowid,
      );
      const after = this.db.prepare<[number], StoredRow>(`SELECT ${COLUMNS} FROM variance_comments WHERE id = ?`).get(id) as StoredRow;
      return { step: { kind: 'rows', changes: [{ table: 'variance_comments', before: null, after }] }, label: `explain a variance of “${comparison.name}” against “${base.name}”`, detail: { id }, result: { comment: commentOf(after) } };
    });
  }

  delete(commentId: number, actor: string): WriteReceipt {
    return this.workbook.change('compare/delete-comment', actor, () => {
      const before = this.db.prepare<[number], StoredRow>(`SELECT ${COLUMNS} FROM variance_comments WHERE id = ?`).get(commentId);
      if (before === undefined) throw new ApiError('not-found', `Variance comment ${commentId} does not exist (it may have been deleted).`, 'commentId');
      this.db.prepare('DELETE FROM variance_comments WHERE id = ?').run(commentId);
      return { step: { kind: 'rows', changes: [{ table: 'variance_comments', before, after: null }] }, label: 'delete a variance comment', detail: { commentId }, result: {} };
    });
  }
}
