import { useEffect, useState } from 'react';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import { figuresOf, type CompareRow, type VersionComparison } from '../../shared/compare/compare-versions';
import type { AuditEntry } from '../../shared/domain/audit';
import type { VersionSummary } from '../../shared/domain/workbook';
import { formatAmount } from '../../shared/money/format-amount';
import { api } from '../api/client';
import { useCompareStore } from '../state/compare-store';
import { CommentBody } from '../components/CommentBody';

/** Which version was made from the other, if either: its edits since it was made are the variance's story. */
function derivedOf(base: VersionSummary, comparison: VersionSummary): { edited: VersionSummary; from: VersionSummary; sign: 1 | -1 } | null {
  if (comparison.basedOn === base.id) return { edited: comparison, from: base, sign: 1 };
  if (base.basedOn === comparison.id) return { edited: base, from: comparison, sign: -1 };
  return null;
}

/**
 * Why a variance is what it is: the figures, the edits that made the difference (read from the
 * audit trail, where one version was made from the other), and the comments people left on this
 * row, span and pair of versions.
 */
export function ExplainPanel({ comparison, row, span, onClose }: { comparison: VersionComparison; row: CompareRow; span: PeriodSpan; onClose: () => void }) {
  const comments = useCompareStore((state) => state.comments).filter((comment) => comment.rowKey === row.id && comment.span === span.id);
  const addComment = useCompareStore((state) => state.addComment);
  const deleteComment = useCompareStore((state) => state.deleteComment);
  const [text, setText] = useState('');
  const [read, setRead] = useState<{ key: string; entries: AuditEntry[] } | null>(null);
  const figures = figuresOf(comparison, row, span.periods);
  const derived = derivedOf(comparison.base, comparison.comparison);
  const periods = comparison.baseView.model.periods;
  const editedId = derived?.edited.id ?? null;
  const madeAt = derived?.edited.createdAt ?? '';
  const lineId = row.lineId;
  const key = `${editedId ?? ''}:${lineId ?? ''}:${span.id}`;
  // Shown only for what it was read for: another row or span reads again.
  const story = read?.key === key ? read.entries : null;

  useEffect(() => {
    if (editedId === null || lineId === null) return undefined;
    let current = true;
    void api
      .call('audit/list', { lineId, versionId: editedId, kinds: ['value'], limit: 500 })
      // The edits to this line's months in the span since the version was made from the other.
      .then((page) => page.entries.filter((entry) => entry.versionId === editedId && entry.period !== null && span.periods.includes(entry.period) && entry.at >= madeAt))
      .catch(() => [])
      .then((entries) => current && setRead({ key, entries }));
    return () => {
      current = false;
    };
  }, [editedId, madeAt, lineId, span, key]);

  const money = (value: Parameters<typeof formatAmount>[0] | null) => (value === null ? '–' : formatAmount(value));
  return (
    <aside className="comments-panel explain-panel" aria-label="Explain the variance" data-testid="explain-panel">
      <header>
        <h2>
          {row.label} · {span.label}
        </h2>
        <button type="button" className="notice-dismiss" aria-label="Close the explanation" onClick={onClose}>
          ×
        </button>
      </header>
      {figures.error !== null ? (
        <p className="field-error">{figures.error}</p>
      ) : (
        <dl className="explain-figures">
          <dt>{comparison.base.name}</dt>
          <dd>{money(figures.base)}</dd>
          <dt>{comparison.comparison.name}</dt>
          <dd>{money(figures.comparison)}</dd>
          <dt>Variance</dt>
          <dd className={figures.favourable === null ? undefined : figures.favourable ? 'variance-favourable' : 'variance-unfavourable'}>
            {money(figures.variance)} {figures.favourable === null ? '' : figures.favourable ? '(favourable)' : '(unfavourable)'}
          </dd>
        </dl>
      )}
      <h3>What changed</h3>
      {row.lineId === null ? (
        <p className="hint">A subtotal moves with its lines: open a line to see its edits.</p>
      ) : derived === null ? (
        <p className="hint">
          “{comparison.comparison.name}” was not made from “{comparison.base.name}” (nor the other way round), so the difference is not a record of edits.
        </p>
      ) : story === null ? (
        <p className="hint">Reading the audit trail…</p>
      ) : story.length === 0 ? (
        <p className="hint" data-testid="explain-no-edits">
          No edit to this line in {span.label} since “{derived.edited.name}” was made from “{derived.from.name}” on {new Date(derived.edited.createdAt).toLocaleDateString()}
          {comparison.comparisonView.model.actualMonths > 0 ? `; its months through ${periods[comparison.comparisonView.model.actualMonths - 1]?.label ?? ''} are actuals` : ''}.
        </p>
      ) : (
        <ul className="explain-story" data-testid="explain-story">
          {story.map((entry) => (
            <li key={entry.id}>
              <strong>{periods[entry.period ?? 0]?.label}</strong>: {money(entry.before)} → {money(entry.after)}
              <span className="comment-meta">
                {entry.actor} · {new Date(entry.at).toLocaleString()} · {entry.label}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Comments</h3>
      {comments.length === 0 && <p className="hint">No comment on this variance yet.</p>}
      <ul>
        {comments.map((comment) => (
          <li key={comment.id} className="comment">
            <CommentBody comment={comment} onDelete={() => void deleteComment(comment.id)} />
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '') void addComment(row.id, span.id, text).then((done) => done && setText(''));
        }}
      >
        <textarea aria-label="Explain this variance" value={text} onChange={(event) => setText(event.target.value)} rows={3} placeholder="Why is it so? e.g. OEM launch slipped to March" />
        <button type="submit" disabled={text.trim() === ''}>
          Add comment
        </button>
      </form>
    </aside>
  );
}
