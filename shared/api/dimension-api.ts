import { z } from 'zod';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

const id = z.number().int().positive();
const name = z.string().trim().min(1, 'Give it a name.').max(120);

/** Departments and accounts: the groups the sheet's lines belong to. */
export const dimensionMethods = {
  'dimension/add-department': method<WriteReceipt & { departmentId: number }>()(z.object({ name }).strict()),
  'dimension/rename-department': method<WriteReceipt>()(z.object({ departmentId: id, name }).strict()),
  /** Only a department without lines can go: nothing is lost by accident. */
  'dimension/delete-department': method<WriteReceipt>()(z.object({ departmentId: id }).strict()),
  'dimension/rename-account': method<WriteReceipt>()(z.object({ accountId: id, name }).strict()),
};
