import type Database from 'better-sqlite3';
import type { AuditChange, AuditEntry, AuditFilter, AuditKind, AuditPage } from '../../shared/domain/audit';
import type { AmountText } from '../../shared/money/amount';

/**
 * The audit trail's rows in the file. A run of value changes to one line of one version (a paste's
 * twelve months of a line) is one row whose `cells` hold the months as JSON [period, before, after]
 * triples: a 1,000 x 12 paste writes 1,000 rows, not 12,000 (migration 13). Each cell is still its
 * own entry when read: a row's id is the last of its cells' ids, the cells taking the ids before
 * it, so the trail's ids and order are the ones one row per cell would have given.
 */

/** Rows per INSERT: a paste's rows go a hundred to a statement. */
const ROWS_PER_INSERT = 100;
const ROW_COLUMNS = 11;

/** One row to write: a single change, or a run of cells of one line kept together. */
interface AuditRow {
  id: number;
  change: AuditChange;
  /** the run's cells as JSON, null for a single change */
  cells: string | null;
  cellCount: number | null;
}

/** The INSERTs of audit rows, prepared once per connection. */
const rowInserts = new WeakMap<Database.Database, { one: Database.Statement; many: Database.Statement; lastId: Database.Statement }>();

function rowInsertsOf(db: Database.Database): { one: Database.Statement; many: Database.Statement; lastId: Database.Statement } {
  let inserts = rowInserts.get(db);
  if (inserts === undefined) {
    const sql = (rows: number) =>
      `INSERT INTO audit_changes (id, audit_id, kind, line_id, version_id, period, subject, before, after, cells, cell_count) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
    inserts = { one: db.prepare(sql(1)), many: db.prepare(sql(ROWS_PER_INSERT)), lastId: db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_changes').pluck() };
    rowInserts.set(db, inserts);
  }
  return inserts;
}

/** Whether `change` continues the run of cells that `first` starts: the same line, version and name, each a month's value. */
function sameRun(first: AuditChange, change: AuditChange): boolean {
  return change.kind === 'value' && change.period !== null && change.lineId === first.lineId && change.versionId === first.versionId && change.subject === first.subject;
}

/** The changes as rows, in order, numbered from `firstId`: runs of two or more cells of a line become one row. */
function rowsOf(changes: readonly AuditChange[], firstId: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let nextId = firstId;
  let start = 0;
  while (start < changes.length) {
    const first = changes[start] as AuditChange;
    let end = start + 1;
    if (first.kind === 'value' && first.lineId !== null && first.period !== null) while (end < changes.length && sameRun(first, changes[end] as AuditChange)) end += 1;
    const count = end - start;
    if (count === 1) {
      rows.push({ id: nextId, change: first, cells: null, cellCount: null });
    } else {
      const cells = changes.slice(start, end).map((change) => [change.period, change.before, change.after]);
      rows.push({ id: nextId + count - 1, change: { ...first, period: null, before: null, after: null }, cells: JSON.stringify(cells), cellCount: count });
    }
    nextId += count;
    start = end;
  }
  return rows;
}

function fillRow(values: (string | number | null)[], at: number, auditId: number, row: AuditRow): void {
  values[at] = row.id;
  values[at + 1] = auditId;
  values[at + 2] = row.change.kind;
  values[at + 3] = row.change.lineId;
  values[at + 4] = row.change.versionId;
  values[at + 5] = row.change.period;
  values[at + 6] = row.change.subject;
  values[at + 7] = row.change.before;
  values[at + 8] = row.change.after;
  values[at + 9] = row.cells;
  values[at + 10] = row.cellCount;
}

/** Writes an audit record's changes: a line's run of cells as one row, a hundred rows a statement. Runs inside the write's transaction. */
export function writeAuditChanges(db: Database.Database, auditId: number, changes: readonly AuditChange[]): void {
  if (changes.length === 0) return;
  insertRows(db, auditId, rowsOf(changes, nextRowId(db)));
}

/** A cell's value change as a step keeps it. */
interface CellValueChange {
  lineId: number;
  versionId: number;
  period: number;
  before: AmountText | null;
  after: AmountText | null;
}

/**
 * Writes the audit rows of a step of cell changes, seen forward or backward (an undo: before and
 * after swap), straight from the changes: the rows `writeAuditChanges` writes for them, without an
 * audit change per cell first (a 1,000 x 12 paste's 12,000). `subjectOf` names a line.
 */
export function writeCellAuditRows(db: Database.Database, auditId: number, changes: readonly CellValueChange[], forward: boolean, subjectOf: (lineId: number) => string): void {
  if (changes.length === 0) return;
  const rows: AuditRow[] = [];
  let nextId = nextRowId(db);
  let start = 0;
  while (start < changes.length) {
    const first = changes[start] as CellValueChange;
    let end = start + 1;
    while (end < changes.length && (changes[end] as CellValueChange).lineId === first.lineId && (changes[end] as CellValueChange).versionId === first.versionId) end += 1;
    const count = end - start;
    const subject = subjectOf(first.lineId);
    const base = { kind: 'value' as const, lineId: first.lineId, versionId: first.versionId, subject };
    if (count === 1) {
      rows.push({ id: nextId, change: { ...base, period: first.period, before: forward ? first.before : first.after, after: forward ? first.after : first.before }, cells: null, cellCount: null });
    } else {
      const cells: [number, AmountText | null, AmountText | null][] = [];
      for (let at = start; at < end; at += 1) {
        const change = changes[at] as CellValueChange;
        cells.push(forward ? [change.period, change.before, change.after] : [change.period, change.after, change.before]);
      }
      rows.push({ id: nextId + count - 1, change: { ...base, period: null, before: null, after: null }, cells: JSON.stringify(cells), cellCount: count });
    }
    nextId += count;
    start = end;
  }
  insertRows(db, auditId, rows);
}

function nextRowId(db: Database.Database): number {
  return (rowInsertsOf(db).lastId.get() as number) + 1;
}

function insertRows(db: Database.Database, auditId: number, rows: readonly AuditRow[]): void {
  const { one, many } = rowInsertsOf(db);
  const full = rows.length - (rows.length % ROWS_PER_INSERT);
  const values = new Array<string | number | null>(ROWS_PER_INSERT * ROW_COLUMNS);
  for (let start = 0; start < full; start += ROWS_PER_INSERT) {
    for (let offset = 0; offset < ROWS_PER_INSERT; offset += 1) fillRow(values, offset * ROW_COLUMNS, auditId, rows[start + offset] as AuditRow);
    many.run(values);
  }
  const single = new Array<string | number | null>(ROW_COLUMNS);
  for (const row of rows.slice(full)) {
    fillRow(single, 0, auditId, row);
    one.run(single);
  }
}

/**
 * A row and, for a run of cells, each of its cells (`j`, null for a single change): the trail's
 * entries. Entries are ordered by their rows' ids, then by their place in the run.
 */
const ENTRIES = 'FROM audit_changes c JOIN audit_log a ON a.id = c.audit_id LEFT JOIN json_each(c.cells) j';
const ENTRY_ID = 'CASE WHEN j.key IS NULL THEN c.id ELSE c.id - c.cell_count + 1 + j.key END';
const ENTRY_PERIOD = 'CASE WHEN j.key IS NULL THEN c.period ELSE j.value ->> 0 END';
const ENTRY_BEFORE = 'CASE WHEN j.key IS NULL THEN c.before ELSE j.value ->> 1 END';
const ENTRY_AFTER = 'CASE WHEN j.key IS NULL THEN c.after ELSE j.value ->> 2 END';

interface EntryRow {
  id: number;
  audit_id: number;
  at: string;
  actor: string;
  action: string;
  label: string;
  kind: AuditKind;
  line_id: number | null;
  version_id: number | null;
  period: number | null;
  subject: string;
  before: string | null;
  after: string | null;
}

/** The trail, newest first, filtered; `total` counts every match for paging. */
export function readAudit(db: Database.Database, filter: AuditFilter): AuditPage {
  const conditions: string[] = [];
  const parameters: (string | number)[] = [];
  // Whether a condition looks inside a run of cells: then counting needs each cell, not the row's count.
  let byCell = false;
  const where = (condition: string, ...values: (string | number)[]) => {
    conditions.push(condition);
    parameters.push(...values);
  };
  if (filter.lineId !== undefined) where('c.line_id = ?', filter.lineId);
  if (filter.period !== undefined) {
    where(`${ENTRY_PERIOD} = ?`, filter.period);
    byCell = true;
  }
  if (filter.versionId !== undefined) where('(c.version_id = ? OR c.version_id IS NULL)', filter.versionId);
  if (filter.kinds !== undefined && filter.kinds.length > 0) where(`c.kind IN (${filter.kinds.map(() => '?').join(', ')})`, ...filter.kinds);
  if (filter.actor !== undefined && filter.actor !== '') where('a.actor = ?', filter.actor);
  if (filter.from !== undefined) where('a.at >= ?', filter.from);
  if (filter.to !== undefined) where('a.at < ?', filter.to);
  if (filter.text !== undefined && filter.text.trim() !== '') {
    const pattern = `%${filter.text.trim().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    where(`(c.subject LIKE ? ESCAPE '\\' OR a.label LIKE ? ESCAPE '\\' OR ${ENTRY_BEFORE} LIKE ? ESCAPE '\\' OR ${ENTRY_AFTER} LIKE ? ESCAPE '\\')`, pattern, pattern, pattern, pattern);
    byCell = true;
  }
  const clause = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const total = (
    byCell
      ? db.prepare<(string | number)[], number>(`SELECT COUNT(*) ${ENTRIES} ${clause}`)
      : db.prepare<(string | number)[], number>(`SELECT COALESCE(SUM(COALESCE(c.cell_count, 1)), 0) FROM audit_changes c JOIN audit_log a ON a.id = c.audit_id ${clause}`)
  )
    .pluck()
    .get(...parameters) as number;
  const rows = db
    .prepare<(string | number)[], EntryRow>(
      `SELECT ${ENTRY_ID} AS id, c.audit_id, a.at, a.actor, a.action, a.label, c.kind, c.line_id, c.version_id, ${ENTRY_PERIOD} AS period, c.subject, ${ENTRY_BEFORE} AS before, ${ENTRY_AFTER} AS after
        ${ENTRIES} ${clause} ORDER BY c.id DESC, j.key DESC LIMIT ? OFFSET ?`,
    )
    .all(...parameters, filter.limit ?? 200, filter.offset ?? 0);
  const actors = db.prepare<[], string>('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[];
  const entries = rows.map(
    (row): AuditEntry => ({
      id: row.id,
      auditId: row.audit_id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      label: row.label,
      kind: row.kind,
      lineId: row.line_id,
      versionId: row.version_id,
      period: row.period,
      subject: row.subject,
      before: row.before,
      after: row.after,
    }),
  );
  return { entries, total, actors };
}
