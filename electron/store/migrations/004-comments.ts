import type { Migration } from './migration';

/** Comments on a line or on one of its cells, per budget version. */
export const comments: Migration = {
  version: 4,
  description: 'comments on lines and cells',
  up(db) {
    db.exec(`
      CREATE TABLE comments (
        id         INTEGER PRIMARY KEY,
        line_id    INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
        version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
        -- null: a comment on the whole line
        period     INTEGER CHECK (period IS NULL OR period >= 0),
        text       TEXT NOT NULL,
        author     TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_by_line ON comments (line_id);
    `);
  },
};
