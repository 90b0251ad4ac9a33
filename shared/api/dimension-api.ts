import { z } from 'zod';
import { ACCOUNT_TYPES, ACCOUNT_UNITS } from '../domain/workbook';
import { isCanonicalQuantity } from '../money/amount';
import { method } from './method';
import { shownVersionId as versionId, type StructureReceipt, type WriteReceipt } from './sheet-api';

const id = z.number().int().positive();
const name = z.string().trim().min(1, 'Give it a name.').max(120);
const parentId = id.nullable();

const weight = z
  .string()
  .refine(isCanonicalQuantity, { message: 'expected a weight such as "1", "1.25" or "0" (at most six decimals)' })
  .refine((text) => !text.startsWith('-'), { message: 'weights cannot be negative' });

/**
 * Departments, accounts (each a tree) and seasonality profiles: what the sheet's lines belong to and are spread by.
 * Changes to departments and accounts answer with the patch of the sheet of `versionId`, when given.
 */
export const dimensionMethods = {
  'dimension/add-department': method<StructureReceipt & { departmentId: number }>()(z.object({ name, parentId: parentId.default(null), versionId }).strict()),
  'dimension/rename-department': method<StructureReceipt>()(z.object({ departmentId: id, name, versionId }).strict()),
  /** Put a department under another (a division), or at the top with null. */
  'dimension/set-department-parent': method<StructureReceipt>()(z.object({ departmentId: id, parentId, versionId }).strict()),
  /** A department with sub-departments cannot go; one with lines only when `withLines` confirms that they go too (one undo step). */
  'dimension/delete-department': method<StructureReceipt>()(z.object({ departmentId: id, withLines: z.boolean().default(false), versionId }).strict()),
  'dimension/add-account': method<StructureReceipt & { accountId: number }>()(
    z
      .object({
        code: z.string().trim().min(1, 'Give the account a code.').max(20),
        name,
        type: z.enum(ACCOUNT_TYPES),
        unit: z.enum(ACCOUNT_UNITS).default('currency'),
        parentId: parentId.default(null),
        versionId,
      })
      .strict(),
  ),
  'dimension/rename-account': method<StructureReceipt>()(z.object({ accountId: id, name, versionId }).strict()),
  /** Roll an account up into a header account of the same type, or put it at the top with null. */
  'dimension/set-account-parent': method<StructureReceipt>()(z.object({ accountId: id, parentId, versionId }).strict()),
  /** Only an account without lines and sub-accounts can go. */
  'dimension/delete-account': method<StructureReceipt>()(z.object({ accountId: id, versionId }).strict()),
  'dimension/add-profile': method<WriteReceipt & { profileId: number }>()(
    z
      .object({
        name,
        weights: z
          .array(weight)
          .length(12, 'a profile has one weight per month of the fiscal year: twelve')
          .refine((weights) => weights.some((text) => text !== '0'), { message: 'at least one month needs a weight above zero' }),
      })
      .strict(),
  ),
  'dimension/delete-profile': method<WriteReceipt>()(z.object({ profileId: id }).strict()),
};
