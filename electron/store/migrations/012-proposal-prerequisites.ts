import type { Migration } from './migration';

/**
 * A proposal may need several others funded with it: one row per (proposal, prerequisite). The
 * one prerequisite a proposal had (`depends_on`) becomes its first row. The old column stays,
 * emptied and no longer read, so undo steps recorded before this version still apply.
 */
export const proposalPrerequisites: Migration = {
  version: 12,
  description: 'a proposal may have several prerequisites',
  up(db) {
    db.exec(`
      CREATE TABLE proposal_prerequisites (
        proposal_id     INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        -- deleting a proposal that others need is refused (proposal-store), so no cascade here
        prerequisite_id INTEGER NOT NULL REFERENCES proposals (id),
        PRIMARY KEY (proposal_id, prerequisite_id),
        CHECK (proposal_id <> prerequisite_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX proposal_prerequisites_by_prerequisite ON proposal_prerequisites (prerequisite_id);

      INSERT INTO proposal_prerequisites (proposal_id, prerequisite_id)
        SELECT id, depends_on FROM proposals WHERE depends_on IS NOT NULL AND depends_on <> id AND depends_on IN (SELECT id FROM proposals);
      UPDATE proposals SET depends_on = NULL WHERE depends_on IS NOT NULL;
    `);
  },
};
