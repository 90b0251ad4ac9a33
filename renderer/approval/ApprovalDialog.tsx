import { useEffect, useState } from 'react';
import { APPROVAL_TRANSITIONS, type ApprovalAction } from '../../shared/domain/approval';
import type { BudgetVersion } from '../../shared/domain/workbook';
import { FormDialog } from '../components/Dialog';
import { approvalActions, useUserStore } from '../state/approval-actions';

const CONSEQUENCES: Record<ApprovalAction, string> = {
  submit: 'Reviewers see it as submitted; it can still be edited until it is approved or sent back.',
  approve: 'Values, formulas, lines, departments and accounts are locked until someone reopens it. Comments stay open.',
  return: 'It goes back to draft for more work.',
  reopen: 'It goes back to draft and can be edited again. The approval stays in its history.',
};

/** How the dialog says who the move is recorded under. */
const ACTING: Record<ApprovalAction, string> = { submit: 'Submitting as', approve: 'Approving as', return: 'Sending back as', reopen: 'Reopening as' };

/**
 * Confirms a move of the version's status, with a reason where one is asked. It is recorded
 * under the user's name; only a user who has none yet is asked it here. The back's refusal
 * (the submitter approving where the workbook asks for another person) is shown in the dialog.
 */
export function ApprovalDialog({ version, action, onClose }: { version: BudgetVersion; action: ApprovalAction; onClose: () => void }) {
  const transition = APPROVAL_TRANSITIONS[action];
  const user = useUserStore((state) => state.user);
  const loadUser = useUserStore((state) => state.load);
  const [reason, setReason] = useState('');
  /** the name typed here, when the user has none yet */
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    void loadUser().then((known) => setName((current) => (current === '' && !known.isSet ? known.suggestion : current)));
  }, [loadUser]);
  const known = user?.isSet === true ? user.userName : null;
  const ready = user !== null && !busy && (known !== null || name.trim() !== '') && (!transition.needsReason || reason.trim() !== '');
  return (
    <FormDialog
      title={`${transition.label}: ${version.name}`}
      testId="approval-dialog"
      submitLabel={transition.label}
      ready={ready}
      onClose={onClose}
      onSubmit={() => {
        setBusy(true);
        setRefusal(null);
        void approvalActions.setStatus(action, reason.trim(), known === null ? name.trim() : null).then((refused) => {
          setBusy(false);
          if (refused === null) onClose();
          else setRefusal(refused);
        });
      }}
    >
      <p className="hint">{CONSEQUENCES[action]}</p>
      {known !== null ? (
        <p className="acting-as" data-testid="acting-as">
          {ACTING[action]} <strong>{known}</strong>
        </p>
      ) : (
        <label>
          Your name (recorded with this and every later change)
          <input value={name} onChange={(event) => setName(event.target.value)} aria-label="Your name" />
        </label>
      )}
      <label>
        {transition.needsReason ? 'Reason (required)' : 'Note (optional)'}
        <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} aria-label="Reason" />
      </label>
      {refusal !== null && (
        <p className="field-error" role="alert" data-testid="approval-refusal">
          {refusal}
        </p>
      )}
    </FormDialog>
  );
}
