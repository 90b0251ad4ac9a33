import { useEffect, useState } from 'react';
import { APPROVAL_TRANSITIONS, type ApprovalAction } from '../../shared/domain/approval';
import type { BudgetVersion } from '../../shared/domain/workbook';
import { FormDialog } from '../components/Dialog';
import { approvalActions } from '../state/approval-actions';

const CONSEQUENCES: Record<ApprovalAction, string> = {
  submit: 'Reviewers see it as submitted; it can still be edited until it is approved or sent back.',
  approve: 'Values, formulas, lines, departments and accounts are locked until someone reopens it. Comments stay open.',
  return: 'It goes back to draft for more work.',
  reopen: 'It goes back to draft and can be edited again. The approval stays in its history.',
};

/** Confirms a move of the version's status, with the name it is recorded under and a reason where one is asked. */
export function ApprovalDialog({ version, action, onClose }: { version: BudgetVersion; action: ApprovalAction; onClose: () => void }) {
  const transition = APPROVAL_TRANSITIONS[action];
  const [reason, setReason] = useState('');
  const [name, setName] = useState<string | null>(null);
  const [knownName, setKnownName] = useState('');
  useEffect(() => {
    void approvalActions.userName().then((user) => {
      setKnownName(user.userName);
      setName((current) => current ?? user.userName);
    });
  }, []);
  const ready = name !== null && name.trim() !== '' && (!transition.needsReason || reason.trim() !== '');
  return (
    <FormDialog
      title={`${transition.label}: ${version.name}`}
      testId="approval-dialog"
      submitLabel={transition.label}
      ready={ready}
      onClose={onClose}
      onSubmit={() => {
        onClose();
        const trimmed = (name ?? '').trim();
        void approvalActions.setStatus(action, reason.trim(), trimmed === knownName ? null : trimmed);
      }}
    >
      <p className="hint">{CONSEQUENCES[action]}</p>
      <label>
        Recorded as
        <input value={name ?? ''} onChange={(event) => setName(event.target.value)} aria-label="Your name" />
      </label>
      <label>
        {transition.needsReason ? 'Reason (required)' : 'Note (optional)'}
        <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} aria-label="Reason" />
      </label>
    </FormDialog>
  );
}
