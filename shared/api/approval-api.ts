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
  /** The name the app records as who did what. */
  'app/get-user': method<{ userName: string; isSet: boolean }>()(z.object({}).strict()),
  'app/set-user-name': method<{ userName: string }>()(z.object({ userName: z.string().trim().min(1, 'Type your name.').max(120) }).strict()),
};
