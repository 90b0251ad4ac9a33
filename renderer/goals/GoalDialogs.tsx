import { useState } from 'react';
import type { Goal, GoalUsage } from '../../shared/domain/kpi';
import { Dialog, FormDialog } from '../components/Dialog';
import { useNoticeStore } from '../state/notice-store';
import { saveGoalChange, usageSentence } from './goal-actions';

/** A new goal, or a goal's name and description changed. A clash with another goal's name is said before anything is sent. */
export function GoalFormDialog({ goal, goals, onClose }: { goal: Goal | null; goals: readonly Goal[]; onClose: () => void }) {
  const [name, setName] = useState(goal?.name ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  const clash = goals.find((other) => other.id !== goal?.id && other.name.toLowerCase() === trimmed.toLowerCase());
  const shown = clash === undefined ? problem : `There is already a goal named “${clash.name}”. Choose another name.`;
  const changed = goal === null || trimmed !== goal.name || description !== goal.description;
  return (
    <FormDialog
      title={goal === null ? 'New goal' : `Edit goal “${goal.name}”`}
      testId="goal-dialog"
      submitLabel={goal === null ? 'Add goal' : 'Save'}
      ready={trimmed !== '' && clash === undefined && changed && !busy}
      onClose={onClose}
      onSubmit={() => {
        setBusy(true);
        const saving = goal === null ? saveGoalChange('goal/create', { name: trimmed, description }) : saveGoalChange('goal/update', { goalId: goal.id, name: trimmed, description });
        void saving.then((error) => {
          setBusy(false);
          // The goal's row shows the change: no note needed.
          if (error !== null) return setProblem(error);
          onClose();
        });
      }}
    >
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={80} placeholder="Cost leadership" aria-label="Goal name" />
      </label>
      <label>
        What it means
        <textarea
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={2000}
          rows={3}
          placeholder="Lower unit cost than any competitor by 2029"
          aria-label="Goal description"
        />
      </label>
      {shown !== null && (
        <p className="field-error" role="alert">
          {shown}
        </p>
      )}
    </FormDialog>
  );
}

/**
 * Deletes a goal after saying what uses it. A goal in use is deleted only with its uses cleared
 * (lines, proposals and KPIs lose the tag; no amount changes), one undo step that brings all back.
 */
export function DeleteGoalDialog({ goal, usage, onClose }: { goal: Goal; usage: GoalUsage; onClose: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const used = usage.lines + usage.proposals + usage.kpis > 0;
  const remove = () => {
    setBusy(true);
    void saveGoalChange('goal/delete', { goalId: goal.id, clearUses: used }).then((error) => {
      setBusy(false);
      if (error !== null) return setProblem(error);
      useNoticeStore.getState().show({ tone: 'info', message: `Deleted goal “${goal.name}”${used ? ' and cleared it from what used it' : ''}. Undo brings it back${used ? ' with its tags' : ''}.` });
      onClose();
    });
  };
  return (
    <Dialog
      title={`Delete goal “${goal.name}”`}
      testId="delete-goal-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={remove} disabled={busy}>
            {used ? 'Clear them and delete' : 'Delete goal'}
          </button>
        </>
      }
    >
      {used ? (
        <>
          <p role="alert" className="goal-usage">
            {usageSentence(goal.name, usage)}.
          </p>
          <p className="hint">
            Deleting it clears the goal from all of them: no amount, proposal or KPI changes, only the tag goes. One undo brings the goal back with every tag.
          </p>
        </>
      ) : (
        <p>Nothing uses “{goal.name}”. One undo brings it back.</p>
      )}
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
