/** Where a budget version is in its approval. */
export const VERSION_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Draft', submitted: 'Submitted', approved: 'Approved' };

/** The moves a version can make: submitted for review, approved, sent back to draft, reopened after approval. */
export const APPROVAL_ACTIONS = ['submit', 'approve', 'return', 'reopen'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** Each move: from and to, its name in full and on a toolbar button, and whether it records a reason. */
export const APPROVAL_TRANSITIONS: Record<ApprovalAction, { from: VersionStatus; to: VersionStatus; label: string; button: string; needsReason: boolean }> = {
  submit: { from: 'draft', to: 'submitted', label: 'Submit for approval', button: 'Submit…', needsReason: false },
  approve: { from: 'submitted', to: 'approved', label: 'Approve', button: 'Approve…', needsReason: false },
  return: { from: 'submitted', to: 'draft', label: 'Send back to draft', button: 'Send back…', needsReason: true },
  reopen: { from: 'approved', to: 'draft', label: 'Reopen', button: 'Reopen…', needsReason: true },
};

/** A move of a version's status: who, when, and why when a reason is asked. */
export interface VersionEvent {
  action: ApprovalAction;
  fromStatus: VersionStatus;
  toStatus: VersionStatus;
  actor: string;
  /** ISO 8601, UTC */
  at: string;
  reason: string;
}

/** The last approval of a version (who and when), from its events. */
export function lastApproval(events: readonly VersionEvent[]): VersionEvent | null {
  for (let index = events.length - 1; index >= 0; index -= 1) if (events[index]?.action === 'approve') return events[index] ?? null;
  return null;
}

/** Why a change is refused on an approved version: who approved it, when, and how to change it. `what` ends with its verb ("its values are"). */
export function lockedMessage(versionName: string, approval: Pick<VersionEvent, 'actor' | 'at'> | null, what: string): string {
  const by = approval === null ? '' : ` by ${approval.actor} on ${approval.at.slice(0, 10)}`;
  return `“${versionName}” was approved${by}, so ${what} locked. Reopen the version (with a reason) to change it.`;
}
