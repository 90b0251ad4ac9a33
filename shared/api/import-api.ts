import { z } from 'zod';
import type { ImportField, ImportPeriod, ImportProblem } from '../import/plan-import';
import { filePath } from './fields';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

export interface ImportInspectionAnswer {
  token: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  headers: string[];
  sample: string[][];
  rowCount: number;
  notes: string[];
  suggested: ImportField[];
  periods: ImportPeriod[];
}

export interface ImportPreviewAnswer {
  problems: ImportProblem[];
  problemCount: number;
  linesToAdd: number;
  newLineNames: string[];
  /** cells the import writes, cleared ones included */
  cellsToSet: number;
  /** of `cellsToSet`, the cells the import empties: the file names their month and leaves it empty */
  cellsToClear: number;
  unchanged: number;
  rounded: number;
  /** rows on formula lines, passed by: their months are computed */
  computed: number;
  rows: number;
  /** into actuals of the plan year: the last month the import fills, when it moves “actuals through” forward (null otherwise) */
  closesThrough: number | null;
}

const field = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ignore') }).strict(),
  z.object({ kind: z.literal('department') }).strict(),
  z.object({ kind: z.literal('account') }).strict(),
  z.object({ kind: z.literal('line') }).strict(),
  z.object({ kind: z.literal('period') }).strict(),
  z.object({ kind: z.literal('amount') }).strict(),
  z.object({ kind: z.literal('month'), period: z.number().int().min(0) }).strict(),
]);
const mapping = z.object({ columns: z.array(field).max(2000), decimalSeparator: z.enum(['.', ',']) }).strict();
/** A version of the plan year (by id), or last year's actuals. */
const target = z.discriminatedUnion('kind', [z.object({ kind: z.literal('version'), versionId: z.number().int().positive() }).strict(), z.object({ kind: z.literal('prior-year') }).strict()]);
const token = z.string().regex(/^[0-9a-f]{24}$/, 'expected the token that import/inspect gave');

/** Budget lines and values, or last year's actuals, from CSV or XLSX: inspect, map, preview, commit. */
export const importMethods = {
  /** Reads a file (a path the back can read, or its bytes) and answers its columns, a sample and a suggested mapping. */
  'import/inspect': method<ImportInspectionAnswer>()(
    z
      .object({
        source: z.union([z.object({ path: filePath() }).strict(), z.object({ name: filePath('Give the file a name.', 260), base64: z.string().max(60_000_000) }).strict()]),
        target,
      })
      .strict(),
  ),
  /** Checks every row against the mapping: the problems by row number, or what the import would change. */
  'import/preview': method<ImportPreviewAnswer>()(z.object({ token, mapping, target }).strict()),
  /** Checks again and writes all of it as one undo step, or nothing. */
  'import/commit': method<WriteReceipt & { linesAdded: number; cellsSet: number }>()(z.object({ token, mapping, target }).strict()),
};
