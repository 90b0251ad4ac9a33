import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/store/migrations/migrate';
import { MIGRATIONS } from '../../../../../electron/store/migrations/registry';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A workbook as version 1 of the app wrote it: the v1 schema with a line and a value. */
function versionOneWorkbook(path: string): void {
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, 1));
  db.exec(`
    INSERT INTO workbook_settings (key, value) VALUES
      ('name', 'Old budget'), ('currency', 'USD'), ('fiscal_start_year', '2026'),
      ('fiscal_start_month', '7'), ('period_count', '12'), ('revision', '5');
    INSERT INTO departments (id, name, sort_order) VALUES (1, 'Sales', 1);
    INSERT INTO accounts (id, code, name, type, sort_order) VALUES (1, '6200', 'Travel', 'opex', 1);
    INSERT INTO versions (id, name, kind, created_at) VALUES (1, 'Budget FY2026/27', 'budget', '2026-06-01T00:00:00Z');
    INSERT INTO budget_lines (id, department_id, account_id, description, sort_order) VALUES (1, 1, 1, 'Customer visits', 1);
    INSERT INTO cell_values (line_id, version_id, period, amount) VALUES (1, 1, 0, '1250.5');
  `);
  db.close();
}

describe('migration 2: edit history', () => {
  it('upgrades a version 1 workbook on open, keeping its data, and makes its edits undoable', () => {
    const path = join(tempFolder(), 'old.tandem');
    versionOneWorkbook(path);
    const store = WorkbookStore.open(path);
    const sheet = store.sheet();
    expect(sheet.workbook).toMatchObject({ name: 'Old budget', revision: 5 });
    expect(sheet.lines[0]?.values[0]).toBe('1250.5');
    expect(sheet.history).toEqual({ undo: null, redo: null });
    store.setCells([{ lineId: 1, period: 0, value: '99' }], 'edit Customer visits, Jul 2026', 'test');
    expect(store.history().undo).toBe('edit Customer visits, Jul 2026');
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
  });
});
