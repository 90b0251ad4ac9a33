import { z } from 'zod';
import type { Goal, GoalUsage, Kpi, KpiBook, KpiInput } from '../domain/kpi';
import { KPI_DIRECTIONS, KPI_UNITS, TARGET_SPANS } from '../domain/kpi';
import { method } from './method';
import type { WriteReceipt } from './sheet-api';

const id = z.number().int().positive();
const decimalText = (what: string) => z.string().trim().regex(/^-?\d+(\.\d+)?$/, `${what} must be a number such as 0.42 or -12.5`).max(40);
const name = (what: string) => z.string().trim().min(1, `Name the ${what}.`).max(80, `a ${what} name has at most 80 characters`);

const thresholds = z
  .object({ kind: z.enum(['amount', 'percent']), onTrackWithin: decimalText('“on track within”'), offTrackBeyond: decimalText('“off track beyond”') })
  .strict();
const target = z.object({ span: z.enum(TARGET_SPANS), index: z.number().int().min(0).max(35), value: decimalText('a target') }).strict();

/** Everything that describes a KPI; the store checks the definition (it parses, names what exists, does not loop) and the thresholds. */
const kpiFields = z
  .object({
    name: name('KPI'),
    description: z.string().max(2000).default(''),
    /** null: an input KPI (values entered each month) */
    definition: z.string().trim().min(1, 'Write the definition, or make it an input KPI.').max(4000).nullable(),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    departmentId: id.nullable(),
    goalId: id.nullable(),
    thresholds,
    targets: z.array(target).max(200),
  })
  .strict();

/** KPIs with targets, the values people enter for input KPIs, and strategic goals. */
export const kpiMethods = {
  'kpi/list': method<KpiBook>()(z.object({}).strict()),
  /** A new KPI (one undo step); a definition that does not parse, names a missing line or loops is refused, naming the KPI. */
  'kpi/create': method<WriteReceipt & { kpi: Kpi }>()(kpiFields),
  'kpi/update': method<WriteReceipt & { kpi: Kpi }>()(kpiFields.extend({ kpiId: id }).strict()),
  'kpi/delete': method<WriteReceipt>()(z.object({ kpiId: id }).strict()),
  /** An input KPI's value for a month (null clears it), recorded with who entered it; one undo step. */
  'kpi/enter-value': method<WriteReceipt & { input: KpiInput | null }>()(
    z.object({ kpiId: id, period: z.number().int().min(0).max(35), value: decimalText('the value').nullable() }).strict(),
  ),
  'goal/create': method<WriteReceipt & { goal: Goal }>()(z.object({ name: name('goal'), description: z.string().max(2000).default('') }).strict()),
  'goal/update': method<WriteReceipt & { goal: Goal }>()(z.object({ goalId: id, name: name('goal'), description: z.string().max(2000) }).strict()),
  'goal/usage': method<GoalUsage>()(z.object({ goalId: id }).strict()),
  /** Deletes a goal. One in use is refused, saying how many lines, proposals and KPIs use it, unless `clearUses`: then they are cleared with it, one undo step. */
  'goal/delete': method<WriteReceipt>()(z.object({ goalId: id, clearUses: z.boolean().default(false) }).strict()),
  /** Tags budget lines with a goal (null clears the tag); one undo step. */
  'goal/tag-lines': method<WriteReceipt & { linesChanged: number }>()(z.object({ goalId: id.nullable(), lineIds: z.array(id).min(1).max(100_000) }).strict()),
};
