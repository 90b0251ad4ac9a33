import { describe, expect, it } from 'vitest';
import { rowChanges } from '../../../../renderer/grid/row-transaction';

interface Row {
  id: string;
  label: string;
}

// One object per id, as the sheet keeps a row's object until the row changes.
const pool = new Map<string, Row>();
const rows = (...ids: string[]): Row[] =>
  ids.map((id) => {
    const row = pool.get(id) ?? { id, label: id };
    pool.set(id, row);
    return row;
  });

/** The rows a grid holds after it takes the changes one after another, as AG Grid's transactions do. */
function applied(before: readonly Row[], after: readonly Row[]): Row[] | null {
  const changes = rowChanges(before, after);
  if (changes === null) return null;
  const removed = new Set(changes.remove.map((row) => row.id));
  const updates = new Map(changes.update.map((row) => [row.id, row]));
  const held = before.filter((row) => !removed.has(row.id)).map((row) => updates.get(row.id) ?? row);
  for (const block of changes.add) held.splice(block.index, 0, ...block.rows);
  return held;
}

describe('the grid rows a change of the sheet adds, removes and replaces', () => {
  it('adds a new line at its place in the sheet, with its new group rows in the same block', () => {
    const before = rows('g:1', 'a', 'b', 'g:2', 'c');
    const after = rows('g:1', 'a', 'b', 'g:3', 'new', 'g:2', 'c');
    expect(rowChanges(before, after)).toEqual({ remove: [], update: [], add: [{ index: 3, rows: rows('g:3', 'new') }] });
    expect(applied(before, after)).toEqual(after);
  });

  it('removes a line and replaces the group rows whose subtotals moved', () => {
    const before = rows('g:1', 'a', 'b', 'c');
    const after = [{ id: 'g:1', label: 'new subtotal' }, ...rows('a', 'c')];
    const changes = rowChanges(before, after);
    expect(changes?.remove.map((row) => row.id)).toEqual(['b']);
    expect(changes?.update).toEqual([{ id: 'g:1', label: 'new subtotal' }]);
    expect(applied(before, after)).toEqual(after);
  });

  it('places several new blocks so that each lands where the sheet has it', () => {
    const before = rows('a', 'b', 'c');
    const after = rows('x', 'a', 'y', 'z', 'b', 'c', 'w');
    expect(rowChanges(before, after)?.add.map((block) => block.index)).toEqual([0, 2, 6]);
    expect(applied(before, after)).toEqual(after);
  });

  it('tells nothing about rows that are the very same objects', () => {
    const before = rows('a', 'b');
    expect(rowChanges(before, before)).toEqual({ remove: [], update: [], add: [] });
  });

  it('gives up when rows that stay change their order (a line moved)', () => {
    expect(rowChanges(rows('a', 'b', 'c'), rows('a', 'c', 'b'))).toBeNull();
  });
});
