import Database from 'better-sqlite3';
import { migrate } from '../../electron/store/migrations/migrate';
import { MIGRATIONS } from '../../electron/store/migrations/registry';

/** A workbook as an older version of the app wrote it: the schema up to `version`, with a line and a value. */
export function oldWorkbook(path: string, version: number): void {
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, version));
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
