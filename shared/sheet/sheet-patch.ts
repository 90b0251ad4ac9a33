import type { Account, BudgetLine, Department, SheetComment } from '../domain/workbook';
import type { AmountText } from '../money/amount';

/**
 * What a structural write (or its undo/redo) changed in one version's sheet, so the renderer can
 * update the sheet it shows instead of reading the whole workbook again (issue 14).
 *
 * Decisions:
 * - The back reads the patch for the version the renderer names (`versionId`), after the write,
 *   from the same tables `sheet/get-sheet` reads: a line comes as that read would give it (entered
 *   values, a forecast's actual months, the version's formula).
 * - A line that was added, moved, renamed or got another formula comes whole, with the line it now
 *   follows in sheet order (`after`, null: first); `lines` is in sheet order, so placing them one
 *   after another rebuilds the order. Lines never reorder otherwise.
 * - Departments and accounts come as whole lists when any of them changed (there are dozens).
 * - Comments come as added and removed; the comments of a removed line go with it.
 * - Anything else (profiles, versions, settings, imports, cell steps of other kinds) has no patch:
 *   the answer says `patch: null` and the renderer reads the sheet again.
 */
export interface SheetPatch {
  /** the version the patch was read for: another version shown means a reload */
  versionId: number;
  lines: PlacedLine[];
  removedLines: number[];
  commentsAdded: SheetComment[];
  commentsRemoved: number[];
  departments: Department[] | null;
  accounts: Account[] | null;
}

/** A line as the sheet reads it now, where it sits, and last year's months for it (null: none). */
export interface PlacedLine {
  line: BudgetLine;
  /** the line it now follows in sheet order; null when it is the first */
  after: number | null;
  priorYear: (AmountText | null)[] | null;
}

/** A patch that changes nothing (a write that was a no-op), for `versionId`. */
export function emptyPatch(versionId: number): SheetPatch {
  return { versionId, lines: [], removedLines: [], commentsAdded: [], commentsRemoved: [], departments: null, accounts: null };
}

/** What a structural write answers besides its receipt: the patch for the version named, or null (read the sheet again). */
export interface PatchReceipt {
  patch: SheetPatch | null;
}
