import type { CellEdit } from '../domain/cell-edit';
import type { AmountText } from '../money/amount';

/**
 * Consecutive months of one line set by one change: the compact form a large change (a paste, a
 * fill) travels in. A 1,000 x 12 paste is 1,000 runs of 12 values, about a fifth of the bytes of
 * 12,000 edit objects, and the back reads and checks 1,000 objects instead of 12,000.
 */
export interface CellRun {
  lineId: number;
  /** the month of the first value */
  period: number;
  values: (AmountText | null)[];
}

/** The edits as runs, in their order: an edit extends the run before it when it is the next month of the same line. */
export function packCellRuns(edits: readonly CellEdit[]): CellRun[] {
  const runs: CellRun[] = [];
  let current: CellRun | null = null;
  for (const edit of edits) {
    if (current !== null && current.lineId === edit.lineId && current.period + current.values.length === edit.period) {
      current.values.push(edit.value);
      continue;
    }
    current = { lineId: edit.lineId, period: edit.period, values: [edit.value] };
    runs.push(current);
  }
  return runs;
}

/** The runs as edits again, in the same order. */
export function unpackCellRuns(runs: readonly CellRun[]): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const run of runs) {
    run.values.forEach((value, offset) => edits.push({ lineId: run.lineId, period: run.period + offset, value }));
  }
  return edits;
}

/** How many cells the runs set. */
export function cellsInRuns(runs: readonly CellRun[]): number {
  let cells = 0;
  for (const run of runs) cells += run.values.length;
  return cells;
}

/**
 * Where a place named in the unpacked edits (`edits.7.period`, say) is in the runs that were sent:
 * a line is its run's `lineId`, a month or a value the run's value at that month
 * (`runs.0.values.7`). Any other place is returned as it is.
 */
export function placeInRuns(runs: readonly CellRun[], where: string | undefined): string | undefined {
  const match = where === undefined ? null : /^edits\.(\d+)(?:\.(\w+))?$/.exec(where);
  if (match === null) return where;
  let remaining = Number(match[1]);
  for (const [index, run] of runs.entries()) {
    if (remaining < run.values.length) return match[2] === 'lineId' ? `runs.${index}.lineId` : `runs.${index}.values.${remaining}`;
    remaining -= run.values.length;
  }
  return where;
}
