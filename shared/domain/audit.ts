/** What an audit record is about. */
export const AUDIT_KINDS = ['value', 'formula', 'structure', 'status', 'proposal', 'comment', 'setting'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  value: 'Values',
  formula: 'Formulas',
  structure: 'Structure',
  status: 'Approval',
  proposal: 'Proposals',
  comment: 'Comments',
  setting: 'Settings',
};

/** One change as the trail keeps it: a cell, a formula, a name, a status. */
export interface AuditChange {
  kind: AuditKind;
  /** the budget line it concerns, if any */
  lineId: number | null;
  versionId: number | null;
  /** the month (0-based period) of a cell */
  period: number | null;
  /** what changed, in words, as named when it changed */
  subject: string;
  before: string | null;
  after: string | null;
}

/** A change with who made it, when, and in which action. */
export interface AuditEntry extends AuditChange {
  id: number;
  auditId: number;
  /** ISO 8601, UTC */
  at: string;
  actor: string;
  /** the API method that made it (sheet/set-cells, version/set-status…) */
  action: string;
  /** the step as the undo button names it ("paste 12 cells") */
  label: string;
}

export interface AuditFilter {
  lineId?: number;
  /** a cell's history is its version's: last year's actuals of the same line are another cell */
  versionId?: number;
  period?: number;
  kinds?: AuditKind[];
  actor?: string;
  /** ISO dates: from inclusive, to exclusive */
  from?: string;
  to?: string;
  /** matched against the subject, the action label and the values */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** every change the filter matches */
  total: number;
  /** everyone who appears in the trail, for the filter */
  actors: string[];
}
