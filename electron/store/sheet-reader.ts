import type Database from 'better-sqlite3';
import { AMOUNT_SEPARATOR, type SheetLineColumns } from '../../shared/sheet/compact-sheet';

/** A line's formula in a version: the version's own where it has one, else the line's (actuals take none). */
export const RESOLVED_FORMULA = 'CASE WHEN o.line_id IS NULL THEN l.formula ELSE o.formula END';

/** What to read: a version's lines over the workbook's months, a forecast's closed months from its actuals. */
export interface LineRead {
  versionId: number;
  periodCount: number;
  /** a forecast's actuals: the version its first `months` months come from; null elsewhere */
  actuals: { id: number; months: number } | null;
  /** an actuals version: recorded amounts, so its lines carry no formula */
  recorded: boolean;
}

type LineRowTuple = [id: number, departmentId: number, accountId: number, description: string, formula: string | null, proposalId: number | null, goalId: number | null];

/**
 * The version's lines in sheet order, as columns with each line's amounts joined in one text
 * (see SheetLineColumns). Each line's cells come joined by SQLite in one row (`period:amount;…`):
 * better-sqlite3 spends about a microsecond a row, so 360,000 cell rows took about 0.4 s where
 * 10,000 line rows take 0.1 s. Amounts are canonical decimals (no ':' or ';'), periods integers.
 */
export function readLineColumns(db: Database.Database, read: LineRead): SheetLineColumns {
  const rows = db
    .prepare<[number], LineRowTuple>(
      `SELECT l.id, l.department_id, l.account_id, l.description, ${RESOLVED_FORMULA} AS formula, l.proposal_id, l.goal_id
         FROM budget_lines l
         JOIN departments d ON d.id = l.department_id
         JOIN accounts a ON a.id = l.account_id
         LEFT JOIN version_formulas o ON o.line_id = l.id AND o.version_id = ?
        ORDER BY d.sort_order, a.sort_order, l.sort_order, l.id`,
    )
    .raw(true)
    .all(read.versionId);
  const columns: SheetLineColumns = { ids: [], departmentIds: [], accountIds: [], descriptions: [], formulas: [], proposalIds: [], goalIds: [], values: [] };
  const slotsByLine = new Map<number, string[]>();
  for (const [id, departmentId, accountId, description, formula, proposalId, goalId] of rows) {
    columns.ids.push(id);
    columns.departmentIds.push(departmentId);
    columns.accountIds.push(accountId);
    columns.descriptions.push(description);
    columns.formulas.push(read.recorded ? null : formula);
    columns.proposalIds.push(proposalId);
    columns.goalIds.push(goalId);
  }
  // A forecast is the latest estimate: actual months up to its switch-over, its own plan after.
  const closed = read.actuals?.months ?? 0;
  placeCells(db, read.versionId, closed, read.periodCount, slotsByLine, read.periodCount);
  if (read.actuals !== null) placeCells(db, read.actuals.id, 0, read.actuals.months, slotsByLine, read.periodCount);
  for (const id of columns.ids) columns.values.push(joinSlots(slotsByLine.get(id)));
  return columns;
}

/** Puts a version's cells from `from` to before `below` into each line's slots (one text per period, '' where empty). */
function placeCells(db: Database.Database, versionId: number, from: number, below: number, slotsByLine: Map<number, string[]>, periodCount: number): void {
  const joined = db
    .prepare<[number, number, number], [number, string]>(
      "SELECT line_id, group_concat(period || ':' || amount, ';') FROM cell_values WHERE version_id = ? AND period >= ? AND period < ? GROUP BY line_id",
    )
    .raw(true)
    .all(versionId, from, below);
  for (const [lineId, cells] of joined) {
    let slots = slotsByLine.get(lineId);
    if (slots === undefined) slotsByLine.set(lineId, (slots = new Array<string>(periodCount).fill('')));
    let start = 0;
    while (start < cells.length) {
      const colon = cells.indexOf(':', start);
      let end = cells.indexOf(';', colon);
      if (end < 0) end = cells.length;
      slots[Number(cells.slice(start, colon))] = cells.slice(colon + 1, end);
      start = end + 1;
    }
  }
}

/** A line's slots as the one text the answer carries, without the empty places at the end. */
function joinSlots(slots: string[] | undefined): string {
  if (slots === undefined) return '';
  let end = slots.length;
  while (end > 0 && slots[end - 1] === '') end -= 1;
  return end === slots.length ? slots.join(AMOUNT_SEPARATOR) : slots.slice(0, end).join(AMOUNT_SEPARATOR);
}
