import type { Migration } from './migration';

/**
 * Strategic goals that budget lines, proposals and KPIs are tagged with, and KPIs: a definition
 * in the KPI language (null for an input KPI whose monthly values people enter), a unit, which
 * way is good, an owner department, thresholds and targets (JSON), and the entered values with
 * who entered them and when. A proposal's free-text goal becomes a reference to a goal: one goal
 * per distinct text (trimmed, case-insensitive, named as first written), in the proposals' order.
 * The old text column stays, emptied, so undo steps recorded before this version still apply.
 */
export const kpisAndGoals: Migration = {
  version: 10,
  description: 'strategic goals, KPIs with targets and thresholds, entered KPI values; lines and proposals tagged with a goal',
  up(db) {
    db.exec(`
      CREATE TABLE goals (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        sort_order  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE kpis (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL COLLATE NOCASE UNIQUE,
        description   TEXT NOT NULL DEFAULT '',
        -- a formula in the KPI language (shared/kpi/kpi-language.ts); null: an input KPI
        definition    TEXT,
        unit          TEXT NOT NULL CHECK (unit IN ('money', 'percent', 'count', 'days', 'score')),
        direction     TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        department_id INTEGER REFERENCES departments (id),
        goal_id       INTEGER REFERENCES goals (id),
        -- JSON: { kind, onTrackWithin, offTrackBeyond } with canonical decimals
        thresholds    TEXT NOT NULL,
        -- JSON: [{ span, index, value }] with canonical decimals
        targets       TEXT NOT NULL DEFAULT '[]',
        sort_order    INTEGER NOT NULL
      ) STRICT;

      -- An input KPI's value for a month of the plan year: canonical decimal text, never REAL.
      CREATE TABLE kpi_inputs (
        kpi_id     INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
        period     INTEGER NOT NULL CHECK (period >= 0),
        value      TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (kpi_id, period)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE budget_lines ADD COLUMN goal_id INTEGER REFERENCES goals (id);
      ALTER TABLE proposals ADD COLUMN goal_id INTEGER REFERENCES goals (id);
      CREATE INDEX budget_lines_by_goal ON budget_lines (goal_id) WHERE goal_id IS NOT NULL;
    `);
    const proposals = db.prepare<[], { id: number; goal: string }>("SELECT id, goal FROM proposals WHERE trim(goal) <> '' ORDER BY sort_order, id").all();
    const goalIds = new Map<string, number>();
    const insertGoal = db.prepare("INSERT INTO goals (name, description, sort_order) VALUES (?, '', ?)");
    const tag = db.prepare('UPDATE proposals SET goal_id = ? WHERE id = ?');
    for (const proposal of proposals) {
      const name = proposal.goal.trim();
      const key = name.toLowerCase();
      let goalId = goalIds.get(key);
      if (goalId === undefined) {
        goalId = Number(insertGoal.run(name, goalIds.size + 1).lastInsertRowid);
        goalIds.set(key, goalId);
      }
      tag.run(goalId, proposal.id);
    }
    db.exec("UPDATE proposals SET goal = '' WHERE goal <> ''");
  },
};
