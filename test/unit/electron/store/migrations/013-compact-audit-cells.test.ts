import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/store/migrations/registry';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 13: a line’s run of cells in one audit row', () => {
  it('upgrades a version 12 workbook: its paste reads and undoes as before, a new paste is kept a line to a row', () => {
    const path = join(tempFolder(), 'v12.tandem');
    oldWorkbook(path, 12);
    const raw = new Database(path);
    // A paste as version 12 wrote it: the cells, an undo step of one object per cell, and one audit row per cell.
    const oldStep = { kind: 'cells', changes: [0, 1, 2].map((period) => ({ lineId: 1, versionId: 1, period, before: period === 0 ? '1250.5' : null, after: `${period + 1}00` })) };
    raw.exec(`
      UPDATE cell_values SET amount = '100' WHERE line_id = 1 AND version_id = 1 AND period = 0;
      INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (1, 1, 1, '200'), (1, 1, 2, '300');
      INSERT INTO audit_log (id, at, actor, action, label, detail) VALUES (1, '2026-06-02T00:00:00Z', 'old app', 'sheet/set-cells', 'paste 3 cells', '{}');
      INSERT INTO audit_changes (audit_id, kind, line_id, version_id, period, subject, before, after) VALUES
        (1, 'value', 1, 1, 0, 'Customer visits (Sales)', '1250.5', '100'),
        (1, 'value', 1, 1, 1, 'Customer visits (Sales)', NULL, '200'),
        (1, 'value', 1, 1, 2, 'Customer visits (Sales)', NULL, '300');
    `);
    raw.prepare("INSERT INTO edit_history (at, actor, label, step) VALUES ('2026-06-02T00:00:00Z', 'old app', 'paste 3 cells', ?)").run(JSON.stringify(oldStep));
    raw.close();

    const store = WorkbookStore.open(path);
    const values = () => store.sheet(1).lines[0]?.values.slice(0, 3);
    expect(store.audit({ lineId: 1 }).entries.map((entry) => [entry.id, entry.period, entry.before, entry.after])).toEqual([
      [3, 2, null, '300'],
      [2, 1, null, '200'],
      [1, 0, '1250.5', '100'],
    ]);
    store.stepHistory('undo', 1, 'test');
    expect(values()).toEqual(['1250.5', null, null]);
    store.stepHistory('redo', 1, 'test');
    expect(values()).toEqual(['100', '200', '300']);

    store.setCells(1, [0, 1, 2, 3].map((period) => ({ lineId: 1, period, value: `${period}.5` })), 'paste 4 cells', 'test');
    const pasted = store.audit({ lineId: 1, limit: 4 }).entries;
    expect(pasted.map((entry) => [entry.period, entry.before, entry.after, entry.label])).toEqual([
      [3, null, '3.5', 'paste 4 cells'],
      [2, '300', '2.5', 'paste 4 cells'],
      [1, '200', '1.5', 'paste 4 cells'],
      [0, '100', '0.5', 'paste 4 cells'],
    ]);
    // Ids run on from the three old rows, the undo's three and the redo's three, as one row per cell would have numbered them.
    expect(pasted.map((entry) => entry.id)).toEqual([13, 12, 11, 10]);
    store.stepHistory('undo', 1, 'test');
    expect(values()).toEqual(['100', '200', '300']);
    store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT cell_count FROM audit_changes WHERE cells IS NOT NULL").pluck().all()).toEqual([3, 3, 4, 4]);
    db.close();
  });
});
