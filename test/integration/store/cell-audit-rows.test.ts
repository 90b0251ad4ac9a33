import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAuditChanges } from '../../../electron/store/audit-changes';
import { auditChangesOf, writeStepAudit } from '../../../electron/store/audit-trail';
import type { CellChange, Direction } from '../../../electron/store/edit-steps';
import { LATEST_SCHEMA_VERSION } from '../../../electron/store/migrations/registry';
import { oldWorkbook } from '../../helpers/old-workbook';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** Runs of one line, single cells, a line met again later, two versions, a line that is not in the file, cleared and set cells. */
const cells: CellChange[] = [
  ...Array.from({ length: 12 }, (_cell, period): CellChange => ({ lineId: 1, versionId: 1, period, before: period % 3 === 0 ? null : `${period}.5`, after: period % 4 === 0 ? null : `-${period}00.25` })),
  { lineId: 2, versionId: 1, period: 4, before: '1', after: '2' },
  { lineId: 2, versionId: 2, period: 4, before: null, after: '3.000001' },
  { lineId: 2, versionId: 2, period: 5, before: 'x"y\\z', after: null },
  { lineId: 1, versionId: 1, period: 20, before: 'x"y\\z', after: '1' },
  { lineId: 99, versionId: 1, period: 0, before: null, after: '5' },
];

type Row = Record<string, unknown>;

function rowsOfAudit(db: Database.Database, auditId: number): Row[] {
  return db.prepare<[number], Row>('SELECT kind, line_id, version_id, period, subject, before, after, cells, cell_count FROM audit_changes WHERE audit_id = ? ORDER BY id').all(auditId);
}

function idGaps(db: Database.Database, auditId: number): number[] {
  const ids = db.prepare<[number], number>('SELECT id FROM audit_changes WHERE audit_id = ? ORDER BY id').pluck().all(auditId) as number[];
  return ids.map((id, index) => id - (ids[index - 1] ?? ids[0] ?? 0));
}

describe('audit rows of a step of cells, written straight from the cells', () => {
  it.each<Direction>(['forward', 'backward'])('are the rows the trail writes from one change per cell (%s)', (direction) => {
    const path = join(tempFolder(), 'audit.tandem');
    oldWorkbook(path, LATEST_SCHEMA_VERSION);
    const db = new Database(path);
    db.exec(`INSERT INTO versions (id, name, kind, created_at) VALUES (2, 'Forecast', 'forecast', '2026-07-01T00:00:00Z');
      INSERT INTO budget_lines (id, department_id, account_id, description, sort_order) VALUES (2, 1, 1, 'Trade fairs', 2);`);
    const audit = (label: string) => Number(db.prepare("INSERT INTO audit_log (at, actor, action, label, detail) VALUES ('2026-07-01T00:00:00Z', 'test', 'sheet/set-cells', ?, '{}')").run(label).lastInsertRowid);
    const viaChanges = audit('one change per cell');
    writeAuditChanges(db, viaChanges, auditChangesOf(db, { kind: 'cells', changes: cells }, direction));
    const viaCells = audit('straight from the cells');
    writeStepAudit(db, viaCells, { kind: 'cells', changes: cells }, direction);
    const written = rowsOfAudit(db, viaCells);
    expect(written).toEqual(rowsOfAudit(db, viaChanges));
    expect(idGaps(db, viaCells)).toEqual(idGaps(db, viaChanges));
    // Not trivially equal: runs became rows, and the line's name is the subject.
    expect(written.length).toBeLessThan(cells.length);
    expect(written[0]).toMatchObject({ subject: 'Customer visits (Sales)', cell_count: 12 });
    db.close();
  });
});
