/** Something that sits in a tree of its own kind (a department under a division, an account under a header account). */
export interface TreeNode {
  id: number;
  parentId: number | null;
}

/**
 * The path from the top of the tree down to `id` (inclusive), top first. A parent that is
 * missing, or a loop that a damaged file might hold, ends the path instead of hanging.
 */
export function pathTo<T extends TreeNode>(id: number, byId: ReadonlyMap<number, T>): T[] {
  const path: T[] = [];
  const seen = new Set<number>();
  let current = byId.get(id);
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path;
}

/** True when putting `id` under `parentId` would make it its own ancestor. */
export function wouldMakeLoop<T extends TreeNode>(id: number, parentId: number | null, byId: ReadonlyMap<number, T>): boolean {
  if (parentId === null) return false;
  return pathTo(parentId, byId).some((node) => node.id === id);
}

/**
 * The nodes in tree order: each parent before its children, siblings in the order given (the
 * list's own order, e.g. by sort order). Nodes whose parent is missing count as top level.
 */
export function treeOrder<T extends TreeNode>(nodes: readonly T[]): { node: T; depth: number }[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<number | null, T[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) && node.parentId !== node.id ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const ordered: { node: T; depth: number }[] = [];
  const placed = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const node of children.get(parent) ?? []) {
      if (placed.has(node.id)) continue;
      placed.add(node.id);
      ordered.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  // Nodes caught in a loop (only a damaged file has one) still appear, at the top level.
  for (const node of nodes) if (!placed.has(node.id)) ordered.push({ node, depth: 0 });
  return ordered;
}
