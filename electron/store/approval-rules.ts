import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { ApprovalRules } from '../../shared/api/approval-api';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import { writeSetting } from './edit-steps';
import type { WorkbookStore } from './workbook-store';

/**
 * The workbook setting that separates duties: 'yes' when the person who submitted a version
 * may not approve it. A file without the key (every file made before the setting) allows it,
 * so no migration is needed.
 */
export const APPROVER_MUST_DIFFER_KEY = 'approver_must_differ';

/** One person under the small differences of typing: case and spaces. */
export function samePerson(a: string, b: string): boolean {
  const normal = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return normal(a) === normal(b);
}

/** The rules a workbook keeps about who may approve. */
export function approvalRules(store: WorkbookStore): ApprovalRules {
  return { approverMustDiffer: store.settingOrNull(APPROVER_MUST_DIFFER_KEY) === 'yes' };
}

/** Changes the rules: one write with its audit record and undo step. Asking for the rules as they are records nothing (but still needs a name, as every write does). */
export function setApprovalRules(store: WorkbookStore, rules: ApprovalRules, actor: string): WriteReceipt & ApprovalRules {
  if (approvalRules(store).approverMustDiffer === rules.approverMustDiffer) return { revision: store.info().revision, history: store.history(), ...rules };
  return store.change('approval/set-rules', actor, () => {
    const change = writeSetting(store.database, APPROVER_MUST_DIFFER_KEY, rules.approverMustDiffer ? 'yes' : 'no');
    const label = rules.approverMustDiffer ? 'require another person to approve' : 'let the submitter approve';
    return { step: change === null ? null : { kind: 'rows', changes: [change] }, label, detail: rules, result: { ...rules } };
  });
}

/**
 * Refuses an approval by the person who submitted the version, where the workbook requires
 * another person. Runs inside the approval's transaction, before it writes anything.
 */
export function requireApproverNotSubmitter(db: Database.Database, version: { id: number; name: string }, approver: string): void {
  const rule = db.prepare<[string], string>('SELECT value FROM workbook_settings WHERE key = ?').pluck().get(APPROVER_MUST_DIFFER_KEY) as string | undefined;
  if (rule !== 'yes') return;
  const submitter = db
    .prepare<[number], string>("SELECT actor FROM version_events WHERE version_id = ? AND action = 'submit' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(version.id) as string | undefined;
  if (submitter === undefined || !samePerson(submitter, approver)) return;
  throw new ApiError('unauthorized', `${submitter} submitted this version; this workbook requires another person to approve it. It stays submitted.`, 'action');
}
