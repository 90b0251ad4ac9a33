import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../electron/store/audit-changes';
import type { WorkbookStore } from '../../../electron/store/workbook-store';
import type { AuditEntry, AuditFilter, AuditPage } from '../../../shared/domain/audit';
import type { CellEdit } from '../../../shared/domain/cell-edit';
import type { SheetModel } from '../../../shared/domain/workbook';
import { startBack, type TestBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A block over `count` entered lines from `first`, every month: some cells cleared, the others set to values no cell holds. */
function block(sheet: SheetModel, first: number, count: number, tag: number): CellEdit[] {
  const entered = sheet.lines.filter((line) => line.formula === null).slice(first, first + count);
  return entered.flatMap((line, row) => sheet.periods.map((period) => ({ lineId: line.id, period: period.index, value: (row + period.index + tag) % 4 === 0 ? null : `${tag}${row}${period.index}.25` })));
}

/**
 * The trail as the app read it before runs of cells were kept in one row: each row of
 * audit_changes one change, and this query (the reader of migration 8 to 12) over them.
 */
function readOneRowPerCell(db: Database.Database, filter: AuditFilter): AuditPage {
  const conditions: string[] = [];
  const parameters: (string | number)[] = [];
  const where = (condition: string, ...values: (string | number)[]) => {
    conditions.push(condition);
    parameters.push(...values);
  };
  if (filter.lineId !== undefined) where('c.line_id = ?', filter.lineId);
  if (filter.period !== undefined) where('c.period = ?', filter.period);
  if (filter.versionId !== undefined) where('(c.version_id = ? OR c.version_id IS NULL)', filter.versionId);
  if (filter.kinds !== undefined && filter.kinds.length > 0) where(`c.kind IN (${filter.kinds.map(() => '?').join(', ')})`, ...filter.kinds);
  if (filter.actor !== undefined && filter.actor !== '') where('a.actor = ?', filter.actor);
  if (filter.from !== undefined) where('a.at >= ?', filter.from);
  if (filter.to !== undefined) where('a.at < ?', filter.to);
  if (filter.text !== undefined && filter.text.trim() !== '') {
    const pattern = `%${filter.text.trim().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    where("(c.subject LIKE ? ESCAPE '\\' OR a.label LIKE ? ESCAPE '\\' OR c.before LIKE ? ESCAPE '\\' OR c.after LIKE ? ESCAPE '\\')", pattern, pattern, pattern, pattern);
  }
  const clause = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const from = `FROM audit_changes c JOIN audit_log a ON a.id = c.audit_id ${clause}`;
  const total = db.prepare<(string | number)[], number>(`SELECT COUNT(*) ${from}`).pluck().get(...parameters) as number;
  const entries = db
    .prepare<(string | number)[], AuditEntry>(
      `SELECT c.id, c.audit_id AS auditId, a.at, a.actor, a.action, a.label, c.kind, c.line_id AS lineId, c.version_id AS versionId, c.period, c.subject, c.before, c.after ${from} ORDER BY c.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...parameters, filter.limit ?? 200, filter.offset ?? 0);
  const actors = db.prepare<[], string>('SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[];
  return { entries, total, actors };
}

interface StoredRow {
  id: number;
  audit_id: number;
  kind: string;
  line_id: number | null;
  version_id: number | null;
  period: number | null;
  subject: string;
  before: string | null;
  after: string | null;
  cells: string | null;
  cell_count: number | null;
}

/** A copy of the trail in memory with every run of cells spread back into one row per cell, numbered as the run's cells are. */
function spreadOneRowPerCell(path: string): Database.Database {
  const source = new Database(path, { readonly: true });
  const log = source.prepare('SELECT id, at, actor, action, label FROM audit_log').all() as { id: number; at: string; actor: string; action: string; label: string }[];
  const rows = source.prepare<[], StoredRow>('SELECT * FROM audit_changes ORDER BY id').all();
  source.close();
  const spread = new Database(':memory:');
  spread.exec(`
    CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, label TEXT);
    CREATE TABLE audit_changes (id INTEGER PRIMARY KEY, audit_id INTEGER, kind TEXT, line_id INTEGER, version_id INTEGER, period INTEGER, subject TEXT, before TEXT, after TEXT);
  `);
  const logRow = spread.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)');
  for (const record of log) logRow.run(record.id, record.at, record.actor, record.action, record.label);
  const change = spread.prepare('INSERT INTO audit_changes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const row of rows) {
    if (row.cells === null) {
      change.run(row.id, row.audit_id, row.kind, row.line_id, row.version_id, row.period, row.subject, row.before, row.after);
      continue;
    }
    const cells = JSON.parse(row.cells) as [number, string | null, string | null][];
    expect(cells).toHaveLength(row.cell_count ?? -1);
    cells.forEach(([period, before, after], index) => change.run(row.id - cells.length + 1 + index, row.audit_id, row.kind, row.line_id, row.version_id, period, row.subject, before, after));
  }
  return spread;
}

/** Pastes over two versions, by two people, with single edits, a rename, a comment, undo and redo between them. */
async function busyTrail(back: TestBack): Promise<{ store: WorkbookStore; budget: number; forecast: number; lineId: number; lineName: string }> {
  const store = back.session.requireStore();
  const versions = (await back.call('version/list', {})).versions;
  const budget = versions.find((version) => version.kind === 'budget')?.id ?? -1;
  const forecast = versions.find((version) => version.kind === 'forecast')?.id ?? -1;
  const sheet = await back.call('sheet/get-sheet', { versionId: budget });
  const entered = sheet.lines.filter((line) => line.formula === null);
  const line = entered[3];
  if (line === undefined) throw new Error('The sample has too few entered lines.');
  store.setCells(budget, block(sheet, 0, 12, 1), 'paste A', 'ann');
  store.setCells(budget, [{ lineId: line.id, period: 2, value: '777' }], 'edit one cell', 'bob');
  store.renameLine(line.id, `${line.description} (renamed)`, 'bob');
  store.addComment(budget, line.id, 2, 'why 777?', 'ann');
  store.setCells(budget, block(sheet, 2, 5, 2), 'paste B', 'bob');
  store.stepHistory('undo', budget, 'ann');
  store.stepHistory('undo', budget, 'ann');
  store.stepHistory('redo', budget, 'bob');
  const open = (await back.call('sheet/get-sheet', { versionId: forecast })).actualMonths;
  const forecastBlock = block(sheet, 1, 9, 3).filter((edit) => edit.period >= open);
  store.setCells(forecast, forecastBlock, 'paste into the forecast', 'cy');
  // A line of one cell only, between runs: a single change keeps its own row.
  store.setCells(budget, [...block(sheet, 20, 1, 4).slice(0, 1), ...block(sheet, 21, 2, 5)], 'paste C', 'ann');
  return { store, budget, forecast, lineId: line.id, lineName: line.description };
}

describe('the audit trail keeps a line’s run of cells in one row', () => {
  it('reads every filter and page exactly as one row per cell read', async () => {
    const back = startBack(tempFolder());
    const { store, budget, forecast, lineId, lineName } = await busyTrail(back);
    const db = store.database;
    const spread = spreadOneRowPerCell(store.path);
    const newest = readAudit(db, { limit: 1 }).entries[0];
    const cellCount = spread.prepare<[], number>('SELECT COUNT(*) FROM audit_changes').pluck().get() as number;
    const rowCount = db.prepare<[], number>('SELECT COUNT(*) FROM audit_changes').pluck().get() as number;
    // The pastes are kept a line to a row: far fewer rows than cells.
    expect(rowCount).toBeLessThan(cellCount / 4);

    const filters: AuditFilter[] = [
      {},
      { limit: 7 },
      { limit: 13, offset: 5 },
      { limit: 25, offset: 40 },
      { limit: 5000 },
      { offset: cellCount - 3 },
      { lineId },
      { lineId, period: 2 },
      { lineId, period: 2, versionId: budget },
      { period: 0 },
      { period: 5, limit: 10, offset: 3 },
      { versionId: forecast },
      { versionId: budget, limit: 50, offset: 17 },
      { kinds: ['value'] },
      { kinds: ['structure', 'comment'] },
      { actor: 'bob' },
      { actor: 'cy', period: 11 },
      { text: '.25' },
      { text: '30.25', limit: 3 },
      { text: 'paste B' },
      { text: lineName },
      { text: '777' },
      { from: newest?.at ?? '', limit: 20 },
      { to: newest?.at ?? '' },
    ];
    for (const filter of filters) expect({ filter, page: readAudit(db, filter) }).toEqual({ filter, page: readOneRowPerCell(spread, filter) });
    spread.close();
    back.stop();
  });

  it('says a paste changed only its own version, counting each of its cells', async () => {
    const back = startBack(tempFolder());
    const versions = (await back.call('version/list', {})).versions;
    const budget = versions.find((version) => version.kind === 'budget')?.id ?? -1;
    const forecast = versions.find((version) => version.kind === 'forecast')?.id ?? -1;
    const mark = (await back.call('compare/changed-versions', { versions: [] })).mark;
    const sheet = await back.call('sheet/get-sheet', { versionId: budget });
    await back.call('sheet/set-cells', { versionId: budget, edits: block(sheet, 0, 10, 6), label: 'paste' });
    const changed = await back.call('compare/changed-versions', { versions: [budget, forecast].map((versionId) => ({ versionId, mark })) });
    expect(changed.changed).toEqual([budget]);
    back.stop();
  });
});
