import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { CellEdit } from '../../shared/domain/cell-edit';
import type { AccountUnit, VersionSummary } from '../../shared/domain/workbook';
import { isCanonicalAmount, type AmountText } from '../../shared/money/amount';
import type { CellChange } from './edit-steps';
import { RESOLVED_FORMULA } from './sheet-reader';

/** What a cell edit is checked against: the version, its closed months (a forecast's switch-over), the calendar's length. */
export interface CellEditContext {
  version: VersionSummary;
  closed: { name: string; months: number } | null;
  periodCount: number;
}

interface EditedLine {
  id: number;
  description: string;
  formula: string | null;
  unit: AccountUnit;
}

/** Past this many cells an edit is a paste: its lines and old values are read in one query each, not cell by cell. */
const FEW_CELLS = 64;

/**
 * The changes a set of cell edits makes (cells whose value stays the same left out), after
 * checking every edit: any invalid one refuses them all with a clear error naming it. Reads only.
 */
export function checkedCellChanges(db: Database.Database, context: CellEditContext, edits: readonly CellEdit[]): CellChange[] {
  const { version } = context;
  const many = edits.length > FEW_CELLS;
  const editedLineIds = many ? JSON.stringify([...new Set(edits.map((edit) => edit.lineId))]) : '[]';
  const lineOf = editedLinesOf(db, version.id, many ? editedLineIds : null);
  // A cell's key is a number (line, then month), not a string: a paste checks 12,000 of them.
  const seen = new Set<number>();
  edits.forEach((edit, index) => {
    const line = lineOf(edit.lineId);
    refuseInvalidEdit(context, edit, line, `edits.${index}`);
    const key = edit.lineId * context.periodCount + edit.period;
    if (seen.has(key)) throw new ApiError('invalid-input', `The same cell (line ${edit.lineId}, period ${edit.period}) is set twice in one change.`, `edits.${index}`);
    seen.add(key);
  });
  const beforeOf = cellsBefore(db, version.id, edits, editedLineIds, context.periodCount);
  const changes: CellChange[] = [];
  for (const edit of edits) {
    const before = beforeOf(edit);
    if (before === edit.value) continue;
    changes.push({ lineId: edit.lineId, versionId: version.id, period: edit.period, before, after: edit.value });
  }
  return changes;
}

/** A few cells: their lines looked up one by one; a large paste (`lineIds` as a JSON array): its lines read in one query. */
function editedLinesOf(db: Database.Database, versionId: number, lineIds: string | null): (lineId: number) => EditedLine | undefined {
  const lineColumns = `SELECT l.id, l.description, ${RESOLVED_FORMULA} AS formula, a.unit FROM budget_lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN version_formulas o ON o.line_id = l.id AND o.version_id = ?`;
  if (lineIds === null) {
    const lookUp = db.prepare<[number, number], EditedLine>(`${lineColumns} WHERE l.id = ?`);
    return (lineId) => lookUp.get(versionId, lineId);
  }
  const lines = new Map(db.prepare<[number, string], EditedLine>(`${lineColumns} WHERE l.id IN (SELECT value FROM json_each(?))`).all(versionId, lineIds).map((line) => [line.id, line]));
  return (lineId) => lines.get(lineId);
}

/** Refuses an edit of a line that does not exist or is computed, a money amount finer than a cent, a month outside the calendar or closed. */
function refuseInvalidEdit(context: CellEditContext, edit: CellEdit, line: EditedLine | undefined, where: string): void {
  const { version, closed, periodCount } = context;
  if (line === undefined) {
    throw new ApiError('not-found', `Budget line ${edit.lineId} does not exist in this workbook (it may have been deleted).`, `${where}.lineId`);
  }
  // Formula lines take no entries.
  if (line.formula !== null && version.kind !== 'actuals') {
    throw new ApiError('invalid-input', `“${line.description}” is computed by its formula; change the formula, or clear it to type amounts.`, `${where}.lineId`);
  }
  if (edit.value !== null && line.unit === 'currency' && !isCanonicalAmount(edit.value)) {
    throw new ApiError('invalid-input', `“${line.description}” holds money: ${edit.value} has more than two decimals. Round it to the cent.`, `${where}.value`);
  }
  if (edit.period >= periodCount) {
    throw new ApiError('invalid-input', `Period ${edit.period} is outside this workbook's calendar (periods 0 to ${periodCount - 1}).`, `${where}.period`);
  }
  if (closed !== null && edit.period < closed.months) {
    throw new ApiError('invalid-input', `Month ${edit.period + 1} is closed: “${version.name}” shows the actuals of “${closed.name}” there. Change them in “${closed.name}”.`, `${where}.period`);
  }
}

/**
 * The stored values of the cells an edit sets, before it: a few cells are read one by one, a
 * large paste in one query over its lines and months (`lineIds` as a JSON array).
 */
function cellsBefore(db: Database.Database, versionId: number, edits: readonly CellEdit[], lineIds: string, periodCount: number): (edit: CellEdit) => AmountText | null {
  if (edits.length <= FEW_CELLS) {
    const current = db.prepare<[number, number, number], string>('SELECT amount FROM cell_values WHERE line_id = ? AND version_id = ? AND period = ?').pluck();
    return (edit) => (current.get(edit.lineId, versionId, edit.period) as string | undefined) ?? null;
  }
  let first = Infinity;
  let last = -Infinity;
  for (const edit of edits) {
    first = Math.min(first, edit.period);
    last = Math.max(last, edit.period);
  }
  const stored = db
    .prepare<[number, string, number, number], { line_id: number; period: number; amount: string }>(
      'SELECT line_id, period, amount FROM cell_values WHERE version_id = ? AND line_id IN (SELECT value FROM json_each(?)) AND period BETWEEN ? AND ?',
    )
    .all(versionId, lineIds, first, last);
  const byCell = new Map(stored.map((cell) => [cell.line_id * periodCount + cell.period, cell.amount]));
  return (edit) => byCell.get(edit.lineId * periodCount + edit.period) ?? null;
}
