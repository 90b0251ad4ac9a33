import type { BudgetLine } from '../domain/workbook';
import { renameReference } from '../formula/rename-reference';
import type { LineRow } from './sheet-view';

/**
 * Whether the formula graph must be built again for a patch: a formula written, changed or
 * cleared, or a line added or removed whose name a formula may use, or a rename that could make
 * a formula resolve to another line. A comment, a move, a line no formula names, or a rename
 * whose references the back rewrote (renameReference) leaves every formula's result as it was:
 * the graph links lines by id, so the engine built before still computes the same values; it
 * takes the new names (FormulaEngine.renameLines) for the error messages it writes later.
 *
 * A name counts as used when a formula's text contains it (case-insensitive): a false alarm only
 * costs a rebuild, a miss would show a wrong number, so the test errs on the side of rebuilding.
 */
export function formulasNeedRebuild(rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, placed: readonly BudgetLine[], removed: readonly number[], anyErrors = false): boolean {
  const names: string[] = [];
  const renames: { from: string; to: string }[] = [];
  const rewritten: { before: string | null; after: string | null }[] = [];
  for (const line of placed) {
    const before = rows[rowIndex.get(line.id) ?? -1];
    if (before === undefined) {
      if (line.formula !== null) return true;
      names.push(line.description);
      continue;
    }
    if (before.line.formula !== line.formula) rewritten.push({ before: before.line.formula, after: line.formula });
    if (before.line.description !== line.description) renames.push({ from: before.line.description, to: line.description });
  }
  for (const lineId of removed) {
    const before = rows[rowIndex.get(lineId) ?? -1];
    if (before === undefined) continue;
    if (before.line.formula !== null) return true;
    names.push(before.line.description);
  }
  // A formula that changed other than by following a rename is a new formula.
  const follows = (change: { before: string | null; after: string | null }) =>
    change.before !== null && change.after !== null && renames.reduce((formula, rename) => renameReference(formula, rename.from, rename.to), change.before) === change.after;
  if (!rewritten.every(follows)) return true;
  // Only formula lines can name a line: the few hundred of them are read, not every row.
  const formulaRows = rows.filter((row) => row.line.formula !== null);
  const formulas = [...formulaRows.map((row) => row.line.formula), ...placed.map((line) => line.formula)];
  const placedFormulas = new Map(placed.map((line) => [line.id, line.formula]));
  const formulasNow = formulaRows.map((row) => (placedFormulas.has(row.line.id) ? (placedFormulas.get(row.line.id) ?? null) : row.line.formula)?.toLowerCase() ?? null);
  const used = (name: string) => {
    const key = name.trim().toLowerCase();
    return key !== '' && formulas.some((formula) => formula !== null && formula.toLowerCase().includes(key));
  };
  if (names.some(used)) return true;
  if (renames.length === 0) return false;
  // A rename keeps every result when the formulas that named the line follow it: unless one still
  // names the old name, or the new name was taken (or used) before, which would make a formula
  // resolve elsewhere, or an error message may name the line.
  const oldFormulas = formulaRows.map((row) => row.line.formula?.toLowerCase() ?? null);
  return renames.some((rename) => {
    const key = rename.to.trim().toLowerCase();
    const taken = rows.some((row) => sameName(row.line.description, key));
    const wasUsed = oldFormulas.some((formula) => formula !== null && formula.includes(key));
    const stillNamed = formulasNow.some((formula) => formula !== null && formula.includes(rename.from.trim().toLowerCase()));
    return taken || wasUsed || stillNamed || (anyErrors && used(rename.from));
  });
}

/**
 * Whether a line's name is `key` (trimmed, lower case), as `name.trim().toLowerCase() === key`.
 * Only a name of the key's length is lowered: lowering keeps a text's length except for İ, whose
 * lower case is not ASCII, so for an ASCII key the shortcut gives the same answer.
 */
function sameName(description: string, key: string): boolean {
  if (!isAscii(key)) return description.trim().toLowerCase() === key;
  let name = description;
  if (name.length !== key.length) {
    name = name.trim();
    if (name.length !== key.length) return false;
  }
  return name.toLowerCase() === key;
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}
