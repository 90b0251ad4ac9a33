import type { Proposal } from './proposal';

/** How many prerequisites one proposal may name: more is a modelling mistake, not a portfolio. */
export const MAX_PREREQUISITES = 20;

/** Titles in quotes, joined as a sentence says them: “A”, “B” and “C”. */
export function quotedList(titles: readonly string[]): string {
  const quoted = titles.map((title) => `“${title}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

/** The prerequisites of `proposal` that are not in `inIds`, in the proposal's order. */
export function missingPrerequisites(proposal: Pick<Proposal, 'prerequisites'>, inIds: ReadonlySet<number>): number[] {
  return proposal.prerequisites.filter((id) => !inIds.has(id));
}

/**
 * Why a proposal is out for want of prerequisites, naming every one it needs and those missing:
 * “Out: it needs “ERP upgrade”, which is out.” or “…needs “ERP upgrade” and “Data warehouse”;
 * “Data warehouse” is out.” `missing` says how a missing one is (“out”, “not funded above it”).
 */
export function prerequisiteSentence(needs: readonly string[], missing: readonly string[], missingWord: string): string {
  if (needs.length === 1) return `needs ${quotedList(needs)}, which is ${missingWord}`;
  return `needs ${quotedList(needs)}; ${quotedList(missing)} ${missing.length === 1 ? 'is' : 'are'} ${missingWord}`;
}

/**
 * A cycle the prerequisites would make once `proposalId` needs `prerequisites`: the titles along
 * it, starting and ending with that proposal (“A”, “B”, “A” for A needs B needs A), or null.
 * `prerequisitesOf` gives every other proposal's prerequisites as they stand.
 */
export function prerequisiteCycle(proposalId: number, prerequisites: readonly number[], prerequisitesOf: (id: number) => readonly number[]): number[] | null {
  // Depth-first, without recursion (a chain may be long); reaching the proposal again closes a cycle.
  const seen = new Set<number>([proposalId]);
  const path: { id: number; next: readonly number[]; index: number }[] = [{ id: proposalId, next: prerequisites, index: 0 }];
  while (path.length > 0) {
    const top = path[path.length - 1] as { id: number; next: readonly number[]; index: number };
    const id = top.next[top.index];
    top.index += 1;
    if (id === undefined) {
      path.pop();
    } else if (id === proposalId) {
      return [...path.map((step) => step.id), proposalId];
    } else if (!seen.has(id)) {
      seen.add(id);
      path.push({ id, next: prerequisitesOf(id), index: 0 });
    }
  }
  return null;
}
