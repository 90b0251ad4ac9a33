import { APPROVAL_ACTIONS, APPROVAL_TRANSITIONS, lastApproval, VERSION_STATUS_LABELS, type ApprovalAction } from '../../shared/domain/approval';
import type { BudgetVersion } from '../../shared/domain/workbook';

function describe(version: BudgetVersion): string {
  const last = version.events[version.events.length - 1];
  if (last === undefined) return `${version.name} is a draft: not submitted yet.`;
  return `${VERSION_STATUS_LABELS[version.status]} by ${last.actor} on ${new Date(last.at).toLocaleString()}${last.reason === '' ? '' : `: ${last.reason}`}`;
}

/** The version's approval status, and the moves it can make from there. */
export function ApprovalControl({
  version,
  onAction,
  refusal = () => null,
}: {
  version: BudgetVersion;
  onAction: (action: ApprovalAction) => void;
  /** why a move cannot be made now (a read-only workbook), or null: the button is disabled with it */
  refusal?: (action: ApprovalAction) => string | null;
}) {
  const moves = APPROVAL_ACTIONS.filter((action) => APPROVAL_TRANSITIONS[action].from === version.status);
  const approval = lastApproval(version.events);
  return (
    <div className="approval-control" data-testid="approval-control">
      <span className={`status-chip status-${version.status}`} title={describe(version)} data-testid="version-status">
        {VERSION_STATUS_LABELS[version.status]}
      </span>
      {moves.map((action) => (
        <button
          key={action}
          type="button"
          disabled={refusal(action) !== null}
          onClick={() => onAction(action)}
          title={refusal(action) ?? (action === 'reopen' && approval !== null ? `Approved by ${approval.actor}; reopening asks for a reason` : APPROVAL_TRANSITIONS[action].label)}
        >
          {APPROVAL_TRANSITIONS[action].button}
        </button>
      ))}
    </div>
  );
}

/** Over an approved sheet: who approved it, when, and that it is locked. */
export function ApprovedBanner({ version, onReopen }: { version: BudgetVersion; onReopen: () => void }) {
  const approval = lastApproval(version.events);
  if (version.status !== 'approved') return null;
  return (
    <div className="approved-banner" role="status" data-testid="approved-banner">
      <span>
        <strong>Approved</strong>
        {approval === null ? '' : ` by ${approval.actor} on ${new Date(approval.at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`}. Values, formulas and lines are locked; comments stay open.
      </span>
      <button type="button" onClick={onReopen}>
        Reopen…
      </button>
    </div>
  );
}
