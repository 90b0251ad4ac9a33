import { z } from 'zod';
import { APPROVAL_ACTIONS } from '../domain/approval';
import { AUDIT_KINDS, type AuditPage } from '../domain/audit';
import type { BudgetVersion } from '../domain/workbook';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'expected a date such as 2027-03-31');

/** Approval of the budget version, the audit trail, and who the user is. */
export const approvalMethods = {
  /** Submit, approve, send back or reopen a version; sending back and reopening need a reason. */
  'version/set-status': method<WriteReceipt & { version: BudgetVersion }>()(
    z.object({ versionId: z.number().int().positive(), action: z.enum(APPROVAL_ACTIONS), reason: z.string().max(1000).default('') }).strict(),
  ),
  /** The audit trail, newest first: per cell (lineId and period), per line, or filtered by kind, person, dates and text. */
  'audit/list': method<AuditPage>()(
    z
      .object({
        lineId: z.number().int().positive().optional(),
        versionId: z.number().int().positive().optional(),
        period: z.number().int().min(0).optional(),
        kinds: z.array(z.enum(AUDIT_KINDS)).max(AUDIT_KINDS.length).optional(),
        actor: z.string().max(200).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        text: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100_000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
  ),
  /**
   * Who is acting: the name the user chose (null until they chose one), and the system's login
   * name offered as a default when they are asked. Until a name is set, every call that records
   * who did something is refused.
   */
  'app/get-user': method<AppUser>()(z.object({}).strict()),
  /** Sets the name recorded with everything the user does from now on (records already written keep theirs). */
  'app/set-user-name': method<{ userName: string }>()(z.object({ userName: z.string().trim().min(1, 'Type your name.').max(120, 'A name has at most 120 characters.') }).strict()),
  /** The workbook's rules about who may approve a version. */
  'approval/get-rules': method<ApprovalRules>()(z.object({}).strict()),
  /** Changes the rules: audited, one undo step. */
  'approval/set-rules': method<WriteReceipt & ApprovalRules>()(z.object({ approverMustDiffer: z.boolean() }).strict()),
};

/** Who the app records as acting, as 'app/get-user' answers. */
export interface AppUser {
  /** the name the user chose, or null before they chose one */
  userName: string | null;
  isSet: boolean;
  /** the system's login name, offered as a default; recorded only when the user confirms it */
  suggestion: string;
}

/** A workbook's rules about approval. */
export interface ApprovalRules {
  /** separation of duties: the person who submitted a version may not approve it */
  approverMustDiffer: boolean;
}
