import { Decimal } from '../money/decimal';
import { figuresOf, type CompareRow, type VersionComparison } from './compare-versions';

/** One bar of a bridge: how much a department (or an account type) moved operating income. */
export interface BridgeStep {
  label: string;
  /** the change it brings to operating income (favourable positive) */
  change: Decimal;
}

/** From the base's operating income to the comparison's, step by step; the steps add up exactly. */
export interface VarianceBridge {
  start: Decimal;
  steps: BridgeStep[];
  end: Decimal;
  /** why there is no bridge (an error on the way), or null */
  error: string | null;
}

/**
 * The bridge from base to comparison operating income over some months, by top-level department
 * (each one's contribution) or by account type (more revenue raises it; more cost of goods sold
 * or operating expense lowers it). Capital expenses sit below operating income and do not enter.
 */
export function varianceBridge(comparison: VersionComparison, periods: readonly number[], by: 'department' | 'type'): VarianceBridge {
  const total = (id: string) => comparison.totals.find((row) => row.id === id);
  const income = total('operating-income');
  const zero = new Decimal(0);
  if (income === undefined) return { start: zero, steps: [], end: zero, error: 'There is no operating income to bridge.' };
  const ends = figuresOf(comparison, income, periods);
  if (ends.error !== null || ends.base === null || ends.comparison === null) return { start: zero, steps: [], end: zero, error: ends.error ?? 'Operating income cannot be computed.' };
  const stepOf = (row: CompareRow | undefined, label: string, sign: 1 | -1): BridgeStep | null => {
    if (row === undefined) return null;
    const figures = figuresOf(comparison, row, periods);
    return { label, change: (figures.variance ?? zero).times(sign) };
  };
  const steps =
    by === 'type'
      ? [stepOf(total('total-revenue'), 'Revenue', 1), stepOf(total('total-cogs'), 'Cost of goods sold', -1), stepOf(total('total-opex'), 'Operating expenses', -1)]
      : comparison.rows.filter((row) => row.kind === 'group' && row.level === 0 && /^g:d\d+$/.test(row.id)).map((row) => stepOf(row, row.label, 1));
  return { start: ends.base, steps: steps.filter((step): step is BridgeStep => step !== null), end: ends.comparison, error: null };
}
