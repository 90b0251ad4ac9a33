import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { MAX_PREREQUISITES, prerequisiteCycle } from '../../shared/domain/proposal-prerequisites';
import { writeRow, type RowChange, type StoredRow } from './edit-steps';

/** Every proposal's prerequisites (ids) that has any, each list in the prerequisites' ranking order. */
export function allPrerequisites(db: Database.Database): Map<number, number[]> {
  const rows = db
    .prepare<[], { proposal_id: number; prerequisite_id: number }>(
      'SELECT r.proposal_id, r.prerequisite_id FROM proposal_prerequisites r JOIN proposals p ON p.id = r.prerequisite_id ORDER BY r.proposal_id, p.sort_order, p.id',
    )
    .all();
  const byProposal = new Map<number, number[]>();
  for (const row of rows) {
    const list = byProposal.get(row.proposal_id);
    if (list === undefined) byProposal.set(row.proposal_id, [row.prerequisite_id]);
    else list.push(row.prerequisite_id);
  }
  return byProposal;
}

/** One proposal's prerequisites (ids), in the prerequisites' ranking order. */
export function prerequisitesOf(db: Database.Database, proposalId: number): number[] {
  return db
    .prepare<[number], number>('SELECT r.prerequisite_id FROM proposal_prerequisites r JOIN proposals p ON p.id = r.prerequisite_id WHERE r.proposal_id = ? ORDER BY p.sort_order, p.id')
    .pluck()
    .all(proposalId) as number[];
}

/** The titles of the proposals that need `proposalId`. */
export function dependentTitles(db: Database.Database, proposalId: number): string[] {
  return db
    .prepare<[number], string>('SELECT p.title FROM proposal_prerequisites r JOIN proposals p ON p.id = r.proposal_id WHERE r.prerequisite_id = ? ORDER BY p.sort_order, p.id')
    .pluck()
    .all(proposalId) as string[];
}

/**
 * Refuses a list of prerequisites for `proposalId` (null: a proposal being added) that names a
 * proposal twice, itself, one that does not exist, more than the limit, or that would close a
 * cycle anywhere in the graph (named proposal by proposal).
 */
export function checkPrerequisites(db: Database.Database, proposalId: number | null, prerequisites: readonly number[]): void {
  if (prerequisites.length > MAX_PREREQUISITES) throw new ApiError('invalid-input', `A proposal has at most ${MAX_PREREQUISITES} prerequisites; this one is given ${prerequisites.length}.`, 'prerequisites');
  const title = db.prepare<[number], string>('SELECT title FROM proposals WHERE id = ?').pluck();
  const seen = new Set<number>();
  prerequisites.forEach((id, index) => {
    if (id === proposalId) throw new ApiError('invalid-input', 'A proposal cannot depend on itself.', `prerequisites.${index}`);
    if (seen.has(id)) throw new ApiError('invalid-input', `Proposal ${id} is given twice as a prerequisite; give each once.`, `prerequisites.${index}`);
    seen.add(id);
    if (title.get(id) === undefined) throw new ApiError('not-found', `Proposal ${id} does not exist.`, `prerequisites.${index}`);
  });
  if (proposalId === null) return; // a new proposal: nothing needs it yet, so no cycle can pass through it
  const cycle = prerequisiteCycle(proposalId, prerequisites, (id) => prerequisitesOf(db, id));
  if (cycle !== null) {
    const names = cycle.map((id) => `“${String(title.get(id))}”`);
    throw new ApiError('invalid-input', `That would make a dependency cycle: ${names.join(' needs ')}.`, 'prerequisites');
  }
}

/** Sets a proposal's prerequisites to `prerequisites` (inside the caller's transaction): the rows removed and added, for the undo step. */
export function writePrerequisites(db: Database.Database, proposalId: number, prerequisites: readonly number[]): RowChange[] {
  const current = db.prepare<[number], number>('SELECT prerequisite_id FROM proposal_prerequisites WHERE proposal_id = ?').pluck().all(proposalId) as number[];
  const wanted = new Set(prerequisites);
  const had = new Set(current);
  const row = (prerequisiteId: number): StoredRow => ({ proposal_id: proposalId, prerequisite_id: prerequisiteId });
  const changes: RowChange[] = [
    ...current.filter((id) => !wanted.has(id)).map((id): RowChange => ({ table: 'proposal_prerequisites', before: row(id), after: null })),
    ...prerequisites.filter((id) => !had.has(id)).map((id): RowChange => ({ table: 'proposal_prerequisites', before: null, after: row(id) })),
  ];
  for (const change of changes) writeRow(db, change.table, change.before, change.after);
  return changes;
}
