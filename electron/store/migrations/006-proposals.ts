import type { Migration } from './migration';

/**
 * Investment proposals: their cash flows by year (year 0 is the budget's first fiscal year),
 * scoring criteria and scores, the decisions taken on them with the reason, and snapshots of
 * prioritization sessions. Amounts, rates, weights and scores are canonical decimal text.
 */
export const proposals: Migration = {
  version: 6,
  description: 'investment proposals, criteria, scores, decisions, session snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE proposals (
        id              INTEGER PRIMARY KEY,
        title           TEXT NOT NULL,
        owner           TEXT NOT NULL DEFAULT '',
        department_id   INTEGER REFERENCES departments (id),
        category        TEXT NOT NULL DEFAULT '',
        goal            TEXT NOT NULL DEFAULT '',
        description     TEXT NOT NULL DEFAULT '',
        status          TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'funded', 'deferred', 'rejected')),
        useful_life     INTEGER CHECK (useful_life IS NULL OR useful_life > 0),
        risk            TEXT NOT NULL DEFAULT 'medium' CHECK (risk IN ('low', 'medium', 'high')),
        mandatory       INTEGER NOT NULL DEFAULT 0 CHECK (mandatory IN (0, 1)),
        depends_on      INTEGER REFERENCES proposals (id),
        -- proposals that share a group are alternatives: at most one of them is funded
        exclusive_group TEXT,
        -- the user's own call in the session: always in, always out, or null for the optimizer to decide
        forced          TEXT CHECK (forced IS NULL OR forced IN ('in', 'out')),
        sort_order      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE proposal_flows (
        proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        -- capital and operating costs (positive numbers are money spent) and benefits (money gained or saved)
        kind        TEXT NOT NULL CHECK (kind IN ('capex', 'opex', 'benefit')),
        year        INTEGER NOT NULL CHECK (year >= 0),
        amount      TEXT NOT NULL,
        PRIMARY KEY (proposal_id, kind, year)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE criteria (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        weight     TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE proposal_scores (
        proposal_id  INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
        score        TEXT NOT NULL,
        PRIMARY KEY (proposal_id, criterion_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE decisions (
        id          INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
        decision    TEXT NOT NULL CHECK (decision IN ('proposed', 'funded', 'deferred', 'rejected')),
        reason      TEXT NOT NULL,
        actor       TEXT NOT NULL,
        at          TEXT NOT NULL
      ) STRICT;

      CREATE TABLE session_snapshots (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        actor    TEXT NOT NULL,
        -- JSON: weights, caps, the ranking and each proposal's status at the time
        content  TEXT NOT NULL
      ) STRICT;

      INSERT INTO workbook_settings (key, value) VALUES
        ('discount_rate', '0.08'), ('finance_rate', '0.06'), ('reinvest_rate', '0.1'), ('proposal_years', '5'), ('capital_caps', '[]'), ('operating_caps', '[]')
        ON CONFLICT DO NOTHING;
    `);
  },
};
