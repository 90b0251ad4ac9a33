import type Database from 'better-sqlite3';
import type { AmountText } from '../../shared/money/amount';

/** A cell's value before and after a step. */
export interface CellChange {
  lineId: number;
  versionId: number;
  period: number;
  before: AmountText | null;
  after: AmountText | null;
}

export interface StoredComment {
  id: number;
  lineId: number;
  versionId: number;
  period: number | null;
  text: string;
  author: string;
  createdAt: string;
}

/** A department (code, type and unit absent) or an account, as stored. */
export interface StoredDimension {
  id: number;
  name: string;
  sortOrder: number;
  code?: string;
  type?: string;
  unit?: string;
  /** absent in steps recorded before hierarchies existed: the parent is then left as it is */
  parentId?: number | null;
}

/** A seasonality profile as stored: weights as a JSON array of twelve decimals. */
export interface StoredProfile {
  id: number;
  name: string;
  weights: string;
}

export interface StoredLine {
  id: number;
  departmentId: number;
  accountId: number;
  description: string;
  sortOrder: number;
  /** absent in steps recorded before formulas existed */
  formula?: string | null;
  /** the versions' own formulas for the line (absent in steps recorded before versions had them) */
  versionFormulas?: { versionId: number; formula: string | null }[];
  /** the funded proposal the line belongs to; absent in steps recorded before proposals existed */
  proposalId?: number | null;
  /** the strategic goal the line is tagged with; absent in steps recorded before goals existed */
  goalId?: number | null;
}

/**
 * One undoable step, stored as JSON in `edit_history`. Each kind carries what it needs to be
 * applied forward (redo) and backward (undo).
 */
export type EditStep =
  | { kind: 'cells'; changes: CellChange[] }
  | { kind: 'add-line'; line: StoredLine }
  /** a line's formula: a version's own (versionId), or the line's own in steps recorded before versions had formulas */
  | { kind: 'formula'; lineId: number; versionId?: number; before: string | null; after: string | null }
  | { kind: 'comment'; comment: StoredComment; added: boolean }
  /** a line renamed, with the formulas whose references followed it */
  | { kind: 'rename-line'; lineId: number; before: string; after: string; formulas: { lineId: number; versionId?: number; before: string; after: string }[] }
  /** a department or account added (before null), renamed, or deleted (after null) */
  | { kind: 'dimension'; table: 'departments' | 'accounts'; before: StoredDimension | null; after: StoredDimension | null }
  /** a line moved to another department or account */
  | { kind: 'relocate-line'; lineId: number; before: LinePlace; after: LinePlace }
  /** a seasonality profile added or deleted */
  | { kind: 'profile'; profile: StoredProfile; added: boolean }
  /** rows changed whole, in order (parents before children): forward writes each `after`, backward each `before` in reverse */
  | { kind: 'rows'; changes: RowChange[] }
  /** several steps taken as one (a department deleted with its lines): forward in order, backward in reverse */
  | { kind: 'compound'; steps: EditStep[] }
  /** two lines that swapped places (swapping again undoes it) */
  | { kind: 'swap-lines'; lineId: number; otherId: number }
  | { kind: 'delete-line'; line: StoredLine; values: { versionId: number; period: number; amount: AmountText }[]; comments?: StoredComment[] };

/** Tables whose rows a `rows` step restores whole, with their key columns. */
export const ROW_TABLES = {
  proposals: ['id'],
  proposal_flows: ['proposal_id', 'kind', 'year'],
  criteria: ['id'],
  proposal_scores: ['proposal_id', 'criterion_id'],
  proposal_prerequisites: ['proposal_id', 'prerequisite_id'],
  decisions: ['id'],
  session_snapshots: ['id'],
  workbook_settings: ['key'],
  budget_lines: ['id'],
  cell_values: ['line_id', 'version_id', 'period'],
  versions: ['id'],
  variance_comments: ['id'],
  goals: ['id'],
  kpis: ['id'],
  kpi_inputs: ['kpi_id', 'period'],
} as const satisfies Record<string, readonly string[]>;
export type RowTable = keyof typeof ROW_TABLES;
/** A stored row, column by column. */
export type StoredRow = Record<string, string | number | null>;
/** One row before and after a change: inserted (before null), updated, or deleted (after null). */
export interface RowChange {
  table: RowTable;
  before: StoredRow | null;
  after: StoredRow | null;
}

/** Where a line sits: its department, account and place among their lines. */
export interface LinePlace {
  departmentId: number;
  accountId: number;
  sortOrder: number;
}

export type Direction = 'forward' | 'backward';

/** Sets a workbook setting (inside the caller's transaction); the row change for an undo step, or null when it did not change. */
export function writeSetting(db: Database.Database, key: string, value: string): RowChange | null {
  const before = db.prepare<[string], StoredRow>('SELECT key, value FROM workbook_settings WHERE key = ?').get(key) ?? null;
  if (before?.value === value) return null;
  const change: RowChange = { table: 'workbook_settings', before, after: { key, value } };
  writeRow(db, change.table, change.before, change.after);
  return change;
}

/** Writes a step's effect in the given direction. Runs inside the caller's transaction. */
export function applyStep(db: Database.Database, step: EditStep, direction: Direction): void {
  switch (step.kind) {
    case 'cells':
      writeCellChanges(db, step.changes, direction);
      return;
    case 'formula':
      writeFormula(db, step.lineId, step.versionId, direction === 'forward' ? step.after : step.before);
      return;
    case 'comment': {
      const present = (direction === 'forward') === step.added;
      if (present) {
        insertComment(db, step.comment);
      } else {
        db.prepare('DELETE FROM comments WHERE id = ?').run(step.comment.id);
      }
      return;
    }
    case 'rename-line': {
      db.prepare('UPDATE budget_lines SET description = ? WHERE id = ?').run(direction === 'forward' ? step.after : step.before, step.lineId);
      for (const formula of step.formulas) writeFormula(db, formula.lineId, formula.versionId, direction === 'forward' ? formula.after : formula.before);
      return;
    }
    case 'dimension': {
      const target = direction === 'forward' ? step.after : step.before;
      const other = direction === 'forward' ? step.before : step.after;
      writeDimension(db, step.table, other, target);
      return;
    }
    case 'swap-lines':
      swapSortOrder(db, step.lineId, step.otherId);
      return;
    case 'rows': {
      const ordered = direction === 'forward' ? step.changes : step.changes.slice().reverse();
      for (const change of ordered) writeRow(db, change.table, direction === 'forward' ? change.before : change.after, direction === 'forward' ? change.after : change.before);
      return;
    }
    case 'compound': {
      const ordered = direction === 'forward' ? step.steps : step.steps.slice().reverse();
      for (const part of ordered) applyStep(db, part, direction);
      return;
    }
    case 'relocate-line': {
      const place = direction === 'forward' ? step.after : step.before;
      db.prepare('UPDATE budget_lines SET department_id = ?, account_id = ?, sort_order = ? WHERE id = ?').run(place.departmentId, place.accountId, place.sortOrder, step.lineId);
      return;
    }
    case 'profile':
      if ((direction === 'forward') === step.added) {
        db.prepare('INSERT INTO seasonality_profiles (id, name, weights) VALUES (?, ?, ?)').run(step.profile.id, step.profile.name, step.profile.weights);
      } else {
        db.prepare('DELETE FROM seasonality_profiles WHERE id = ?').run(step.profile.id);
      }
      return;
    case 'add-line':
      if (direction === 'forward') insertLine(db, step.line, []);
      else db.prepare('DELETE FROM budget_lines WHERE id = ?').run(step.line.id);
      return;
    case 'delete-line':
      if (direction === 'forward') db.prepare('DELETE FROM budget_lines WHERE id = ?').run(step.line.id);
      else {
        insertLine(db, step.line, step.values);
        for (const comment of step.comments ?? []) insertComment(db, comment);
      }
      return;
  }
}

/** A function that sets (or, with null, clears) one stored cell. */
export function cellWriter(db: Database.Database): (lineId: number, versionId: number, period: number, value: AmountText | null) => void {
  const upsert = db.prepare('INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET amount = excluded.amount');
  const remove = db.prepare('DELETE FROM cell_values WHERE line_id = ? AND version_id = ? AND period = ?');
  return (lineId, versionId, period, value) => {
    if (value === null) remove.run(lineId, versionId, period);
    else upsert.run(lineId, versionId, period, value);
  };
}

/** A stored cell's new value (null clears it). */
export interface CellWrite {
  lineId: number;
  versionId: number;
  period: number;
  value: AmountText | null;
}

/** Cells per statement when many are written at once: a 12,000-cell paste goes in a few hundred statements. */
const CELLS_PER_STATEMENT = 100;

/** The statements that write many cells at once, prepared once per connection. */
const cellStatements = new WeakMap<Database.Database, { upsert: Database.Statement; remove: Database.Statement }>();

function cellStatementsOf(db: Database.Database): { upsert: Database.Statement; remove: Database.Statement } {
  let statements = cellStatements.get(db);
  if (statements === undefined) {
    const rows = (placeholders: string) => Array.from({ length: CELLS_PER_STATEMENT }, () => placeholders).join(', ');
    statements = {
      upsert: db.prepare(`INSERT INTO cell_values (line_id, version_id, period, amount) VALUES ${rows('(?, ?, ?, ?)')} ON CONFLICT DO UPDATE SET amount = excluded.amount`),
      remove: db.prepare(`DELETE FROM cell_values WHERE (line_id, version_id, period) IN (VALUES ${rows('(?, ?, ?)')})`),
    };
    cellStatements.set(db, statements);
  }
  return statements;
}

/** Where a cell is: what every cell write names. */
type CellPlace = Pick<CellWrite, 'lineId' | 'versionId' | 'period'>;

/**
 * The cells with each once, at its last write's place; the very list when no cell repeats (every
 * caller's case). A line's months are looked up once per line, not once per cell: a paste's
 * 12,000 cells are 1,000 lookups, each line's months in a small array by period.
 */
function lastWriteOfEachCell<Cell extends CellPlace>(cells: readonly Cell[]): readonly Cell[] {
  const linesByVersion = new Map<number, Map<number, number[]>>();
  let months: number[] = [];
  let lineId = -1;
  let versionId = -1;
  let repeated = false;
  cells.forEach((cell, index) => {
    if (cell.lineId !== lineId || cell.versionId !== versionId) {
      ({ lineId, versionId } = cell);
      let lines = linesByVersion.get(versionId);
      if (lines === undefined) linesByVersion.set(versionId, (lines = new Map()));
      const known = lines.get(lineId);
      if (known === undefined) lines.set(lineId, (months = []));
      else months = known;
    }
    if (months[cell.period] !== undefined) repeated = true;
    months[cell.period] = index;
  });
  if (!repeated) return cells;
  const lastIndexes = new Set<number>();
  for (const lines of linesByVersion.values()) for (const lineMonths of lines.values()) for (const index of lineMonths) if (index !== undefined) lastIndexes.add(index);
  return cells.filter((_cell, index) => lastIndexes.has(index));
}

/** Sets (or, with null, clears) many cells, a hundred a statement. Each cell must appear once. Runs inside the caller's transaction. */
export function writeCells(db: Database.Database, writes: readonly CellWrite[]): void {
  writeCellValues(db, writes, (write) => write.value);
}

/** Writes cell changes' values after them (forward) or before them (backward), without a write object per cell: a paste, its undo and its redo. */
export function writeCellChanges(db: Database.Database, changes: readonly CellChange[], direction: Direction): void {
  writeCellValues(db, changes, direction === 'forward' ? (change) => change.after : (change) => change.before);
}

function writeCellValues<Cell extends CellPlace>(db: Database.Database, cells: readonly Cell[], valueOf: (cell: Cell) => AmountText | null): void {
  // Written one after another, a cell's last write would win: so it does here.
  const unique = lastWriteOfEachCell(cells);
  const sets = unique.filter((cell) => valueOf(cell) !== null);
  const clears = unique.filter((cell) => valueOf(cell) === null);
  const { upsert, remove } = cellStatementsOf(db);
  const single = cellWriter(db);
  const inStatements = (group: readonly Cell[], columns: number, statement: Database.Statement, fill: (values: (string | number | null)[], at: number, cell: Cell) => void) => {
    const full = group.length - (group.length % CELLS_PER_STATEMENT);
    const values = new Array<string | number | null>(CELLS_PER_STATEMENT * columns);
    for (let start = 0; start < full; start += CELLS_PER_STATEMENT) {
      for (let offset = 0; offset < CELLS_PER_STATEMENT; offset += 1) fill(values, offset * columns, group[start + offset] as Cell);
      statement.run(values);
    }
    for (const cell of group.slice(full)) single(cell.lineId, cell.versionId, cell.period, valueOf(cell));
  };
  inStatements(sets, 4, upsert, (values, at, cell) => {
    values[at] = cell.lineId;
    values[at + 1] = cell.versionId;
    values[at + 2] = cell.period;
    values[at + 3] = valueOf(cell);
  });
  inStatements(clears, 3, remove, (values, at, cell) => {
    values[at] = cell.lineId;
    values[at + 1] = cell.versionId;
    values[at + 2] = cell.period;
  });
}

function insertLine(db: Database.Database, line: StoredLine, values: { versionId: number; period: number; amount: AmountText }[]): void {
  db.prepare('INSERT INTO budget_lines (id, department_id, account_id, description, sort_order, formula, proposal_id, goal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    line.id,
    line.departmentId,
    line.accountId,
    line.description,
    line.sortOrder,
    line.formula ?? null,
    line.proposalId ?? null,
    line.goalId ?? null,
  );
  const insertCell = db.prepare('INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (?, ?, ?, ?)');
  for (const value of values) insertCell.run(line.id, value.versionId, value.period, value.amount);
  for (const own of line.versionFormulas ?? []) writeFormula(db, line.id, own.versionId, own.formula);
}

/** Sets a version's own formula for a line (null: the version types amounts there), or without a version the line's own. */
export function writeFormula(db: Database.Database, lineId: number, versionId: number | undefined, formula: string | null): void {
  if (versionId === undefined) db.prepare('UPDATE budget_lines SET formula = ? WHERE id = ?').run(formula, lineId);
  else db.prepare('INSERT INTO version_formulas (line_id, version_id, formula) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET formula = excluded.formula').run(lineId, versionId, formula);
}

export function insertComment(db: Database.Database, comment: StoredComment): void {
  db.prepare('INSERT INTO comments (id, line_id, version_id, period, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    comment.id,
    comment.lineId,
    comment.versionId,
    comment.period,
    comment.text,
    comment.author,
    comment.createdAt,
  );
}

/** Swaps the places of two lines in the sheet. */
export function swapSortOrder(db: Database.Database, lineId: number, otherId: number): void {
  const orderOf = db.prepare<[number], number>('SELECT sort_order FROM budget_lines WHERE id = ?').pluck();
  const mine = orderOf.get(lineId) as number;
  const theirs = orderOf.get(otherId) as number;
  const setOrder = db.prepare('UPDATE budget_lines SET sort_order = ? WHERE id = ?');
  setOrder.run(theirs, lineId);
  setOrder.run(mine, otherId);
}

/** Moves a department or account from one stored state to another: insert, rename or delete. */
function writeDimension(db: Database.Database, table: 'departments' | 'accounts', from: StoredDimension | null, to: StoredDimension | null): void {
  if (to === null) {
    if (from !== null) db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(from.id);
    return;
  }
  if (from === null) {
    if (table === 'departments') db.prepare('INSERT INTO departments (id, name, sort_order, parent_id) VALUES (?, ?, ?, ?)').run(to.id, to.name, to.sortOrder, to.parentId ?? null);
    else
      db.prepare('INSERT INTO accounts (id, code, name, type, sort_order, unit, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        to.id,
        to.code ?? '',
        to.name,
        to.type ?? 'opex',
        to.sortOrder,
        to.unit ?? (to.type === 'driver' ? 'number' : 'currency'),
        to.parentId ?? null,
      );
    return;
  }
  db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(to.name, to.id);
  if (to.parentId !== undefined) db.prepare(`UPDATE ${table} SET parent_id = ? WHERE id = ?`).run(to.parentId, to.id);
}

/**
 * Moves a row from one stored state to another: inserted (`from` null), updated in place (never
 * deleted and re-inserted, which would cascade to the rows that belong to it), or deleted (`to`
 * null). Table and column names come from our own code, never from input.
 */
export function writeRow(db: Database.Database, table: RowTable, from: StoredRow | null, to: StoredRow | null): void {
  const keys = ROW_TABLES[table];
  const where = keys.map((key) => `${key} = ?`).join(' AND ');
  if (from !== null && to !== null) {
    const columns = Object.keys(to);
    db.prepare(`UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE ${where}`).run(...columns.map((column) => to[column] ?? null), ...keys.map((key) => from[key] ?? null));
  } else if (from !== null) {
    db.prepare(`DELETE FROM ${table} WHERE ${where}`).run(...keys.map((key) => from[key] ?? null));
  } else if (to !== null) {
    const columns = Object.keys(to);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((column) => to[column] ?? null));
  }
}
