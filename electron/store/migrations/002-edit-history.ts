import type { Migration } from './migration';

/** Undo history in the file, so it survives closing and reopening the workbook. */
export const editHistory: Migration = {
  version: 2,
  description: 'edit history for undo and redo',
  up(db) {
    db.exec(`
      CREATE TABLE edit_history (
        id     INTEGER PRIMARY KEY,
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        label  TEXT NOT NULL,
        -- the step as JSON (see electron/store/edit-steps.ts); applied forward or backward
        step   TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      ) STRICT;
    `);
  },
};
