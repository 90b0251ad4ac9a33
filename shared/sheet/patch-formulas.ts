import type { BudgetLine } from '../domain/workbook';
import type { LineRow } from './sheet-view';

/**
 * Whether the formula graph must be built again for a patch: a formula written, changed or
 * cleared, or a line added, removed or renamed whose name (old or new) a formula may use. A
 * comment, a move, or a line no formula names leaves every formula's result as it was.
 *
 * A name counts as used when a formula's text contains it (case-insensitive): a false alarm only
 * costs a rebuild, a miss would show a wrong number, so the test errs on the side of rebuilding.
 */
export function formulasNeedRebuild(rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, placed: readonly BudgetLine[], removed: readonly number[]): boolean {
  const changedNames: string[] = [];
  for (const line of placed) {
    const before = rows[rowIndex.get(line.id) ?? -1];
    if (before === undefined) {
      if (line.formula !== null) return true;
      changedNames.push(line.description);
      continue;
    }
    if (before.line.formula !== line.formula) return true;
    if (before.line.description !== line.description) changedNames.push(before.line.description, line.description);
  }
  for (const lineId of removed) {
    const before = rows[rowIndex.get(lineId) ?? -1];
    if (before === undefined) continue;
    if (before.line.formula !== null) return true;
    changedNames.push(before.line.description);
  }
  if (changedNames.length === 0) return false;
  const names = changedNames.map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  const formulas = [...rows.map((row) => row.line.formula), ...placed.map((line) => line.formula)];
  return formulas.some((formula) => {
    if (formula === null) return false;
    const text = formula.toLowerCase();
    return names.some((name) => text.includes(name));
  });
}
