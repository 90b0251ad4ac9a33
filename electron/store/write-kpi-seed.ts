import type Database from 'better-sqlite3';
import type { WorkbookSeed } from './workbook-seed';

/** Writes a new workbook's goals (inside the creating transaction); their ids by name, lower-cased. */
export function writeGoalSeed(db: Database.Database, goals: NonNullable<WorkbookSeed['goals']>): Map<string, number> {
  const insert = db.prepare('INSERT INTO goals (name, description, sort_order) VALUES (?, ?, ?)');
  return new Map(goals.map((goal, index) => [goal.name.toLowerCase(), Number(insert.run(goal.name, goal.description, index + 1).lastInsertRowid)]));
}

/** The id of a seed goal named by something else in the seed; '' or null is none, an unknown name a mistake in the seed. */
export function seedGoalId(goalIds: ReadonlyMap<string, number>, name: string | null | undefined, user: string): number | null {
  if (name === null || name === undefined || name.trim() === '') return null;
  const id = goalIds.get(name.trim().toLowerCase());
  if (id === undefined) throw new Error(`Seed ${user} names an unknown goal (${name}).`);
  return id;
}

/** Writes a new workbook's KPIs and their entered values (inside the creating transaction). */
export function writeKpiSeed(db: Database.Database, kpis: NonNullable<WorkbookSeed['kpis']>, departmentIds: ReadonlyMap<string, number>, goalIds: ReadonlyMap<string, number>): void {
  const insert = db.prepare(
    'INSERT INTO kpis (name, description, definition, unit, direction, department_id, goal_id, thresholds, targets, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertInput = db.prepare('INSERT INTO kpi_inputs (kpi_id, period, value, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)');
  kpis.forEach((kpi, index) => {
    const departmentId = kpi.department === null ? null : departmentIds.get(kpi.department);
    if (departmentId === undefined) throw new Error(`Seed KPI "${kpi.name}" names an unknown department (${String(kpi.department)}).`);
    const goalId = seedGoalId(goalIds, kpi.goal, `KPI "${kpi.name}"`);
    const id = Number(
      insert.run(kpi.name, kpi.description, kpi.definition, kpi.unit, kpi.direction, departmentId, goalId, JSON.stringify(kpi.thresholds), JSON.stringify(kpi.targets), index + 1).lastInsertRowid,
    );
    for (const input of kpi.inputs ?? []) insertInput.run(id, input.period, input.value, input.enteredBy, input.enteredAt);
  });
}
