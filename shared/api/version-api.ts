import { z } from 'zod';
import { VERSION_KINDS, type VersionSummary } from '../domain/workbook';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

const id = z.number().int().positive();
const versionName = z.string().trim().min(1, 'Name the version.').max(80, 'a version name has at most 80 characters');

/** What a version holds, counted before it is deleted. */
export interface VersionContents {
  cells: number;
  comments: number;
  /** lines with at least one value in this version */
  lines: number;
}

const ids = z.array(id).max(100_000);
const periods = z.array(z.number().int().min(0)).min(1, 'choose at least one month').max(600);

/** Which lines an adjustment or a copy takes: those on the departments and accounts given (with the ones under them), or the lines given; all where a list is left out. */
const scope = z.object({ departmentIds: ids.optional(), accountIds: ids.optional(), lineIds: ids.optional() }).strict();

/** What an adjustment changed. */
export interface AdjustmentReceipt extends WriteReceipt {
  cellsChanged: number;
  /** cells whose result was rounded half-even to the cent */
  rounded: number;
  /** lines left as they are: formula lines compute, drivers are not money */
  skipped: { formula: number; drivers: number };
}

/** The versions of the plan year: budgets, forecasts, scenarios and actuals over the workbook's months. */
export const versionMethods = {
  'version/list': method<{ versions: VersionSummary[]; actualsThrough: number | null }>()(z.object({}).strict()),
  /** A new version, empty or a copy of another (its values and comments), as one undo step. */
  'version/create': method<WriteReceipt & { version: VersionSummary }>()(
    z.object({ name: versionName, kind: z.enum(VERSION_KINDS), copyFrom: id.nullable() }).strict(),
  ),
  'version/rename': method<WriteReceipt>()(z.object({ versionId: id, name: versionName }).strict()),
  /** Deletes a version (undoable): refused for the last version of the plan year and for an approved one. */
  'version/delete': method<WriteReceipt>()(z.object({ versionId: id }).strict()),
  'version/contents': method<VersionContents>()(z.object({ versionId: id }).strict()),
  /** Moves a forecast's switch-over to actuals one month on (up to “actuals through”), keeping its plan for the months ahead. */
  'version/roll-forward': method<WriteReceipt & { closedThrough: number }>()(z.object({ versionId: id }).strict()),
  /** Moves the chosen lines' months by a percentage, or adds an amount to each month; exact to the cent, one undo step. */
  'version/adjust': method<AdjustmentReceipt>()(
    z
      .object({
        versionId: id,
        scope,
        periods,
        adjustment: z.discriminatedUnion('kind', [z.object({ kind: z.literal('percent'), percent: z.string().trim().min(1).max(40) }).strict(), z.object({ kind: z.literal('amount'), amount: z.string().trim().min(1).max(40) }).strict()]),
      })
      .strict(),
  ),
  /** Brings one version's values into another (all lines and months, or a selection), as one undo step. */
  'version/copy-values': method<WriteReceipt & { cellsChanged: number }>()(z.object({ fromVersionId: id, toVersionId: id, scope, periods: periods.optional() }).strict()),
  /** The last closed month (a period index), or null before the first close; an undo step. */
  'version/set-actuals-through': method<WriteReceipt & { actualsThrough: number | null }>()(z.object({ period: z.number().int().min(0).nullable() }).strict()),
};
