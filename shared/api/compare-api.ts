import { z } from 'zod';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

/** Why a variance is what it is: a comment on a row and a span of one pair of versions. */
export interface VarianceComment {
  id: number;
  baseVersionId: number;
  comparisonVersionId: number;
  /** the compare row: a line's id, a group's (`g:d3`) or a total's (`operating-income`) */
  rowKey: string;
  /** the months it speaks of: `m3` (a month), `q0-2` (a quarter), `ytd`, `y0` (a fiscal year) */
  span: string;
  text: string;
  author: string;
  /** ISO time */
  createdAt: string;
}

const id = z.number().int().positive();
const pair = { baseVersionId: id, comparisonVersionId: id };

/** Comments that explain variances between two versions. */
export const compareMethods = {
  'compare/list-comments': method<{ comments: VarianceComment[] }>()(z.object(pair).strict()),
  'compare/add-comment': method<WriteReceipt & { comment: VarianceComment }>()(
    z
      .object({
        ...pair,
        rowKey: z.string().regex(/^(\d+|g:[\w:]+|total-\w+|operating-income)$/, 'expected a row of the comparison'),
        span: z.string().regex(/^(m\d+|q\d+-\d|ytd|y\d+)$/, 'expected a span such as m3, q0-2, ytd or y0'),
        text: z.string().trim().min(1, 'Write the comment.').max(4000),
      })
      .strict(),
  ),
  'compare/delete-comment': method<WriteReceipt>()(z.object({ commentId: id }).strict()),
  /**
   * Of versions read before (each with the mark its read was checked with; null: not read yet),
   * those whose sheet model may have changed since: the others need not be read again. Answers
   * the workbook's mark now, and the revision it stands for.
   */
  'compare/changed-versions': method<{ mark: string; revision: number; changed: number[] }>()(
    z.object({ versions: z.array(z.object({ versionId: id, mark: z.string().max(400).nullable() }).strict()).max(20) }).strict(),
  ),
};
