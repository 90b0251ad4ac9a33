import { useSelectionStore } from '../state/selection-store';
import { commandShortcutLabel } from '../commands/command-keys';
import { CommentBody } from './CommentBody';
import { useSheetStore } from '../state/sheet-store';
import type { SheetView } from '../../shared/sheet/sheet-view';

/** Every comment of the version, in sheet order, with where it sits; a click goes there. */
export function CommentsPanel({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const deleteComment = useSheetStore((state) => state.deleteComment);
  const requestCursor = useSelectionStore((state) => state.requestCursor);
  const order = (lineId: number) => view.rowIndex.get(lineId) ?? Number.MAX_SAFE_INTEGER;
  const comments = [...view.model.comments].sort((a, b) => order(a.lineId) - order(b.lineId) || (a.period ?? -1) - (b.period ?? -1) || a.id - b.id);
  return (
    <aside className="comments-panel" aria-label="Comments" data-testid="comments-panel">
      <header>
        <h2>Comments</h2>
        <button type="button" className="notice-dismiss" aria-label="Close comments" onClick={onClose}>
          ×
        </button>
      </header>
      {comments.length === 0 ? (
        <p className="hint">No comments yet. Select a cell, or a line’s name for the whole line, and press {commandShortcutLabel('edit.comment')}.</p>
      ) : (
        <ul>
          {comments.map((comment) => {
            const row = view.rows[view.rowIndex.get(comment.lineId) ?? -1];
            const place = `${row?.line.description ?? 'Deleted line'}${comment.period === null ? ' (whole line)' : ` · ${view.model.periods[comment.period]?.label ?? ''}`}`;
            return (
              <li key={comment.id} className="comment">
                <button type="button" className="comment-place" onClick={() => requestCursor({ lineId: comment.lineId, period: comment.period ?? 0 })} title="Go to the cell">
                  {place}
                </button>
                <CommentBody comment={comment} onDelete={() => void deleteComment(comment.id)} />
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
