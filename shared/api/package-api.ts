import { z } from 'zod';
import type { AmountText } from '../money/amount';
import { filePath, safeRecord } from './fields';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

/** A cell both the package and the workbook changed since the package was cut, to different values. */
export interface PackageConflict {
  /** `lineId:period`, for the user's choice */
  key: string;
  line: string;
  period: string;
  /** when the package was cut */
  base: AmountText | null;
  package: AmountText | null;
  workbook: AmountText | null;
}

/** What merging a package back would do. */
export interface PackageMergePlan {
  department: string;
  cutAt: string;
  cutBy: string;
  /** cells changed only in the package: they merge by themselves */
  automatic: number;
  newLines: string[];
  conflicts: PackageConflict[];
  /** cells changed only in the workbook: they stay */
  keptWorkbook: number;
  unchanged: number;
  /** why the package cannot be merged as it is (lines deleted since the cut…) */
  problems: string[];
  /** what the merge passes by, and why (a line that became a formula line) */
  notes: string[];
}

const fileName = filePath('Give the file a name.');
const token = z.string().regex(/^[0-9a-f]{24}$/, 'expected the token that package/inspect gave');

/** Department packages: cut a department's lines for offline drafting, merge them back cell by cell. */
export const packageMethods = {
  'package/cut': method<{ path: string; bytes: number; lines: number; department: string }>()(z.object({ versionId: z.number().int().positive(), departmentId: z.number().int().positive(), fileName }).strict()),
  'package/inspect': method<{ token: string; fileName: string; plan: PackageMergePlan }>()(
    z
      .object({
        versionId: z.number().int().positive(),
        source: z.union([z.object({ path: fileName }).strict(), z.object({ name: filePath('Give the file a name.', 260), base64: z.string().max(60_000_000) }).strict()]),
      })
      .strict(),
  ),
  /** Merges as one undo step: automatic cells, new lines, and each conflict as the user chose (the package's value unless `workbook`). */
  'package/merge': method<WriteReceipt & { cellsSet: number; linesAdded: number }>()(
    z.object({ versionId: z.number().int().positive(), token, choices: safeRecord(z.string(), z.enum(['package', 'workbook'])) }).strict(),
  ),
};
