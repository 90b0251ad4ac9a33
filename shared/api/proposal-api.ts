import { z } from 'zod';
import { FLOW_KINDS, PROPOSAL_STATUSES, RISK_RATINGS, type Portfolio } from '../domain/proposal';
import { MAX_PREREQUISITES } from '../domain/proposal-prerequisites';
import { RANK_KEYS } from '../portfolio/ranking';
import { isCanonicalAmount, isCanonicalQuantity } from '../money/amount';
import { rate, safeRecord, uniqueIds } from './fields';
import { method } from './method';
import type { OptimizeOutcome } from '../portfolio/optimize-result';
import type { FundingOptions } from '../portfolio/funding-placement';
import type { WriteReceipt } from './sheet-api';

const id = z.number().int().positive();
const amount = z.string().refine(isCanonicalAmount, { message: 'expected an amount such as "1250.5" or "-300" (at most two decimals)' });
const nonNegative = (what: string) =>
  z
    .string()
    .refine(isCanonicalQuantity, { message: `expected ${what} such as "0.08" or "3" (at most six decimals)` })
    .refine((text) => !text.startsWith('-'), { message: `${what} cannot be negative` });

const flows = z
  .array(z.object({ kind: z.enum(FLOW_KINDS), year: z.number().int().min(0), amount: amount.refine((text) => !text.startsWith('-'), { message: 'enter costs and benefits as positive amounts' }) }).strict())
  .max(1000);
/** A proposal's score on a criterion: 0 to 10, as the proposals sheet and the detail ask for it. */
export const MAX_SCORE = 10;
const score = nonNegative('a score').refine((text) => Number(text) <= MAX_SCORE, { message: `a score is from 0 to ${MAX_SCORE}` });

/** What a proposal's fields may be set to; every field optional in a change. */
const proposalFields = z
  .object({
    title: z.string().trim().min(1, 'Give the proposal a title.').max(200),
    owner: z.string().trim().max(120),
    departmentId: id.nullable(),
    category: z.string().trim().max(120),
    /** the goal's name, as typed (case-insensitive); '' clears it */
    goal: z.string().trim().max(200),
    goalId: id.nullable(),
    description: z.string().trim().max(4000),
    usefulLife: z.number().int().positive().max(100).nullable(),
    risk: z.enum(RISK_RATINGS),
    mandatory: z.boolean(),
    /** every proposal this one needs funded with it: ids, each once, never itself, no cycle */
    prerequisites: uniqueIds(z.array(id).max(MAX_PREREQUISITES, `a proposal has at most ${MAX_PREREQUISITES} prerequisites`), 'prerequisite'),
    exclusiveGroup: z.string().trim().min(1).max(60).nullable(),
    forced: z.enum(['in', 'out']).nullable(),
  })
  .strict();

/** Months of each fiscal year, 0 its first, both ends included, first month first. */
const monthSpan = z
  .object({ from: z.number().int().min(0).max(11), to: z.number().int().min(0).max(11) })
  .strict()
  .refine((span) => span.from <= span.to, { message: 'the months run backwards: give the first month first' });
/** Where a funding's costs go: the accounts (null: the chart's first of the type) and the months. */
const fundingPlacement = z.object({ capitalAccountId: id.nullable(), operatingAccountId: id.nullable(), capitalMonths: monthSpan, operatingMonths: monthSpan }).strict();

/** Investment proposals, their scoring and the session's decisions. */
export const proposalMethods = {
  'proposal/get-portfolio': method<Portfolio>()(z.object({}).strict()),
  'proposal/add': method<WriteReceipt & { proposalId: number }>()(proposalFields.partial().required({ title: true }).strict()),
  'proposal/update': method<WriteReceipt>()(z.object({ proposalId: id, fields: proposalFields.partial() }).strict()),
  'proposal/delete': method<WriteReceipt>()(z.object({ proposalId: id }).strict()),
  /** Set cash flows by year (an empty value clears to zero): all or none, one undo step. */
  'proposal/set-flows': method<WriteReceipt>()(z.object({ proposalId: id, flows: flows.min(1) }).strict()),
  'proposal/set-score': method<WriteReceipt>()(z.object({ proposalId: id, criterionId: id, score: score.nullable() }).strict()),
  /** Many proposals' fields, flows and scores at once (a paste, a fill, a clear on the proposals sheet): all or none, one undo step. */
  'proposal/edit-many': method<WriteReceipt>()(
    z
      .object({
        label: z.string().trim().min(1).max(200),
        edits: z
          .array(
            z
              .object({
                proposalId: id,
                fields: proposalFields.partial().optional(),
                flows: flows.optional(),
                scores: z.array(z.object({ criterionId: id, score: score.nullable() }).strict()).max(1000).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(100_000),
      })
      .strict(),
  ),
  'proposal/add-criterion': method<WriteReceipt & { criterionId: number }>()(z.object({ name: z.string().trim().min(1).max(80), weight: nonNegative('a weight') }).strict()),
  /** Weights are changed live in the session; they may sum to zero only while no ranking by score is asked for. */
  'proposal/set-weights': method<WriteReceipt>()(z.object({ weights: z.array(z.object({ criterionId: id, weight: nonNegative('a weight') }).strict()).min(1) }).strict()),
  'proposal/set-settings': method<WriteReceipt>()(
    z
      .object({
        discountRate: rate,
        financeRate: rate,
        reinvestRate: rate,
        capitalCaps: z.array(amount.nullable()).max(30),
        operatingCaps: z.array(amount.nullable()).max(30),
        /** capital (all years) a department's proposals get at least, by department id */
        departmentMinimums: safeRecord(z.string().regex(/^[1-9]\d*$/, 'expected a department id'), amount.refine((text) => !text.startsWith('-'), { message: 'a minimum cannot be negative' })),
      })
      .partial()
      .strict(),
  ),
  /**
   * The portfolio that maximises the objective under the caps and the logical constraints, from
   * a MILP solver, checked exactly and explained. Stops at the time limit or the gap (then says so).
   */
  'proposal/optimize': method<OptimizeOutcome>()(
    z
      .object({
        objective: z.enum(['npv', 'score']),
        timeLimitSeconds: z.number().positive().max(3600).default(60),
        relativeGap: z.number().min(0).max(0.5).default(0),
        /** "what if this one were in": the optimum with it forced in */
        forceIn: id.optional(),
      })
      .strict(),
  ),
  'proposal/cancel-optimize': method<{ cancelled: boolean }>()(z.object({}).strict()),
  /** The best objective as every cap is scaled from `fromScale` to `toScale` of today's, in `points` steps; each point with the bound it is certified against. */
  'proposal/frontier': method<{ points: { scale: string; capitalTotal: string; objective: string | null; bound: string | null; proven: boolean }[] }>()(
    z
      .object({
        objective: z.enum(['npv', 'score']),
        points: z.number().int().min(2).max(100).default(25),
        fromScale: z.number().min(0).max(10).default(0.25),
        toScale: z.number().min(0).max(10).default(2),
      })
      .strict()
      .refine((input) => input.toScale > input.fromScale, { message: 'the frontier needs toScale above fromScale' }),
  ),
  /** Fund, defer, reject (or return to proposed) with the reason: recorded in the decisions log. */
  'proposal/decide': method<WriteReceipt>()(
    z
      .object({
        proposalId: id,
        decision: z.enum(PROPOSAL_STATUSES),
        reason: z.string().trim().min(1, 'Give the reason for the decision.').max(1000),
        /** a funding only: the accounts and months its costs go to (remembered with the proposal); left out, where it went the last time */
        funding: fundingPlacement.optional(),
      })
      .strict(),
  ),
  /** What the fund dialog proposes: where the proposal's costs went the last time (or the first accounts, whole years), and the choices. */
  'proposal/funding-options': method<FundingOptions>()(z.object({ proposalId: id }).strict()),
  /** Ranks by hand: every proposal's id once, in the new order. */
  'proposal/reorder': method<WriteReceipt>()(z.object({ proposalIds: z.array(id).min(1).max(100_000) }).strict()),
  /** Saves the session's outcome (weights, caps, ranking with the funding line, statuses) under a name. */
  'proposal/save-snapshot': method<WriteReceipt & { snapshotId: number }>()(
    z.object({ name: z.string().trim().min(1, 'Name the snapshot.').max(120), rankKey: z.enum(RANK_KEYS).default('score') }).strict(),
  ),
  /** The same decision on several proposals at once (funding the optimizer's portfolio): one undo step. */
  'proposal/decide-many': method<WriteReceipt>()(
    z
      .object({
        proposalIds: uniqueIds(z.array(id).min(1).max(10_000), 'proposal'),
        decision: z.enum(PROPOSAL_STATUSES),
        reason: z.string().trim().min(1, 'Give the reason for the decision.').max(1000),
        /** a funding only: where all their costs go (remembered with each); left out, where each went the last time */
        funding: fundingPlacement.optional(),
      })
      .strict(),
  ),
};
