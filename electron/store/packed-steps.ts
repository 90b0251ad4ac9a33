import type { AmountText } from '../../shared/money/amount';
import type { CellChange, EditStep } from './edit-steps';

/**
 * How a step is kept in `edit_history`. A cells step (a paste, an import) is written packed: one
 * run per line of a version, `[versionId, lineId, period, before, after, period, before, after…]`,
 * instead of an object per cell that repeats every key: a 1,000 x 12 paste's step is a third of
 * the bytes to write, fsync and parse again on undo. Read back, it is the very same step, cells
 * in the same order. Files from before migration 13 hold only unpacked steps, which read as they are.
 */
interface PackedCells {
  kind: 'packed-cells';
  runs: (number | AmountText | null)[][];
}

/** A step as stored: any step, with its cells steps (also inside compound steps) packed. */
type StoredStep = Exclude<EditStep, { kind: 'cells' } | { kind: 'compound' }> | PackedCells | { kind: 'compound'; steps: StoredStep[] };

function packCells(changes: readonly CellChange[]): PackedCells {
  const runs: (number | AmountText | null)[][] = [];
  let run: (number | AmountText | null)[] | null = null;
  for (const change of changes) {
    if (run === null || run[0] !== change.versionId || run[1] !== change.lineId) {
      run = [change.versionId, change.lineId];
      runs.push(run);
    }
    run.push(change.period, change.before, change.after);
  }
  return { kind: 'packed-cells', runs };
}

function unpackCells(packed: PackedCells): CellChange[] {
  const changes: CellChange[] = [];
  for (const run of packed.runs) {
    const versionId = run[0] as number;
    const lineId = run[1] as number;
    for (let at = 2; at + 2 < run.length; at += 3) {
      changes.push({ lineId, versionId, period: run[at] as number, before: run[at + 1] as AmountText | null, after: run[at + 2] as AmountText | null });
    }
  }
  return changes;
}

function packStep(step: EditStep): StoredStep {
  if (step.kind === 'cells') return packCells(step.changes);
  if (step.kind === 'compound') return { kind: 'compound', steps: step.steps.map(packStep) };
  return step;
}

function unpackStep(stored: StoredStep): EditStep {
  if (stored.kind === 'packed-cells') return { kind: 'cells', changes: unpackCells(stored) };
  if (stored.kind === 'compound') return { kind: 'compound', steps: stored.steps.map(unpackStep) };
  return stored;
}

/** The text `edit_history.step` keeps for a step. */
export function storedStepText(step: EditStep): string {
  return JSON.stringify(packStep(step));
}

/** A step read back from `edit_history.step`, packed or not. */
export function stepOfStoredText(text: string): EditStep {
  return unpackStep(JSON.parse(text) as StoredStep);
}
