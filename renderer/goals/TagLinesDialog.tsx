import { useEffect, useState } from 'react';
import { shownSheet } from '../find/shown-sheet';
import { commandShortcutLabel } from '../commands/command-keys';
import type { Goal } from '../../shared/domain/kpi';
import type { LineRow, SheetView } from '../../shared/sheet/sheet-view';
import { api } from '../api/client';
import { boundsOf } from '../selection/cell-range';
import { FormDialog } from '../components/Dialog';
import { useNoticeStore } from '../state/notice-store';
import { useSelectionStore } from '../state/selection-store';
import { saveGoalChange } from './goal-actions';

/** The lines a command on `row` takes: every line of the selection when the row is inside it, else the row's own line. */
export function selectedLineIds(view: SheetView, row: LineRow, rowIndex: number): number[] {
  const range = useSelectionStore.getState().range;
  if (range === null) return [row.line.id];
  const bounds = boundsOf(range);
  if (rowIndex < bounds.top || rowIndex > bounds.bottom) return [row.line.id];
  // Display rows are those on screen: with the find filter on, the filtered sheet's.
  const onScreen = shownSheet() ?? view;
  const ids = onScreen.display.rows.slice(bounds.top, bounds.bottom + 1).flatMap((shown) => (shown.kind === 'line' ? [shown.line.id] : []));
  return ids.length === 0 ? [row.line.id] : ids;
}

const NO_GOAL = '';

/** Tags the chosen lines with a strategic goal, or clears their tag: one undo step, after which the sheet is read again with the tags. */
export function TagLinesDialog({ view, lineIds, onClose }: { view: SheetView; lineIds: readonly number[]; onClose: () => void }) {
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lines = lineIds.map((id) => view.rows[view.rowIndex.get(id) ?? -1]).filter((row) => row !== undefined);
  const current = [...new Set(lines.map((row) => row.line.goalId ?? null))];
  const [choice, setChoice] = useState<string>(current.length === 1 && current[0] !== null ? String(current[0]) : NO_GOAL);

  useEffect(() => {
    let live = true;
    api.call('kpi/list', {}).then(
      (book) => {
        if (!live) return;
        setGoals(book.goals);
        // Lines without a goal yet are most likely being tagged with the first one.
        setChoice((chosen) => (chosen === NO_GOAL && current.length === 1 && book.goals[0] !== undefined ? String(book.goals[0].id) : chosen));
      },
      (error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
    // Read once when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const goalId = choice === NO_GOAL ? null : Number(choice);
  const goalName = goals?.find((goal) => goal.id === goalId)?.name ?? '';
  const what = lines.length === 1 ? `“${lines[0]?.line.description ?? ''}”` : `${lines.length} lines`;
  const unchanged = current.length === 1 && current[0] === goalId;
  return (
    <FormDialog
      title={lines.length === 1 ? `Tag “${lines[0]?.line.description ?? ''}” with a goal` : `Tag ${lines.length} lines with a goal`}
      testId="tag-lines-dialog"
      submitLabel={goalId === null ? 'Clear the goal' : 'Tag'}
      ready={goals !== null && lines.length > 0 && !unchanged && !busy}
      onClose={onClose}
      onSubmit={() => {
        setBusy(true);
        void saveGoalChange('goal/tag-lines', { goalId, lineIds: lines.map((row) => row.line.id) }).then((error) => {
          setBusy(false);
          if (error !== null) return setProblem(error);
          useNoticeStore.getState().show({ tone: 'info', message: goalId === null ? `Cleared the goal of ${what}.` : `Tagged ${what} with “${goalName}”. The Goals view (${commandShortcutLabel('view.goals')}) adds it up.` });
          onClose();
        });
      }}
    >
      {lines.length > 1 && (
        <p className="hint tag-lines-list">
          {lines
            .slice(0, 6)
            .map((row) => row.line.description)
            .join(', ')}
          {lines.length > 6 ? ` and ${lines.length - 6} more` : ''}
        </p>
      )}
      {goals !== null && goals.length === 0 ? (
        <p className="hint">This workbook has no goals yet. Add them in the Goals view ({commandShortcutLabel('view.goals')}), then tag lines here.</p>
      ) : (
        <label>
          Goal
          <select value={choice} onChange={(event) => setChoice(event.target.value)} aria-label="Goal" disabled={goals === null}>
            {goals === null && <option value={choice}>Reading the goals…</option>}
            {goals?.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {goal.name}
              </option>
            ))}
            <option value={NO_GOAL}>No goal (clear the tag)</option>
          </select>
        </label>
      )}
      {current.length > 1 && <p className="hint">The lines have different goals now; all will have the one chosen.</p>}
      {current.length === 1 && goals !== null && goals.length > 0 && (
        <p className="hint">Now: {current[0] === null ? 'no goal' : (goals.find((goal) => goal.id === current[0])?.name ?? 'no goal')}. A tag changes no amount; one undo takes it back.</p>
      )}
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </FormDialog>
  );
}
