import type { Migration } from './migration';

/**
 * Versions become first-class: an owner, the version each was made from (a forecast from the
 * budget, a scenario from a forecast), and a deletion mark. A deleted version keeps its values
 * in the file so deleting (and creating) a version can be undone; its name is set aside so the
 * name can be used again. The workbook's last closed month ("actuals through") is a setting;
 * a forecast keeps its own switch-over month (actual months up to it, planned months after),
 * so an earlier forecast still shows what it predicted for months that closed since.
 */
export const versions: Migration = {
  version: 9,
  description: 'version owner, origin, deletion mark and switch-over; variance comments',
  up(db) {
    db.exec(`
      ALTER TABLE versions ADD COLUMN owner TEXT NOT NULL DEFAULT '';
      ALTER TABLE versions ADD COLUMN based_on INTEGER REFERENCES versions (id) ON DELETE SET NULL;
      ALTER TABLE versions ADD COLUMN deleted_at TEXT;
      ALTER TABLE versions ADD COLUMN closed_through INTEGER;
      -- Why a variance is what it is: a comment on a row (a line, a group, a total) and a span of
      -- months (m3, q0-2, ytd, y0) of one pair of versions, base first.
      CREATE TABLE variance_comments (
        id                    INTEGER PRIMARY KEY,
        base_version_id       INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        comparison_version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        row_key               TEXT NOT NULL,
        span                  TEXT NOT NULL,
        text                  TEXT NOT NULL,
        author                TEXT NOT NULL,
        created_at            TEXT NOT NULL
      ) STRICT;
      -- A version's own formula for a line, where it differs from the line's (a null formula: the
      -- version types amounts on that line). Plans without an entry use the line's formula.
      CREATE TABLE version_formulas (
        line_id    INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
        version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        formula    TEXT,
        PRIMARY KEY (line_id, version_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX variance_comments_by_pair ON variance_comments (base_version_id, comparison_version_id);
    `);
  },
};
