import { useState } from 'react';
import type { Proposal, ProposalStatus } from '../../shared/domain/proposal';
import { FormDialog } from '../components/Dialog';
import type { FundingPlacement } from '../../shared/portfolio/funding-placement';
import { FundDialog } from './FundDialog';

const VERBS: Record<ProposalStatus, string> = { funded: 'Fund', deferred: 'Defer', rejected: 'Reject', proposed: 'Reopen' };

/**
 * A decision on a proposal always carries its reason: the decisions log says who, when and why.
 * A funding also asks where its costs go in the budget.
 */
export function DecisionDialog({ proposal, decision, onDecide, onClose }: { proposal: Proposal; decision: ProposalStatus; onDecide: (reason: string, funding?: FundingPlacement) => void; onClose: () => void }) {
  if (decision === 'funded') return <FundDialog proposals={[proposal]} onFund={onDecide} onClose={onClose} />;
  return <ReasonDialog title={`${VERBS[decision]} “${proposal.title}”`} action={VERBS[decision]} onConfirm={onDecide} onClose={onClose} />;
}

/** Asks for the reason a decision is taken, then confirms it. */
export function ReasonDialog({
  title,
  action,
  onConfirm,
  onClose,
  label = 'Reason (for the decisions log)',
  placeholder = 'e.g. Best NPV per dollar; pays back in under three years',
  hint,
}: {
  title: string;
  action: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  label?: string;
  placeholder?: string;
  /** what the decision will do, said before the reason is asked for */
  hint?: string;
}) {
  const [reason, setReason] = useState('');
  const ready = reason.trim() !== '';
  return (
    <FormDialog title={title} testId="decision-dialog" submitLabel={action} ready={ready} onClose={onClose} onSubmit={() => onConfirm(reason.trim())}>
      {hint !== undefined && <p className="hint">{hint}</p>}
      <label>
        {label}
        <input value={reason} onChange={(event) => setReason(event.target.value)} placeholder={placeholder} />
      </label>
    </FormDialog>
  );
}
