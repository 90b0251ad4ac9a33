import type { Migration } from './migration';

/** Budget lines that a funded proposal created point back to it, so un-funding removes them. */
export const proposalLines: Migration = {
  version: 7,
  description: 'budget lines linked to the proposal that created them',
  up(db) {
    db.exec(`
      ALTER TABLE budget_lines ADD COLUMN proposal_id INTEGER REFERENCES proposals (id);
      CREATE INDEX budget_lines_by_proposal ON budget_lines (proposal_id) WHERE proposal_id IS NOT NULL;
    `);
  },
};
