import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { APPROVAL_TRANSITIONS, lastApproval, lockedMessage, VERSION_STATUS_LABELS, type ApprovalAction, type VersionEvent } from '../../shared/domain/approval';
import type { AuditChange } from '../../shared/domain/audit';
import type { BudgetVersion } from '../../shared/domain/workbook';
import { requireApproverNotSubmitter } from './approval-rules';
import { displayedVersionName } from './audit-trail';
import type { EditStep } from './edit-steps';
import { lockScopeOf } from './lock-scope';
import type { WorkbookStore } from './workbook-store';

/** What approval needs of its workbook: the connection, a version's row, the history, and the commit path (with the audit changes given). */
export interface VersionApprovalContext {
  readonly db: Database.Database;
  readonly workbook: Pick<WorkbookStore, 'versionRow' | 'history'>;
  commit(step: EditStep | null, label: string, actor: string, action: string, detail: unknown, changes?: readonly AuditChange[]): number;
}

/**
 * A version's approval status, moved one step at a time with who, when and why, and the locks an
 * approved version puts on every edit path (its own values, and what all versions share).
 */
export class VersionApproval {
  constructor(private readonly context: VersionApprovalContext) {}

  private get db(): Database.Database {
    return this.context.db;
  }

  private get workbook(): VersionApprovalContext['workbook'] {
    return this.context.workbook;
  }

  /** A version with its approval history. */
  version(versionId: number): BudgetVersion {
    const version = this.workbook.versionRow(versionId);
    return { ...version, events: this.versionEvents(versionId) };
  }

  private versionEvents(versionId: number): VersionEvent[] {
    return this.db
      .prepare<[number], VersionEvent>('SELECT action, from_status AS fromStatus, to_status AS toStatus, actor, at, reason FROM version_events WHERE version_id = ? ORDER BY id')
      .all(versionId);
  }

  /**
   * Refuses a change to a version's values while it is approved. Comments, profiles and
   * proposals that do not fund anything stay open. Every edit path calls this inside its transaction.
   */
  requireVersionUnlocked(versionId: number, what: string): void {
    // Every write asks: the status alone, and the approval's events only when they are needed for the message.
    const row = this.db.prepare<[number], { name: string; status: string; deleted: number }>('SELECT name, status, deleted_at IS NOT NULL AS deleted FROM versions WHERE id = ?').get(versionId);
    if (row?.status !== 'approved') return;
    const events = this.versionEvents(versionId);
    throw new ApiError('locked', lockedMessage(row.deleted === 1 ? displayedVersionName(row.name) : row.name, lastApproval(events), what));
  }

  /**
   * Refuses a change to what every version shares (lines, their formulas, departments and
   * accounts) while any version is approved: the change would alter the approved version too.
   */
  requireUnlocked(what: string): void {
    const approved = this.db.prepare<[], number>("SELECT id FROM versions WHERE status = 'approved' AND deleted_at IS NULL AND period_offset = 0 ORDER BY id LIMIT 1").pluck().get() as number | undefined;
    if (approved !== undefined) this.requireVersionUnlocked(approved, what);
  }

  /** Refuses a step that changes an approved version: its cells, its own row, or (for structure) what all versions share. */
  requireStepUnlocked(step: EditStep, what: string): void {
    const scope = lockScopeOf(step);
    if (scope.structure) this.requireUnlocked(what);
    for (const versionId of scope.versions) this.requireVersionUnlocked(versionId, what);
  }

  /** Moves a version's approval status one step, recorded with who, when and why; not an undo step. */
  setVersionStatus(versionId: number, action: ApprovalAction, reason: string, actor: string): WriteReceipt & { version: BudgetVersion } {
    return this.db
      .transaction(() => {
        const version = this.workbook.versionRow(versionId);
        const transition = APPROVAL_TRANSITIONS[action];
        if (version.status !== transition.from) {
          throw new ApiError('invalid-input', `“${version.name}” is ${VERSION_STATUS_LABELS[version.status].toLowerCase()}: “${transition.label}” applies to a ${VERSION_STATUS_LABELS[transition.from].toLowerCase()} version.`, 'action');
        }
        const why = reason.trim();
        if (transition.needsReason && why === '') throw new ApiError('invalid-input', `Say why: “${transition.label}” records a reason.`, 'reason');
        if (action === 'approve') requireApproverNotSubmitter(this.db, version, actor);
        const at = new Date().toISOString();
        this.db.prepare('UPDATE versions SET status = ? WHERE id = ?').run(transition.to, version.id);
        this.db
          .prepare('INSERT INTO version_events (version_id, action, from_status, to_status, actor, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(version.id, action, version.status, transition.to, actor, at, why);
        const change: AuditChange = { kind: 'status', lineId: null, versionId: version.id, period: null, subject: `version “${version.name}”${why === '' ? '' : ` (${why})`}`, before: version.status, after: transition.to };
        const revision = this.context.commit(null, `${transition.label.toLowerCase()} “${version.name}”`, actor, 'version/set-status', { action, reason: why }, [change]);
        return { revision, history: this.workbook.history(), version: this.version(versionId) };
      })
      .immediate();
  }
}
