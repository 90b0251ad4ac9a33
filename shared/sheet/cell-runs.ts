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
