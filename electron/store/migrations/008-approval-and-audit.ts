import type { Migration } from './migration';

/**
 * Budget versions get an approval status with its history, and the audit log gets its
 * changes one by one (a cell, a formula, a name, a status), so a cell's or a line's history
 * can be read back and the log filtered. Audit records written before are listed one change
 * each, named by their action; their JSON detail stays in the file.
 * The workbook gets an id that department packages cut from it carry.
 */
export const approvalAndAudit: Migration = {
  version: 8,
  description: 'approval status of versions, audit changes one by one',
  up(db) {
    db.exec(`
      ALTER TABLE versions ADD COLUMN status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved'));

      CREATE TABLE version_events (
        id          INTEGER PRIMARY KEY,
        version_id  INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        action      TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'reopen')),
        from_status TEXT NOT NULL,
        to_status   TEXT NOT NULL,
        actor       TEXT NOT NULL,
        at          TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT ''
      ) STRICT;

      ALTER TABLE audit_log ADD COLUMN label TEXT NOT NULL DEFAULT '';

      -- No foreign keys to lines or versions: the trail outlives what it describes.
      CREATE TABLE audit_changes (
        id         INTEGER PRIMARY KEY,
        audit_id   INTEGER NOT NULL REFERENCES audit_log (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('value', 'formula', 'structure', 'status', 'proposal', 'comment', 'setting')),
        line_id    INTEGER,
        version_id INTEGER,
        period     INTEGER,
        subject    TEXT NOT NULL,
        before     TEXT,
        after      TEXT
      ) STRICT;
      CREATE INDEX audit_changes_by_cell ON audit_changes (line_id, period);

      -- Records written before this trail stay listed, one change each, named by their action.
      INSERT INTO audit_changes (audit_id, kind, subject)
        SELECT id,
               CASE WHEN action = 'sheet/set-cells' OR action LIKE 'sheet/undo%' OR action LIKE 'sheet/redo%' THEN 'value'
                    WHEN action LIKE 'proposal/%' THEN 'proposal'
                    WHEN action LIKE '%comment%' THEN 'comment'
                    WHEN action LIKE '%profile%' THEN 'setting'
                    ELSE 'structure' END,
               action || ' (recorded before the detailed trail; its detail stays in the file)'
        FROM audit_log;

      -- Who this workbook is, so a department package knows where it came from.
      INSERT OR IGNORE INTO workbook_settings (key, value) VALUES ('workbook_id', lower(hex(randomblob(16))));
    `);
  },
};
