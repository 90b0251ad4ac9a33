import { describe, expect, it } from 'vitest';
import { pathTo, treeOrder, wouldMakeLoop } from '../../../../shared/domain/dimension-tree';

const node = (id: number, parentId: number | null) => ({ id, parentId });
const byId = (nodes: { id: number; parentId: number | null }[]) => new Map(nodes.map((entry) => [entry.id, entry]));

describe('dimension trees', () => {
  const nodes = [node(1, 3), node(2, null), node(3, null), node(4, 1)];

  it('lists each parent before its children, siblings in the given order', () => {
    expect(treeOrder(nodes).map(({ node: entry, depth }) => [entry.id, depth])).toEqual([
      [2, 0],
      [3, 0],
      [1, 1],
      [4, 2],
    ]);
  });

  it('gives the path from the top down to a node', () => {
    expect(pathTo(4, byId(nodes)).map((entry) => entry.id)).toEqual([3, 1, 4]);
  });

  it('refuses a parent that sits inside the node', () => {
    expect(wouldMakeLoop(3, 4, byId(nodes))).toBe(true);
    expect(wouldMakeLoop(3, 3, byId(nodes))).toBe(true);
    expect(wouldMakeLoop(4, 2, byId(nodes))).toBe(false);
    expect(wouldMakeLoop(4, null, byId(nodes))).toBe(false);
  });

  it('survives a loop that a damaged file might hold', () => {
    const looped = [node(1, 2), node(2, 1), node(3, null)];
    expect(pathTo(1, byId(looped)).map((entry) => entry.id)).toEqual([2, 1]);
    expect(treeOrder(looped).map(({ node: entry }) => entry.id).sort()).toEqual([1, 2, 3]);
  });
});
