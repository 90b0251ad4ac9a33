import type { Migration } from './migration';

/** A line may be driven by a formula, kept as the text the user wrote (even when it does not parse). */
export const lineFormulas: Migration = {
  version: 3,
  description: 'line formulas',
  up(db) {
    db.exec('ALTER TABLE budget_lines ADD COLUMN formula TEXT');
  },
};
