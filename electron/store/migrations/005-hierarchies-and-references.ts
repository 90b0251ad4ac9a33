import type { Migration } from './migration';

/**
 * Department and account hierarchies (a parent each, none at the top), the unit a driver
 * account counts in (a rate holds fractions such as 0.035 and is typed as 3.5%), seasonality
 * profiles to spread by, and the year a prior-year version (actuals) sits before the budget.
 */
export const hierarchiesAndReferences: Migration = {
  version: 5,
  description: 'department and account parents, account units, seasonality profiles, version offsets',
  up(db) {
    db.exec(`
      ALTER TABLE departments ADD COLUMN parent_id INTEGER REFERENCES departments (id);
      ALTER TABLE accounts ADD COLUMN parent_id INTEGER REFERENCES accounts (id);
      -- currency: money to the cent; number and percent: driver quantities with up to six decimals
      ALTER TABLE accounts ADD COLUMN unit TEXT NOT NULL DEFAULT 'currency' CHECK (unit IN ('currency', 'number', 'percent'));
      UPDATE accounts SET unit = 'number' WHERE type = 'driver';
      -- How many months this version's period 0 lies before (negative) the budget's period 0: -12 for last year's actuals.
      ALTER TABLE versions ADD COLUMN period_offset INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE seasonality_profiles (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL UNIQUE,
        -- JSON array of twelve canonical decimals, one per month of the fiscal year
        weights TEXT NOT NULL
      ) STRICT;
    `);
  },
};
