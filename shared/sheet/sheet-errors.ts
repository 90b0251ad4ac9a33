import type { AccountType } from '../domain/workbook';
import type { FormulaOutcome } from '../formula/formula-engine';

/**
 * The lines whose values are in error (a cycle, a missing name, a division by zero), with the
 * reason per period: a whole-formula error fills every period. Errors are few, so a subtotal
 * asks this short list rather than keeping an error count per group.
 */
export type LineErrors = ReadonlyMap<number, readonly (string | null)[]>;

/**
 * A line's errors per period from its formula's outcome, or null when it has none. A forecast's
 * closed months (the first `actualMonths`) show recorded actuals, not the formula: no error there.
 */
export function errorsOfOutcome(outcome: FormulaOutcome | undefined, periodCount: number, actualMonths = 0): (string | null)[] | null {
  if (outcome === undefined) return null;
  const errors = outcome.error !== null ? new Array<string | null>(periodCount).fill(outcome.error) : outcome.cellErrors.slice();
  errors.fill(null, 0, Math.min(actualMonths, periodCount));
  return errors.some((error) => error !== null) ? errors : null;
}

/** The account types each pinned total adds up; operating income takes revenue, COGS and operating expenses. */
export const TOTAL_MEMBERS: Record<string, readonly AccountType[]> = {
  'total-revenue': ['revenue'],
  'total-cogs': ['cogs'],
  'total-opex': ['opex'],
  'operating-income': ['revenue', 'cogs', 'opex'],
  'total-capex': ['capex'],
};

/** What an error looks like in a total that includes it: which line, and why. */
export function travelledError(lineName: string, reason: string): string {
  return `Includes “${lineName}”, which has an error: ${reason}`;
}

/** The first error among `periods` of a line's errors, or null. */
export function firstError(errors: readonly (string | null)[] | undefined, periods: readonly number[]): string | null {
  if (errors === undefined) return null;
  for (const period of periods) {
    const error = errors[period];
    if (error !== null && error !== undefined) return error;
  }
  return null;
}
