import type { Migration } from './migration';

/** `PRAGMA application_id` of every Tandem workbook: ASCII "Tand". Tells our files from other SQLite files. */
export const TANDEM_APPLICATION_ID = 0x54616e64;

export const initialSchema: Migration = {
  version: 1,
  description: 'settings, dimensions, versions, budget lines, cell values, audit log',
  up(db) {
    db.exec(`
      PRAGMA application_id = ${TANDEM_APPLICATION_ID};

      CREATE TABLE workbook_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE departments (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id         INTEGER PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        type       TEXT NOT NULL CHECK (type IN ('revenue', 'cogs', 'opex', 'capex', 'driver')),
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE versions (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL CHECK (kind IN ('budget', 'forecast', 'scenario', 'actuals')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE budget_lines (
        id            INTEGER PRIMARY KEY,
        department_id INTEGER NOT NULL REFERENCES departments (id),
        account_id    INTEGER NOT NULL REFERENCES accounts (id),
        description   TEXT NOT NULL,
        sort_order    INTEGER NOT NULL
      ) STRICT;

      -- Amounts are canonical decimal text (see shared/money/amount.ts): exact, never REAL.
      CREATE TABLE cell_values (
        line_id    INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
        version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        period     INTEGER NOT NULL CHECK (period >= 0),
        amount     TEXT NOT NULL,
        PRIMARY KEY (line_id, version_id, period)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY,
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
    `);
  },
};
