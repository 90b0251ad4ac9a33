import { useState } from 'react';
import type { LineRow, SheetView } from '../../shared/sheet/sheet-view';
import { FormDialog } from './Dialog';

/** Write a comment on a cell or on a whole line. */
export function CommentDialog({ view, row, period, onSave, onClose }: { view: SheetView; row: LineRow; period: number | null; onSave: (text: string) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const place = period === null ? `${row.line.description} (whole line)` : `${row.line.description} · ${view.model.periods[period]?.label ?? ''}`;
  return (
    <FormDialog title="Add a comment" testId="comment-dialog" submitLabel="Add comment" ready={text.trim() !== ''} onClose={onClose} onSubmit={() => onSave(text.trim())}>
      <p className="hint">{place}</p>
      <label>
        Comment
        <textarea
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter saves, as in mail and chat tools; Enter alone makes a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim() !== '') onSave(text.trim());
          }}
        />
      </label>
    </FormDialog>
  );
}
