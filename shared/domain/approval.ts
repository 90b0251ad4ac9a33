/** Where a budget version is in its approval. */
export const VERSION_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = { draft: 'Draft', submitted: 'Submitted', approved: 'Approved' };

/** The moves a version can make: submitted for review, approved, sent back to draft, reopened after approval. */
export const APPROVAL_ACTIONS = ['submit', 'approve', 'return', 'reopen'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_TRANSITIONS: Record<ApprovalAction, { from: VersionStatus; to: VersionStatus; label: string; needsReason: boolean }> = {
  submit: { from: 'draft', to: 'submitted', label: 'Submit for approval', needsReason: false },
  approve: { from: 'submitted', to: 'approved', label: 'Approve', needsReason: false },
  return: { from: 'submitted', to: 'draft', label: 'Send back to draft', needsReason: true },
  reopen: { from: 'approved', to: 'draft', label: 'Reopen', needsReason: true },
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
