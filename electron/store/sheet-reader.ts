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

/** A line's row with its own cells in one text: `count,last period,amounts joined in period order` (null: not asked for). */
type LineRowWithCells = [...LineRowTuple, cells: string | null];

/**
 * The version's lines in sheet order, as columns with each line's amounts joined in one text
 * (see SheetLineColumns). better-sqlite3 spends about a microsecond a row, so each line's cells
 * come joined by SQLite in its own row: a lookup by the primary key (line, version), which reads
 * only this version's cells, already in period order. A line whose cells are dense from the first
 * month (the usual case) takes SQLite's text as it is; only a line with gaps is placed period by
 * period. Amounts are canonical decimals (no ',', ':' or ';'), periods integers.
 */
export function readLineColumns(db: Database.Database, read: LineRead): SheetLineColumns {
  // A forecast's first months come from its actuals: its cells are placed period by period.
  const ownCellsJoined = read.actuals === null;
  const cells = ownCellsJoined
    ? `(SELECT count(*) || ',' || coalesce(max(c.period), -1) || ',' || coalesce(group_concat(c.amount, '${AMOUNT_SEPARATOR}' ORDER BY c.period), '')
          FROM cell_values c WHERE c.line_id = l.id AND c.version_id = @version AND c.period < @periods)`
    : 'NULL';
  const rows = db
    .prepare<{ version: number; periods: number }, LineRowWithCells>(
      `SELECT l.id, l.department_id, l.account_id, l.description, ${RESOLVED_FORMULA} AS formula, l.proposal_id, l.goal_id, ${cells} AS cells
         FROM budget_lines l
         JOIN departments d ON d.id = l.department_id
         JOIN accounts a ON a.id = l.account_id
         LEFT JOIN version_formulas o ON o.line_id = l.id AND o.version_id = @version
        ORDER BY d.sort_order, a.sort_order, l.sort_order, l.id`,
    )
    .raw(true)
    .all({ version: read.versionId, periods: read.periodCount });
  const columns: SheetLineColumns = { ids: [], departmentIds: [], accountIds: [], descriptions: [], formulas: [], proposalIds: [], goalIds: [], values: [] };
  const slotsByLine = new Map<number, string[]>();
  const withGaps: number[] = [];
  for (const [id, departmentId, accountId, description, formula, proposalId, goalId, joined] of rows) {
    columns.ids.push(id);
    columns.departmentIds.push(departmentId);
    columns.accountIds.push(accountId);
    columns.descriptions.push(description);
    columns.formulas.push(read.recorded ? null : formula);
    columns.proposalIds.push(proposalId);
    columns.goalIds.push(goalId);
    columns.values.push(ownCellsJoined ? denseAmounts(joined, id, withGaps) : '');
  }
  if (!ownCellsJoined) {
    // A forecast is the latest estimate: actual months up to its switch-over, its own plan after.
    const closed = read.actuals?.months ?? 0;
    placeCells(db, read.versionId, closed, read.periodCount, slotsByLine, read.periodCount);
    if (read.actuals !== null) placeCells(db, read.actuals.id, 0, read.actuals.months, slotsByLine, read.periodCount);
    columns.ids.forEach((id, index) => (columns.values[index] = joinSlots(slotsByLine.get(id))));
    return columns;
  }
  if (withGaps.length > 0) {
    const byLine = new Map(columns.ids.map((id, index) => [id, index]));
    const statement = db.prepare<[number, number, number], [number, string]>('SELECT period, amount FROM cell_values WHERE line_id = ? AND version_id = ? AND period < ? ORDER BY period').raw(true);
    for (const id of withGaps) {
      const slots = new Array<string>(read.periodCount).fill('');
      for (const [period, amount] of statement.all(id, read.versionId, read.periodCount)) slots[period] = amount;
      const index = byLine.get(id);
      if (index !== undefined) columns.values[index] = joinSlots(slots);
    }
  }
  return columns;
}

/** A line's amounts text from SQLite's `count,last,joined`: as it is when dense from the first month; '' (and noted) when it has gaps. */
function denseAmounts(cells: string | null, lineId: number, withGaps: number[]): string {
  if (cells === null) return '';
  const first = cells.indexOf(',');
  const second = cells.indexOf(',', first + 1);
  const count = Number(cells.slice(0, first));
  if (count === 0) return '';
  if (count === Number(cells.slice(first + 1, second)) + 1) return cells.slice(second + 1);
  withGaps.push(lineId);
  return '';
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
