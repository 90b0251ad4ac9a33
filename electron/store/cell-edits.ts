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

/** An edited line as checked, with its stored values over the edited months (null where a cell is empty). */
interface EditedLine {
  id: number;
  description: string;
  formula: string | null;
  unit: AccountUnit;
  /** index: period - the first edited month */
  before: (AmountText | null)[];
  /** 1 where an edit of this change already set the month (same index): a cell set twice is refused */
  set: Uint8Array;
}

type EditedLineRow = [id: number, description: string, formula: string | null, unit: AccountUnit, cells: string | null];

/**
 * The edited lines with their cells from `first` to `last`, each line's cells joined by SQLite in
 * its own row (`period:amount;...`): better-sqlite3 spends about a microsecond a row, and a
 * 1,000 x 12 paste is 1,000 rows this way instead of 12,000. Amounts are canonical decimals (no ':' or ';').
 */
const EDITED_LINES = `SELECT l.id, l.description, ${RESOLVED_FORMULA} AS formula, a.unit,
    (SELECT group_concat(c.period || ':' || c.amount, ';') FROM cell_values c WHERE c.line_id = l.id AND c.version_id = @version AND c.period BETWEEN @first AND @last) AS cells
  FROM budget_lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN version_formulas o ON o.line_id = l.id AND o.version_id = @version
  WHERE l.id IN (SELECT value FROM json_each(@lines))`;

type EditedLinesStatement = Database.Statement<[{ version: number; first: number; last: number; lines: string }], EditedLineRow>;

/** Prepared once per connection: every cell edit, one cell or a paste, runs it. */
const editedLinesStatements = new WeakMap<Database.Database, EditedLinesStatement>();

/**
 * The changes a set of cell edits makes (cells whose value stays the same left out), after
 * checking every edit: any invalid one refuses them all with a clear error naming it. Reads only.
 */
export function checkedCellChanges(db: Database.Database, context: CellEditContext, edits: readonly CellEdit[]): CellChange[] {
  const { version, periodCount } = context;
  const first = Math.min(firstPeriod(edits), periodCount - 1);
  const lines = editedLines(db, version.id, edits, first, periodCount);
  const changes: CellChange[] = [];
  // A paste's edits come line by line: the line of the edit before is most often this one's.
  let line: EditedLine | undefined;
  let index = -1;
  for (const edit of edits) {
    index += 1;
    if (line?.id !== edit.lineId) line = lines.get(edit.lineId);
    refuseInvalidEdit(context, edit, line, index);
    const slot = edit.period - first;
    if (line.set[slot] === 1) throw new ApiError('invalid-input', `The same cell (line ${edit.lineId}, period ${edit.period}) is set twice in one change.`, `edits.${index}`);
    line.set[slot] = 1;
    const before = line.before[slot] ?? null;
    if (before !== edit.value) changes.push({ lineId: edit.lineId, versionId: version.id, period: edit.period, before, after: edit.value });
  }
  return changes;
}

function firstPeriod(edits: readonly CellEdit[]): number {
  let first = Infinity;
  for (const edit of edits) if (edit.period < first) first = edit.period;
  return first === Infinity ? 0 : first;
}

/** The edited lines by id (a line missing from the workbook is not there), with their cells over the edited months of the calendar. */
function editedLines(db: Database.Database, versionId: number, edits: readonly CellEdit[], first: number, periodCount: number): Map<number, EditedLine> {
  const lineIds: number[] = [];
  let last = first;
  let previous: number | undefined;
  const listed = new Set<number>();
  for (const edit of edits) {
    if (edit.period > last && edit.period < periodCount) last = edit.period;
    if (edit.lineId === previous) continue;
    previous = edit.lineId;
    if (!listed.has(edit.lineId)) lineIds.push(edit.lineId);
    listed.add(edit.lineId);
  }
  let statement = editedLinesStatements.get(db);
  if (statement === undefined) editedLinesStatements.set(db, (statement = db.prepare<[{ version: number; first: number; last: number; lines: string }], EditedLineRow>(EDITED_LINES).raw(true)));
  const lines = new Map<number, EditedLine>();
  for (const [id, description, formula, unit, cells] of statement.all({ version: versionId, first, last, lines: JSON.stringify(lineIds) })) {
    lines.set(id, { id, description, formula, unit, before: slotsOf(cells, first, last), set: new Uint8Array(last - first + 1) });
  }
  return lines;
}

/** SQLite's `period:amount;...` as one place per month from `first` to `last` (null where empty). */
function slotsOf(cells: string | null, first: number, last: number): (AmountText | null)[] {
  const slots = new Array<AmountText | null>(last - first + 1).fill(null);
  if (cells === null) return slots;
  let start = 0;
  while (start < cells.length) {
    const colon = cells.indexOf(':', start);
    let end = cells.indexOf(';', colon);
    if (end < 0) end = cells.length;
    slots[Number(cells.slice(start, colon)) - first] = cells.slice(colon + 1, end);
    start = end + 1;
  }
  return slots;
}

/** Refuses an edit (named by its index only when refused: a paste checks 12,000) of a line that does not exist or is computed, a money amount finer than a cent, a month outside the calendar or closed. */
function refuseInvalidEdit(context: CellEditContext, edit: CellEdit, line: EditedLine | undefined, index: number): asserts line is EditedLine {
  const { version, closed, periodCount } = context;
  if (line === undefined) {
    throw new ApiError('not-found', `Budget line ${edit.lineId} does not exist in this workbook (it may have been deleted).`, `edits.${index}.lineId`);
  }
  // Formula lines take no entries.
  if (line.formula !== null && version.kind !== 'actuals') {
    throw new ApiError('invalid-input', `“${line.description}” is computed by its formula; change the formula, or clear it to type amounts.`, `edits.${index}.lineId`);
  }
  if (edit.value !== null && line.unit === 'currency' && !isCanonicalAmount(edit.value)) {
    throw new ApiError('invalid-input', `“${line.description}” holds money: ${edit.value} has more than two decimals. Round it to the cent.`, `edits.${index}.value`);
  }
  if (edit.period >= periodCount) {
    throw new ApiError('invalid-input', `Period ${edit.period} is outside this workbook's calendar (periods 0 to ${periodCount - 1}).`, `edits.${index}.period`);
  }
  if (closed !== null && edit.period < closed.months) {
    throw new ApiError('invalid-input', `Month ${edit.period + 1} is closed: “${version.name}” shows the actuals of “${closed.name}” there. Change them in “${closed.name}”.`, `edits.${index}.period`);
  }
}
