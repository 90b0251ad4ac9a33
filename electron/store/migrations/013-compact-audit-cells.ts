import type { Migration } from './migration';

/**
 * A write that changes several months of one line (a paste, an import, an undo of either) keeps
 * them in ONE audit row instead of one row per cell: `cells` holds the months as a JSON array of
 * [period, before, after] and `cell_count` how many. The trail still lists each cell as its own
 * entry (see audit-changes.ts): the row's id is the last of its cells' ids, so entry ids run on as
 * if every cell had its row, and rows written before this version read exactly as they did.
 *
 * The undo history gets an index on `undone`: the column sits after the step's JSON, so without it
 * every record of a step scanned the whole history through each step's overflow pages.
 */
export const compactAuditCells: Migration = {
  version: 13,
  description: 'several months of a line in one audit row; undo history indexed by undone',
  up(db) {
    db.exec(`
      ALTER TABLE audit_changes ADD COLUMN cells TEXT;
      ALTER TABLE audit_changes ADD COLUMN cell_count INTEGER CHECK (cell_count IS NULL OR cell_count >= 1);
      CREATE INDEX edit_history_by_undone ON edit_history (undone, id);
    `);
  },
};
