import { z } from 'zod';
import type { BudgetLine, SheetModel } from '../domain/workbook';
import { isCanonicalAmount } from '../money/amount';
import { method } from './method';

/** What a write answers: the workbook's revision after it, durable on disk. */
export interface WriteReceipt {
  revision: number;
}

const id = z.number().int().positive();
const amount = z.string().refine(isCanonicalAmount, {
  message: 'expected an amount such as "1250.5" or "-300" (at most two decimals)',
});

export const sheetMethods = {
  'sheet/get-sheet': method<SheetModel>()(z.object({}).strict()),
  /** Set one cell of the open version; null clears it. */
  'sheet/set-cell': method<WriteReceipt>()(
    z.object({ lineId: id, period: z.number().int().min(0), value: amount.nullable() }).strict(),
  ),
  'sheet/add-line': method<{ line: BudgetLine; revision: number }>()(
    z.object({ departmentId: id, accountId: id, description: z.string().trim().min(1, 'Describe the line.').max(200) }).strict(),
  ),
  'sheet/delete-line': method<WriteReceipt>()(z.object({ lineId: id }).strict()),
};
