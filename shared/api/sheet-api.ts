import { z } from 'zod';
import type { CellEdit, HistoryState } from '../domain/cell-edit';
import type { BudgetLine, SheetComment, SheetModel } from '../domain/workbook';
import { isCanonicalQuantity } from '../money/amount';
import type { PatchReceipt } from '../sheet/sheet-patch';
import type { CompactSheet } from '../sheet/compact-sheet';
import { cellsInRuns } from '../sheet/cell-runs';
import { method } from './method';

/** What a write answers: the workbook's revision after it (durable on disk) and the undo/redo labels. */
export interface WriteReceipt {
  revision: number;
  history: HistoryState;
}

/**
 * What undo and redo answer: the step's label and, for value steps, the cells as they now are;
 * for structure steps the patch of the version shown (both null: reload the sheet).
 */
export interface HistoryReceipt extends WriteReceipt, PatchReceipt {
  label: string;
  cells: CellEdit[] | null;
}

/** What a structural write answers: its receipt and, when the call named the version shown, what changed in its sheet. */
export type StructureReceipt = WriteReceipt & PatchReceipt;

/** The most cells one change may set: a whole 10,000-line x 36-month version, with room. */
export const MAX_CELLS_PER_CHANGE = 400_000;

const id = z.number().int().positive();
/** The version a sheet call reads or writes: every call names it (see version/list). */
const versionId = id;
/** The version the sheet shows, on writes that change every version: the answer's patch is read for it. */
export const shownVersionId = id.optional();
// Money lines take at most two decimals, driver lines six: the store checks which line is which.
const amount = z.string().refine(isCanonicalQuantity, {
  message: 'expected an amount such as "1250.5" or "-300" (at most two decimals; six on driver lines)',
});

const TOO_MANY_CELLS = `one change may set at most ${MAX_CELLS_PER_CHANGE.toLocaleString('en-US')} cells`;
const cellEdit = z.object({ lineId: id, period: z.number().int().min(0), value: amount.nullable() }).strict();
const cellRun = z.object({ lineId: id, period: z.number().int().min(0), values: z.array(amount.nullable()).min(1, 'a run sets at least one cell') }).strict();

export const sheetMethods = {
  'sheet/get-sheet': method<SheetModel>()(z.object({ versionId }).strict()),
  /** The same sheet with its lines as columns (see CompactSheet), for the sheet view to open fast; with null, the workbook's first version (as version/list orders them). */
  'sheet/read-sheet': method<CompactSheet>()(z.object({ versionId: versionId.nullable() }).strict()),
  /** Set cells of a version (null clears one): all or none, one undo step named by `label`. */
  'sheet/set-cells': method<WriteReceipt>()(
    z
      .object({
        versionId,
        edits: z.array(cellEdit).min(1, 'give at least one cell').max(MAX_CELLS_PER_CHANGE, TOO_MANY_CELLS),
        label: z.string().trim().min(1).max(120),
      })
      .strict(),
  ),
  /**
   * The same as sheet/set-cells, the cells given as runs of consecutive months per line: how a
   * large change (a paste, a fill) travels (issue 14), a fifth of the bytes to send, read and check.
   */
  'sheet/set-cell-runs': method<WriteReceipt>()(
    z
      .object({
        versionId,
        runs: z
          .array(cellRun)
          .min(1, 'give at least one cell')
          .refine((runs) => cellsInRuns(runs) <= MAX_CELLS_PER_CHANGE, TOO_MANY_CELLS),
        label: z.string().trim().min(1).max(120),
      })
      .strict(),
  ),
  /** Drive a line by a formula (kept as written, even with an error) or, with null, make it an input line again. */
  'sheet/set-formula': method<StructureReceipt>()(
    z.object({ versionId, lineId: id, formula: z.string().trim().max(1000, 'a formula has at most 1,000 characters').nullable() }).strict(),
  ),
  /** Comment on a line (period null) or a cell. */
  'sheet/add-comment': method<StructureReceipt & { comment: SheetComment }>()(
    z.object({ versionId, lineId: id, period: z.number().int().min(0).nullable(), text: z.string().trim().min(1, 'Write the comment.').max(4000) }).strict(),
  ),
  'sheet/delete-comment': method<StructureReceipt>()(z.object({ commentId: id, versionId: shownVersionId }).strict()),
  /** Undo or redo the workbook's next step; `versionId` is the version shown, whose cells the answer lists. */
  'sheet/undo': method<HistoryReceipt>()(z.object({ versionId }).strict()),
  'sheet/redo': method<HistoryReceipt>()(z.object({ versionId }).strict()),
  'sheet/add-line': method<{ line: BudgetLine; revision: number; history: HistoryState } & PatchReceipt>()(
    z.object({ departmentId: id, accountId: id, description: z.string().trim().min(1, 'Describe the line.').max(200), versionId: shownVersionId }).strict(),
  ),
  'sheet/delete-line': method<StructureReceipt>()(z.object({ lineId: id, versionId: shownVersionId }).strict()),
  /** Rename a line; formulas that use it follow. */
  'sheet/rename-line': method<StructureReceipt>()(
    z.object({ lineId: id, description: z.string().trim().min(1, 'Describe the line.').max(200), versionId: shownVersionId }).strict(),
  ),
  /** Move a line to another department and/or account (of the same unit: money, count or rate). */
  'sheet/relocate-line': method<StructureReceipt>()(z.object({ lineId: id, departmentId: id, accountId: id, versionId: shownVersionId }).strict()),
  /** Move a line one place among its department's lines on the same account. */
  'sheet/move-line': method<StructureReceipt>()(z.object({ lineId: id, direction: z.enum(['up', 'down']), versionId: shownVersionId }).strict()),
};
