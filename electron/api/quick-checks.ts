import { MAX_CELLS_PER_CHANGE } from '../../shared/api/sheet-api';
import { isCanonicalQuantity } from '../../shared/money/amount';
import type { CellRun } from '../../shared/sheet/cell-runs';

/**
 * Checks that accept a method's input without walking it through its zod schema: for inputs
 * too large for zod's cost to go unnoticed (a 1,000 x 12 paste is 1,000 runs and 12,000
 * amounts). Each accepts only what the schema accepts and returns what the schema's parse
 * returns; anything else is null, and the schema checks it, so every refusal and its message
 * stay the schema's own.
 */
export type QuickCheck = (input: unknown) => unknown;

const isPositiveId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isMonth = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Whether `value` is a plain object with exactly these own keys (the schemas are strict). */
function hasExactly(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

function isRun(run: unknown): run is CellRun {
  if (!hasExactly(run, ['lineId', 'period', 'values']) || !isPositiveId(run.lineId) || !isMonth(run.period)) return false;
  const values = run.values;
  if (!Array.isArray(values) || values.length === 0) return false;
  for (let index = 0; index < values.length; index += 1) {
    const value: unknown = values[index];
    if (value !== null && (typeof value !== 'string' || !isCanonicalQuantity(value))) return false;
  }
  return true;
}

/** sheet/set-cell-runs: `{ versionId, runs, label }` as its schema parses it (the label trimmed), or null. */
function setCellRuns(input: unknown): { versionId: number; runs: CellRun[]; label: string } | null {
  if (!hasExactly(input, ['versionId', 'runs', 'label']) || !isPositiveId(input.versionId) || typeof input.label !== 'string') return null;
  const label = input.label.trim();
  if (label.length < 1 || label.length > 120) return null;
  const runs = input.runs;
  if (!Array.isArray(runs) || runs.length === 0) return null;
  let cells = 0;
  for (let index = 0; index < runs.length; index += 1) {
    const run: unknown = runs[index];
    if (!isRun(run)) return null;
    cells += run.values.length;
  }
  if (cells > MAX_CELLS_PER_CHANGE) return null;
  return { versionId: input.versionId, runs: runs as CellRun[], label };
}

export const QUICK_CHECKS: ReadonlyMap<string, QuickCheck> = new Map<string, QuickCheck>([['sheet/set-cell-runs', setCellRuns]]);
