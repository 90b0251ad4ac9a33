import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { WriteReceipt } from '../../shared/api/sheet-api';
import type { Goal, GoalUsage } from '../../shared/domain/kpi';
import { writeRow, type RowChange, type StoredRow } from './edit-steps';
import type { WorkbookStore } from './workbook-store';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Strategic goals ("Cost leadership") that budget lines, proposals and KPIs are tagged with:
 * added, renamed, deleted and used through the workbook's one commit path, each an undo step.
 * Goals are not locked by an approval: they say why, and change no amount.
 */
export class GoalStore {
  constructor(private readonly workbook: WorkbookStore) {}

  private get db(): Database.Database {
    return this.workbook.database;
  }

  goals(): Goal[] {
    return this.db.prepare<[], Goal>('SELECT id, name, description, sort_order AS sortOrder FROM goals ORDER BY sort_order, id').all();
  }

  /** The goal of that name (case-insensitive), or a refusal that lists the goals there are. */
  goalNamed(name: string, where = 'goal'): Goal {
    const goal = this.db.prepare<[string], Goal>('SELECT id, name, description, sort_order AS sortOrder FROM goals WHERE name = ? COLLATE NOCASE').get(name.trim());
    if (goal !== undefined) return goal;
    const names = this.goals().map((candidate) => candidate.name);
    const listed = names.length === 0 ? 'This workbook has no goals yet' : `Goals: ${names.join(', ')}`;
    throw new ApiError('invalid-input', `There is no goal “${name.trim()}”. ${listed} — add it under Goals first.`, where);
  }

  requireGoal(goalId: number, where = 'goalId'): Goal {
    const goal = this.db.prepare<[number], Goal>('SELECT id, name, description, sort_order AS sortOrder FROM goals WHERE id = ?').get(goalId);
    if (goal === undefined) throw new ApiError('not-found', `Goal ${goalId} does not exist in this workbook (it may have been deleted).`, where);
    return goal;
  }

  private requireFreeName(name: string, exceptId: number | null): void {
    const taken = this.db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM goals WHERE name = ? COLLATE NOCASE').get(name);
    if (taken !== undefined && taken.id !== exceptId) throw new ApiError('already-exists', `There is already a goal named “${taken.name}”. Choose another name.`, 'name');
  }

  private stored(goalId: number): StoredRow {
    const row = this.db.prepare<[number], StoredRow>('SELECT * FROM goals WHERE id = ?').get(goalId);
    if (row === undefined) throw new Error(`Goal ${goalId} vanished inside its own transaction.`);
    return row;
  }

  create(input: { name: string; description: string }, actor: string): WriteReceipt & { goal: Goal } {
    return this.workbook.change('goal/create', actor, () => {
      const name = input.name.trim();
      this.requireFreeName(name, null);
      const sortOrder = this.db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM goals').pluck().get() as number;
      const id = Number(this.db.prepare('INSERT INTO goals (name, description, sort_order) VALUES (?, ?, ?)').run(name, input.description, sortOrder).lastInsertRowid);
      const after = this.stored(id);
      return { step: { kind: 'rows', changes: [{ table: 'goals', before: null, after }] }, label: `add goal “${name}”`, detail: after, result: { goal: this.requireGoal(id) } };
    });
  }

  update(goalId: number, input: { name: string; description: string }, actor: string): WriteReceipt & { goal: Goal } {
    return this.workbook.change('goal/update', actor, () => {
      const goal = this.requireGoal(goalId);
      const name = input.name.trim();
      this.requireFreeName(name, goalId);
      if (goal.name === name && goal.description === input.description) return { step: null, label: `change goal “${goal.name}”`, detail: { goalId }, result: { goal } };
      const before = this.stored(goalId);
      this.db.prepare('UPDATE goals SET name = ?, description = ? WHERE id = ?').run(name, input.description, goalId);
      const label = goal.name === name ? `change the description of goal “${name}”` : `rename goal “${goal.name}” to “${name}”`;
      return { step: { kind: 'rows', changes: [{ table: 'goals', before, after: this.stored(goalId) }] }, label, detail: { goalId, name, description: input.description }, result: { goal: this.requireGoal(goalId) } };
    });
  }

  usage(goalId: number): GoalUsage {
    this.requireGoal(goalId);
    const count = (table: 'budget_lines' | 'proposals' | 'kpis') => this.db.prepare<[number], number>(`SELECT COUNT(*) FROM ${table} WHERE goal_id = ?`).pluck().get(goalId) as number;
    return { lines: count('budget_lines'), proposals: count('proposals'), kpis: count('kpis') };
  }

  /**
   * Deletes a goal. One in use is refused, with what uses it, unless `clearUses`: then the lines,
   * proposals and KPIs lose the tag and the goal goes, one undo step that brings all of it back.
   */
  delete(goalId: number, clearUses: boolean, actor: string): WriteReceipt {
    return this.workbook.change('goal/delete', actor, () => {
      const goal = this.requireGoal(goalId);
      const usage = this.usage(goalId);
      const used = usage.lines + usage.proposals + usage.kpis;
      if (used > 0 && !clearUses) {
        throw new ApiError(
          'invalid-input',
          `Goal “${goal.name}” is used by ${plural(usage.lines, 'budget line', 'budget lines')}, ${plural(usage.proposals, 'proposal', 'proposals')} and ${plural(usage.kpis, 'KPI', 'KPIs')}: clear them with it, or retag them first.`,
          'goalId',
        );
      }
      // The uses are cleared before the goal goes, so undo (in reverse) brings the goal back before its uses.
      const changes: RowChange[] = (['budget_lines', 'proposals', 'kpis'] as const).flatMap((table) =>
        this.db
          .prepare<[number], number>(`SELECT id FROM ${table} WHERE goal_id = ? ORDER BY id`)
          .pluck()
          .all(goalId)
          .map((id) => ({ table, before: { id: id as number, goal_id: goalId }, after: { id: id as number, goal_id: null } })),
      );
      changes.push({ table: 'goals', before: this.stored(goalId), after: null });
      for (const change of changes) writeRow(this.db, change.table, change.before, change.after);
      return {
        step: { kind: 'rows', changes },
        label: used === 0 ? `delete goal “${goal.name}”` : `delete goal “${goal.name}” and clear it from ${used} ${used === 1 ? 'use' : 'uses'}`,
        detail: { goalId, name: goal.name, usage },
        result: {},
      };
    });
  }

  /** Tags budget lines with a goal (null clears the tag): one undo step; an unknown line is refused and nothing changes. */
  tagLines(goalId: number | null, lineIds: readonly number[], actor: string): WriteReceipt & { linesChanged: number } {
    // Tagging is open while a version is approved: lines are shared by all versions, but a tag changes no amount (see lock-scope.ts).
    return this.workbook.change('goal/tag-lines', actor, () => {
      const goal = goalId === null ? null : this.requireGoal(goalId);
      const current = this.db.prepare<[number], { goal_id: number | null }>('SELECT goal_id FROM budget_lines WHERE id = ?');
      const changes: RowChange[] = [];
      const seen = new Set<number>();
      lineIds.forEach((lineId, index) => {
        const line = current.get(lineId);
        if (line === undefined) throw new ApiError('not-found', `Budget line ${lineId} does not exist in this workbook (it may have been deleted). No line was tagged.`, `lineIds.${index}`);
        if (seen.has(lineId) || line.goal_id === goalId) return;
        seen.add(lineId);
        changes.push({ table: 'budget_lines', before: { id: lineId, goal_id: line.goal_id }, after: { id: lineId, goal_id: goalId } });
      });
      for (const change of changes) writeRow(this.db, change.table, change.before, change.after);
      const lines = plural(changes.length, 'line', 'lines');
      return {
        step: changes.length === 0 ? null : { kind: 'rows', changes },
        label: goal === null ? `clear the goal of ${lines}` : `tag ${lines} with “${goal.name}”`,
        detail: { goalId, lineIds: changes.map((change) => change.after?.id) },
        result: { linesChanged: changes.length },
      };
    });
  }
}
